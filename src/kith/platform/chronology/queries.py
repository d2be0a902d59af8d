"""Reading a chronology: a child's events, all or key only, by type and date range."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.registry import Significance


def chronology_of(
    person: Any,
    *,
    key_only: bool = False,
    event_types: list[str] | None = None,
    occurred_from: date | None = None,
    occurred_to: date | None = None,
) -> QuerySet[CaseEvent]:
    """The events recorded about a person, latest first, with who recorded each (one query)."""
    events = CaseEvent.objects.filter(children=person).select_related("recorded_by", "recorded_by__staff_member")
    if key_only:
        events = events.filter(significance=Significance.KEY)
    if event_types:
        events = events.filter(event_type__in=event_types)
    if occurred_from:
        events = events.filter(occurred_on__gte=occurred_from)
    if occurred_to:
        events = events.filter(occurred_on__lte=occurred_to)
    return events.order_by("-occurred_on", "-recorded_at", "-pk")
