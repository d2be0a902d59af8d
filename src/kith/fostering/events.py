"""Chronology event types for the fostering service. Events name the carers (adults with their own records);
linking a child's placement names the child too."""

from kith.platform.chronology.registry import Significance, register

ENQUIRY_RECORDED = register(
    "fostering.enquiry_recorded",
    "Fostering enquiry",
    significance=Significance.STANDARD,
    description="Someone asked to become a foster carer, or a relative or friend was put forward for a child.",
)

ASSESSMENT_STARTED = register(
    "fostering.assessment_started",
    "Fostering assessment started",
    significance=Significance.STANDARD,
    description="The assessment of prospective foster carers began, with the assessing social worker.",
)

TEMPORARY_APPROVAL_GRANTED = register(
    "fostering.temporary_approval_granted",
    "Temporary approval as a connected person",
    significance=Significance.KEY,
    description="A relative or friend was approved temporarily (reg 24) to foster a named child for up to 16 weeks "
    "while their full assessment runs.",
)

CARERS_APPROVED = register(
    "fostering.carers_approved",
    "Approved as foster carers",
    significance=Significance.KEY,
    description="The agency decision maker approved the carers after the fostering panel's recommendation, on terms: "
    "how many children, what ages, what kind of care.",
)

APPROVAL_REVIEWED = register(
    "fostering.approval_reviewed",
    "Foster carers' approval reviewed",
    significance=Significance.STANDARD,
    description="The yearly review of the carers' approval (reg 28): views heard and the terms confirmed or changed.",
)

TRAINING_COMPLETED = register(
    "fostering.training_completed",
    "Foster carer training completed",
    significance=Significance.STANDARD,
    description="A foster carer completed a course.",
)

PLACEMENT_LINKED = register(
    "fostering.placement_linked",
    "Placed with a fostering household",
    significance=Significance.STANDARD,
    description="The placing team recorded which fostering household a child's placement is with.",
)

APPROVAL_ENDED = register(
    "fostering.approval_ended",
    "No longer fostering",
    significance=Significance.KEY,
    description="The household stopped fostering: the carers resigned, approval was terminated, or the assessment "
    "ended without approval.",
)
