"""Who may see and record a child's time in care: those whose scope reaches the child."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.children_in_care.models import PeriodOfCare, Placement
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person


def can_view_children_in_care(user: Any, child: Person) -> bool:
    """Read a child's periods of care, episodes and placements: anyone who may see the child's record."""
    return can_view_person(user, child)


def can_record_children_in_care(user: Any, child: Person) -> bool:
    """Take a child into care, move them, change their legal status, end care: case work on the child."""
    return child.is_child and can_record_on(user, child)


def get_period_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_children_in_care
) -> PeriodOfCare:
    """The period of care, when the user may see (or, with ``allowed``, record on) its child; 404 alike for
    missing and forbidden. Fetching the child writes the access-log row."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    period = PeriodOfCare.objects.filter(pk=number).first()
    if period is None:
        raise Http404("No such period of care")
    period.child = get_person_for_user_or_404(user, period.child_id, page=page, allowed=allowed)
    return period


def get_placement_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_children_in_care
) -> Placement:
    """The placement, when the user may see (or, with ``allowed``, record on) its child; 404 alike for
    missing and forbidden."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    placement = Placement.objects.select_related("period").filter(pk=number).first()
    if placement is None:
        raise Http404("No such placement")
    placement.child = get_person_for_user_or_404(user, placement.child_id, page=page, allowed=allowed)
    return placement
