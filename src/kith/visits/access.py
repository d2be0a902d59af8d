"""Who may see and record statutory visits: those whose scope reaches the child."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person
from kith.visits.models import Visit


def can_view_visits(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_record_visit(user: Any, child: Person) -> bool:
    """Record a visit: case work on the child (RECORD_CASE_WORK and the child in reach)."""
    return child.is_child and can_record_on(user, child)


def get_visit_for_user_or_404(user: Any, pk: int, *, page: str) -> Visit:
    visit = (
        Visit.objects.select_related("visited_by", "child_protection_plan", "child_in_need_plan").filter(pk=pk).first()
    )
    if visit is None:
        raise Http404("No such visit")
    visit.child = get_person_for_user_or_404(user, visit.child_id, page=page, allowed=can_view_visits)
    return visit
