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

ASSESSMENT_QUALITY_CHECKED = register(
    "health.assessment_quality_checked",
    "Health assessment quality assured",
    significance=Significance.STANDARD,
    description="The looked-after children's health team checked a health assessment against the standard: "
    "whether it meets it, and what needs to improve.",
)

OUT_OF_AREA_ASSESSMENT_SCRUTINISED = register(
    "health.out_of_area_assessment_scrutinised",
    "Out-of-area health assessment scrutinised",
    significance=Significance.STANDARD,
    description="The forms of a health assessment done by another area's health team were scrutinised when "
    "they came back: by whom, and what was found.",
)

PREGNANCY_RECORDED = register(
    "health.pregnancy_recorded",
    "Pregnancy",
    significance=Significance.KEY,
    description="A young person in care is pregnant: when it was known and the support offered.",
)

PREGNANCY_OUTCOME = register(
    "health.pregnancy_outcome_recorded",
    "Pregnancy outcome",
    significance=Significance.KEY,
    description="How a young person's pregnancy ended: a baby born, a miscarriage or a termination.",
)

HEALTH_PASSPORT_GIVEN = register(
    "health.health_passport_given",
    "Health passport given",
    significance=Significance.STANDARD,
    description="The young person was given their health history in words they can read (the health passport).",
)
