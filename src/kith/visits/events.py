"""Chronology event types for visits."""

from kith.platform.chronology.registry import Significance, register

VISIT_RECORDED = register(
    "visits.visit_recorded",
    "Statutory visit",
    significance=Significance.STANDARD,
    description="A visit to a child on a child in need or child protection plan: whether the child was seen, "
    "seen alone and spoken to alone, what was found and what happens next.",
)
