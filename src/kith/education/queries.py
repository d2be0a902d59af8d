"""Reading a child's education in care: the school, the PEP and its meetings, exclusions, attendance."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kith.education.models import Exclusion, PepMeeting, PersonalEducationPlan, SchoolPlace, TermAttendance
from kith.education.terms import term_dates, term_of
from kith.platform import clock
from kith.platform.timescales.models import OPEN, Deadline

PEP_STARTED = "children_in_care.pep_started"
PEP_COMPLETED = "children_in_care.pep_completed"
PEP_CLOCKS = (PEP_STARTED, PEP_COMPLETED)


def current_school(child: Any) -> SchoolPlace | None:
    return SchoolPlace.objects.filter(child=child, ended_on__isnull=True).first()


def schools_of(child: Any) -> QuerySet[SchoolPlace]:
    return SchoolPlace.objects.filter(child=child).order_by("started_on", "pk")


def plan_of(period: Any) -> PersonalEducationPlan | None:
    return PersonalEducationPlan.objects.filter(period=period).first()


def meetings_of(plan: PersonalEducationPlan) -> QuerySet[PepMeeting]:
    return plan.meetings.order_by("held_on", "pk")


def last_meeting(plan: PersonalEducationPlan) -> PepMeeting | None:
    return plan.meetings.order_by("-held_on", "-pk").first()


def exclusions_of(period: Any) -> QuerySet[Exclusion]:
    return Exclusion.objects.filter(period=period).order_by("starts_on", "pk")


def attendance_of(period: Any) -> list[TermAttendance]:
    """The period's termly attendance, in term order."""
    rows = TermAttendance.objects.filter(period=period)
    return sorted(rows, key=lambda row: term_dates(row.school_year, row.term)[0])


def pep_clocks_due(child: Any) -> list[Deadline]:
    """The PEP clocks still running for the child, soonest first."""
    return list(Deadline.objects.filter(OPEN, timescale_code__in=PEP_CLOCKS, child_id=child.pk).order_by("due_on"))


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows about education while the child is looked after."""
    period = child.periods_of_care.filter(ended_on__isnull=True).first()
    if period is None:
        return {"period": None}
    today = clock.today()
    plan = plan_of(period)
    last = last_meeting(plan) if plan else None
    # A PEP is reviewed each term: the last meeting should fall in this term.
    this_term_starts = term_dates(*term_of(today))[0]
    attendance = attendance_of(period)
    return {
        "period": period,
        "school": current_school(child),
        "plan": plan,
        "last_meeting": last,
        "reviewed_this_term": last is not None and last.held_on >= this_term_starts,
        "pep_due": pep_clocks_due(child),
        "exclusions": list(exclusions_of(period)),
        "attendance": attendance[-1] if attendance else None,
        "today": today,
    }
