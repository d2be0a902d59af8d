"""Chronology event types for unaccompanied asylum-seeking children."""

from kith.platform.chronology.registry import Significance, register

RECORDED = register(
    "uasc.recorded",
    "Unaccompanied asylum-seeking child",
    significance=Significance.KEY,
    description="The child was recorded as an unaccompanied asylum-seeking child: from when, the Home Office "
    "reference, whether their age was disputed, and any National Transfer Scheme transfer.",
)

AGE_ASSESSED = register(
    "uasc.age_assessed",
    "Age assessment",
    significance=Significance.KEY,
    description="The outcome of an assessment of the age of a child whose age was disputed.",
)

IMMIGRATION_STATUS_CHANGED = register(
    "uasc.immigration_status_changed",
    "Immigration status changed",
    significance=Significance.KEY,
    description="A step of the child's asylum claim: lodged, granted, refused, appealed.",
)

STATUS_CEASED = register(
    "uasc.status_ceased",
    "No longer an unaccompanied asylum-seeking child",
    significance=Significance.KEY,
    description="The child stopped being an unaccompanied asylum-seeking child before their 18th birthday, and why "
    "(the 903 UASC table's date UASC status ceased).",
)
