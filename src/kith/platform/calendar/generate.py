"""Write the England and Wales bank-holiday file: ``make calendar`` (``python -m kith.platform.calendar.generate``).

The dates and names come from the ``holidays`` package, a development dependency
only: Kith reads the committed CSV at run time and never imports ``holidays``. The
output depends only on the years below and the package's version, so running this
again writes the same bytes (a test checks the committed file against it).

To cover more years, raise ``LAST_YEAR``, run ``make calendar`` and commit the CSV.
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date

import holidays

from kith.platform.calendar.working_days import HOLIDAYS_CSV

FIRST_YEAR = 2000
LAST_YEAR = 2040


def bank_holidays(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> list[tuple[date, str]]:
    """Every England and Wales bank holiday in the years given, by date.

    Substitute days are included ("Boxing Day (observed)"), and so are the holidays
    that fall on a weekend, as the package gives them.
    """
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return sorted(found.items())


def render(rows: list[tuple[date, str]]) -> str:
    """The CSV text: a ``date,name`` header, then one ISO date and name a line, with Unix line endings."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "name"])
    writer.writerows((day.isoformat(), name) for day, name in rows)
    return out.getvalue()


def main() -> None:
    rows = bank_holidays()
    HOLIDAYS_CSV.parent.mkdir(parents=True, exist_ok=True)
    HOLIDAYS_CSV.write_bytes(render(rows).encode("utf-8"))
    sys.stdout.write(f"Wrote {len(rows)} bank holidays ({FIRST_YEAR} to {LAST_YEAR}) to {HOLIDAYS_CSV}\n")


if __name__ == "__main__":
    main()
