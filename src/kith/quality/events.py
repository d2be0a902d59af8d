"""Chronology event types for management oversight."""

from kith.platform.chronology.registry import Significance, register

MANAGEMENT_DECISION_RECORDED = register(
    "quality.management_decision_recorded",
    "Management decision",
    significance=Significance.KEY,
    description="A manager recorded a decision about the child, with the rationale.",
)
