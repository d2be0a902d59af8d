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
