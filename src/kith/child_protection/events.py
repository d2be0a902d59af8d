"""Chronology event types for child protection."""

from kith.platform.chronology.registry import Significance, register

INITIAL_CONFERENCE_HELD = register(
    "child_protection.initial_conference_held",
    "Initial child protection conference",
    significance=Significance.KEY,
    description="An initial child protection conference was held: who came, the decision and, when the child "
    "was made subject to a plan, the category of abuse.",
)
REVIEW_CONFERENCE_HELD = register(
    "child_protection.review_conference_held",
    "Review child protection conference",
    significance=Significance.KEY,
    description="A review child protection conference was held and decided whether the plan continues or ends.",
)
CORE_GROUP_HELD = register(
    "child_protection.core_group_held",
    "Core group meeting",
    significance=Significance.STANDARD,
    description="The core group met: who came, whether it was quorate, and progress on each part of the plan.",
)
PLAN_ENDED = register(
    "child_protection.plan_ended",
    "Child protection plan ended",
    significance=Significance.KEY,
    description="The child protection plan ended outside a review conference (the child moved away, became "
    "looked after, reached 18 or died), with the reason and the step-down plan.",
)
PLAN_SHARED_WITH_FAMILY = register(
    "child_protection.plan_shared_with_family",
    "Child protection plan shared with the family",
    significance=Significance.STANDARD,
    description="The plan, written for the family to read, was given to them.",
)
CHAIR_FEEDBACK_RECORDED = register(
    "child_protection.chair_feedback_recorded",
    "Conference chair's feedback",
    significance=Significance.STANDARD,
    description="The conference chair's quality-assurance feedback to the social worker's manager.",
)
CHAIR_FEEDBACK_FOLLOWED_UP = register(
    "child_protection.chair_feedback_followed_up",
    "Conference chair's feedback followed up",
    significance=Significance.STANDARD,
    description="The manager recorded what was done about the conference chair's feedback.",
)
