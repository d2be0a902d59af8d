"""Chronology event types for plans: objectives added to, or withdrawn from, a plan after it started."""

from kith.platform.chronology.registry import Significance, register

OBJECTIVE_ADDED = register(
    "plans.objective_added",
    "Plan objective added",
    significance=Significance.STANDARD,
    description="An objective was added to a child in need or child protection plan: what will be done, "
    "by whom and by when.",
)

OBJECTIVE_WITHDRAWN = register(
    "plans.objective_withdrawn",
    "Plan objective withdrawn",
    significance=Significance.STANDARD,
    description="An objective was taken off a child in need or child protection plan, with the reason.",
)
