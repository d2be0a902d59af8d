"""Who may allocate children and see caseloads."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kith.people.access import can_view_person, has_capability, scope_for, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import Role, Scope, capabilities_of
from kith.workforce.models import StaffMember, Team

# Roles children can be allocated to: those whose work includes a caseload.
CASEHOLDING_ROLES = frozenset(role for role in Role if Capability.VIEW_CASELOAD in capabilities_of(role))


def can_allocate(user: Any, child: Person) -> bool:
    return has_capability(user, Capability.ALLOCATE_CASE) and child.is_child and can_view_person(user, child)


def teams_allocatable_by(user: Any) -> QuerySet[Team]:
    """Teams a manager may allocate a child to: their own and those beneath it.

    Managers in a whole-service team (the front door, out of hours) pass children to any team.
    """
    staff = staff_of(user)
    if staff is None or not has_capability(user, Capability.ALLOCATE_CASE):
        return Team.objects.none()
    if scope_for(staff) is Scope.WHOLE_SERVICE:
        return Team.objects.all()
    return Team.objects.filter(path__startswith=staff.team.path)


def can_view_team_caseload(user: Any) -> bool:
    return has_capability(user, Capability.VIEW_TEAM_CASELOAD)


def teams_visible_to(user: Any) -> list[Team]:
    """The teams whose caseloads the user may see: their own and those beneath it."""
    staff = staff_of(user)
    if staff is None or not can_view_team_caseload(user):
        return []
    return list(Team.objects.filter(path__startswith=staff.team.path))


def workers_allocatable_by(user: Any) -> list[StaffMember]:
    """Workers a manager may allocate to: active staff in the teams the manager may allocate to."""
    return list(
        StaffMember.objects.filter(team__in=teams_allocatable_by(user), is_active=True, role__in=CASEHOLDING_ROLES)
        .select_related("team")
        .order_by("team__name", "full_name")
    )
