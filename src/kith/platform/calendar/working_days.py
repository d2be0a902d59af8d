"""Working days in England: weekdays that are not bank holidays (pure functions on ``date``).

The bank holidays come from ``data/bank_holidays_england_and_wales.csv``, committed to
the repository and written by ``generate.py`` (``make calendar``); nothing is fetched
at run time. The file is read once, the first time a function here needs it.

The calendar covers whole years, from 1 January of the first year in the file to
31 December of the last. Outside that range Kith cannot tell a working day from a
bank holiday, so every function that has to look at such a day raises
``CalendarNotCovered`` rather than guessing.

Counting conventions, shared by every statutory timescale:

- **Day 0 is the start date.** ``add_working_days(start, n)`` is the n-th working day
  after ``start``; the start date itself is never counted, whether or not it is a
  working day.
- **Between two dates** means the days after the first, up to and including the
  second: ``working_days_between(a, add_working_days(a, n)) == n``.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

HOLIDAYS_CSV = Path(__file__).resolve().parent / "data" / "bank_holidays_england_and_wales.csv"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SATURDAY = 5
_ONE_DAY = timedelta(days=1)


def long_date(day: date) -> str:
    """``3 March 2041``: the way dates are written to people (independent of the locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


class CalendarNotCovered(ValueError):
    """A date outside the years the bank-holiday file covers, so working days cannot be counted."""

    def __init__(self, day: date, covered_from: date, covered_to: date) -> None:
        self.day = day
        self.covered_from = covered_from
        self.covered_to = covered_to
        super().__init__(
            f"Kith's bank-holiday calendar covers {long_date(covered_from)} to {long_date(covered_to)}; "
            f"{long_date(day)} is outside it. Regenerate it with `make calendar`."
        )


@dataclass(frozen=True)
class _Calendar:
    covered_from: date
    covered_to: date
    # Every row of the file, weekend dates included: {date: name}.
    holidays: dict[date, str]
    # The bank holidays that fall on a weekday (the days off), sorted: what counting skips.
    days_off: tuple[date, ...]


@cache
def _calendar() -> _Calendar:
    with HOLIDAYS_CSV.open(newline="", encoding="utf-8") as file:
        reader = csv.reader(file)
        header = next(reader, None)
        if header != ["date", "name"]:
            raise ValueError(f"{HOLIDAYS_CSV} must start with the header 'date,name'; run `make calendar`.")
        rows = [(date.fromisoformat(day), name) for day, name in reader]
    days = [day for day, _ in rows]
    if not days or days != sorted(set(days)):
        raise ValueError(f"{HOLIDAYS_CSV} must list each date once, in order; run `make calendar`.")
    return _Calendar(
        covered_from=date(days[0].year, 1, 1),
        covered_to=date(days[-1].year, 12, 31),
        holidays=dict(rows),
        days_off=tuple(day for day in days if day.weekday() < _SATURDAY),
    )


# COVERED_FROM and COVERED_TO are read from the file on first use, so that importing
# this module (or regenerating a missing file) never needs the file to be there.
if TYPE_CHECKING:
    COVERED_FROM: date
    COVERED_TO: date
else:

    def __getattr__(name: str) -> date:
        if name == "COVERED_FROM":
            return _calendar().covered_from
        if name == "COVERED_TO":
            return _calendar().covered_to
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _covered(day: date) -> bool:
    calendar = _calendar()
    return calendar.covered_from <= day <= calendar.covered_to


def _not_covered(day: date) -> CalendarNotCovered:
    calendar = _calendar()
    return CalendarNotCovered(day, calendar.covered_from, calendar.covered_to)


def _require_covered(day: date) -> None:
    if not _covered(day):
        raise _not_covered(day)


def _require_span_covered(after: date, up_to: date) -> None:
    """The days in (after, up_to] must be covered; the message names one of the two dates given."""
    if not _covered(up_to):
        raise _not_covered(up_to)
    if not _covered(after + _ONE_DAY):
        raise _not_covered(after)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a bank holiday in England and Wales."""
    _require_covered(day)
    return day.weekday() < _SATURDAY and day not in _calendar().holidays


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start`` (before it when n is negative); ``start`` is day 0.

    ``add_working_days(start, 0)`` is ``start``, even when ``start`` is not a working day.
    Raises ``CalendarNotCovered`` when a day it has to look at is outside the calendar (naming
    ``start`` when the count cannot begin because ``start`` is outside it too).
    """
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    if n and not _covered(start + step):
        # Name the start date when it is itself outside the calendar: that is the date the caller gave.
        raise _not_covered(start if not _covered(start) else start + step)
    day = start
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def _weekdays_up_to(day: date) -> int:
    """How many Mondays to Fridays there are from 1 January of year 1 (a Monday) to ``day``."""
    weeks, days = divmod(day.toordinal(), 7)
    return weeks * 5 + min(days, 5)


def working_days_between(a: date, b: date) -> int:
    """The working days after ``a``, up to and including ``b``; negative when ``b`` is before ``a``.

    ``working_days_between(a, add_working_days(a, n)) == n`` for every n >= 0, and
    ``working_days_between(b, a) == -working_days_between(a, b)``.
    """
    if b < a:
        return -working_days_between(b, a)
    if a == b:
        return 0
    _require_span_covered(a, b)
    days_off = _calendar().days_off
    holidays = bisect_right(days_off, b) - bisect_right(days_off, a)
    return _weekdays_up_to(b) - _weekdays_up_to(a) - holidays


def bank_holidays_between(a: date, b: date) -> list[tuple[date, str]]:
    """The bank holidays that took a working day away in (a, b], oldest first, with their names.

    These are the days a working-day count skipped besides weekends, for explanations
    such as "not counting 25 Dec, 28 Dec and 1 Jan". A holiday that falls on a
    Saturday or Sunday is left out (the weekend was not a working day anyway); its
    substitute day, such as "Boxing Day (observed)", is listed. When ``b`` is before
    ``a`` the days in (b, a] are used, as ``working_days_between`` does.
    """
    if b < a:
        a, b = b, a
    if a == b:
        return []
    _require_span_covered(a, b)
    calendar = _calendar()
    days_off = calendar.days_off[bisect_right(calendar.days_off, a) : bisect_right(calendar.days_off, b)]
    return [(day, calendar.holidays[day]) for day in days_off]


def add_calendar_days(start: date, n: int) -> date:
    """``start`` plus n days (minus, when n is negative), weekends and bank holidays included."""
    return start + timedelta(days=n)


def add_weeks(start: date, n: int) -> date:
    """``start`` plus n weeks: the same weekday, 7 × n days later."""
    return start + timedelta(weeks=n)


def add_months(start: date, n: int) -> date:
    """The same day of the month n months later, or the month's last day when it is shorter.

    31 January + 1 month is 28 (or 29) February; 29 February 2028 + 12 months is
    28 February 2029.
    """
    years, month_index = divmod(start.month - 1 + n, 12)
    year = start.year + years
    month = month_index + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))
