"""Start-up check: the bank-holiday calendar must reach well beyond today.

Due dates counted in working days cannot be worked out past the calendar's last
day (``CalendarNotCovered``), so Kith warns a year ahead (``kith.W010``) and reports
an error once today is past it (``kith.E010``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core import checks

from kith.platform import clock
from kith.platform.calendar import working_days
from kith.platform.calendar.working_days import long_date

WARN_WITHIN = timedelta(days=365)
HINT = (
    "Raise LAST_YEAR in src/kith/platform/calendar/generate.py, run `make calendar` "
    "and deploy the regenerated data/bank_holidays_england_and_wales.csv."
)


@checks.register()
def check_calendar_covers_today(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Warn when the calendar ends within a year of today; an error once it has ended."""
    today = clock.today()
    covered_to = working_days.COVERED_TO
    if today > covered_to:
        return [
            checks.Error(
                f"Kith's bank-holiday calendar ended on {long_date(covered_to)} and today is {long_date(today)}: "
                "due dates counted in working days cannot be worked out.",
                hint=HINT,
                id="kith.E010",
            )
        ]
    if covered_to - today <= WARN_WITHIN:
        return [
            checks.Warning(
                f"Kith's bank-holiday calendar ends on {long_date(covered_to)}, {_in_days((covered_to - today).days)}: "
                "due dates counted in working days beyond it cannot be worked out.",
                hint=HINT,
                id="kith.W010",
            )
        ]
    return []


def _in_days(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"
