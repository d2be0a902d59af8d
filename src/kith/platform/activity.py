"""Activity types for areas whose actions are about the service, not a child (docs/adr/0008).

Such an action has no child's chronology to write to, so it writes an entry in its area's own
activity log; the codes and titles are registered here once, as chronology event types are.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActivityType:
    code: str
    title: str


ACTIVITY_TYPES: dict[str, ActivityType] = {}


def register(code: str, title: str) -> ActivityType:
    if code in ACTIVITY_TYPES:
        raise ValueError(f"Activity type {code} is registered twice")
    made = ActivityType(code, title)
    ACTIVITY_TYPES[code] = made
    return made
