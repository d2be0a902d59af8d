"""Reading allegations: the LADO's list, with the latest decision and the time to resolution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, QuerySet, Subquery

from kith.lado.models import Allegation, DecisionKind, LadoDecision
from kith.people.models import Person


@dataclass(frozen=True)
class AllegationRow:
    allegation: Allegation
    children: int
    latest_decision: str
    as_of: date

    @property
    def days_open(self) -> int:
        """Days from receipt to the outcome, or to ``as_of`` while the allegation is open."""
        ended = self.allegation.closed_on or self.as_of
        return (ended - self.allegation.received_on).days


def allegation_rows(visible: QuerySet[Allegation], *, on: date) -> list[AllegationRow]:
    """Open allegations first (oldest first), then concluded ones (latest first)."""
    latest = LadoDecision.objects.filter(allegation=OuterRef("pk")).order_by("-decided_on", "-pk")
    found = visible.annotate(
        affected=Count("children", distinct=True), latest_decision=Subquery(latest.values("decision")[:1])
    )
    open_ = list(found.filter(closed_on__isnull=True).order_by("received_on", "pk"))
    closed = list(found.filter(closed_on__isnull=False).order_by("-closed_on", "-pk"))
    return [
        AllegationRow(
            allegation=row,
            children=row.affected,  # type: ignore[attr-defined]
            latest_decision=_label(row.latest_decision),  # type: ignore[attr-defined]
            as_of=on,
        )
        for row in [*open_, *closed]
    ]


def allegations_about(child: Person) -> QuerySet[Allegation]:
    """The allegations affecting a child, latest first (for the case summary, shown only to those who may see them)."""
    return Allegation.objects.filter(children=child).order_by("-received_on", "-pk")


def _label(decision: str | None) -> str:
    return DecisionKind(decision).label if decision else ""
