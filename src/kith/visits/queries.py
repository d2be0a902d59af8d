"""Reading visits: the plan (or care) a visit would be under, the visit clock, a child's visits, the case summary."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from kith.care_planning.queries import care_plan_in_force
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.queries import interval_in_words, visit_deadline
from kith.child_protection.models import ChildProtectionPlan
from kith.children_in_care.models import PeriodOfCare, Placement
from kith.children_in_care.queries import current_placement, open_period_of_care
from kith.children_in_care.visiting import VISIT_CLOCKS as CARE_VISIT_CLOCKS
from kith.platform.timescales.models import OPEN, Deadline
from kith.visits.models import Visit, VisitUnder

# What a statutory visit is recorded under: a plan, or the child's time in care.
Plan = ChildProtectionPlan | PeriodOfCare | ChildInNeedPlan

__all__ = [
    "CLOCKS",
    "interval_in_words",
    "is_latest_under_plan",
    "next_visit_due",
    "open_plan_for",
    "placement_visit_due",
    "plan_name",
    "plan_of",
    "plan_with_objectives",
    "record_summary",
    "under",
    "visits_of",
]

CLOCKS = {
    VisitUnder.CHILD_PROTECTION_PLAN: "child_protection.visit",
    VisitUnder.CHILD_IN_NEED_PLAN: "child_in_need.visit",
}


def open_plan_for(child: Any) -> Plan | None:
    """What a statutory visit is recorded against: the open child protection plan, else the child's
    time in care, else the open child in need plan. A child on a plan who is also looked after is
    visited at the child protection plan's more frequent interval."""
    protection = ChildProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()
    if protection is not None:
        return protection
    period = open_period_of_care(child)
    if period is not None:
        return period
    return ChildInNeedPlan.objects.filter(child=child, ended_on__isnull=True).first()


def plan_with_objectives(plan: Any) -> Any:
    """The plan whose objectives a visit progresses: the plan itself, or for a child in care the care
    plan in force (None before one is agreed)."""
    if isinstance(plan, PeriodOfCare):
        return care_plan_in_force(plan.child)
    return plan


def under(plan: Any) -> VisitUnder:
    if isinstance(plan, ChildProtectionPlan):
        return VisitUnder.CHILD_PROTECTION_PLAN
    if isinstance(plan, PeriodOfCare):
        return VisitUnder.CARE
    return VisitUnder.CHILD_IN_NEED_PLAN


def plan_name(plan: Any) -> str:
    if isinstance(plan, ChildProtectionPlan):
        return "child protection plan"
    if isinstance(plan, PeriodOfCare):
        return "period of care"
    return "child in need plan"


def plan_of(visit: Visit) -> Plan:
    plan = visit.child_protection_plan or visit.period_of_care or visit.child_in_need_plan
    assert plan is not None  # a database constraint puts every visit under one plan or a period of care
    return plan


def next_visit_due(plan: Any) -> Deadline | None:
    """The visit clock still running: the plan's, or for a child in care, the current placement's."""
    if isinstance(plan, PeriodOfCare):
        placement = current_placement(plan)
        return None if placement is None else placement_visit_due(placement)
    return visit_deadline(plan, CLOCKS[under(plan)])


def placement_visit_due(placement: Placement) -> Deadline | None:
    """The visit clock running for a placement (the current one, for it to be running at all)."""
    return (
        Deadline.objects.filter(
            OPEN,
            timescale_code__in=CARE_VISIT_CLOCKS,
            subject_type=ContentType.objects.get_for_model(placement),
            subject_id=str(placement.pk),
        )
        .order_by("due_on")
        .first()
    )


def visits_of(child: Any) -> QuerySet[Visit]:
    return Visit.objects.filter(child=child).select_related("visited_by").order_by("-visited_on", "-pk")


def is_latest_under_plan(visit: Visit) -> bool:
    plan = plan_of(visit)
    latest = (
        Visit.objects.filter(**{_plan_field(plan): plan}).order_by("-visited_on", "-pk").values_list("pk", flat=True)
    ).first()
    return latest == visit.pk


def _plan_field(plan: Any) -> str:
    if isinstance(plan, ChildProtectionPlan):
        return "child_protection_plan"
    if isinstance(plan, PeriodOfCare):
        return "period_of_care"
    return "child_in_need_plan"


def record_summary(child: Any) -> dict[str, Any]:
    """The visits panel of the case summary.

    Keys: ``plan`` (the open plan visits are under, or None), ``plan_name``, ``next_visit`` (a
    Deadline or None), ``visit_interval`` ("10 working days"), ``last_visit`` (a Visit or None) and
    ``visit_count`` (visits under the open plan).
    """
    plan = open_plan_for(child)
    last = Visit.objects.filter(child=child).order_by("-visited_on", "-pk").first()
    summary: dict[str, Any] = {
        "plan": plan,
        "plan_name": plan_name(plan) if plan is not None else "",
        "next_visit": None,
        "visit_interval": "",
        "last_visit": last,
        "visit_count": 0,
    }
    if plan is not None:
        deadline = next_visit_due(plan)
        summary["next_visit"] = deadline
        summary["visit_interval"] = interval_in_words(deadline) if deadline else ""
        summary["visit_count"] = Visit.objects.filter(**{_plan_field(plan): plan}).count()
    return summary
