"""What a statutory timescale is: its limit, its legal source and the events around its clock.

Pure values (frozen dataclasses) with no database. Each area declares its own
timescales with these types in its ``timescales.py``; the registry collects them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from kith.platform.calendar import add_calendar_days, add_months, add_weeks, add_working_days

_CODE = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z0-9_]*$")


def _counted(n: int, one: str, many: str) -> str:
    if n == 0:
        return "the same day"
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class _Limit:
    n: int
    kind: ClassVar[str]

    def __post_init__(self) -> None:
        if isinstance(self.n, bool) or not isinstance(self.n, int) or self.n < 0:
            raise ValueError(f"A limit is a whole number of zero or more, not {self.n!r}")


@dataclass(frozen=True)
class WorkingDays(_Limit):
    """Working days in England: not weekends, not bank holidays. Day 0 is the start date."""

    kind: ClassVar[str] = "working_days"

    def due_from(self, start: date) -> date:
        return add_working_days(start, self.n)

    @property
    def in_words(self) -> str:
        return _counted(self.n, "working day", "working days")


@dataclass(frozen=True)
class CalendarDays(_Limit):
    kind: ClassVar[str] = "calendar_days"

    def due_from(self, start: date) -> date:
        return add_calendar_days(start, self.n)

    @property
    def in_words(self) -> str:
        return _counted(self.n, "calendar day", "calendar days")


@dataclass(frozen=True)
class Weeks(_Limit):
    kind: ClassVar[str] = "weeks"

    def due_from(self, start: date) -> date:
        return add_weeks(start, self.n)

    @property
    def in_words(self) -> str:
        return _counted(self.n, "week", "weeks")


@dataclass(frozen=True)
class Months(_Limit):
    """Calendar months; a day past the end of a short month falls on its last day (31 Jan + 1 month = 28 or 29 Feb)."""

    kind: ClassVar[str] = "months"

    def due_from(self, start: date) -> date:
        return add_months(start, self.n)

    @property
    def in_words(self) -> str:
        return _counted(self.n, "month", "months")


Limit = WorkingDays | CalendarDays | Weeks | Months

LIMIT_KINDS: dict[str, type[Limit]] = {kind.kind: kind for kind in (WorkingDays, CalendarDays, Weeks, Months)}


def limit_from(kind: str, n: int) -> Limit:
    """The limit stored as ``kind`` and ``n`` (how local standards keep theirs)."""
    try:
        return LIMIT_KINDS[kind](n)
    except KeyError as unknown:
        raise ValueError(f"No kind of limit called {kind!r}; the kinds are {', '.join(LIMIT_KINDS)}") from unknown


@dataclass(frozen=True)
class LegalSource:
    """The document a timescale comes from and where in it: ``reference`` is the section, regulation or chapter."""

    document: str
    reference: str
    url: str = ""

    def __str__(self) -> str:
        return f"{self.document}, {self.reference}" if self.reference else self.document


@dataclass(frozen=True)
class Document:
    """A document timescales come from, with the day it came into force (the default ``effective_from``)."""

    title: str
    in_force_from: date
    url: str = ""

    def at(self, reference: str) -> LegalSource:
        """This document at a section, regulation or chapter ("reg 33")."""
        return LegalSource(document=self.title, reference=reference, url=self.url)


@dataclass(frozen=True)
class When:
    """Something that happens in the work, in practitioners' words.

    ``words`` reads after "15 working days after …" for the event that starts a clock
    ("the strategy discussion"), and as a clause for the others ("the conference is held").
    ``event`` is the chronology event type that records it, where one exists or is
    planned (``"assessments.strategy_discussion_held"``); empty when there is none yet.
    """

    words: str
    event: str = ""

    def __str__(self) -> str:
        return self.words


@dataclass(frozen=True)
class Timescale:
    """One statutory (or local) timescale, in force from ``effective_from`` up to the day before ``effective_to``.

    A later version of the same rule is a second ``Timescale`` with the same code and a
    later ``effective_from`` (the earlier one's ``effective_to``); a clock started on a
    date uses the version in force on that date.
    """

    code: str
    title: str
    limit: Limit
    source: LegalSource
    starts_when: When
    met_when: When
    effective_from: date
    effective_to: date | None = None
    restarts_when: frozenset[When] = field(default_factory=frozenset)
    pauses_when: frozenset[When] = field(default_factory=frozenset)
    is_local_standard: bool = False
    description: str = ""

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(f"A timescale code is '<area>.<milestone>' in lower case, not {self.code!r}")
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError(f"{self.code}: effective_to must be after effective_from")

    @property
    def area(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def restarts(self) -> bool:
        """Starting the clock again while one is open replaces the open one (a new strategy discussion)."""
        return bool(self.restarts_when)

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)
