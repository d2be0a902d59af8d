"""Reading a child's time in care: the open period, the current episode and placement, the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from kith.children_in_care.models import Episode, PeriodOfCare, Placement


def open_period_of_care(child: Any) -> PeriodOfCare | None:
    """The period of care still running, if the child is looked after now."""
    return PeriodOfCare.objects.filter(child=child, ended_on__isnull=True).first()


def period_of_care_on(child: Any, on: date) -> PeriodOfCare | None:
    """The period of care the child was in on ``on`` (looked after that day), if any."""
    return (
        PeriodOfCare.objects.filter(child=child, started_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .order_by("-started_on")
        .first()
    )


def is_looked_after_on(child: Any, on: date) -> bool:
    return period_of_care_on(child, on) is not None


def periods_of_care(child: Any) -> QuerySet[PeriodOfCare]:
    """Every period of care of the child, oldest first."""
    return PeriodOfCare.objects.filter(child=child).order_by("started_on", "pk")


def current_episode(period: PeriodOfCare) -> Episode | None:
    return period.episodes.filter(ended_on__isnull=True).select_related("placement").first()


def current_placement(period: PeriodOfCare) -> Placement | None:
    return period.placements.filter(ended_on__isnull=True).first()


def placement_on(period: PeriodOfCare, on: date) -> Placement | None:
    """The placement the child was living in on ``on`` during the period; on the day of a move, the new one."""
    return (
        period.placements.filter(started_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .order_by("-started_on", "-pk")
        .first()
    )


def episodes_of(child: Any) -> QuerySet[Episode]:
    """Every episode of the child, oldest first, with its placement: the 903 episodes, one row each."""
    return Episode.objects.filter(child=child).select_related("placement").order_by("started_on", "pk")


def placements_of(child: Any) -> QuerySet[Placement]:
    """Every placement of the child, oldest first."""
    return Placement.objects.filter(child=child).order_by("started_on", "pk")


def latest_period_of_care(child: Any) -> PeriodOfCare | None:
    return PeriodOfCare.objects.filter(child=child).order_by("-started_on", "-pk").first()
