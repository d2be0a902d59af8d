"""Chronology event types for becoming looked after, moving, changes of legal status and leaving care."""

from kith.platform.chronology.registry import Significance, register

BECAME_LOOKED_AFTER = register(
    "children_in_care.became_looked_after",
    "Became looked after",
    significance=Significance.KEY,
    description="The child became looked after: the legal status, why, what was considered first, the manager's "
    "decision and the first placement.",
)

PLACEMENT_CHANGED = register(
    "children_in_care.placement_changed",
    "Moved placement",
    significance=Significance.KEY,
    description="The child moved to a new placement, with the reason for the move.",
)

LEGAL_STATUS_CHANGED = register(
    "children_in_care.legal_status_changed",
    "Legal status changed",
    significance=Significance.KEY,
    description="The legal basis on which the child is looked after changed (for example, a care order made).",
)

LEFT_CARE = register(
    "children_in_care.left_care",
    "Stopped being looked after",
    significance=Significance.KEY,
    description="The child stopped being looked after, with the reason in the return's codes.",
)

PLACEMENT_PLAN_AGREED = register(
    "children_in_care.placement_plan_agreed",
    "Placement plan agreed",
    significance=Significance.STANDARD,
    description="The placement plan was agreed with the carer: arrangements, delegated authority and the "
    "child's views.",
)

PLACEMENT_NOTIFIED = register(
    "children_in_care.placement_notified",
    "Placement notified",
    significance=Significance.STANDARD,
    description="Everyone who must be told of the placement was notified in writing, the looked-after "
    "children's health team included.",
)
