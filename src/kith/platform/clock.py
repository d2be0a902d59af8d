"""The single seam for "now" and "today" in Europe/London.

Deadlines, ages and "entered late" flags are all computed from these two
functions, so the whole system agrees on what day it is. Tests freeze them with
time-machine; replaying a case history (``kith scenario run``) sets them with
``recording_at`` so each step is recorded as if on its own date. Nothing else
calls ``datetime.now()`` or ``date.today()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_set_to: ContextVar[datetime | None] = ContextVar("kith_clock_set_to", default=None)


def now() -> datetime:
    """The current instant, timezone-aware."""
    return _set_to.get() or timezone.now()


def today() -> date:
    """Today's date in Europe/London (the service's time zone)."""
    return timezone.localdate(now())


@contextmanager
def recording_at(moment: datetime) -> Iterator[None]:
    """Within the block, "now" is ``moment``: for replaying what was recorded on a past date."""
    if timezone.is_naive(moment):
        raise ValueError("recording_at needs a timezone-aware moment")
    token = _set_to.set(moment)
    try:
        yield
    finally:
        _set_to.reset(token)
