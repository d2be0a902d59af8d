"""Chronology event types for child in need plans."""

from kith.platform.chronology.registry import Significance, register

PLAN_STARTED = register(
    "child_in_need.plan_started",
    "Child in need plan started",
    significance=Significance.KEY,
    description="A child in need plan started (census CINPlanStartDate), with its objectives and lead professional.",
)

PLAN_REVIEWED = register(
    "child_in_need.plan_reviewed",
    "Child in need review",
    significance=Significance.KEY,
    description="A multi-agency review of the child in need plan: who came, the child's and parents' views, "
    "progress on each objective and the decisions.",
)

PLAN_SHARED_WITH_FAMILY = register(
    "child_in_need.plan_shared_with_family",
    "Child in need plan shared with the family",
    significance=Significance.STANDARD,
    description="The family were given the plan, written for them to read.",
)

PLAN_ENDED = register(
    "child_in_need.plan_ended",
    "Child in need plan ended",
    significance=Significance.KEY,
    description="The child in need plan ended (census CINPlanEndDate), with the reason.",
)
