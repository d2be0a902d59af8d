"""Who may see and record a child's UASC record: those who may see the child, and the child's workers."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person
from kith.uasc.models import UascRecord


def can_view_uasc(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_uasc(user: Any, child: Person) -> bool:
    """Record UASC status, an age assessment, immigration status, or the end of UASC status: case work on the child."""
    return child.is_child and can_record_on(user, child)


def get_record_for_user_or_404(user: Any, pk: object, *, page: str) -> UascRecord:
    """The UASC record, when the user may record on its child; 404 alike for missing and forbidden (logged)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    record = UascRecord.objects.filter(pk=number).first()
    if record is None:
        raise Http404("No such UASC record")
    record.child = get_person_for_user_or_404(user, record.child_id, page=page, allowed=can_record_uasc)
    return record
