"""Chronology event types for allegations against people who work with children (LADO).

Each event is written on the chronology of every child the allegation affects, so the
allegation is linked to each child's safeguarding record (R-129). The summaries name the
person's role and employer, not the person.
"""

from kith.platform.chronology.registry import Significance, register

ALLEGATION_RECORDED = register(
    "lado.allegation_recorded",
    "Allegation against a person who works with children",
    significance=Significance.KEY,
    description="The LADO received an allegation that someone who works with children harmed, or may pose a "
    "risk to, this child.",
)
DECISION_RECORDED = register(
    "lado.decision_recorded",
    "LADO decision",
    significance=Significance.KEY,
    description="A decision the LADO made about the allegation, with the reasons.",
)
ALLEGATION_CLOSED = register(
    "lado.allegation_closed",
    "LADO allegation concluded",
    significance=Significance.KEY,
    description="The allegation was concluded, with its outcome.",
)
