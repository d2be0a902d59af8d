"""Who may see and record child in need plans: those whose scope reaches the child."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.child_in_need.models import ChildInNeedPlan
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry


def can_view_child_in_need(user: Any, child: Person) -> bool:
    """Read a child's plans, reviews and the family version: anyone who may see the child's record."""
    return child.is_child and can_view_person(user, child)


def can_record_child_in_need(user: Any, child: Person) -> bool:
    """Start, review, share and end a plan: case work on the child (RECORD_CASE_WORK and the child in reach)."""
    return child.is_child and can_record_on(user, child)


def get_plan_for_user_or_404(
    user: Any,
    pk: object,
    *,
    page: str,
    allowed: Callable[[Any, Person], bool] = can_view_child_in_need,
    what: str = AccessLogEntry.What.VIEW,
) -> ChildInNeedPlan:
    """The plan, when the user may see (or, with ``allowed``, record on) its child; 404 alike for missing
    and forbidden. Fetching the child writes the access-log row (``what``: a view or a print)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    plan = ChildInNeedPlan.objects.select_related("referral").filter(pk=number).first()
    if plan is None:
        raise Http404("No such plan")
    plan.child = get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed, what=what)
    return plan
