"""Where a child's case stands now, read in one query for the banner on every page.

Each area registers the facts it owns (an open referral, a plan and its category) as
subqueries on the person; the banner then reads them all, with the next thing due, in
a single query however many areas there are. "What happens next" is obvious on every
page of the record (the front door to child protection issue, item 12).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Expression, OuterRef, Subquery

from kith.people.models import Person
from kith.platform.timescales import registry as timescales
from kith.platform.timescales.models import OPEN, Deadline

_FACTS: dict[str, Callable[[], Expression | Subquery]] = {}
_DISPLAY: dict[str, Callable[[Any], Any]] = {}


def register_fact(
    name: str, expression: Callable[[], Expression | Subquery], *, display: Callable[[Any], Any] | None = None
) -> None:
    """Add a fact about the child's case to the banner's query (called from an area's ``ready``).

    ``display`` turns the stored value into words (a code into its label).
    """
    _FACTS[name] = expression
    if display is not None:
        _DISPLAY[name] = display


def _next_due(column: str) -> Subquery:
    return Subquery(Deadline.objects.filter(OPEN, child=OuterRef("pk")).order_by("due_on", "pk").values(column)[:1])


@dataclass(frozen=True)
class NextDue:
    title: str
    due_on: date


def casework_status(person: Person) -> dict[str, Any]:
    """The registered facts for ``person``, plus ``next_due`` (the soonest open deadline) or None."""
    annotations = {name: expression() for name, expression in _FACTS.items()}
    annotations["next_due_code"] = _next_due("timescale_code")
    annotations["next_due_on"] = _next_due("due_on")
    annotations["next_due_version"] = _next_due("timescale_effective_from")
    row = Person.objects.filter(pk=person.pk).annotate(**annotations).values(*annotations).first() or {}
    code, due_on, version = (row.pop(f"next_due_{part}", None) for part in ("code", "on", "version"))
    for name, display in _DISPLAY.items():
        if row.get(name) is not None:
            row[name] = display(row[name])
    row["next_due"] = NextDue(timescales.get(code, on=version).title, due_on) if code else None
    return row
