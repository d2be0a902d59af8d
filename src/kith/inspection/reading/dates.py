"""Dates as reports write them: "18 March to 22 March 2024", "24 and 25 November 2009", "11–22 October 2010"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_WRITTEN = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s+(?P<month>{_MONTH})\.?\b)?(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.IGNORECASE,
)
_ONLY_A_DATE = re.compile(
    rf"^\s*(?:\w+day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?,?\s+\d{{4}}\s*\.?$", re.IGNORECASE
)

Parts = tuple[int, int | None, int | None]


def _parts(text: str) -> list[Parts]:
    numeric = [(int(d), int(m), int(y)) for d, m, y in _NUMERIC.findall(text)]
    if numeric:
        return [(d, m, y) for d, m, y in numeric]
    found: list[Parts] = []
    for match in _WRITTEN.finditer(text):
        month = match.group("month")
        year = match.group("year")
        found.append((int(match.group("day")), MONTHS[month.lower()] if month else None, int(year) if year else None))
    return found


def dates_in(text: str) -> list[date]:
    """Every date written in ``text``, in order; a day written without its month or year takes the next one's."""
    parts = _parts(text)
    month: int | None = None
    year: int | None = None
    filled: list[Parts] = []
    for day, own_month, own_year in reversed(parts):
        month = own_month or month
        year = own_year or year
        filled.append((day, month, year))
    found = []
    for day, filled_month, filled_year in reversed(filled):
        if filled_month is None or filled_year is None:
            continue
        try:
            found.append(date(filled_year, filled_month, day))
        except ValueError:
            continue
    return found


def date_range(text: str) -> tuple[date, date] | None:
    """The first and last dates written in ``text`` (the same date twice for a one-day inspection)."""
    found = dates_in(text)
    if not found:
        return None
    return found[0], found[-1]


def is_only_a_date(text: str) -> bool:
    """A line that is nothing but a date, as at the head of a letter ("23 December 2009")."""
    return bool(_ONLY_A_DATE.match(text))
