"""Chronology event types for assessments, strategy discussions and section 47 enquiries."""

from kith.platform.chronology.registry import Significance, register

ASSESSMENT_STARTED = register(
    "assessments.assessment_started",
    "Assessment started",
    significance=Significance.STANDARD,
    description="A social worker started an assessment of the child (child and family, pre-birth, "
    "connected person or homeless 16 or 17 year old).",
)

ASSESSMENT_UPDATED = register(
    "assessments.assessment_updated",
    "Assessment work saved",
    significance=Significance.STANDARD,
    description="Work in progress on an assessment was saved: the sections changed are named.",
)

ASSESSMENT_COMPLETED = register(
    "assessments.assessment_completed",
    "Assessment completed",
    significance=Significance.KEY,
    description="The social worker completed the assessment, with its outcome and the reasons.",
)

ASSESSMENT_AUTHORISED = register(
    "assessments.assessment_authorised",
    "Assessment authorised",
    significance=Significance.KEY,
    description="A manager authorised the completed assessment, with their reasons. "
    "This meets the 45 working day assessment timescale.",
)

STRATEGY_DISCUSSION_HELD = register(
    "assessments.strategy_discussion_held",
    "Strategy discussion",
    significance=Significance.KEY,
    description="A strategy discussion was held: who took part, from which agencies, and whether to make "
    "section 47 enquiries.",
)

SECTION_47_STARTED = register(
    "assessments.section_47_started",
    "Section 47 enquiry started",
    significance=Significance.KEY,
    description="Enquiries under section 47 of the Children Act 1989 started after a strategy discussion.",
)

SECTION_47_COMPLETED = register(
    "assessments.section_47_completed",
    "Section 47 enquiry completed",
    significance=Significance.KEY,
    description="The section 47 enquiry ended, with its findings and outcome (initial conference, "
    "child in need plan or no further action).",
)
