"""Who may see and record reviews: IROs (and managers) chair; the child's workers record what follows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.care_reviews.models import Review
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404, has_capability, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import MANAGER_ROLES, Role

CHAIR_ROLES = frozenset({Role.IRO, *MANAGER_ROLES})


def may_chair_reviews(staff: Any) -> bool:
    """An IRO or a manager, still in post: those who may chair a review."""
    return staff is not None and staff.is_active and staff.role in CHAIR_ROLES


def can_view_reviews(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_chair_review(user: Any, child: Person) -> bool:
    """Record a review the user chaired, an IRO challenge, or the IRO's contact with the child."""
    return (
        child.is_child
        and may_chair_reviews(staff_of(user))
        and has_capability(user, Capability.RECORD_CASE_WORK)
        and can_view_person(user, child)
    )


def can_allocate_iro(user: Any, child: Person) -> bool:
    """Allocate the child's IRO: a manager who may record decisions on the child, or an IRO."""
    staff = staff_of(user)
    return child.is_child and (
        (has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child))
        or (staff is not None and staff.role == Role.IRO and can_chair_review(user, child))
    )


def can_follow_up_review(user: Any, child: Person) -> bool:
    """Mark a review decision done or record the minutes sent: the child's workers and the IRO."""
    return child.is_child and can_record_on(user, child)


def get_review_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_reviews
) -> Review:
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    review = Review.objects.select_related("period", "chair").filter(pk=number).first()
    if review is None:
        raise Http404("No such review")
    review.child = get_person_for_user_or_404(user, review.child_id, page=page, allowed=allowed)
    return review
