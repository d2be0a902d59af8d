"""What every list says about a child, and who held the child's case on the inspection date.

No names or addresses: the child is their Kith number, as in the CIN census and the 903. Staff are
named, because Annex A asks for the allocated team and worker by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kith.people.models import Person
from kith.platform.reference.dfe import Disability
from kith.returns.annex_a.codes import ETHNICITY, GENDER, NO, UNKNOWN, YES
from kith.returns.annex_a.period import Inspection
from kith.workforce.models import Allocation

Cell = str | int | date | None
Row = dict[str, Cell]

# The team holds the case but has not named a worker.
UNALLOCATED = "Unallocated"


def about(person: Person, inspection: Inspection) -> Row:
    """The columns every list about a child begins with; the age is on the inspection date."""
    return {
        "Child Unique ID": person.kith_id,
        "Gender": GENDER[person.sex],
        "Ethnicity": ETHNICITY[person.ethnicity],
        # Blank for an unborn child (the column may be).
        "Date of Birth": person.date_of_birth,
        "Age of Child (Years)": person.age_on(inspection.on),
    }


def disability(person: Person) -> str:
    """Yes for any disability recorded, No when "no disability" was recorded, Unknown when nothing was:
    as in the census, no code is a question nobody has answered yet, never a "no".

    Reads ``person.disabilities`` (prefetch it)."""
    codes = {row.code for row in person.disabilities.all()}
    if not codes:
        return UNKNOWN
    return NO if codes == {Disability.NONE} else YES


@dataclass(frozen=True)
class Held:
    """The team and worker holding the case on the inspection date, or last holding it if it closed."""

    team: str | None
    worker: str | None

    def columns(self) -> Row:
        return {"Allocated Team": self.team, "Allocated Worker": self.worker}


NOT_HELD = Held(team=None, worker=None)


def held_on(child_ids: Iterable[int], on: date) -> dict[int, Held]:
    """For each child, the allocation in force on ``on`` (the latest begun by then: allocations never
    overlap, so it is the one held that day, or the last one before the case closed). One query."""
    found: dict[int, Held] = {}
    allocations = (
        Allocation.objects.filter(child_id__in=set(child_ids), started_on__lte=on)
        .select_related("team", "worker")
        .order_by("child_id", "-started_on", "-decided_at", "-pk")
    )
    for allocation in allocations:
        if allocation.child_id not in found:
            worker = allocation.worker.full_name if allocation.worker is not None else UNALLOCATED
            found[allocation.child_id] = Held(team=allocation.team.name, worker=worker)
    return found
