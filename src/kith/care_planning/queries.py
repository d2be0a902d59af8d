"""Reading care plans: the version in force, and every version the child has had."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kith.care_planning.models import CarePlan


def care_plan_in_force(child: Any) -> CarePlan | None:
    """The latest agreed version not yet replaced, if the child has a care plan."""
    return CarePlan.objects.filter(child=child, replaced_on__isnull=True).first()


def care_plans_of(period: Any) -> QuerySet[CarePlan]:
    """Every version agreed during the period of care, the latest first."""
    return CarePlan.objects.filter(period=period).order_by("-agreed_on", "-pk")
