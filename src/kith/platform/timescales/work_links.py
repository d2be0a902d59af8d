"""Where the work that meets a deadline is recorded: the link on every work-tray item.

Each area says, for its timescales, which page meets the clock ("Record the core group")
and how to reach it from the deadline's subject. The trays stay generic: they ask
``link_for(deadline)`` and show the link when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kith.platform.timescales.models import Deadline


@dataclass(frozen=True)
class WorkLink:
    label: str
    url: str


_LINKS: dict[str, tuple[str, Callable[[Deadline], str]]] = {}


def register_link(code: str, label: str, url_for: Callable[[Deadline], str]) -> None:
    """Declare the page that meets the ``code`` clock; ``url_for`` builds its address from the deadline."""
    _LINKS[code] = (label, url_for)


def link_for(deadline: Deadline) -> WorkLink | None:
    found = _LINKS.get(deadline.timescale_code)
    if found is None:
        return None
    label, url_for = found
    return WorkLink(label, url_for(deadline))


def registered_codes() -> frozenset[str]:
    return frozenset(_LINKS)
