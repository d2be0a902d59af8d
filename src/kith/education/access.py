"""Who may see and record a child in care's education: those who may see the child, and the child's workers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.education.models import PepMeeting, PersonalEducationPlan
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person


def can_view_education(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_education(user: Any, child: Person) -> bool:
    """Record the school, the PEP, exclusions and attendance: case work on the child.

    Designated teachers and the virtual school are not Kith users; the child's workers record their part.
    """
    return child.is_child and can_record_on(user, child)


def get_plan_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_education
) -> PersonalEducationPlan:
    """The PEP, when the user may see (or, with ``allowed``, record on) its child; 404 alike for missing and
    forbidden (logged)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    plan = PersonalEducationPlan.objects.select_related("period").filter(pk=number).first()
    if plan is None:
        raise Http404("No such personal education plan")
    plan.child = get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed)
    return plan


def get_meeting_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_education
) -> PepMeeting:
    """The PEP meeting, when the user may see (or record on) its child; 404 alike for missing and forbidden."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    meeting = PepMeeting.objects.filter(pk=number).first()
    if meeting is None:
        raise Http404("No such PEP meeting")
    meeting.child = get_person_for_user_or_404(user, meeting.child_id, page=page, allowed=allowed)
    return meeting
