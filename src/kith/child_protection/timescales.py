"""Child protection's statutory timescales, and the local standards for visits and core groups."""

from __future__ import annotations

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import (
    CP_IS_LOCAL_GUIDANCE,
    LOCAL_PROCEDURES,
    LONDON_CHILD_PROTECTION_PROCEDURES,
    WORKING_TOGETHER_2023,
)
from kith.platform.timescales.types import CalendarDays, Months, Timescale, When, WorkingDays

STRATEGY_DISCUSSION_HELD = "assessments.strategy_discussion_held"
INITIAL_CONFERENCE_HELD = "child_protection.initial_conference_held"
REVIEW_CONFERENCE_HELD = "child_protection.review_conference_held"
CORE_GROUP_HELD = "child_protection.core_group_held"

INITIAL_CONFERENCE = register(
    Timescale(
        code="child_protection.initial_conference",
        title="Initial child protection conference",
        limit=WorkingDays(15),
        source=WORKING_TOGETHER_2023.at(""),
        starts_when=When("the strategy discussion", event=STRATEGY_DISCUSSION_HELD),
        met_when=When("the initial conference is held", event=INITIAL_CONFERENCE_HELD),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
        restarts_when=frozenset({When("a new strategy discussion is held", event=STRATEGY_DISCUSSION_HELD)}),
        description="Within 15 working days of the strategy discussion, or of the last one if there were several.",
    )
)

FIRST_CORE_GROUP = register(
    Timescale(
        code="child_protection.first_core_group",
        title="First core group meeting",
        limit=WorkingDays(10),
        source=WORKING_TOGETHER_2023.at("flow chart: after ICPC"),
        starts_when=When("the initial child protection conference", event=INITIAL_CONFERENCE_HELD),
        met_when=When("the first core group meets", event=CORE_GROUP_HELD),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
    )
)

CORE_GROUP = register(
    Timescale(
        code="child_protection.core_group",
        title="Core group meeting",
        limit=Months(1),
        source=WORKING_TOGETHER_2023.at("thereafter as the plan sets (many LAs: at least monthly)"),
        starts_when=When("the last core group meeting", event=CORE_GROUP_HELD),
        met_when=When("the core group meets", event=CORE_GROUP_HELD),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
        is_local_standard=True,
        description="After the first, core groups meet as the child protection plan sets; many councils "
        "expect at least monthly. Kith's default local standard, which the council may change.",
    )
)

FIRST_REVIEW_CONFERENCE = register(
    Timescale(
        code="child_protection.first_review_conference",
        title="First review child protection conference",
        limit=Months(3),
        source=WORKING_TOGETHER_2023.at(""),
        starts_when=When("the initial child protection conference", event=INITIAL_CONFERENCE_HELD),
        met_when=When("the first review conference is held", event=REVIEW_CONFERENCE_HELD),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
    )
)

REVIEW_CONFERENCE = register(
    Timescale(
        code="child_protection.review_conference",
        title="Review child protection conference",
        limit=Months(6),
        source=WORKING_TOGETHER_2023.at(""),
        starts_when=When("the last review conference", event=REVIEW_CONFERENCE_HELD),
        met_when=When("the next review conference is held", event=REVIEW_CONFERENCE_HELD),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
        description="At intervals of no more than 6 months while the child is on a child protection plan.",
    )
)

PRE_BIRTH_REVIEW = register(
    Timescale(
        code="child_protection.pre_birth_review",
        title="Review or core group after the birth (pre-birth plan)",
        limit=CalendarDays(10),
        source=LONDON_CHILD_PROTECTION_PROCEDURES.at("pre-birth: review/core group within 10 days of birth"),
        starts_when=When("the baby's birth"),
        met_when=When("a review conference or core group meeting is held", event=CORE_GROUP_HELD),
        effective_from=LONDON_CHILD_PROTECTION_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="London procedures: for a baby made subject to a plan before birth. The table of sources "
        "gives '10 days' without saying working days; check the local procedure.",
    )
)

VISIT = register(
    Timescale(
        code="child_protection.visit",
        title="Child protection visit",
        limit=WorkingDays(10),
        source=LOCAL_PROCEDURES.at("visits to children on a CP plan: not set nationally"),
        starts_when=When("the last visit", event="visits.visit_recorded"),
        met_when=When(
            "the child is seen (alone where appropriate) and their bedroom seen",
            event="visits.visit_recorded",
        ),
        effective_from=LOCAL_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="No national frequency. Local minimums vary: every 10 working days (Camden, Central "
        "Bedfordshire, Liverpool), 2 weeks (Walsall), 4 weeks (Bolton, Southwark). Kith's default is 10 working "
        "days, which the council may change.",
    )
)

CP_IS_NHS_NUMBER = register(
    Timescale(
        code="child_protection.cp_is_nhs_number",
        title="NHS number recorded for CP-IS (initial conference)",
        limit=CalendarDays(0),
        source=CP_IS_LOCAL_GUIDANCE.at("record the NHS number by the day of the ICPC"),
        starts_when=When("the initial child protection conference", event=INITIAL_CONFERENCE_HELD),
        met_when=When("the child's NHS number is recorded", event="people.details_changed"),
        effective_from=CP_IS_LOCAL_GUIDANCE.in_force_from,
        is_local_standard=True,
        description="So that the child protection plan can be shared with the NHS through CP-IS.",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (
    INITIAL_CONFERENCE,
    FIRST_CORE_GROUP,
    CORE_GROUP,
    FIRST_REVIEW_CONFERENCE,
    REVIEW_CONFERENCE,
    PRE_BIRTH_REVIEW,
    VISIT,
    CP_IS_NHS_NUMBER,
):
    register(before_working_together_2023(_current))
