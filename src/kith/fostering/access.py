"""Who may see and run the fostering service.

The fostering service's pages are not about one child, so they check the user's team and
role, as the LADO's list does:

* **see** the households: anyone in a fostering and adoption team, and managers (team manager,
  service manager, head of service) anywhere;
* **record** the stages of assessment, reviews and training: practitioners (``RECORD_CASE_WORK``)
  in a fostering and adoption team;
* **decide** (temporary approval, approval, ending approval: the agency decision maker's
  decisions): managers (``RECORD_MANAGEMENT_DECISION``) of a fostering and adoption team or of a
  service above one.

Linking a child's placement to a household is the child's workers' case work (``can_record_on``
the child): the fostering team usually cannot see the child's record.

A household page for someone who may not see it, or a form for someone who may not use it, is
"not found", and the refusal is written to the access log, with no person named.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kith.fostering.models import Household
from kith.people.access import can_record_on, has_capability, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.record import log_access
from kith.platform.access.roles import MANAGER_ROLES
from kith.workforce.models import Team, TeamKind


def _in_fostering_team(staff: Any) -> bool:
    return staff.team.kind == TeamKind.FOSTERING_AND_ADOPTION


def _over_a_fostering_team(staff: Any) -> bool:
    """The staff member's team is a fostering team, or a service with one beneath it."""
    return Team.objects.filter(kind=TeamKind.FOSTERING_AND_ADOPTION, path__startswith=staff.team.path).exists()


def can_view_fostering_service(user: Any) -> bool:
    staff = staff_of(user)
    return staff is not None and (
        (_in_fostering_team(staff) and has_capability(user, Capability.VIEW_CHILD_RECORD))
        or staff.role in MANAGER_ROLES
    )


def can_record_fostering(user: Any) -> bool:
    staff = staff_of(user)
    return staff is not None and _in_fostering_team(staff) and has_capability(user, Capability.RECORD_CASE_WORK)


def can_decide_approval(user: Any) -> bool:
    staff = staff_of(user)
    return (
        staff is not None
        and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION)
        and _over_a_fostering_team(staff)
    )


def can_link_placement(user: Any, child: Person) -> bool:
    """Say which household the child's placement is with: the child's workers."""
    return child.is_child and can_record_on(user, child)


def get_household_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Any = can_view_fostering_service
) -> Household:
    """The household, when ``allowed(user)``; 404 alike for missing and forbidden, and the refusal logged."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    household = Household.objects.filter(pk=number).first() if allowed(user) else None
    if household is None:
        if getattr(user, "is_authenticated", False):
            log_access(user, person=None, what=AccessLogEntry.What.REFUSED, page=page, requested_id=str(pk)[:64])
        raise Http404("No such household")
    return household
