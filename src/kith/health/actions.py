"""Recording a child in care's health assessments, dental checks, immunisations and SDQ scores.

The first assessment of a period of care is the initial one: it meets the 20-working-day
clock started when the child became looked after. Every later one is a review and meets
the review clock running. Each starts the next review clock by the child's age on the day:
six months under 5, a year from 5 (unless the period of care has already ended).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.health import events, queries, rules
from kith.health.access import can_record_health
from kith.health.models import AssessmentKind, AssessorRole, DentalCheck, HealthAssessment, ImmunisationCheck, SdqScore
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.chronology.record import record_event
from kith.platform.rules import RuleBroken, require
from kith.platform.timescales.clocks import meet_clock, start_clock

if TYPE_CHECKING:
    from kith.children_in_care.models import PeriodOfCare
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


def _refuse_if(problems: rules.Problems) -> None:
    if problems:
        raise RuleBroken(problems)


@action
def record_health_assessment(
    period: PeriodOfCare,
    *,
    assessed_on: date,
    assessor_name: str,
    assessor_role: str,
    child_seen: bool,
    outcomes: str,
    health_plan: str,
    risk_discussion: str = "",
    substance_misuse: bool | None = None,
    intervention_received: bool | None = None,
    intervention_offered: bool | None = None,
    by: User,
) -> HealthAssessment:
    """A health professional assessed the child: meet the assessment clock running and start the next review's."""
    child = period.child
    require(can_record_health(by, child))
    previous = queries.last_assessment(period)
    _refuse_if(
        rules.health_assessment_problems(
            period,
            assessed_on=assessed_on,
            today=clock.today(),
            previous_on=previous.assessed_on if previous else None,
            same_day=HealthAssessment.objects.filter(child=child, assessed_on=assessed_on).exists(),
            assessor_name=assessor_name,
            assessor_role=assessor_role,
            child_seen=child_seen,
            outcomes=outcomes,
            health_plan=health_plan,
            substance_misuse=substance_misuse,
            intervention_received=intervention_received,
            intervention_offered=intervention_offered,
        )
    )
    kind = AssessmentKind.INITIAL if previous is None else AssessmentKind.REVIEW
    assessment = HealthAssessment.objects.create(
        period=period,
        child=child,
        kind=kind,
        assessed_on=assessed_on,
        assessor_name=assessor_name.strip(),
        assessor_role=assessor_role,
        child_seen=child_seen,
        outcomes=outcomes.strip(),
        health_plan=health_plan.strip(),
        risk_discussion=risk_discussion.strip(),
        substance_misuse=substance_misuse,
        intervention_received=intervention_received if substance_misuse else None,
        # The 903 asks whether one was offered only when none was received (rules 158, 159).
        intervention_offered=intervention_offered if substance_misuse and intervention_received is False else None,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    event = record_event(
        events.HEALTH_ASSESSMENT_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"{kind.label} by {assessment.assessor_name} ({AssessorRole(assessor_role).label.lower()})",
        occurred_on=assessed_on,
        subject=assessment,
    )
    for code in queries.HEALTH_CLOCKS:
        meet_clock(code, subject=period, met_on=assessed_on, event=event)
    if period.ended_on is None:
        # An assessment entered late for a period that has ended starts no clock: nobody could meet it.
        next_code = queries.review_clock_for(child.age_on(assessed_on))
        start_clock(next_code, child=child, subject=period, started_on=assessed_on)
    return assessment


@action
def record_dental_check(
    period: PeriodOfCare, *, checked_on: date, dentist: str = "", notes: str = "", by: User
) -> DentalCheck:
    """The child had a dental check on ``checked_on``."""
    child = period.child
    require(can_record_health(by, child))
    _refuse_if(
        rules.dental_check_problems(
            period,
            checked_on=checked_on,
            today=clock.today(),
            same_day=DentalCheck.objects.filter(child=child, checked_on=checked_on).exists(),
        )
    )
    check = DentalCheck.objects.create(
        period=period,
        child=child,
        checked_on=checked_on,
        dentist=dentist.strip(),
        notes=notes.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.DENTAL_CHECK.code,
        children=[child],
        by=by,
        summary=f"Dental check{f' with {check.dentist}' if check.dentist else ''}",
        occurred_on=checked_on,
        subject=check,
    )
    return check


@action
def record_immunisations(
    period: PeriodOfCare, *, checked_on: date, up_to_date: bool, outstanding: str = "", by: User
) -> ImmunisationCheck:
    """Whether the child's immunisations were up to date on ``checked_on``, and what was outstanding."""
    child = period.child
    require(can_record_health(by, child))
    _refuse_if(
        rules.immunisation_problems(
            period,
            checked_on=checked_on,
            today=clock.today(),
            up_to_date=up_to_date,
            outstanding=outstanding,
            same_day=ImmunisationCheck.objects.filter(child=child, checked_on=checked_on).exists(),
        )
    )
    check = ImmunisationCheck.objects.create(
        period=period,
        child=child,
        checked_on=checked_on,
        up_to_date=up_to_date,
        outstanding="" if up_to_date else outstanding.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.IMMUNISATIONS_CHECKED.code,
        children=[child],
        by=by,
        summary="Immunisations up to date" if up_to_date else f"Immunisations not up to date: {check.outstanding}",
        occurred_on=checked_on,
        subject=check,
    )
    return check


@action
def record_sdq(period: PeriodOfCare, *, completed_on: date, score: int | None, completed_by: str, by: User) -> SdqScore:
    """The Strengths and Difficulties Questionnaire completed on ``completed_on`` scored ``score``."""
    child = period.child
    require(can_record_health(by, child))
    _refuse_if(
        rules.sdq_problems(
            period,
            completed_on=completed_on,
            today=clock.today(),
            score=score,
            completed_by=completed_by,
            same_day=SdqScore.objects.filter(child=child, completed_on=completed_on).exists(),
        )
    )
    assert score is not None  # checked above
    sdq = SdqScore.objects.create(
        period=period,
        child=child,
        completed_on=completed_on,
        score=score,
        completed_by=completed_by.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.SDQ_RECORDED.code,
        children=[child],
        by=by,
        summary=f"SDQ total difficulties score {score} (completed by {sdq.completed_by})",
        occurred_on=completed_on,
        subject=sdq,
    )
    return sdq
