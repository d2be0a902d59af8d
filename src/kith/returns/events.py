"""The returns area's activity: what each action writes in place of a child's chronology event.

A return is about the whole service, not a child, so its actions have no child's chronology to
write to (``record_event`` needs at least one child). As in the inspection area (docs/adr/0008),
each action writes one append-only ``ReturnActivity`` entry in the same transaction and tells
``@action`` its event is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kith.platform import clock
from kith.platform.actions import note_event_written
from kith.platform.activity import ACTIVITY_TYPES, ActivityType, register
from kith.returns.models import ReturnActivity, ReturnRun

if TYPE_CHECKING:
    from kith.platform.access.models import User


RETURN_GENERATED = register("returns.generated", "Return generated")
RETURN_VALIDATED = register("returns.validated", "Return checked with the sector validator")


def record_activity(kind: ActivityType, *, run: ReturnRun, by: User, summary: str) -> ReturnActivity:
    """Log what an action did; called by the action, inside its transaction."""
    entry = ReturnActivity.objects.create(
        code=kind.code, run=run, summary=summary[:300], recorded_by=by, recorded_at=clock.now()
    )
    note_event_written()
    return entry


def title_of(code: str) -> str:
    found = ACTIVITY_TYPES.get(code)
    return found.title if found else code
