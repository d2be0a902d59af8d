"""Care leavers' statutory timescales: the eligible child's needs assessment and pathway plan reviews."""

from __future__ import annotations

from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import CARE_LEAVERS_REGULATIONS_2010, CARE_PLANNING_REGULATIONS_2010
from kith.platform.timescales.types import Months, Timescale, Weeks, When

CPPCR = CARE_PLANNING_REGULATIONS_2010
CARE_LEAVERS = CARE_LEAVERS_REGULATIONS_2010
PA_VISIT_RECORDED = "care_leavers.personal_adviser_visit_recorded"

NEEDS_ASSESSMENT = register(
    Timescale(
        code="care_leavers.needs_assessment",
        title="Needs assessment (eligible child)",
        limit=Months(3),
        source=CPPCR.at("Part 7, reg 42"),
        starts_when=When(
            "the child's 16th birthday, or becoming eligible after it",
            event="care_leavers.became_eligible",
        ),
        met_when=When("the needs assessment is completed", event="care_leavers.needs_assessment_completed"),
        effective_from=CPPCR.in_force_from,
        description="Eligible: looked after for at least 13 weeks since 14, including after the 16th birthday "
        "(reg 40). The pathway plan is prepared from the assessment (reg 43).",
    )
)

PATHWAY_PLAN_REVIEW = register(
    Timescale(
        code="care_leavers.pathway_plan_review",
        title="Pathway plan review",
        limit=Months(6),
        source=CARE_LEAVERS.at(""),
        starts_when=When("the pathway plan was agreed or last reviewed", event="care_leavers.pathway_plan_agreed"),
        met_when=When("the pathway plan is reviewed", event="care_leavers.pathway_plan_reviewed"),
        effective_from=CARE_LEAVERS.in_force_from,
        description="At least every 6 months, and whenever the young person asks. See also Children Act 1989 "
        "Guidance Vol. 3: Planning Transition to Adulthood for Care Leavers.",
    )
)

PERSONAL_ADVISER_VISIT = register(
    Timescale(
        code="care_leavers.personal_adviser_visit",
        title="Personal adviser visit",
        limit=Months(2),
        source=CARE_LEAVERS.at(""),
        starts_when=When(
            "the personal adviser was allocated or last visited", event="care_leavers.personal_adviser_allocated"
        ),
        met_when=When("the personal adviser visits the young person", event=PA_VISIT_RECORDED),
        effective_from=CARE_LEAVERS.in_force_from,
        description="At least every two months (unverified: only a secondary source is cited; check the regulations).",
    )
)

PERSONAL_ADVISER_VISIT_AFTER_MOVE = register(
    Timescale(
        code="care_leavers.personal_adviser_visit_after_move",
        title="Personal adviser visit after a move",
        limit=Weeks(1),
        source=CARE_LEAVERS.at(""),
        starts_when=When("the young person's move", event="care_leavers.accommodation_changed"),
        met_when=When("the personal adviser visits the young person", event=PA_VISIT_RECORDED),
        effective_from=CARE_LEAVERS.in_force_from,
        description="Within a week of a move (unverified: only a secondary source is cited; check the regulations).",
    )
)
