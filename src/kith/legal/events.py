"""Chronology event types for pre-proceedings and care proceedings."""

from kith.platform.chronology.registry import Significance, register

PRE_PROCEEDINGS_STARTED = register(
    "legal.pre_proceedings_started",
    "Entered pre-proceedings",
    significance=Significance.KEY,
    description="A manager decided the child enters pre-proceedings under the Public Law Outline, with the reasons.",
)
LETTER_BEFORE_PROCEEDINGS_SENT = register(
    "legal.letter_before_proceedings_sent",
    "Letter before proceedings sent",
    significance=Significance.KEY,
    description="The letter before proceedings was sent to the parents: the risks, the changes expected and the "
    "support offered.",
)
PRE_PROCEEDINGS_MEETING_HELD = register(
    "legal.pre_proceedings_meeting_held",
    "Pre-proceedings meeting",
    significance=Significance.STANDARD,
    description="An initial or review pre-proceedings meeting with the parents and their lawyers.",
)
FAMILY_GROUP_MEETING_RECORDED = register(
    "legal.family_group_meeting_recorded",
    "Family group decision-making",
    significance=Significance.STANDARD,
    description="A family group decision-making meeting was offered to the family, and whether it was held.",
)
PRE_PROCEEDINGS_ENDED = register(
    "legal.pre_proceedings_ended",
    "Pre-proceedings ended",
    significance=Significance.KEY,
    description="A manager decided to step down from pre-proceedings or to issue care proceedings, with the reasons.",
)
CARE_APPLICATION_MADE = register(
    "legal.care_application_made",
    "Court application made",
    significance=Significance.KEY,
    description="The local authority applied to the family court for an order about the child.",
)
HEARING_RECORDED = register(
    "legal.hearing_recorded",
    "Court hearing",
    significance=Significance.KEY,
    description="A hearing in the proceedings: any order made, the next hearing and any cause of delay.",
)
CARE_PROCEEDINGS_CONCLUDED = register(
    "legal.care_proceedings_concluded",
    "Proceedings concluded",
    significance=Significance.KEY,
    description="The proceedings ended with the court's final order, and any reasons for delay.",
)
