"""``kith calendar``: working-day arithmetic and the bank holidays, from the command line.

Each verb prints its answer alone on stdout (a date, a number, or one holiday a line),
so scripts can use it. Bad input is one line on stderr and exit status 2.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kith.platform.calendar import working_days
from kith.platform.calendar.working_days import (
    CalendarNotCovered,
    add_working_days,
    bank_holidays_between,
    long_date,
    working_days_between,
)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE_NUMBER = re.compile(r"-?[0-9]+")
_YEAR = re.compile(r"[0-9]{4}")


class Command(BaseCommand):
    help = "Working days and bank holidays in England: add-working-days, working-days-between, holidays."
    # A lookup needs neither the system checks nor the database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        add = verbs.add_parser("add-working-days", help="print the N-th working day after DATE (before it if N < 0)")
        add.add_argument("date", metavar="DATE", help="the start date (day 0), YYYY-MM-DD")
        add.add_argument("n", metavar="N", help="how many working days, a whole number")
        between = verbs.add_parser(
            "working-days-between", help="print the working days after FROM up to and including TO"
        )
        between.add_argument("start", metavar="FROM", help="YYYY-MM-DD")
        between.add_argument("end", metavar="TO", help="YYYY-MM-DD")
        year = verbs.add_parser("holidays", help="list YEAR's bank holidays in England and Wales, one a line")
        year.add_argument("year", metavar="YEAR", help="such as 2026")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["verb"] == "add-working-days":
                self.stdout.write(add_working_days(_date(options["date"]), _whole_number(options["n"])).isoformat())
            elif options["verb"] == "working-days-between":
                self.stdout.write(str(working_days_between(_date(options["start"]), _date(options["end"]))))
            else:
                for day, name in _holidays_in(_year(options["year"])):
                    self.stdout.write(f"{day.isoformat()} {name}")
        except CalendarNotCovered as problem:
            raise CommandError(str(problem), returncode=2) from problem


def _date(typed: str) -> date:
    if _ISO_DATE.fullmatch(typed):
        with suppress(ValueError):
            return date.fromisoformat(typed)
    raise CommandError(f"{typed!r} is not a date: write it as YYYY-MM-DD, such as 2026-12-18.", returncode=2)


def _whole_number(typed: str) -> int:
    if _WHOLE_NUMBER.fullmatch(typed):
        with suppress(ValueError):  # more digits than Python converts
            return int(typed)
    raise CommandError(f"{typed!r} is not a whole number of working days, such as 15 or -3.", returncode=2)


def _year(typed: str) -> int:
    if not _YEAR.fullmatch(typed):
        raise CommandError(f"{typed!r} is not a year: write it with four digits, such as 2026.", returncode=2)
    year = int(typed)
    covered_from, covered_to = working_days.COVERED_FROM, working_days.COVERED_TO
    if not covered_from.year <= year <= covered_to.year:
        raise CommandError(
            f"Kith's bank-holiday calendar covers {long_date(covered_from)} to {long_date(covered_to)}; "
            f"{year} is outside it. Regenerate it with `make calendar`.",
            returncode=2,
        )
    return year


def _holidays_in(year: int) -> list[tuple[date, str]]:
    return bank_holidays_between(date(year - 1, 12, 31), date(year, 12, 31))
