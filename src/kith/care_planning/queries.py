"""Reading care plans: the version in force, and every version the child has had."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kith.care_planning.models import CarePlan, PermanenceMeeting
from kith.children_in_care.queries import open_period_of_care
from kith.platform import clock
from kith.platform.timescales.models import OPEN, Deadline


def care_plan_in_force(child: Any) -> CarePlan | None:
    """The latest agreed version not yet replaced, if the child has a care plan."""
    return CarePlan.objects.filter(child=child, replaced_on__isnull=True).first()


def care_plans_of(period: Any) -> QuerySet[CarePlan]:
    """Every version agreed during the period of care, the latest first."""
    return CarePlan.objects.filter(period=period).order_by("-agreed_on", "-pk")


def last_permanence_meeting(period: Any) -> PermanenceMeeting | None:
    return PermanenceMeeting.objects.filter(period=period).select_related("chair").first()


def record_summary(child: Any) -> dict[str, Any]:
    """The care plan panel of the Case work tab, while the child is looked after.

    Keys: ``period`` (open, or None), ``plan`` (in force, or None), ``versions`` (how many),
    ``meeting`` (the last permanence planning meeting), ``meeting_overdue`` (its next date has
    passed with no meeting since), ``care_plan_due`` (the care plan clock's Deadline while open).
    """
    period = open_period_of_care(child)
    summary: dict[str, Any] = {
        "period": period,
        "plan": None,
        "versions": 0,
        "meeting": None,
        "meeting_overdue": False,
        "care_plan_due": None,
    }
    if period is None:
        return summary
    meeting = last_permanence_meeting(period)
    summary.update(
        plan=care_plan_in_force(child),
        versions=CarePlan.objects.filter(period=period).count(),
        meeting=meeting,
        meeting_overdue=meeting is not None
        and meeting.next_meeting_on is not None
        and meeting.next_meeting_on < clock.today(),
        care_plan_due=Deadline.objects.filter(OPEN, child=child, timescale_code="children_in_care.care_plan").first(),
    )
    return summary
