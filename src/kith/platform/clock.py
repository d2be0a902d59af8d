"""The single seam for "now" and "today" in Europe/London.

Deadlines, ages and "entered late" flags are all computed from these two
functions, so tests freeze one place (time-machine) and the whole system agrees
on what day it is. Nothing else calls ``datetime.now()`` or ``date.today()``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    """The current instant, timezone-aware."""
    return timezone.now()


def today() -> date:
    """Today's date in Europe/London (the service's time zone)."""
    return timezone.localdate(timezone.now())
