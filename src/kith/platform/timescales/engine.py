"""The due-date engine: when a clock falls due, why, and where a deadline stands on a day.

Pure functions on ``date`` objects, with no database, except ``limit_for``, which
looks up the council's local standard.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from kith.platform.calendar import bank_holidays_between
from kith.platform.calendar.working_days import long_date
from kith.platform.timescales import registry
from kith.platform.timescales.types import Limit, Timescale, WorkingDays

# Two fixed starting days from which a local standard and the statutory limit are
# compared: one just after New Year and one in early summer, so that a working-day
# limit and a month or week limit are each tried across bank holidays and without.
REFERENCE_STARTS = (date(2027, 1, 4), date(2027, 6, 1))


class DeadlineStatus(StrEnum):
    DUE = "due"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET_IN_TIME = "met_in_time"
    MET_LATE = "met_late"
    PAUSED = "paused"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


def due_on(timescale_or_limit: Timescale | Limit, started_on: date) -> date:
    """The day the work is due when the clock started on ``started_on``."""
    limit = timescale_or_limit.limit if isinstance(timescale_or_limit, Timescale) else timescale_or_limit
    return limit.due_from(started_on)


def explain(timescale: Timescale, started_on: date, due: date, *, limit: Limit | None = None) -> str:
    """Why ``due`` is the due date, in words.

    "Due 13 January 2027: 15 working days after the strategy discussion on 18 December
    2026, not counting 25 December, 28 December and 1 January." Bank holidays are
    listed for working-day limits only. ``limit`` is the limit actually used, when a
    local standard replaced the declared one.
    """
    used = timescale.limit if limit is None else limit
    start = timescale.starts_when.words
    if used.n == 0:
        text = f"Due {long_date(due)}: the same day as {start} on {long_date(started_on)}"
    else:
        text = f"Due {long_date(due)}: {used.in_words} after {start} on {long_date(started_on)}"
    if isinstance(used, WorkingDays):
        skipped = [day for day, _name in bank_holidays_between(started_on, due) if day.weekday() < 5]
        if skipped:
            text += f", not counting {_and_list([f'{day.day} {day:%B}' for day in skipped])}"
    text += "."
    if used != timescale.limit:
        declared = "default" if timescale.is_local_standard else "statutory limit"
        text += f" This is the council's local standard; the {declared} is {timescale.limit.in_words}."
    return text


def status_on(
    *,
    due_on: date,
    met_on: date | None,
    cancelled_on: date | None,
    paused: bool,
    today: date,
    due_soon_within: Limit = WorkingDays(2),  # noqa: B008 -- a frozen value, safe as a default
) -> DeadlineStatus:
    """Where a deadline stands on ``today``. The first rule that applies wins:

    1. met on or before ``today``: met in time if met on or before the due date, else met late;
    2. cancelled on or before ``today``: cancelled;
    3. paused: paused;
    4. ``today`` is after the due date: overdue;
    5. the due date is within ``due_soon_within`` of ``today`` (by default, today is on
       or after the day two working days before it): due soon;
    6. otherwise: due.

    A meeting or cancellation dated after ``today`` has not happened yet on ``today``,
    so asking about a past day gives the status as it stood then.
    """
    if met_on is not None and met_on <= today:
        return DeadlineStatus.MET_IN_TIME if met_on <= due_on else DeadlineStatus.MET_LATE
    if cancelled_on is not None and cancelled_on <= today:
        return DeadlineStatus.CANCELLED
    if paused:
        return DeadlineStatus.PAUSED
    if today > due_on:
        return DeadlineStatus.OVERDUE
    if due_on <= due_soon_within.due_from(today):
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.DUE


def is_no_looser(candidate: Limit, than: Limit) -> bool:
    """True when ``candidate`` never falls due later than ``than`` from the reference starting days."""
    return all(candidate.due_from(start) <= than.due_from(start) for start in REFERENCE_STARTS)


def limit_for(code: str, on: date) -> Limit:
    """The limit a clock for ``code`` started on ``on`` runs to.

    The council's active local standard when one is set, else the declared limit of the
    version in force on ``on``. A local standard for a statutory timescale counts only
    while it is no looser than the statutory limit, so a statutory limit made stricter
    later still wins.
    """
    timescale = registry.get(code, on=on)
    # Deferred: the one database read in this module, kept out of its import so the
    # rest of the engine stays usable (and testable) without a database.
    from kith.platform.timescales.queries import local_limit  # noqa: PLC0415

    local = local_limit(code)
    if local is None:
        return timescale.limit
    if timescale.is_local_standard or is_no_looser(local, timescale.limit):
        return local
    return timescale.limit


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
