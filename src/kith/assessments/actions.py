"""Every change to assessments, strategy discussions and section 47 enquiries.

Each action checks access and the rules (naming the dates when it refuses), writes its
rows, starts or meets the statutory clocks and writes one chronology event, all in one
transaction: a refusal leaves nothing behind.

Clocks (see docs/domain/assessments.md):

* ``assessments.single_assessment`` (subject: the referral) is met when a manager
  authorises an assessment of the child;
* ``assessments.strategy_discussion`` (subject: the referral) is met when one is held,
  and started when an assessment concludes that one is needed;
* ``child_protection.initial_conference`` (subject: the referral) starts when a strategy
  discussion decides on a section 47 enquiry, restarts at each later one, and is cancelled
  when the enquiry ends with any outcome but a conference;
* ``assessments.cp_is_nhs_number`` (subject: the enquiry) starts with a section 47 enquiry
  when the child has no NHS number.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.contrib.contenttypes.models import ContentType

from kith.assessments import events
from kith.assessments.access import can_authorise_assessment, can_record_case_work
from kith.assessments.models import (
    Assessment,
    AssessmentOutcome,
    DiscussionMode,
    EnquiryOutcome,
    Section47Enquiry,
    StrategyDecision,
    StrategyDiscussion,
    StrategyParticipant,
)
from kith.assessments.queries import (
    CP_IS_NHS_NUMBER,
    INITIAL_CONFERENCE,
    SINGLE_ASSESSMENT,
    STRATEGY_DISCUSSION,
    open_assessments_on,
    open_enquiry_on,
)
from kith.assessments.rules import (
    SECTIONS,
    Participant,
    Problems,
    answer_problems,
    authorisation_problems,
    completion_problems,
    health_took_part,
    section_47_completion_problems,
    section_47_start_problems,
    start_problems,
    strategy_discussion_problems,
)
from kith.front_door.models import Referral
from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import capabilities_of
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import AssessmentFactor
from kith.platform.rules import EditConflict, RuleBroken, require
from kith.platform.timescales.clocks import ClockAlreadyRunning, cancel_clock, meet_clock, start_clock
from kith.platform.timescales.models import OPEN, Deadline
from kith.quality.models import DecisionKind, ManagementDecision
from kith.workforce.models import StaffMember

if TYPE_CHECKING:
    from kith.platform.access.models import User

__all__ = [
    "AssessmentAnswers",
    "Participant",
    "authorise_assessment",
    "complete_assessment",
    "complete_section_47",
    "record_strategy_discussion",
    "save_assessment",
    "start_assessment",
    "start_section_47",
]

NO_CONFERENCE = "section 47 enquiry ended without an initial conference"


class AssessmentAnswers(TypedDict, total=False):
    """What a worker writes into an assessment while it is in progress; a key left out keeps its value."""

    child_seen: bool | None
    child_seen_alone: bool | None
    child_spoken_to_alone: bool | None
    why_not_seen: str
    child_views: str
    child_issues_follow_up: str
    parents_views: str
    professionals_views: str
    history_and_analysis: str
    analysis: str
    research_used: str
    risk_factors: str
    protective_factors: str
    steps_to_reduce_risk: str
    identity_needs: str
    identity_actions: str
    factors: list[str]
    advised_of_right_to_be_looked_after_on: date | None
    accommodation_secured: str


# --- assessments -----------------------------------------------------------------------------------


@action
def start_assessment(
    referral: Referral,
    *,
    kind: str,
    started_on: date,
    worker: StaffMember,
    connected_person: Person | None = None,
    by: User,
) -> Assessment:
    """Start an assessment under the child's referral (the 45 working day clock runs from the referral)."""
    child = referral.child
    require(can_record_case_work(by, child))
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    problems = start_problems(
        referral=locked,
        child=child,
        kind=kind,
        started_on=started_on,
        connected_person=connected_person,
        open_assessments=open_assessments_on(locked),
        today=clock.today(),
    )
    _check_worker(problems, "worker", worker)
    if problems:
        raise RuleBroken(problems)
    assessment = Assessment.objects.create(
        referral=locked,
        child=child,
        kind=kind,
        connected_person=connected_person,
        worker=worker,
        started_on=started_on,
    )
    about = f" of {connected_person.full_name} as a carer" if connected_person is not None else ""
    record_event(
        events.ASSESSMENT_STARTED.code,
        children=[child],
        by=by,
        summary=f"{assessment.get_kind_display()}{about} started by {worker.full_name}",
        occurred_on=started_on,
        subject=assessment,
    )
    return assessment


@action
def save_assessment(assessment: Assessment, *, answers: AssessmentAnswers, version: int, by: User) -> Assessment:
    """Save work in progress. ``version`` is the one the user opened.

    When somebody else saved in between, ``EditConflict`` is raised and nothing changes.
    """
    child = assessment.child
    require(can_record_case_work(by, child))
    locked = Assessment.objects.select_for_update().select_related("referral").get(pk=assessment.pk)
    if locked.version != version:
        raise EditConflict("Someone else saved this assessment while you were editing it")
    problems = answer_problems(locked, dict(answers), referral=locked.referral, today=clock.today())
    if problems:
        raise RuleBroken(problems)
    values = _tidied(dict(answers))
    changed = {name for name, value in values.items() if getattr(locked, name) != value}
    for name, value in values.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save()
    titles = [section.title for section in SECTIONS if changed & set(section.fields)]
    record_event(
        events.ASSESSMENT_UPDATED.code,
        children=[child],
        by=by,
        summary=f"{locked.get_kind_display()} saved: {'; '.join(titles) if titles else 'no changes'}",
        subject=locked,
    )
    return locked


@action
def complete_assessment(
    assessment: Assessment, *, completed_on: date, outcome: str, outcome_rationale: str, by: User
) -> Assessment:
    """The social worker completes the assessment with its outcome; a manager then authorises it.

    Refused, naming each gap, until the risks, protective factors, steps to reduce risk, the
    child seen and their views, identity needs and actions, and the factors are recorded.
    """
    child = assessment.child
    require(can_record_case_work(by, child))
    locked = Assessment.objects.select_for_update().select_related("referral").get(pk=assessment.pk)
    problems = completion_problems(
        locked,
        referral=locked.referral,
        completed_on=completed_on,
        outcome=outcome,
        outcome_rationale=outcome_rationale,
        today=clock.today(),
    )
    if problems:
        raise RuleBroken(problems)
    locked.completed_on = completed_on
    locked.outcome = outcome
    locked.outcome_rationale = outcome_rationale.strip()
    locked.version += 1
    locked.save()
    record_event(
        events.ASSESSMENT_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"{locked.get_kind_display()} completed: {locked.get_outcome_display().lower()}",
        occurred_on=completed_on,
        subject=locked,
    )
    if outcome == AssessmentOutcome.STRATEGY_DISCUSSION and locked.is_about_the_child:
        # Already running when the front door's decision made a strategy discussion due.
        with suppress(ClockAlreadyRunning):
            start_clock(STRATEGY_DISCUSSION, child=child, subject=locked.referral, started_on=completed_on)
    return locked


@action
def authorise_assessment(assessment: Assessment, *, authorised_on: date, rationale: str, by: User) -> Assessment:
    """A manager signs off the completed assessment (R-037): a management decision on the record.

    Authorising an assessment of the child meets the referral's 45 working day clock.
    """
    child = assessment.child
    require(can_authorise_assessment(by, child))
    manager = staff_of(by)
    assert manager is not None  # the capability needs an active staff record
    locked = Assessment.objects.select_for_update().select_related("referral").get(pk=assessment.pk)
    problems = authorisation_problems(
        locked, referral=locked.referral, authorised_on=authorised_on, rationale=rationale, today=clock.today()
    )
    if problems:
        raise RuleBroken(problems)
    locked.authorised_on = authorised_on
    locked.authorised_by = manager
    locked.version += 1
    locked.save()
    outcome = locked.get_outcome_display().lower()
    assert locked.completed_on is not None  # the rules refuse an assessment not yet completed
    ManagementDecision.objects.create(
        child=child,
        kind=DecisionKind.ASSESSMENT_AUTHORISED,
        decision=f"{locked.get_kind_display()} completed on {long_date(locked.completed_on)} authorised: {outcome}",
        rationale=rationale.strip(),
        decided_on=authorised_on,
        decided_by=manager,
        recorded_at=clock.now(),
    )
    event = record_event(
        events.ASSESSMENT_AUTHORISED.code,
        children=[child],
        by=by,
        summary=f"{locked.get_kind_display()} authorised by {manager.full_name}: {outcome}",
        occurred_on=authorised_on,
        subject=locked,
    )
    if locked.is_about_the_child:
        meet_clock(SINGLE_ASSESSMENT, subject=locked.referral, met_on=authorised_on, event=event)
    return locked


# --- strategy discussions -----------------------------------------------------------------------------


@action
def record_strategy_discussion(
    referral: Referral,
    *,
    held_at: datetime,
    mode: str,
    out_of_hours: bool,
    chair: StaffMember,
    participants: Iterable[Participant | tuple[str, str, str]],
    information_shared: str,
    risk_analysis: str,
    decision: str,
    rationale: str,
    immediate_protection: str = "",
    legal_advice_sought: bool = False,
    actions: str = "",
    by: User,
) -> StrategyDiscussion:
    """Record a strategy discussion: everyone who took part with their agency (R-060), the decision and why.

    A decision to make section 47 enquiries starts (or restarts) the clock to the initial
    conference: 15 working days from this discussion.
    """
    child = referral.child
    require(can_record_case_work(by, child))
    recorder = staff_of(by)
    assert recorder is not None  # recording case work needs an active staff record
    people = [Participant(*person) for person in participants]
    now = clock.now()
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    problems = strategy_discussion_problems(
        referral=locked,
        child=child,
        held_at=held_at,
        mode=mode,
        participants=people,
        information_shared=information_shared,
        risk_analysis=risk_analysis,
        decision=decision,
        rationale=rationale,
        now=now,
    )
    if not chair.is_active:
        problems.setdefault("chair", []).append(f"{chair.full_name} is no longer an active member of staff")
    if problems:
        raise RuleBroken(problems)
    named = [person for person in people if person.name.strip()]
    discussion = StrategyDiscussion.objects.create(
        referral=locked,
        child=child,
        held_at=held_at,
        mode=mode,
        held_out_of_hours=out_of_hours,
        chair=chair,
        information_shared=information_shared.strip(),
        risk_analysis=risk_analysis.strip(),
        decision=decision,
        immediate_protection=immediate_protection.strip(),
        legal_advice_sought=legal_advice_sought,
        rationale=rationale.strip(),
        actions=actions.strip(),
        recorded_by=recorder,
        recorded_at=now,
    )
    StrategyParticipant.objects.bulk_create(
        StrategyParticipant(
            discussion=discussion, name=person.name.strip(), agency=person.agency, role=person.role.strip()
        )
        for person in named
    )
    held_on = discussion.held_on
    agencies = sorted({Agency(person.agency).label for person in named})
    health = "" if health_took_part(named) else "; health did not take part"
    event = record_event(
        events.STRATEGY_DISCUSSION_HELD.code,
        children=[child],
        by=by,
        summary=f"Strategy {DiscussionMode(mode).label.split(' ')[0].lower()} chaired by {chair.full_name}: "
        f"{StrategyDecision(decision).label.lower()}. Agencies: {', '.join(agencies)}{health}",
        occurred_on=held_on,
        subject=discussion,
    )
    meet_clock(STRATEGY_DISCUSSION, subject=locked, met_on=held_on, event=event)
    if discussion.decided_section_47 and not _conference_clock_started_after(locked, held_on):
        start_clock(INITIAL_CONFERENCE, child=child, subject=locked, started_on=held_on)
    return discussion


def _conference_clock_started_after(referral: Referral, held_on: date) -> bool:
    """A later discussion already set the conference clock (this one is recorded late): leave it."""
    return Deadline.objects.filter(
        OPEN,
        timescale_code=INITIAL_CONFERENCE,
        subject_type=ContentType.objects.get_for_model(referral),
        subject_id=str(referral.pk),
        started_on__gt=held_on,
    ).exists()


# --- section 47 enquiries -------------------------------------------------------------------------


@action
def start_section_47(
    discussion: StrategyDiscussion,
    *,
    started_on: date,
    worker: StaffMember,
    assessment: Assessment | None = None,
    by: User,
) -> Section47Enquiry:
    """Start the section 47 enquiry a strategy discussion decided on.

    When the child has no NHS number, the clock to record it for CP-IS starts too.
    """
    child = discussion.child
    require(can_record_case_work(by, child))
    referral = Referral.objects.select_for_update().get(pk=discussion.referral_id)
    problems = section_47_start_problems(
        discussion=discussion,
        referral=referral,
        started_on=started_on,
        open_enquiry=open_enquiry_on(referral),
        assessment=assessment,
        today=clock.today(),
    )
    _check_worker(problems, "worker", worker)
    if problems:
        raise RuleBroken(problems)
    enquiry = Section47Enquiry.objects.create(
        referral=referral,
        child=child,
        strategy_discussion=discussion,
        assessment=assessment,
        worker=worker,
        started_on=started_on,
    )
    record_event(
        events.SECTION_47_STARTED.code,
        children=[child],
        by=by,
        summary=f"Section 47 enquiry started by {worker.full_name} after the strategy discussion on "
        f"{long_date(discussion.held_on)}",
        occurred_on=started_on,
        subject=enquiry,
    )
    if not child.nhs_number:
        start_clock(CP_IS_NHS_NUMBER, child=child, subject=enquiry, started_on=started_on)
    return enquiry


@action
def complete_section_47(
    enquiry: Section47Enquiry,
    *,
    ended_on: date,
    outcome: str,
    findings: str,
    child_seen: bool | None,
    child_seen_alone: bool | None,
    why_not_seen: str = "",
    medical_examination: str = "",
    outcome_rationale: str,
    by: User,
) -> Section47Enquiry:
    """End the enquiry with its findings and outcome: an initial conference, a child in need plan, or no
    further action. With no conference, the clock to the initial conference is cancelled."""
    child = enquiry.child
    require(can_record_case_work(by, child))
    locked = Section47Enquiry.objects.select_for_update().select_related("referral").get(pk=enquiry.pk)
    problems = section_47_completion_problems(
        locked,
        referral=locked.referral,
        ended_on=ended_on,
        outcome=outcome,
        findings=findings,
        child_seen=child_seen,
        child_seen_alone=child_seen_alone,
        why_not_seen=why_not_seen,
        outcome_rationale=outcome_rationale,
        today=clock.today(),
    )
    if problems:
        raise RuleBroken(problems)
    locked.ended_on = ended_on
    locked.outcome = outcome
    locked.findings = findings.strip()
    locked.child_seen = child_seen
    locked.child_seen_alone = child_seen_alone if child_seen else False
    locked.why_not_seen = why_not_seen.strip()
    locked.medical_examination = medical_examination.strip()
    locked.outcome_rationale = outcome_rationale.strip()
    locked.save()
    record_event(
        events.SECTION_47_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"Section 47 enquiry completed: {EnquiryOutcome(outcome).label.lower()}",
        occurred_on=ended_on,
        subject=locked,
    )
    if outcome != EnquiryOutcome.INITIAL_CONFERENCE:
        cancel_clock(INITIAL_CONFERENCE, subject=locked.referral, on=ended_on, reason=NO_CONFERENCE)
    return locked


# --- helpers ---------------------------------------------------------------------------------------


def _check_worker(problems: Problems, field: str, worker: StaffMember) -> None:
    if not worker.is_active or Capability.RECORD_CASE_WORK not in capabilities_of(worker.role):
        problems.setdefault(field, []).append(f"{worker.full_name} cannot be the worker: choose a practitioner")


_FACTOR_ORDER = {code: position for position, code in enumerate(AssessmentFactor.values)}


def _tidied(answers: dict[str, Any]) -> dict[str, Any]:
    """Text without stray spaces; factors in the census list's order."""
    tidy: dict[str, Any] = {}
    for name, value in answers.items():
        if isinstance(value, str):
            tidy[name] = value.strip()
        elif name == "factors":
            tidy[name] = sorted(value, key=_FACTOR_ORDER.__getitem__)
        else:
            tidy[name] = value
    return tidy
