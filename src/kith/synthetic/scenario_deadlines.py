"""The deadlines part of a scenario report: every clock a child had running by the `as_of` date."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.people.models import Person
from kith.platform.timescales import registry
from kith.platform.timescales.models import Deadline
from kith.platform.timescales.queries import with_status


def deadlines_report(child: Person, *, as_of: date) -> list[dict[str, Any]]:
    """Each deadline started by `as_of`, with its status on that date (met later counts as not yet met)."""
    started = Deadline.objects.filter(child=child, started_on__lte=as_of).order_by("started_on", "due_on", "pk")
    return [
        {
            "code": deadline.timescale_code,
            "title": registry.get(deadline.timescale_code, on=deadline.started_on).title,
            "started_on": deadline.started_on.isoformat(),
            "due_on": deadline.due_on.isoformat(),
            "met_on": deadline.met_on.isoformat() if deadline.met_on and deadline.met_on <= as_of else None,
            "status": deadline.status,
            "explanation": deadline.explanation,
        }
        for deadline in with_status(started, on=as_of)
    ]
