"""Reading a child's youth justice record: the open involvement, outcomes, custody, and the 903 OC2 flag."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from kith.youth_justice.models import (
    COUNTS_FOR_903,
    CustodyEpisode,
    Involvement,
    JointSupervision,
    Outcome,
    OutcomeKind,
)


def open_involvement(child: Any) -> Involvement | None:
    return Involvement.objects.filter(child=child, closed_on__isnull=True).first()


def last_closed_on(child: Any) -> date | None:
    return (
        Involvement.objects.filter(child=child, closed_on__isnull=False)
        .order_by("-closed_on")
        .values_list("closed_on", flat=True)
        .first()
    )


def involvements_of(child: Any) -> QuerySet[Involvement]:
    return Involvement.objects.filter(child=child).order_by("-opened_on", "-pk")


def outcomes_of(child: Any) -> QuerySet[Outcome]:
    return Outcome.objects.filter(child=child).order_by("-outcome_on", "-pk")


def open_custody(child: Any) -> CustodyEpisode | None:
    return CustodyEpisode.objects.filter(child=child, ended_on__isnull=True).first()


def last_custody_ended_on(child: Any) -> date | None:
    return (
        CustodyEpisode.objects.filter(child=child, ended_on__isnull=False)
        .order_by("-ended_on")
        .values_list("ended_on", flat=True)
        .first()
    )


def custody_of(child: Any) -> QuerySet[CustodyEpisode]:
    return CustodyEpisode.objects.filter(child=child).prefetch_related("visits").order_by("-started_on", "-pk")


def custodial_sentence_on(child: Any, *, on_or_before: date) -> date | None:
    """The date of the child's latest detention and training order on or before ``on_or_before``."""
    return (
        Outcome.objects.filter(child=child, kind=OutcomeKind.DETENTION_AND_TRAINING_ORDER, outcome_on__lte=on_or_before)
        .order_by("-outcome_on")
        .values_list("outcome_on", flat=True)
        .first()
    )


def joint_supervisions_of(child: Any) -> QuerySet[JointSupervision]:
    return JointSupervision.objects.filter(child=child).order_by("-held_on", "-pk")


def convicted_between(child: Any, start: date, end: date) -> bool:
    """The 903 OC2 CONVICTED flag: a conviction, youth caution or youth conditional caution dated from
    ``start`` to ``end`` inclusive (the collection year: 1 April to 31 March). Diversion does not count."""
    return Outcome.objects.filter(
        child=child, kind__in=COUNTS_FOR_903, outcome_on__gte=start, outcome_on__lte=end
    ).exists()


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows: the open involvement, the latest outcome, custody now."""
    involvement = open_involvement(child)
    return {
        "involvement": involvement,
        "latest_outcome": outcomes_of(child).first(),
        "custody": open_custody(child),
        "closed_before": involvement is None and involvements_of(child).exists(),
    }
