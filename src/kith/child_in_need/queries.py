"""Reading child in need plans: the open plan, plans that would overlap, the visit clock, the case summary."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q

from kith.child_in_need.models import ChildInNeedPlan, ChildInNeedReview
from kith.child_protection.models import ChildProtectionPlan
from kith.front_door.models import Referral
from kith.plans.models import Objective
from kith.platform.timescales.engine import limit_for
from kith.platform.timescales.models import OPEN, Deadline
from kith.visits.models import Visit

VISIT_CLOCK = "child_in_need.visit"


def open_plan(child: Any) -> ChildInNeedPlan | None:
    return ChildInNeedPlan.objects.filter(child=child, ended_on__isnull=True).first()


def open_referral(child: Any) -> Referral | None:
    return Referral.objects.filter(child=child, closed_on__isnull=True).first()


def open_child_protection_plan(child: Any) -> ChildProtectionPlan | None:
    return ChildProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()


def child_protection_plans_overlapping(child: Any, starting: date) -> list[ChildProtectionPlan]:
    """Child protection plans that a child in need plan starting on ``starting`` (and still open) would
    overlap: any still open, or ending after that day. Starting on the day a CP plan ends is a step-down,
    allowed (census rules 4001, 4016)."""
    return list(
        ChildProtectionPlan.objects.filter(child=child)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=starting))
        .order_by("started_on")
    )


def child_in_need_plans_overlapping(child: Any, starting: date) -> list[ChildInNeedPlan]:
    """Other child in need plans open on or after ``starting`` (census rules 4004, 4014)."""
    return list(
        ChildInNeedPlan.objects.filter(child=child)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=starting))
        .order_by("started_on")
    )


def child_protection_plan_started_during(plan: ChildInNeedPlan, until: date) -> ChildProtectionPlan | None:
    """A child protection plan that started after this plan started and before ``until`` (census rule 4017)."""
    return (
        ChildProtectionPlan.objects.filter(child_id=plan.child_id, started_on__gt=plan.started_on, started_on__lt=until)
        .order_by("started_on")
        .first()
    )


def last_recorded_on(plan: ChildInNeedPlan) -> date | None:
    """The latest review or visit under the plan: the plan cannot end before it."""
    reviewed = plan.reviews.aggregate(last=Max("held_on"))["last"]
    visited = plan.visits.aggregate(last=Max("visited_on"))["last"]
    dates = [day for day in (reviewed, visited) if day is not None]
    return max(dates) if dates else None


def last_review(plan: ChildInNeedPlan) -> ChildInNeedReview | None:
    return plan.reviews.order_by("-held_on", "-pk").first()


def visit_deadline(plan: Any, code: str = VISIT_CLOCK) -> Deadline | None:
    """The plan's visit clock still running, if any."""
    return Deadline.objects.filter(
        OPEN,
        timescale_code=code,
        subject_type=ContentType.objects.get_for_model(plan),
        subject_id=str(plan.pk),
    ).first()


def interval_in_words(deadline: Deadline) -> str:
    """ "20 working days": the frequency the clock runs to (the council's local standard, if set)."""
    return limit_for(deadline.timescale_code, deadline.started_on).in_words


def record_summary(child: Any) -> dict[str, Any]:
    """The child in need panel of the case summary: the plan (open, or the last one), what is due next.

    Keys: ``plan`` (or None), ``is_open``, ``next_visit`` (a Deadline or None), ``visit_interval``
    ("20 working days"), ``next_review_on``, ``open_objectives`` (a count), ``last_review``,
    ``may_start`` (an open referral and no plan open, so a plan could start).
    """
    current = open_plan(child) or ChildInNeedPlan.objects.filter(child=child).order_by("-started_on", "-pk").first()
    summary: dict[str, Any] = {
        "plan": current,
        "is_open": current is not None and current.ended_on is None,
        "next_visit": None,
        "visit_interval": "",
        "next_review_on": None,
        "open_objectives": 0,
        "last_review": None,
        "may_start": False,
    }
    if current is not None and current.ended_on is None:
        deadline = visit_deadline(current)
        summary["next_visit"] = deadline
        summary["visit_interval"] = interval_in_words(deadline) if deadline else ""
        summary["next_review_on"] = current.next_review_on
        summary["open_objectives"] = Objective.objects.filter(
            child_in_need_plan=current, achieved_on__isnull=True, withdrawn_on__isnull=True
        ).count()
        summary["last_review"] = last_review(current)
    else:
        summary["may_start"] = open_referral(child) is not None and open_child_protection_plan(child) is None
    return summary


def visits_under(plan: ChildInNeedPlan) -> list[Visit]:
    return list(plan.visits.select_related("visited_by").order_by("-visited_on", "-pk"))
