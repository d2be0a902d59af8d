"""Reading a child's education in care: the school, the PEP and its meetings, exclusions, attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from kith.education.models import (
    CareLeaverEducationReview,
    Exclusion,
    PepMeeting,
    PersonalEducationPlan,
    SchoolPlace,
    SenStatus,
    TermAttendance,
)
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
        "last_rating": plan.meetings.exclude(quality_rating="").order_by("-held_on", "-pk").first() if plan else None,
        "reviewed_this_term": last is not None and last.held_on >= this_term_starts,
        "pep_due": pep_clocks_due(child),
        "exclusions": list(exclusions_of(period)),
        "attendance": attendance[-1] if attendance else None,
        "today": today,
    }


def last_eet_review(child: Any) -> CareLeaverEducationReview | None:
    return CareLeaverEducationReview.objects.filter(child=child).order_by("-reviewed_on", "-pk").first()


@dataclass(frozen=True)
class ExclusionsBySen:
    """One row of the disproportion table: children at school in care with this SEN provision, and those excluded."""

    sen_status: str
    label: str
    children: int
    excluded: int

    @property
    def percent_excluded(self) -> float:
        return round(100 * self.excluded / self.children, 1) if self.children else 0.0


def exclusions_by_sen_status(*, start: date, end: date) -> list[ExclusionsBySen]:
    """For each SEN provision: the children in care at a school in that provision between ``start`` and ``end``,
    and how many of them were suspended or excluded then (R-109), so disproportion can be seen."""
    places = SchoolPlace.objects.filter(started_on__lte=end).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    excluded = Exclusion.objects.filter(starts_on__gte=start, starts_on__lte=end)
    rows = []
    for status in [*SenStatus.values, ""]:
        children = set(places.filter(sen_status=status).values_list("child_id", flat=True))
        excluded_children = set(excluded.filter(sen_status=status).values_list("child_id", flat=True))
        label = SenStatus(status).label if status else "Not recorded"
        rows.append(ExclusionsBySen(status, label, len(children), len(excluded_children)))
    return rows
