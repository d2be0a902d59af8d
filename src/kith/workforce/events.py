"""Chronology event types for allocation."""

from kith.platform.chronology.registry import Significance, register

CASE_ALLOCATED = register(
    "workforce.case_allocated",
    "Case allocated",
    significance=Significance.KEY,
    description="A manager allocated the child to a team and, usually, a named worker.",
)
