"""The registry of chronology event types.

Each area declares its event types in its own ``events.py`` and registers them
here, once. A stable code (``"people.person_added"``) is what the database
stores; the title is what a practitioner reads when filtering.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Significance(StrEnum):
    KEY = "key"
    STANDARD = "standard"


@dataclass(frozen=True)
class EventType:
    code: str
    title: str
    significance: Significance
    description: str


class DuplicateEventType(ValueError):
    pass


class UnknownEventType(KeyError):
    pass


_REGISTRY: dict[str, EventType] = {}


def register(code: str, title: str, *, significance: Significance, description: str) -> EventType:
    """Declare an event type. Codes are ``<area>.<noun>_<past verb>`` and never reused."""
    if code in _REGISTRY:
        raise DuplicateEventType(f"Event type {code!r} is already registered")
    event_type = EventType(code=code, title=title, significance=significance, description=description)
    _REGISTRY[code] = event_type
    return event_type


def get(code: str) -> EventType:
    try:
        return _REGISTRY[code]
    except KeyError as missing:
        raise UnknownEventType(code) from missing


def all_event_types() -> list[EventType]:
    return sorted(_REGISTRY.values(), key=lambda event_type: event_type.title)
