"""Children in care's statutory timescales: plans, notifications, reviews, visits, health, education, adoption."""

from __future__ import annotations

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import (
    ADOPTION_AGENCIES_REGULATIONS_2005,
    CARE_PLANNING_REGULATIONS_2010,
    CP_IS_LOCAL_GUIDANCE,
    EDUCATION_OF_LOOKED_AFTER_CHILDREN_2018,
    HEALTH_OF_LOOKED_AFTER_CHILDREN_2015,
)
from kith.platform.timescales.types import CalendarDays, Months, Timescale, Weeks, When, WorkingDays

CPPCR = CARE_PLANNING_REGULATIONS_2010
ADOPTION = ADOPTION_AGENCIES_REGULATIONS_2005
HEALTH = HEALTH_OF_LOOKED_AFTER_CHILDREN_2015
EDUCATION = EDUCATION_OF_LOOKED_AFTER_CHILDREN_2018

BECAME_LOOKED_AFTER = When("the child becoming looked after", event="children_in_care.became_looked_after")
PLACEMENT_STARTED = When("the start of the placement", event="children_in_care.placement_changed")
REVIEW_HELD = "care_reviews.review_held"
VISIT_RECORDED = "visits.visit_recorded"
LAST_VISIT = When("the last statutory visit", event=VISIT_RECORDED)
VISITED = When("the child is visited and seen", event=VISIT_RECORDED)
REG_28 = "reg 28 (as made)"
LONG_TERM_FOSTERING_NOTE = (
    "SI 2015/495 (in force 1 April 2015) relaxes visits for a child settled for at least a year in a "
    "long-term foster placement; check the amended reg 28 wording."
)

# -- plans and notifications ---------------------------------------------------------------------

CARE_PLAN = register(
    Timescale(
        code="children_in_care.care_plan",
        title="Care plan",
        limit=WorkingDays(10),
        source=CPPCR.at("reg 4(2), reg 5(d)"),
        starts_when=When("the start of the first placement", event="children_in_care.became_looked_after"),
        met_when=When("the care plan is agreed, naming the IRO", event="care_planning.care_plan_agreed"),
        effective_from=CPPCR.in_force_from,
        description="Before the first placement or, if that is not practicable, within 10 working days of its "
        "start. The care plan must name the independent reviewing officer.",
    )
)

PLACEMENT_PLAN = register(
    Timescale(
        code="children_in_care.placement_plan",
        title="Placement plan",
        limit=WorkingDays(5),
        source=CPPCR.at("reg 9"),
        starts_when=PLACEMENT_STARTED,
        met_when=When("the placement plan is agreed", event="children_in_care.placement_plan_agreed"),
        effective_from=CPPCR.in_force_from,
        description="Before the placement or within 5 working days of its start (unverified in corpus — check reg 9).",
    )
)

PLACEMENT_NOTIFICATION = register(
    Timescale(
        code="children_in_care.placement_notification",
        title="Notification of a placement",
        limit=WorkingDays(5),
        source=CPPCR.at("reg 13 (amended by SI 2013/3239)"),
        starts_when=PLACEMENT_STARTED,
        met_when=When(
            "everyone who must be told has been notified in writing", event="children_in_care.placement_notified"
        ),
        effective_from=CPPCR.in_force_from,
        description="Written notice to the child, parents, those with contact, the previous carer, health bodies, "
        "the GP, the school and the IRO before the placement, or within 5 working days of its start in an "
        "emergency. An out-of-area placement also notifies the area authority in the same time.",
    )
)

CP_IS_NHS_NUMBER = register(
    Timescale(
        code="children_in_care.cp_is_nhs_number",
        title="NHS number recorded for CP-IS (becoming looked after)",
        limit=CalendarDays(0),
        source=CP_IS_LOCAL_GUIDANCE.at("record the NHS number by the day the child becomes looked after"),
        starts_when=BECAME_LOOKED_AFTER,
        met_when=When("the child's NHS number is recorded", event="people.details_changed"),
        effective_from=CP_IS_LOCAL_GUIDANCE.in_force_from,
        is_local_standard=True,
        description="So that the child's looked-after status can be shared with the NHS through CP-IS.",
    )
)

# Kith's local standard applies to a council's earlier years too, as for the CP-IS clocks of
# assessments and child protection (kith.platform.timescales.editions).
register(before_working_together_2023(CP_IS_NHS_NUMBER))

# -- reviews (IRO) -----------------------------------------------------------------------------------

FIRST_REVIEW = register(
    Timescale(
        code="children_in_care.first_review",
        title="First looked-after child review",
        limit=WorkingDays(20),
        source=CPPCR.at("reg 33"),
        starts_when=BECAME_LOOKED_AFTER,
        met_when=When("the first review is held", event=REVIEW_HELD),
        effective_from=CPPCR.in_force_from,
        description="Earlier if the IRO asks, or one of the listed triggers happens.",
    )
)

SECOND_REVIEW = register(
    Timescale(
        code="children_in_care.second_review",
        title="Second looked-after child review",
        limit=Months(3),
        source=CPPCR.at("reg 33"),
        starts_when=When("the first review", event=REVIEW_HELD),
        met_when=When("the second review is held", event=REVIEW_HELD),
        effective_from=CPPCR.in_force_from,
    )
)

LATER_REVIEW = register(
    Timescale(
        code="children_in_care.later_review",
        title="Looked-after child review",
        limit=Months(6),
        source=CPPCR.at("reg 33"),
        starts_when=When("the last review", event=REVIEW_HELD),
        met_when=When("the next review is held", event=REVIEW_HELD),
        effective_from=CPPCR.in_force_from,
        description="After the second review, at intervals of no more than 6 months.",
    )
)

# -- statutory visits ----------------------------------------------------------------------------------

VISIT_FIRST_WEEK = register(
    Timescale(
        code="children_in_care.visit_first_week",
        title="Visit in the first week of a placement",
        limit=Weeks(1),
        source=CPPCR.at(REG_28),
        starts_when=PLACEMENT_STARTED,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="Within one week of the start of any placement.",
    )
)

VISIT_FIRST_YEAR = register(
    Timescale(
        code="children_in_care.visit_first_year",
        title="Statutory visit (first year of a placement)",
        limit=Weeks(6),
        source=CPPCR.at(REG_28),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="At intervals of no more than 6 weeks in the first year of a placement.",
    )
)

VISIT_AFTER_FIRST_YEAR = register(
    Timescale(
        code="children_in_care.visit_after_first_year",
        title="Statutory visit (after the first year of a placement)",
        limit=Weeks(6),
        source=CPPCR.at(REG_28),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="After the first year, at intervals of no more than 6 weeks when the placement is not meant "
        "to last until the child is 18.",
    )
)

VISIT_LONG_TERM = register(
    Timescale(
        code="children_in_care.visit_long_term",
        title="Statutory visit (placement meant to last until 18)",
        limit=Months(3),
        source=CPPCR.at(REG_28),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="After the first year, at intervals of no more than 3 months when the placement is meant to "
        f"last until the child is 18. {LONG_TERM_FOSTERING_NOTE}",
    )
)

VISIT_WEEKLY_UNTIL_FIRST_REVIEW = register(
    Timescale(
        code="children_in_care.visit_weekly_until_first_review",
        title="Weekly visit until the first review (parents, connected person, interim care order)",
        limit=Weeks(1),
        source=CPPCR.at(REG_28),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="Every week until the first review for a child placed with parents before assessment "
        "(reg 19), with a connected person under temporary approval (reg 24), or living with a parent under an "
        "interim care order.",
    )
)

VISIT_PLACED_WITH_PARENTS = register(
    Timescale(
        code="children_in_care.visit_placed_with_parents_after_first_review",
        title="Statutory visit (placed with parents, after the first review)",
        limit=Weeks(6),
        source=CPPCR.at(REG_28),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="After the first review, at intervals of no more than 6 weeks for a child placed with parents "
        "before assessment (reg 19). A child living with a parent under a care order: within a week, then no "
        "more than 6 weeks.",
    )
)

VISIT_CONNECTED_PERSON = register(
    Timescale(
        code="children_in_care.visit_connected_person_after_first_review",
        title="Statutory visit (connected person or interim care order, after the first review)",
        limit=Weeks(4),
        source=CPPCR.at(REG_28),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=CPPCR.in_force_from,
        description="After the first review, at intervals of no more than 4 weeks for a child with a connected "
        "person under temporary approval (reg 24) or living with a parent under an interim care order.",
    )
)

# -- health ---------------------------------------------------------------------------------------------

INITIAL_HEALTH_ASSESSMENT = register(
    Timescale(
        code="children_in_care.initial_health_assessment",
        title="Initial health assessment",
        limit=WorkingDays(20),
        source=HEALTH.at("with CPPCR 2010 reg 7"),
        starts_when=BECAME_LOOKED_AFTER,
        met_when=When(
            "a registered medical practitioner completes the assessment",
            event="health.health_assessment_completed",
        ),
        effective_from=HEALTH.in_force_from,
        description="Before the first placement or, if not practicable, before the first review (so within 20 "
        "working days), by a registered medical practitioner.",
    )
)

REVIEW_HEALTH_ASSESSMENT_UNDER_5 = register(
    Timescale(
        code="children_in_care.review_health_assessment_under_5",
        title="Review health assessment (under 5)",
        limit=Months(6),
        source=HEALTH.at("with CPPCR 2010 reg 7"),
        starts_when=When("the last health assessment", event="health.health_assessment_completed"),
        met_when=When("the review health assessment is completed", event="health.health_assessment_completed"),
        effective_from=HEALTH.in_force_from,
        description="At least every 6 months for a child under 5; may be done by a registered nurse or midwife.",
    )
)

REVIEW_HEALTH_ASSESSMENT_5_AND_OVER = register(
    Timescale(
        code="children_in_care.review_health_assessment_5_and_over",
        title="Review health assessment (5 and over)",
        limit=Months(12),
        source=HEALTH.at("with CPPCR 2010 reg 7"),
        starts_when=When("the last health assessment", event="health.health_assessment_completed"),
        met_when=When("the review health assessment is completed", event="health.health_assessment_completed"),
        effective_from=HEALTH.in_force_from,
        description="At least once a year from the age of 5; may be done by a registered nurse or midwife.",
    )
)

# -- education --------------------------------------------------------------------------------------------

PEP_STARTED = register(
    Timescale(
        code="children_in_care.pep_started",
        title="Personal education plan started",
        limit=WorkingDays(10),
        source=EDUCATION.at("with CPPCR 2010 reg 5(b)(ii), Sch 1 para 2"),
        starts_when=BECAME_LOOKED_AFTER,
        met_when=When("the personal education plan is started", event="education.pep_started"),
        effective_from=EDUCATION.in_force_from,
        description="The personal education plan is part of the care plan.",
    )
)

PEP_COMPLETED = register(
    Timescale(
        code="children_in_care.pep_completed",
        title="Personal education plan completed",
        limit=WorkingDays(20),
        source=EDUCATION.at("with CPPCR 2010 reg 5(b)(ii), Sch 1 para 2"),
        starts_when=BECAME_LOOKED_AFTER,
        met_when=When("the personal education plan is completed", event="education.pep_completed"),
        effective_from=EDUCATION.in_force_from,
        description="Completed in time for the first review. Reviewed each term or before each review "
        "(local practice, not declared here).",
    )
)

# -- adoption ------------------------------------------------------------------------------------------------

AUTHORITY_TO_PLACE = When("the authority to place for adoption", event="adoption.authority_to_place_given")
PLACED_FOR_ADOPTION = When("the placement for adoption", event="adoption.placed_for_adoption")
ADOPTION_REVIEW_HELD = When("the adoption review is held", event="adoption.adoption_review_held")
LAST_ADOPTION_REVIEW = When("the last adoption review", event="adoption.adoption_review_held")

ADOPTION_REVIEW_BEFORE_PLACEMENT = register(
    Timescale(
        code="children_in_care.adoption_review_before_placement",
        title="Adoption review before placement",
        limit=Months(3),
        source=ADOPTION.at("reg 36"),
        starts_when=AUTHORITY_TO_PLACE,
        met_when=ADOPTION_REVIEW_HELD,
        effective_from=ADOPTION.in_force_from,
        description="Authority to place given but the child not yet placed: the first review within 3 months.",
    )
)

ADOPTION_LATER_REVIEW_BEFORE_PLACEMENT = register(
    Timescale(
        code="children_in_care.adoption_later_review_before_placement",
        title="Later adoption review before placement",
        limit=Months(6),
        source=ADOPTION.at("reg 36"),
        starts_when=LAST_ADOPTION_REVIEW,
        met_when=ADOPTION_REVIEW_HELD,
        effective_from=ADOPTION.in_force_from,
        description="Still not placed: then at intervals of no more than 6 months.",
    )
)

ADOPTION_FIRST_REVIEW_AFTER_PLACEMENT = register(
    Timescale(
        code="children_in_care.adoption_first_review_after_placement",
        title="First adoption review after placement",
        limit=Weeks(4),
        source=ADOPTION.at("reg 36"),
        starts_when=PLACED_FOR_ADOPTION,
        met_when=ADOPTION_REVIEW_HELD,
        effective_from=ADOPTION.in_force_from,
    )
)

ADOPTION_SECOND_REVIEW_AFTER_PLACEMENT = register(
    Timescale(
        code="children_in_care.adoption_second_review_after_placement",
        title="Second adoption review after placement",
        limit=Months(3),
        source=ADOPTION.at("reg 36"),
        starts_when=When("the first adoption review after placement", event="adoption.adoption_review_held"),
        met_when=ADOPTION_REVIEW_HELD,
        effective_from=ADOPTION.in_force_from,
    )
)

ADOPTION_LATER_REVIEW_AFTER_PLACEMENT = register(
    Timescale(
        code="children_in_care.adoption_later_review_after_placement",
        title="Later adoption review after placement",
        limit=Months(6),
        source=ADOPTION.at("reg 36"),
        starts_when=LAST_ADOPTION_REVIEW,
        met_when=ADOPTION_REVIEW_HELD,
        effective_from=ADOPTION.in_force_from,
        description="After the second, at intervals of no more than 6 months until the adoption order.",
    )
)

ADOPTION_VISIT_FIRST_WEEK = register(
    Timescale(
        code="children_in_care.adoption_visit_first_week",
        title="Visit in the first week of an adoptive placement",
        limit=Weeks(1),
        source=ADOPTION.at("reg 36"),
        starts_when=PLACED_FOR_ADOPTION,
        met_when=VISITED,
        effective_from=ADOPTION.in_force_from,
    )
)

ADOPTION_VISIT_WEEKLY = register(
    Timescale(
        code="children_in_care.adoption_visit_weekly_until_first_review",
        title="Weekly visit in an adoptive placement until the first review",
        limit=Weeks(1),
        source=ADOPTION.at("reg 36"),
        starts_when=LAST_VISIT,
        met_when=VISITED,
        effective_from=ADOPTION.in_force_from,
    )
)
