"""Assessments' statutory timescales, and the local standard for strategy discussions."""

from __future__ import annotations

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import CP_IS_LOCAL_GUIDANCE, WORKING_TOGETHER_2023
from kith.platform.timescales.types import CalendarDays, Timescale, When, WorkingDays

SINGLE_ASSESSMENT = register(
    Timescale(
        code="assessments.single_assessment",
        title="Child and family assessment",
        limit=WorkingDays(45),
        source=WORKING_TOGETHER_2023.at("retained since WT2013"),
        starts_when=When("the referral", event="front_door.referral_received"),
        met_when=When("the assessment is completed and signed off", event="assessments.assessment_authorised"),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
        description="At most 45 working days from the point of referral. A maximum, not a target: "
        "the pace of the assessment follows the child's needs.",
    )
)

STRATEGY_DISCUSSION = register(
    Timescale(
        code="assessments.strategy_discussion",
        title="Strategy discussion",
        limit=WorkingDays(1),
        source=WORKING_TOGETHER_2023.at("strategy discussion: no national timescale; set by local procedures"),
        starts_when=When(
            "the referral giving reasonable cause to suspect significant harm",
            event="front_door.referral_received",
        ),
        met_when=When("the strategy discussion is held", event="assessments.strategy_discussion_held"),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
        is_local_standard=True,
        description="Working Together sets no national deadline: a strategy discussion is held whenever there "
        "is reasonable cause to suspect significant harm. Local procedures set one, often the same or the next "
        "working day; this is Kith's default, which the council may change.",
    )
)

CP_IS_NHS_NUMBER_AT_SECTION_47 = register(
    Timescale(
        code="assessments.cp_is_nhs_number",
        title="NHS number recorded for CP-IS (section 47 enquiry)",
        limit=CalendarDays(0),
        source=CP_IS_LOCAL_GUIDANCE.at("record the NHS number at S47"),
        starts_when=When("the start of the section 47 enquiry", event="assessments.section_47_started"),
        met_when=When("the child's NHS number is recorded", event="people.details_changed"),
        effective_from=CP_IS_LOCAL_GUIDANCE.in_force_from,
        is_local_standard=True,
        description="So that the child's status can be shared with the NHS through CP-IS.",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (SINGLE_ASSESSMENT, STRATEGY_DISCUSSION, CP_IS_NHS_NUMBER_AT_SECTION_47):
    register(before_working_together_2023(_current))
