"""Starting, meeting and closing clocks: the Deadline rows behind every timescale.

These are called by an area's actions, inside the action's transaction, never from
views; they are not actions themselves and write no chronology event (the calling
action does). They open no transaction of their own (row locks need the action's; one
called outside a transaction fails loudly) and take no savepoint: a clock that cannot
start or be met fails the whole action, so there is nothing smaller to roll back to.
``record_strategy_discussion`` starts the conference clock with ``start_clock``;
``hold_initial_conference`` meets it with ``meet_clock``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from kith.platform import clock
from kith.platform.timescales import registry
from kith.platform.timescales.engine import explain, limit_for
from kith.platform.timescales.models import OPEN, Deadline

RESTARTED = "restarted"


class ClockAlreadyRunning(RuntimeError):
    """A clock that does not restart was started again while the last one is still open."""


class ClockMetBeforeItStarted(ValueError):
    """``met_on`` falls before the day the clock started."""


def start_clock(code: str, *, child: Any, subject: models.Model, started_on: date) -> Deadline:
    """Start the ``code`` clock for ``subject`` on ``started_on`` and store its due date and why.

    The limit is the council's local standard when one is set, else the declared limit
    in force on ``started_on``. When a clock for the same timescale and subject is still
    open, a timescale that restarts (the conference clock, on a new strategy discussion)
    cancels it with the reason "restarted" and starts anew; any other raises
    ``ClockAlreadyRunning``.
    """
    timescale = registry.get(code, on=started_on)
    limit = limit_for(code, started_on)
    due = limit.due_from(started_on)
    subject_type = ContentType.objects.get_for_model(subject)
    running = _open(code, subject_type, subject).select_for_update().first()
    if running is not None:
        if not timescale.restarts:
            raise ClockAlreadyRunning(
                f"The {code} clock for this {subject_type.name} is already running (due {running.due_on})"
            )
        running.cancelled_on = started_on
        running.cancel_reason = RESTARTED
        running.save(update_fields=["cancelled_on", "cancel_reason"])
    return Deadline.objects.create(
        timescale_code=code,
        timescale_effective_from=timescale.effective_from,
        child=child,
        subject_type=subject_type,
        subject_id=str(subject.pk),
        started_on=started_on,
        due_on=due,
        explanation=explain(timescale, started_on, due, limit=limit),
        created_at=clock.now(),
    )


def meet_clock(code: str, *, subject: models.Model, met_on: date, event: Any = None) -> Deadline | None:
    """Mark the open ``code`` clock for ``subject`` met on ``met_on`` (by the chronology ``event``, if given).

    Returns the deadline met, or None when no such clock is running.
    """
    subject_type = ContentType.objects.get_for_model(subject)
    running = _open(code, subject_type, subject).select_for_update().first()
    if running is None:
        return None
    if met_on < running.started_on:
        raise ClockMetBeforeItStarted(f"The {code} clock started on {running.started_on}; it cannot be met on {met_on}")
    running.met_on = met_on
    running.met_by_event = event
    running.save(update_fields=["met_on", "met_by_event"])
    return running


def meet_clocks(codes: tuple[str, ...], *, subject: models.Model, met_on: date, event: Any = None) -> list[Deadline]:
    """Meet whichever of these clocks are open for ``subject``: one query for the work that meets any
    of several timescales (a visit meets the clock of whichever visiting regime was running)."""
    subject_type = ContentType.objects.get_for_model(subject)
    running = list(
        Deadline.objects.filter(
            OPEN, timescale_code__in=codes, subject_type=subject_type, subject_id=str(subject.pk)
        ).select_for_update()
    )
    for deadline in running:
        if met_on < deadline.started_on:
            started = deadline.started_on
            raise ClockMetBeforeItStarted(
                f"The {deadline.timescale_code} clock started on {started}; it cannot be met on {met_on}"
            )
        deadline.met_on = met_on
        deadline.met_by_event = event
        deadline.save(update_fields=["met_on", "met_by_event"])
    return running


def meet_clocks_of_child(codes: tuple[str, ...], *, child: Any, met_on: date, event: Any = None) -> int:
    """Meet every open clock of these timescales for the child, whatever its subject. Returns how many.

    For work that is about the child rather than one record: recording the NHS number meets
    each CP-IS clock (started by a section 47 enquiry, a plan or becoming looked after).
    """
    running = list(
        Deadline.objects.filter(OPEN, timescale_code__in=codes, child=child, started_on__lte=met_on).select_for_update()
    )
    for deadline in running:
        deadline.met_on = met_on
        deadline.met_by_event = event
        deadline.save(update_fields=["met_on", "met_by_event"])
    return len(running)


def cancel_clock(code: str, *, subject: models.Model, on: date, reason: str) -> Deadline | None:
    """Cancel the open ``code`` clock for ``subject`` on ``on``, leaving its other clocks running.

    For when the work a clock waits for is no longer needed (a section 47 enquiry ends
    without a conference). Returns the deadline cancelled, or None when no such clock is running.
    """
    subject_type = ContentType.objects.get_for_model(subject)
    running = _open(code, subject_type, subject).select_for_update().first()
    if running is None:
        return None
    running.cancelled_on = on
    running.cancel_reason = reason
    running.save(update_fields=["cancelled_on", "cancel_reason"])
    return running


def close_clocks_for(subject: models.Model, *, on: date, reason: str) -> int:
    """Cancel every clock still open for ``subject`` (the plan ended, the case closed). Returns how many."""
    subject_type = ContentType.objects.get_for_model(subject)
    running = list(
        Deadline.objects.filter(OPEN, subject_type=subject_type, subject_id=str(subject.pk)).select_for_update()
    )
    for deadline in running:
        deadline.cancelled_on = on
        deadline.cancel_reason = reason
        deadline.save(update_fields=["cancelled_on", "cancel_reason"])
    return len(running)


def _open(code: str, subject_type: ContentType, subject: models.Model) -> models.QuerySet[Deadline]:
    return Deadline.objects.filter(OPEN, timescale_code=code, subject_type=subject_type, subject_id=str(subject.pk))
