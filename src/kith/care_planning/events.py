"""Chronology event types for care plans and permanence planning."""

from kith.platform.chronology.registry import Significance, register

CARE_PLAN_AGREED = register(
    "care_planning.care_plan_agreed",
    "Care plan agreed",
    significance=Significance.KEY,
    description="A version of the child's care plan was agreed: why the child is looked after, the plan for "
    "permanence and its contingency, family time, objectives, and the IRO it names.",
)

CARE_PLAN_SHARED = register(
    "care_planning.care_plan_shared",
    "Care plan given to the child",
    significance=Significance.STANDARD,
    description="The child was given a copy of their care plan.",
)

PERMANENCE_MEETING_HELD = register(
    "care_planning.permanence_meeting_held",
    "Permanence planning meeting",
    significance=Significance.KEY,
    description="A permanence planning meeting was held: who chaired it, what was decided, when it meets next.",
)
