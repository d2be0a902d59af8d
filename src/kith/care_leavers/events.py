"""Chronology event types for care leavers: eligibility, the needs assessment, the pathway plan, the
personal adviser's contact, moves and the 903 birthday information."""

from kith.platform.chronology.registry import Significance, register

BECAME_ELIGIBLE = register(
    "care_leavers.became_eligible",
    "Became eligible for leaving care support",
    significance=Significance.KEY,
    description="The young person had been looked after for 13 weeks since 14, including after 16: leaving "
    "care support started, with a needs assessment due within 3 months.",
)

NEEDS_ASSESSMENT_COMPLETED = register(
    "care_leavers.needs_assessment_completed",
    "Leaving care needs assessment completed",
    significance=Significance.KEY,
    description="The eligible child's needs assessment was completed, with their views.",
)

PERSONAL_ADVISER_ALLOCATED = register(
    "care_leavers.personal_adviser_allocated",
    "Personal adviser allocated",
    significance=Significance.STANDARD,
    description="A personal adviser was made responsible for supporting the young person.",
)

PATHWAY_PLAN_AGREED = register(
    "care_leavers.pathway_plan_agreed",
    "Pathway plan agreed",
    significance=Significance.KEY,
    description="The young person's first pathway plan was agreed with them.",
)

PATHWAY_PLAN_REVIEWED = register(
    "care_leavers.pathway_plan_reviewed",
    "Pathway plan reviewed",
    significance=Significance.KEY,
    description="The pathway plan was reviewed with the young person; the new version replaces the last.",
)

PATHWAY_PLAN_SHARED = register(
    "care_leavers.pathway_plan_shared",
    "Pathway plan given to the young person",
    significance=Significance.STANDARD,
    description="The young person was given a copy of their pathway plan.",
)

PERSONAL_ADVISER_VISIT = register(
    "care_leavers.personal_adviser_visit_recorded",
    "Personal adviser visit",
    significance=Significance.STANDARD,
    description="The young person was seen by their personal adviser or another worker.",
)

PERSONAL_ADVISER_CONTACT = register(
    "care_leavers.personal_adviser_contact_recorded",
    "Personal adviser contact",
    significance=Significance.STANDARD,
    description="The young person was spoken to or written to, without being seen.",
)

ACCOMMODATION_CHANGED = register(
    "care_leavers.accommodation_changed",
    "Care leaver moved",
    significance=Significance.KEY,
    description="The young person moved: where to, in the 903 accommodation codes, and whether it is suitable.",
)

BIRTHDAY_CONTACT = register(
    "care_leavers.birthday_contact_recorded",
    "Care leaver information at a birthday",
    significance=Significance.STANDARD,
    description="Whether the council was in touch around the young person's 17th to 21st birthday, their main "
    "activity and their accommodation: the 903 OC3 return.",
)

SUPPORT_AFTER_21 = register(
    "care_leavers.support_after_21_decided",
    "Support after 21",
    significance=Significance.KEY,
    description="The young person's choice about personal adviser support after their 21st birthday, or their "
    "asking for it again before 25.",
)

ENTITLEMENT_EXPLAINED = register(
    "care_leavers.entitlement_explained",
    "Local offer entitlement explained",
    significance=Significance.STANDARD,
    description="An entitlement of the local offer, or a right such as how to complain, was explained to the "
    "young person.",
)

ENTITLEMENT_TAKEN_UP = register(
    "care_leavers.entitlement_taken_up",
    "Local offer entitlement taken up",
    significance=Significance.STANDARD,
    description="The young person took up an entitlement of the local offer.",
)

HANDED_OVER = register(
    "care_leavers.handed_over",
    "Handed over to the leaving care team",
    significance=Significance.KEY,
    description="The children in care team handed the young person's case to the leaving care team: what was "
    "handed over.",
)

BECAME_A_PARENT = register(
    "care_leavers.became_a_parent",
    "Care leaver became a parent",
    significance=Significance.KEY,
    description="A care leaver became a parent: whether the baby lives with them, and the support given.",
)

PLAN_CHANGE_REQUESTED = register(
    "care_leavers.plan_change_requested",
    "Asked to change the pathway plan",
    significance=Significance.STANDARD,
    description="The young person asked to change their pathway plan: what they asked, and how it was handled.",
)
