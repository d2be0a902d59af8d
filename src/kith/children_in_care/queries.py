"""Reading a child's time in care: the open period, the current episode and placement, the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet

from kith.children_in_care.models import Episode, InboundPlacement, PeriodOfCare, Placement
from kith.platform import clock
from kith.platform.reference.ssda903 import TEMPORARY_PLACEMENTS


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


@dataclass(frozen=True)
class Stability:
    """How settled the child is (inspection_findings §1.22): placements in the last 12 months, counting
    the current one and leaving out temporary moves, and how long in the current placement."""

    placements_in_last_year: int
    days_in_current_placement: int | None

    @property
    def three_or_more(self) -> bool:
        """The national indicator: three or more placements in a year."""
        return self.placements_in_last_year >= 3


def stability_on(child: Any, on: date) -> Stability:
    year_ago = on - timedelta(days=365)
    placements = (
        Placement.objects.filter(child=child, started_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=year_ago))
        .exclude(placement_type__in=TEMPORARY_PLACEMENTS)
    )
    current = placements.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on)).order_by("-started_on").first()
    return Stability(
        placements_in_last_year=placements.count(),
        days_in_current_placement=(on - current.started_on).days if current is not None else None,
    )


def record_summary(child: Any) -> dict[str, Any]:
    """The "Looked after" panel of the Case work tab.

    Keys: ``period`` (open, or the latest, or None), ``is_open``, ``episode`` and ``placement``
    (current), ``stability`` (a Stability, while looked after), ``placement_plan`` and
    ``notification`` (of the current placement, or None), ``periods`` (how many); for the current
    placement ``risk_flag`` (open, or None), ``distance_plan`` (the latest, when out of area),
    ``oversight`` (the latest check, when unregistered); ``disruptions_to_review`` (placements of
    the period that ended unplanned with no disruption meeting); ``inbound`` (an open placement here
    by another council).
    """
    period = open_period_of_care(child) or latest_period_of_care(child)
    summary: dict[str, Any] = {
        "period": period,
        "is_open": period is not None and period.ended_on is None,
        "episode": None,
        "placement": None,
        "stability": None,
        "placement_plan": None,
        "notification": None,
        "periods": PeriodOfCare.objects.filter(child=child).count(),
        "risk_flag": None,
        "distance_plan": None,
        "oversight": None,
        "disruptions_to_review": [],
        "inbound": InboundPlacement.objects.filter(child=child, ended_on__isnull=True).first(),
    }
    if period is not None and period.ended_on is None:
        placement = current_placement(period)
        summary["episode"] = current_episode(period)
        summary["placement"] = placement
        summary["stability"] = stability_on(child, clock.today())
        if placement is not None:
            summary["placement_plan"] = placement.placement_plans.first()
            summary["notification"] = placement.notifications.first()
            summary["risk_flag"] = placement.risk_flags.filter(lifted_on__isnull=True).first()
            if not placement.in_area:
                summary["distance_plan"] = placement.distance_plans.first()
            if placement.unregistered:
                summary["oversight"] = placement.oversight_checks.first()
        summary["disruptions_to_review"] = list(
            period.placements.filter(ended_on__isnull=False, end_was_planned=False, disruption_meetings__isnull=True)
        )
    return summary
