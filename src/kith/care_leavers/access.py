"""Who may see and record leaving care work: the young person's social worker, their personal adviser and
the managers of the team that holds the case; a manager allocates the personal adviser.

A personal adviser reaches a young person the way every worker does, through the case allocation: when the
case passes to the leaving care team (``workforce.allocate_case``), its advisers and managers reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.care_leavers.models import LeavingCareSupport, PathwayPlan
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404, has_capability, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import MANAGER_ROLES, Role

# IROs, screeners and the LADO record case work too, but not a young person's leaving care.
LEAVING_CARE_ROLES = frozenset({Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.PERSONAL_ADVISER, *MANAGER_ROLES})


def can_view_leaving_care(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_leaving_care(user: Any, child: Person) -> bool:
    """Start support, assess, plan, record contact, moves and the birthday information."""
    staff = staff_of(user)
    return child.is_child and staff is not None and staff.role in LEAVING_CARE_ROLES and can_record_on(user, child)


def can_allocate_personal_adviser(user: Any, child: Person) -> bool:
    """Allocate the personal adviser: a manager who may record decisions on the young person."""
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )


def get_support_for_user_or_404(
    user: Any, child_pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_leaving_care
) -> LeavingCareSupport:
    """The young person's leaving care support, when the user may see (or, with ``allowed``, record on) them.

    404 alike when the record is missing, forbidden, or support has not started.
    """
    child = get_person_for_user_or_404(user, child_pk, page=page, allowed=allowed)
    support = LeavingCareSupport.objects.filter(child=child).first()
    if support is None:
        raise Http404("Leaving care support has not started")
    support.child = child
    return support


def get_plan_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_leaving_care
) -> PathwayPlan:
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    plan = PathwayPlan.objects.filter(pk=number).first()
    if plan is None:
        raise Http404("No such pathway plan")
    plan.child = get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed)
    return plan
