"""Who may see and change the objectives of a plan: those who may see or record on the plan's child."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person
from kith.plans.models import Objective
from kith.plans.queries import Plan, find_plan


def can_view_objectives(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_change_objectives(user: Any, child: Person) -> bool:
    """Add or withdraw an objective: case work on the child (RECORD_CASE_WORK and the child in reach)."""
    return child.is_child and can_record_on(user, child)


def get_plan_for_user_or_404(
    user: Any, kind: str, pk: object, *, page: str, allowed: Any = can_view_objectives
) -> Plan:
    """The plan, when the user may see (or, with ``allowed``, change) its child; 404 alike for missing and
    forbidden. The child's record is fetched through the access log."""
    plan = find_plan(kind, pk)
    if plan is None:
        raise Http404("No such plan")
    plan.child = get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed)
    return plan


def get_objective_for_user_or_404(user: Any, pk: int, *, page: str, allowed: Any = can_view_objectives) -> Objective:
    objective = Objective.objects.select_related("child_in_need_plan", "child_protection_plan").filter(pk=pk).first()
    if objective is None:
        raise Http404("No such objective")
    plan = objective.child_in_need_plan or objective.child_protection_plan
    assert plan is not None
    plan.child = get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed)
    return objective
