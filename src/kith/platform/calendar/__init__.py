"""The working-day calendar for England: bank holidays, working days and date arithmetic.

Statutory timescales count working days (an initial child protection conference
within 15 working days of the strategy discussion), calendar days, weeks or months.
This package does that arithmetic on ``datetime.date`` and nothing else: no database,
no clock. The bank holidays of England and Wales come from a committed CSV
(``data/bank_holidays_england_and_wales.csv``, written by ``make calendar``); dates
outside the years it covers raise ``CalendarNotCovered`` instead of being guessed.

Day 0 is the start date: ``add_working_days(start, n)`` is the n-th working day after
it, and ``working_days_between(a, b)`` counts the working days after ``a`` up to and
including ``b``. See ``docs/domain/calendar.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kith.platform.calendar import working_days
from kith.platform.calendar.working_days import (
    CalendarNotCovered,
    add_calendar_days,
    add_months,
    add_weeks,
    add_working_days,
    bank_holidays_between,
    is_working_day,
    working_days_between,
)

if TYPE_CHECKING:
    from kith.platform.calendar.working_days import COVERED_FROM, COVERED_TO
else:

    def __getattr__(name: str) -> object:
        # COVERED_FROM and COVERED_TO are read from the bank-holiday file on first use.
        if name in {"COVERED_FROM", "COVERED_TO"}:
            return getattr(working_days, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "COVERED_FROM",
    "COVERED_TO",
    "CalendarNotCovered",
    "add_calendar_days",
    "add_months",
    "add_weeks",
    "add_working_days",
    "bank_holidays_between",
    "is_working_day",
    "working_days_between",
]
