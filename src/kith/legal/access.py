"""Who may see and record pre-proceedings and court work.

* Anyone who may open a child's record sees the child's pre-proceedings and proceedings.
* Practitioners whose scope reaches the child record the work: the letter before
  proceedings, meetings, family group decision-making, hearings and final orders.
* Managers make the decisions: entering pre-proceedings, the exit decision, and
  applying to court. They also see the tracker of children in pre-proceedings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kith.legal.models import CareProceedings, PreProceedings
from kith.people.access import (
    can_record_on,
    can_view_person,
    children_visible_to,
    get_person_for_user_or_404,
    has_capability,
)
from kith.people.models import Person
from kith.platform.access.capabilities import Capability


def can_view_legal(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_record_court_work(user: Any, child: Person) -> bool:
    return child.is_child and can_record_on(user, child)


def can_decide_legal(user: Any, child: Person) -> bool:
    """Enter pre-proceedings, decide the exit, apply to court: a manager whose scope reaches the child."""
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )


def can_view_tracker(user: Any) -> bool:
    return has_capability(user, Capability.RECORD_MANAGEMENT_DECISION)


def pre_proceedings_visible_to(user: Any) -> QuerySet[PreProceedings]:
    return PreProceedings.objects.filter(child__in=children_visible_to(user))


def proceedings_visible_to(user: Any) -> QuerySet[CareProceedings]:
    return CareProceedings.objects.filter(child__in=children_visible_to(user))


Check = Callable[[Any, Person], bool]


def get_pre_proceedings_for_user_or_404(user: Any, pk: object, *, page: str, allowed: Check) -> PreProceedings:
    """The pre-proceedings, when the user may do ``allowed`` on its child; the access is logged."""
    found = PreProceedings.objects.filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such record")
    get_person_for_user_or_404(user, found.child_id, page=page, allowed=allowed)
    return found


def get_proceedings_for_user_or_404(user: Any, pk: object, *, page: str, allowed: Check) -> CareProceedings:
    found = CareProceedings.objects.filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such record")
    get_person_for_user_or_404(user, found.child_id, page=page, allowed=allowed)
    return found


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1
