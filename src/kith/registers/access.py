"""Who may see and record private fostering and the education registers.

Practitioners whose scope reaches the child record notifications, checks, visits and
register entries; managers record oversight of a private fostering arrangement. The
register lists are for staff who record case work, and show only children they may see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kith.people.access import (
    can_record_on,
    can_view_person,
    children_visible_to,
    get_person_for_user_or_404,
    has_capability,
)
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.registers.models import PrivateFosteringArrangement, RegisterEntry


def can_view_registers_of(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_record_register_work(user: Any, child: Person) -> bool:
    return child.is_child and can_record_on(user, child)


def can_record_private_fostering_oversight(user: Any, child: Person) -> bool:
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )


def can_view_register_lists(user: Any) -> bool:
    return has_capability(user, Capability.RECORD_CASE_WORK)


def arrangements_visible_to(user: Any) -> QuerySet[PrivateFosteringArrangement]:
    return PrivateFosteringArrangement.objects.filter(child__in=children_visible_to(user))


def entries_visible_to(user: Any) -> QuerySet[RegisterEntry]:
    return RegisterEntry.objects.filter(child__in=children_visible_to(user))


Check = Callable[[Any, Person], bool]


def get_arrangement_for_user_or_404(user: Any, pk: object, *, page: str, allowed: Check) -> PrivateFosteringArrangement:
    """The arrangement, when the user may do ``allowed`` on its child; the access is logged."""
    found = PrivateFosteringArrangement.objects.filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such record")
    get_person_for_user_or_404(user, found.child_id, page=page, allowed=allowed)
    return found


def get_entry_for_user_or_404(user: Any, pk: object, *, page: str, allowed: Check) -> RegisterEntry:
    found = RegisterEntry.objects.filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such record")
    get_person_for_user_or_404(user, found.child_id, page=page, allowed=allowed)
    return found


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1
