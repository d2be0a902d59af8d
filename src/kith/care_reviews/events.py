"""Chronology event types for reviews of children in care and the IRO's oversight."""

from kith.platform.chronology.registry import Significance, register

IRO_ALLOCATED = register(
    "care_reviews.iro_allocated",
    "Independent reviewing officer allocated",
    significance=Significance.STANDARD,
    description="An independent reviewing officer was made responsible for the child's reviews.",
)

REVIEW_HELD = register(
    "care_reviews.review_held",
    "Review of a child in care",
    significance=Significance.KEY,
    description="The IRO chaired a review of the child's care plan: how the child took part, the views heard, "
    "progress, and the decisions with who will do what by when.",
)

DECISION_COMPLETED = register(
    "care_reviews.decision_completed",
    "Review decision carried out",
    significance=Significance.STANDARD,
    description="A decision of a review was carried out.",
)

MINUTES_DISTRIBUTED = register(
    "care_reviews.minutes_distributed",
    "Review minutes sent out",
    significance=Significance.STANDARD,
    description="The review's minutes were sent to the child, parents, carers and professionals.",
)

IRO_CONTACT = register(
    "care_reviews.iro_contact",
    "IRO contact with the child",
    significance=Significance.STANDARD,
    description="The IRO saw or spoke with the child between reviews.",
)

CHALLENGE_RAISED = register(
    "care_reviews.challenge_raised",
    "IRO challenge raised",
    significance=Significance.KEY,
    description="The IRO challenged the child's care planning.",
)

CHALLENGE_ESCALATED = register(
    "care_reviews.challenge_escalated",
    "IRO challenge escalated",
    significance=Significance.KEY,
    description="An IRO challenge went to the next stage of dispute resolution.",
)

CHALLENGE_RESOLVED = register(
    "care_reviews.challenge_resolved",
    "IRO challenge resolved",
    significance=Significance.KEY,
    description="An IRO challenge was settled, with the actions agreed.",
)

SUPPORT_OFFERED = register(
    "care_reviews.support_offered",
    "Advocate or independent visitor offered",
    significance=Significance.STANDARD,
    description="An advocate or an independent visitor was offered to the child, and what came of it.",
)
