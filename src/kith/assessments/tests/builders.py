"""A small case for the assessment tests: a worker, their manager, a child and a referral.

Set-up of other areas' state goes through ``tests.casework``; the clocks the front door
starts with a referral are started here only when the referral did not start them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType

from kith.assessments.actions import AssessmentAnswers, record_strategy_discussion, save_assessment, start_assessment
from kith.assessments.models import Assessment, AssessmentKind, DiscussionMode, StrategyDecision, StrategyDiscussion
from kith.front_door.models import Referral
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.platform.timescales.clocks import start_clock
from kith.platform.timescales.models import OPEN, Deadline
from kith.workforce.models import StaffMember
from tests.casework import given_referral
from tests.factories import given_allocated_child, given_staff

LONDON = ZoneInfo("Europe/London")
TODAY = date(2027, 1, 20)
TODAY_AT = datetime(2027, 1, 20, 10, 0, tzinfo=LONDON)
REFERRED_ON = date(2026, 11, 4)


@dataclass(frozen=True)
class Case:
    worker: StaffMember
    manager: StaffMember
    child: Person
    referral: Referral


def given_case(*, referred_on: date = REFERRED_ON, **child_details: object) -> Case:
    worker = given_staff(Role.SOCIAL_WORKER, full_name="Priya Shah")
    manager = given_staff(Role.TEAM_MANAGER, worker.team, full_name="Tom Hughes")
    details = {"given_name": "Ava", "family_name": "Thompson", "date_of_birth": date(2019, 3, 2), **child_details}
    child = given_allocated_child(worker=worker, manager=manager, **details)
    return Case(worker, manager, child, given_referral(child, worker, on=referred_on))


def given_clock(code: str, referral: Referral, *, on: date | None = None) -> Deadline:
    """The clock the front door starts for a referral, unless the referral already started it."""
    running = Deadline.objects.filter(
        OPEN,
        timescale_code=code,
        subject_type=ContentType.objects.get_for_model(Referral),
        subject_id=str(referral.pk),
    ).first()
    if running is not None:
        return running
    return start_clock(code, child=referral.child, subject=referral, started_on=on or referral.referral_date)


FULL_ANSWERS: dict[str, object] = {
    "child_seen": True,
    "child_seen_alone": True,
    "child_spoken_to_alone": True,
    "why_not_seen": "",
    "child_views": "Ava says she likes school but is hungry in the mornings.",
    "child_issues_follow_up": "Breakfast club place agreed with the school; checked at each visit.",
    "parents_views": "Mum agrees help with routines would make mornings easier.",
    "professionals_views": "School reports improved attendance since October.",
    "history_and_analysis": "Two earlier contacts in 2025 about missed health appointments.",
    "analysis": "Neglect of routines, not of warmth; risk is moderate and reducing.",
    "research_used": "Research in Practice: neglect and its impact on development.",
    "risk_factors": "Mornings without breakfast; missed dental appointments.",
    "protective_factors": "Warm relationship with mum; grandmother nearby.",
    "steps_to_reduce_risk": "Breakfast club, dental appointment booked, family support worker weekly.",
    "identity_needs": "White British; Ava's father is Polish and she wants to learn the language.",
    "identity_actions": "Polish Saturday school place to be found; father to share family photos.",
    "factors": ["16A", "4B"],
}


def given_assessment(
    case: Case, *, started_on: date = date(2026, 11, 5), kind: str = AssessmentKind.CHILD_AND_FAMILY, **answers: object
) -> Assessment:
    """An assessment started by the worker, with ``answers`` saved (``**FULL_ANSWERS`` for a complete one)."""
    assessment = start_assessment(
        case.referral, kind=kind, started_on=started_on, worker=case.worker, by=case.worker.user
    )
    if answers:
        saved = AssessmentAnswers(**answers)  # type: ignore[typeddict-item]
        assessment = save_assessment(assessment, answers=saved, version=assessment.version, by=case.worker.user)
    return assessment


PARTICIPANTS = [
    ("DC Sam Reed", "police", "Child abuse investigation team"),
    ("Dr Anna Lowe", "health", "Named doctor for safeguarding"),
    ("Priya Shah", "social_care", "Social worker"),
]


def given_discussion(
    case: Case,
    *,
    on: date = date(2026, 12, 18),
    decision: str = StrategyDecision.JOINT_S47,
    participants: list[tuple[str, str, str]] | None = None,
) -> StrategyDiscussion:
    """A strategy discussion held at 10am on ``on``, recorded by the worker and chaired by the manager."""
    return record_strategy_discussion(
        case.referral,
        held_at=datetime.combine(on, time(10), tzinfo=LONDON),
        mode=DiscussionMode.MEETING,
        out_of_hours=False,
        chair=case.manager,
        participants=PARTICIPANTS if participants is None else participants,
        information_shared="School saw bruising to Ava's arm; police hold two call-outs in October.",
        risk_analysis="Unexplained injury to a 7 year old with domestic abuse in the home.",
        decision=decision,
        rationale="Reasonable cause to suspect significant harm.",
        by=case.worker.user,
    )
