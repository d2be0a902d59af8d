"""Reading assessments, strategy discussions and section 47 enquiries, and the case summary panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet

from kith.assessments.models import Assessment, Section47Enquiry, StrategyDiscussion, StrategyParticipant
from kith.front_door.models import Referral
from kith.people.models import Person
from kith.platform import clock
from kith.platform.reference.agencies import Agency
from kith.platform.timescales.models import OPEN, Deadline
from kith.workforce.models import Allocation, StaffMember

SINGLE_ASSESSMENT = "assessments.single_assessment"
STRATEGY_DISCUSSION = "assessments.strategy_discussion"
CP_IS_NHS_NUMBER = "assessments.cp_is_nhs_number"
INITIAL_CONFERENCE = "child_protection.initial_conference"

# The clocks the case summary shows, and what it calls each.
_DUE_TITLES = {
    STRATEGY_DISCUSSION: "Strategy discussion",
    SINGLE_ASSESSMENT: "Assessment",
    INITIAL_CONFERENCE: "Initial conference",
    CP_IS_NHS_NUMBER: "NHS number for CP-IS",
}
ASSESSMENTS_ON_SUMMARY = 5


def open_referral_of(child: Person) -> Referral | None:
    return Referral.objects.filter(child=child, closed_on__isnull=True).first()


def open_assessments_on(referral: Referral) -> list[Assessment]:
    still_open = Assessment.objects.filter(referral=referral, completed_on__isnull=True)
    return list(still_open.select_related("connected_person"))


def open_enquiry_on(referral: Referral) -> Section47Enquiry | None:
    return Section47Enquiry.objects.filter(referral=referral, ended_on__isnull=True).first()


def assessments_of(child: Person) -> QuerySet[Assessment]:
    return Assessment.objects.filter(child=child).select_related("worker", "authorised_by", "connected_person")


def discussions_of(child: Person) -> QuerySet[StrategyDiscussion]:
    return (
        StrategyDiscussion.objects.filter(child=child)
        .select_related("chair")
        .prefetch_related(Prefetch("participants", queryset=StrategyParticipant.objects.order_by("pk")))
    )


def enquiries_of(child: Person) -> QuerySet[Section47Enquiry]:
    return Section47Enquiry.objects.filter(child=child).select_related("worker", "strategy_discussion", "assessment")


def took_part_from_health(discussion: StrategyDiscussion) -> bool:
    """Whether anyone from health took part (R-062), from the participants already fetched."""
    return any(person.agency == Agency.HEALTH for person in discussion.participants.all())


def workers_to_choose(child: Person, *, also: StaffMember | None) -> list[StaffMember]:
    """Who may be named as the worker: active staff of the team holding the child, and the user."""
    held_by = Allocation.objects.filter(child=child, ended_on__isnull=True).values("team_id")
    workers = list(StaffMember.objects.filter(is_active=True, team_id__in=held_by).order_by("full_name"))
    if also is not None and also not in workers:
        workers.insert(0, also)
    return workers


@dataclass(frozen=True)
class Due:
    """Something due on the child's case: its title, the day, and why that day (the deadline's explanation)."""

    title: str
    due_on: date
    why: str
    overdue: bool


def _why(explanation: str) -> str:
    """ "Due 13 January 2027: 45 working days after the referral on …" → "45 working days after the referral on …"."""
    _, _, reason = explanation.partition(": ")
    return (reason or explanation).rstrip(".")


def due_for(child: Person, *, today: date) -> list[Due]:
    """The child's open assessment, strategy discussion, conference and CP-IS deadlines, soonest first."""
    deadlines = Deadline.objects.filter(OPEN, child=child, timescale_code__in=list(_DUE_TITLES)).order_by(
        "due_on", "pk"
    )
    return [
        Due(_DUE_TITLES[deadline.timescale_code], deadline.due_on, _why(deadline.explanation), deadline.due_on < today)
        for deadline in deadlines
    ]


def record_summary(child: Person) -> dict[str, Any]:
    """What the case summary shows about assessments: the current work and what is due next.

    Rendered by ``assessments/_record_panel.html`` with ``summary`` (this dict) and ``child``.
    """
    today = clock.today()
    assessments = list(assessments_of(child)[:ASSESSMENTS_ON_SUMMARY])
    latest_discussion = discussions_of(child).first()
    return {
        "referral": open_referral_of(child),
        "assessments": assessments,
        "in_progress": [a for a in assessments if a.completed_on is None],
        "awaiting_authorisation": [a for a in assessments if a.completed_on and not a.authorised_on],
        "latest_discussion": latest_discussion,
        "health_took_part": took_part_from_health(latest_discussion) if latest_discussion else None,
        "open_enquiry": enquiries_of(child).filter(ended_on__isnull=True).first(),
        "due": due_for(child, today=today),
        "today": today,
    }
