"""The steps of an asylum claim and the order they come in: the first is the claim; a refusal can be appealed;
a grant or exhausted appeal rights end the claim."""

from __future__ import annotations

from kith.uasc.models import GRANTED, ImmigrationStatus

S = ImmigrationStatus
DECISIONS = frozenset({*GRANTED, S.REFUSED})

# What may follow each status; None: nothing recorded yet.
ALLOWED_NEXT: dict[str | None, frozenset[str]] = {
    None: frozenset({S.CLAIM_LODGED}),
    S.CLAIM_LODGED: DECISIONS,
    S.REFUSED: frozenset({S.APPEAL_LODGED, S.APPEAL_RIGHTS_EXHAUSTED, S.OTHER_LEAVE}),
    S.APPEAL_LODGED: frozenset({*GRANTED, S.APPEAL_RIGHTS_EXHAUSTED}),
    S.REFUGEE: frozenset(),
    S.HUMANITARIAN_PROTECTION: frozenset(),
    S.OTHER_LEAVE: frozenset(),
    S.APPEAL_RIGHTS_EXHAUSTED: frozenset(),
}
