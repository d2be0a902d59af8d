"""Chronology event types for private fostering and the education registers."""

from kith.platform.chronology.registry import Significance, register

PRIVATE_FOSTERING_NOTIFIED = register(
    "registers.private_fostering_notified",
    "Private fostering notified",
    significance=Significance.KEY,
    description="The council was told the child is, or will be, privately fostered, and by whom.",
)
PRIVATE_FOSTERING_CHECK_RECORDED = register(
    "registers.private_fostering_check_recorded",
    "Private fostering check",
    significance=Significance.STANDARD,
    description="A check on the private foster carer or household (DBS, home, references, health, school).",
)
PRIVATE_FOSTERING_ASSESSED = register(
    "registers.private_fostering_assessed",
    "Private fostering assessment completed",
    significance=Significance.KEY,
    description="The assessment of the arrangement was completed, with its outcome.",
)
PRIVATE_FOSTERING_VISIT_RECORDED = register(
    "registers.private_fostering_visit_recorded",
    "Private fostering visit",
    significance=Significance.STANDARD,
    description="A visit to the privately fostered child: whether the child was seen, and seen alone, and their views.",
)
PRIVATE_FOSTERING_OVERSIGHT_RECORDED = register(
    "registers.private_fostering_oversight_recorded",
    "Private fostering management oversight",
    significance=Significance.KEY,
    description="A manager's decision about the arrangement, with the reasons.",
)
PRIVATE_FOSTERING_ENDED = register(
    "registers.private_fostering_ended",
    "Private fostering ended",
    significance=Significance.KEY,
    description="The private fostering arrangement ended, and why.",
)
ENTRY_ADDED = register(
    "registers.entry_added",
    "Added to an education register",
    significance=Significance.KEY,
    description="The child was added to the children missing education or the elective home education register.",
)
CHECK_RECORDED = register(
    "registers.check_recorded",
    "Education register check",
    significance=Significance.STANDARD,
    description="A check or home visit for a child on an education register, and what it found.",
)
ENTRY_REMOVED = register(
    "registers.entry_removed",
    "Removed from an education register",
    significance=Significance.KEY,
    description="The child was removed from an education register, with the reason and where they went.",
)
