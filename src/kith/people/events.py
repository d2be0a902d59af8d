"""Chronology event types for people's records."""

from kith.platform.chronology.registry import Significance, register

PERSON_ADDED = register(
    "people.person_added",
    "Added to Kith",
    significance=Significance.STANDARD,
    description="A person's record was created, after the duplicate check.",
)
PERSON_DETAILS_CHANGED = register(
    "people.details_changed",
    "Personal details changed",
    significance=Significance.STANDARD,
    description="Names, identity, identifiers or restriction of a person's record changed.",
)
ADDRESS_CHANGED = register(
    "people.address_changed",
    "Moved address",
    significance=Significance.KEY,
    description="A person moved to a new address; the old one stays in their address history.",
)
RELATIONSHIP_RECORDED = register(
    "people.relationship_recorded",
    "Relationship recorded",
    significance=Significance.STANDARD,
    description="A family, household or carer relationship was recorded.",
)
PROFESSIONAL_INVOLVED = register(
    "people.professional_involved",
    "Professional involved",
    significance=Significance.STANDARD,
    description="A professional (GP, school, health visitor...) began working with the person.",
)
WARNING_ADDED = register(
    "people.warning_added",
    "Warning added",
    significance=Significance.KEY,
    description="A warning such as a risk to staff was added to the record.",
)
