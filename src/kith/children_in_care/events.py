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

PLACEMENT_AT_RISK = register(
    "children_in_care.placement_at_risk",
    "Placement at risk of breakdown",
    significance=Significance.KEY,
    description="The placement was flagged as at risk of breaking down, with the concerns and the support put in.",
)

PLACEMENT_RISK_LIFTED = register(
    "children_in_care.placement_risk_lifted",
    "Placement no longer at risk",
    significance=Significance.STANDARD,
    description="The risk to the placement was lifted, with what made the difference.",
)

DISRUPTION_MEETING_HELD = register(
    "children_in_care.disruption_meeting_held",
    "Disruption meeting",
    significance=Significance.KEY,
    description="A meeting after a placement ended unplanned: what happened and the learning.",
)

DISTANCE_PLAN_AGREED = register(
    "children_in_care.distance_plan_agreed",
    "Plan for a placement at a distance",
    significance=Significance.STANDARD,
    description="Why the child lives at a distance, how they are visited, and the plan to return to the home area.",
)

UNREGISTERED_OVERSIGHT = register(
    "children_in_care.unregistered_oversight",
    "Oversight of unregistered provision",
    significance=Significance.KEY,
    description="A manager checked the child's safety in unregistered provision and the progress to registration.",
)

INBOUND_PLACEMENT = register(
    "children_in_care.inbound_placement",
    "Placed in the area by another council",
    significance=Significance.STANDARD,
    description="Another council placed the child in this area: who placed them and what local services they get.",
)

TRACKING_ACTION_AGREED = register(
    "children_in_care.tracking_action_agreed",
    "Action from a tracking meeting",
    significance=Significance.STANDARD,
    description="A tracking meeting discussed the child and agreed an action, with who does it and by when.",
)

TRACKING_ACTION_DONE = register(
    "children_in_care.tracking_action_done",
    "Tracking meeting action done",
    significance=Significance.STANDARD,
    description="An action a tracking meeting agreed for the child was carried out.",
)
