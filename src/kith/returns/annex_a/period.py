"""The inspection date and the periods Annex A looks back over.

Lists 1 to 9 cover the six months before the inspection, and Lists 10 and 11 the twelve months:
from the same day of the month six (or twelve) months earlier, up to and including the inspection
date (a contact received on 1 April is in the lists of an inspection starting on 1 October, one
received on 31 March is not). What is recorded as happening after the inspection date had not
happened then and is left out, as a record open that day is shown open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.platform.calendar.working_days import add_months


@dataclass(frozen=True)
class Inspection:
    on: date

    @property
    def six_months_before(self) -> date:
        return add_months(self.on, -6)

    @property
    def twelve_months_before(self) -> date:
        return add_months(self.on, -12)

    def in_six_months(self, day: date) -> bool:
        return self.six_months_before <= day <= self.on

    def in_twelve_months(self, day: date) -> bool:
        return self.twelve_months_before <= day <= self.on

    def open_in_six_months(self, started: date, ended: date | None) -> bool:
        """Whether something begun on ``started`` was still running at some time in the six months."""
        return started <= self.on and (ended is None or ended >= self.six_months_before)

    def by_then(self, day: date | None) -> date | None:
        """A date on or before the inspection date; a later one had not happened yet."""
        return day if day is not None and day <= self.on else None
