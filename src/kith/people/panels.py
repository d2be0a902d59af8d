"""The areas' panels on a child's case summary: the open episode, assessments, plans, visits.

Each area registers a partial template and the query that feeds it (from its app's
``ready``); the case summary shows them in the order of the child's journey. People
knows nothing of the areas beyond this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kith.people.models import Person


@dataclass(frozen=True)
class Panel:
    order: int
    template: str
    summary_of: Callable[[Person], Any]
    shown_to: Callable[[Any], bool] | None = None


_PANELS: list[Panel] = []


def register_panel(
    template: str,
    summary_of: Callable[[Person], Any],
    *,
    order: int,
    shown_to: Callable[[Any], bool] | None = None,
) -> None:
    """Show ``template`` on the case summary, rendered with ``summary`` = ``summary_of(child)``.

    ``shown_to(user)``, when given, limits the panel to the users it allows (LADO allegations).
    """
    _PANELS.append(Panel(order, template, summary_of, shown_to))
    _PANELS.sort(key=lambda panel: panel.order)


def panels_for(child: Person, user: Any) -> list[tuple[str, Any]]:
    """(template, summary) for each registered panel the user may see, in the order of the journey."""
    return [
        (panel.template, panel.summary_of(child)) for panel in _PANELS if panel.shown_to is None or panel.shown_to(user)
    ]
