"""Who may see and record a child's adoption plan.

The decision that a child should be placed for adoption, and the decision that they should no
longer be, are the agency decision maker's: a manager who may record management decisions on
the child records them. The stages in between (authority, match, placement, reviews, the
order) are case work on the child.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.adoption.models import AdoptionPlan
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404, has_capability
from kith.people.models import Person
from kith.platform.access.capabilities import Capability


def can_view_adoption(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_adoption_work(user: Any, child: Person) -> bool:
    """Record the authority to place, the match, the placement, an adoption review or the order."""
    return child.is_child and can_record_on(user, child)


def can_record_adoption_decision(user: Any, child: Person) -> bool:
    """Record the decision that the child should, or should no longer, be placed for adoption."""
    return can_record_adoption_work(user, child) and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION)


def get_plan_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_adoption
) -> AdoptionPlan:
    """The adoption plan, when the user may see (or, with ``allowed``, record on) its child; 404 alike for
    missing and forbidden. Fetching the child writes the access-log row."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    plan = AdoptionPlan.objects.select_related("period", "placement").filter(pk=number).first()
    if plan is None:
        raise Http404("No such adoption plan")
    plan.child = get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed)
    plan.period.child = plan.child
    return plan
