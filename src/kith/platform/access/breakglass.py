"""Break-glass: opening a restricted record in an emergency, with a reason, for a short time.

It is not a grant. It lasts ``BREAK_GLASS_LASTS``, the reason is kept, and every
page seen under it carries the break-glass row in the access log.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction

from kith.platform import clock
from kith.platform.access.models import AccessLogEntry, BreakGlassAccess
from kith.platform.access.record import log_access

if TYPE_CHECKING:
    from kith.platform.access.models import User

BREAK_GLASS_LASTS = timedelta(hours=1)
MINIMUM_REASON_LENGTH = 10


class ReasonTooShort(ValueError):
    pass


@transaction.atomic
def break_glass(person: Any, *, by: User, reason: str, page: str) -> BreakGlassAccess:
    """Open ``person``'s restricted record for ``by``. The caller checks the user may."""
    reason = reason.strip()
    if len(reason) < MINIMUM_REASON_LENGTH:
        raise ReasonTooShort("Enter the reason you need to see this record now, in a sentence")
    started = clock.now()
    access = BreakGlassAccess.objects.create(
        person=person, user=by, reason=reason, started_at=started, expires_at=started + BREAK_GLASS_LASTS
    )
    log_access(by, person=person, what=AccessLogEntry.What.VIEW, page=page, break_glass=access)
    return access
