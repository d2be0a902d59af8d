"""Recording a child in care's health assessments, dental checks, immunisations and SDQ scores.

The first assessment of a period of care is the initial one: it meets the 20-working-day
clock started when the child became looked after. Every later one is a review and meets
the review clock running. Each starts the next review clock by the child's age on the day:
six months under 5, a year from 5 (unless the period of care has already ended).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.care_leavers.queries import status_of
from kith.children_in_care.queries import period_of_care_on
from kith.health import events, queries, rules
from kith.health.access import can_record_health
from kith.health.models import (
    AssessmentKind,
    AssessorRole,
    DentalCheck,
    HealthAssessment,
    HealthPassportGiven,
    ImmunisationCheck,
    Pregnancy,
    PregnancyOutcome,
    SdqScore,
)
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import meet_clocks, start_clock

if TYPE_CHECKING:
    from kith.children_in_care.models import PeriodOfCare
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


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
    child_views_on_services: str = "",
    out_of_area: bool = False,
    by: User,
) -> HealthAssessment:
    """A health professional assessed the child: meet the assessment clock running and start the next review's."""
    child = period.child
    require(can_record_health(by, child))
    previous = queries.last_assessment(period)
    refuse_if(
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
        child_views_on_services=child_views_on_services.strip(),
        out_of_area=out_of_area,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    event = record_event(
        events.HEALTH_ASSESSMENT_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"{kind.label} by {assessment.assessor_name} ({AssessorRole(assessor_role).label.lower()})"
        + (" out of area" if out_of_area else ""),
        occurred_on=assessed_on,
        subject=assessment,
    )
    meet_clocks(queries.HEALTH_CLOCKS, subject=period, met_on=assessed_on, event=event)
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
    refuse_if(
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
    refuse_if(
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
    refuse_if(
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


@action
def record_assessment_quality_check(
    assessment: HealthAssessment,
    *,
    checked_on: date,
    checked_by: str,
    meets_standard: bool | None,
    notes: str = "",
    by: User,
) -> HealthAssessment:
    """The LAC health team quality assured the assessment: whether it meets the standard, and why not (R-102)."""
    child = assessment.child
    require(can_record_health(by, child))
    refuse_if(
        rules.quality_check_problems(
            assessment,
            checked_on=checked_on,
            checked_by=checked_by,
            meets_standard=meets_standard,
            notes=notes,
            today=clock.today(),
        )
    )
    assessment.quality_checked_on = checked_on
    assessment.quality_checked_by = checked_by.strip()
    assessment.meets_standard = meets_standard
    assessment.quality_notes = notes.strip()
    assessment.save(update_fields=["quality_checked_on", "quality_checked_by", "meets_standard", "quality_notes"])
    result = "meets the standard" if meets_standard else f"does not meet the standard: {assessment.quality_notes}"
    record_event(
        events.ASSESSMENT_QUALITY_CHECKED.code,
        children=[child],
        by=by,
        summary=f"The health assessment of {long_date(assessment.assessed_on)} {result} "
        f"(quality assured by {assessment.quality_checked_by})",
        occurred_on=checked_on,
        subject=assessment,
    )
    return assessment


@action
def record_out_of_area_scrutiny(
    assessment: HealthAssessment, *, scrutinised_on: date, scrutinised_by: str, outcome: str, by: User
) -> HealthAssessment:
    """The forms of an assessment done out of area were scrutinised when they came back (R-103)."""
    child = assessment.child
    require(can_record_health(by, child))
    refuse_if(
        rules.scrutiny_problems(
            assessment,
            scrutinised_on=scrutinised_on,
            scrutinised_by=scrutinised_by,
            outcome=outcome,
            today=clock.today(),
        )
    )
    assessment.scrutinised_on = scrutinised_on
    assessment.scrutinised_by = scrutinised_by.strip()
    assessment.scrutiny_outcome = outcome.strip()
    assessment.save(update_fields=["scrutinised_on", "scrutinised_by", "scrutiny_outcome"])
    record_event(
        events.OUT_OF_AREA_ASSESSMENT_SCRUTINISED.code,
        children=[child],
        by=by,
        summary=f"Out-of-area health assessment of {long_date(assessment.assessed_on)} scrutinised by "
        f"{assessment.scrutinised_by}: {assessment.scrutiny_outcome}",
        occurred_on=scrutinised_on,
        subject=assessment,
    )
    return assessment


@action
def record_pregnancy(period: PeriodOfCare, *, known_on: date, support: str, by: User) -> Pregnancy:
    """The young person is pregnant, known on ``known_on``, with the support offered (R-098)."""
    child = period.child
    require(can_record_health(by, child))
    refuse_if(rules.pregnancy_problems(period, known_on=known_on, support=support, today=clock.today()))
    pregnancy = Pregnancy.objects.create(
        period=period,
        child=child,
        known_on=known_on,
        support=support.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.PREGNANCY_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Pregnant; support offered: {pregnancy.support}",
        occurred_on=known_on,
        subject=pregnancy,
    )
    return pregnancy


@action
def record_pregnancy_outcome(
    pregnancy: Pregnancy, *, outcome: str, outcome_on: date, notes: str = "", by: User
) -> Pregnancy:
    """How the pregnancy ended, and when."""
    child = pregnancy.child
    require(can_record_health(by, child))
    refuse_if(rules.pregnancy_outcome_problems(pregnancy, outcome=outcome, outcome_on=outcome_on, today=clock.today()))
    pregnancy.outcome = outcome
    pregnancy.outcome_on = outcome_on
    pregnancy.outcome_notes = notes.strip()
    pregnancy.save(update_fields=["outcome", "outcome_on", "outcome_notes"])
    record_event(
        events.PREGNANCY_OUTCOME.code,
        children=[child],
        by=by,
        summary=PregnancyOutcome(outcome).label + (f": {pregnancy.outcome_notes}" if pregnancy.outcome_notes else ""),
        occurred_on=outcome_on,
        subject=pregnancy,
    )
    return pregnancy


@action
def record_health_passport_given(child: Person, *, given_on: date, by: User) -> HealthPassportGiven:
    """The young person was given their health passport: their health history in words they can read (R-096)."""
    require(can_record_health(by, child))
    refuse_if(
        rules.passport_problems(
            child,
            given_on=given_on,
            today=clock.today(),
            looked_after=period_of_care_on(child, given_on) is not None,
            care_leaver=status_of(child, on=given_on).is_care_leaver,
            same_day=HealthPassportGiven.objects.filter(child=child, given_on=given_on).exists(),
        )
    )
    given = HealthPassportGiven.objects.create(
        child=child, given_on=given_on, recorded_by=_staff(by), recorded_at=clock.now()
    )
    record_event(
        events.HEALTH_PASSPORT_GIVEN.code,
        children=[child],
        by=by,
        summary=f"{child.given_name} was given their health passport",
        occurred_on=given_on,
        subject=given,
    )
    return given
