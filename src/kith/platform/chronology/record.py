"""Writing chronology events. Called by actions, inside their transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from kith.platform import clock
from kith.platform.actions import note_event_written
from kith.platform.chronology import registry
from kith.platform.chronology.models import CaseEvent

if TYPE_CHECKING:
    from kith.platform.access.models import User


class EventNeedsAChild(ValueError):
    pass


def record_event(
    code: str,
    *,
    children: Iterable[Any],
    by: User,
    summary: str,
    occurred_on: date | None = None,
    subject: models.Model | None = None,
) -> CaseEvent:
    """Record that something happened to one or more children.

    ``occurred_on`` defaults to today; pass the real date when recording after the event.
    """
    event_type = registry.get(code)
    children = list(children)
    if not children:
        raise EventNeedsAChild(f"A {code} event must name at least one child")
    event = CaseEvent.objects.create(
        event_type=event_type.code,
        occurred_on=occurred_on or clock.today(),
        recorded_at=clock.now(),
        recorded_by=by,
        summary=summary[:300],
        significance=event_type.significance.value,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=str(subject.pk) if subject is not None else "",
    )
    # The event is new, so its links can be inserted at once: ``children.set`` would first read
    # the (empty) links back, a query on every event recorded.
    links = CaseEvent.children.through
    links.objects.bulk_create(
        [links(caseevent_id=event.pk, person_id=pk) for pk in dict.fromkeys(getattr(c, "pk", c) for c in children)]
    )
    note_event_written()
    return event
