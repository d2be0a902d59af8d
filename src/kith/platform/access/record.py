"""Writing the access log: every view, print or export of a record, and every refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kith.platform import clock
from kith.platform.access.models import AccessLogEntry, BreakGlassAccess

if TYPE_CHECKING:
    from kith.platform.access.models import User


def log_access(
    user: User,
    *,
    person: Any,
    what: str,
    page: str,
    requested_id: str = "",
    break_glass: BreakGlassAccess | None = None,
) -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        user=user,
        person=person,
        requested_id=requested_id[:64],
        what=what,
        page=page[:200],
        at=clock.now(),
        break_glass=break_glass,
    )
