"""Chronology event types for the health of children in care."""

from kith.platform.chronology.registry import Significance, register

HEALTH_ASSESSMENT_COMPLETED = register(
    "health.health_assessment_completed",
    "Health assessment",
    significance=Significance.KEY,
    description="An initial or review health assessment of a child in care: who saw the child, what they found, "
    "and the health plan's actions.",
)

DENTAL_CHECK = register(
    "health.dental_check",
    "Dental check",
    significance=Significance.STANDARD,
    description="A child in care had a dental check.",
)

IMMUNISATIONS_CHECKED = register(
    "health.immunisations_checked",
    "Immunisations checked",
    significance=Significance.STANDARD,
    description="Whether a child in care's immunisations were up to date, and what was outstanding.",
)

SDQ_RECORDED = register(
    "health.sdq_recorded",
    "Strengths and Difficulties Questionnaire",
    significance=Significance.STANDARD,
    description="The total difficulties score of the carer's Strengths and Difficulties Questionnaire.",
)
