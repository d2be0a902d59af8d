"""Scenario verbs for the health of children in care: health assessments, dental checks, immunisations, SDQ."""

from __future__ import annotations

from datetime import date

from kith.children_in_care.models import PeriodOfCare
from kith.health.actions import (
    record_assessment_quality_check,
    record_dental_check,
    record_health_assessment,
    record_health_passport_given,
    record_immunisations,
    record_out_of_area_scrutiny,
    record_pregnancy,
    record_pregnancy_outcome,
    record_sdq,
)
from kith.health.models import (
    DentalCheck,
    HealthAssessment,
    HealthPassportGiven,
    ImmunisationCheck,
    Pregnancy,
    SdqScore,
)
from kith.people.models import Person
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, verb
from kith.workforce.models import StaffMember


def _period(replay: Replay, step: Step) -> PeriodOfCare:
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    return period


def _assessment(replay: Replay, step: Step) -> HealthAssessment:
    assessment = replay.record(step["assessment"])
    if not isinstance(assessment, HealthAssessment):
        raise ScenarioError(f"{step['assessment']!r} is not a health assessment")
    return assessment


def _yes_no(value: object) -> bool | None:
    """``true``/``false`` as given; absent is None (not asked)."""
    return None if value is None else bool(value)


@verb("record_health_assessment")
def _record_health_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> HealthAssessment:
    values = step.get("with", {})
    return record_health_assessment(
        _period(replay, step),
        assessed_on=on,
        assessor_name=str(values.get("assessor_name", "")),
        assessor_role=str(values.get("assessor_role", "")),
        child_seen=bool(values.get("child_seen", True)),
        outcomes=str(values.get("outcomes", "")),
        health_plan=str(values.get("health_plan", "")),
        risk_discussion=str(values.get("risk_discussion", "")),
        substance_misuse=_yes_no(values.get("substance_misuse")),
        intervention_received=_yes_no(values.get("intervention_received")),
        intervention_offered=_yes_no(values.get("intervention_offered")),
        child_views_on_services=str(values.get("child_views_on_services", "")),
        out_of_area=bool(values.get("out_of_area", False)),
        by=by.user,
    )


@verb("record_dental_check")
def _record_dental_check(replay: Replay, step: Step, by: StaffMember, on: date) -> DentalCheck:
    values = step.get("with", {})
    return record_dental_check(
        _period(replay, step),
        checked_on=on,
        dentist=str(values.get("dentist", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_immunisations")
def _record_immunisations(replay: Replay, step: Step, by: StaffMember, on: date) -> ImmunisationCheck:
    values = step.get("with", {})
    return record_immunisations(
        _period(replay, step),
        checked_on=on,
        up_to_date=bool(values.get("up_to_date", True)),
        outstanding=str(values.get("outstanding", "")),
        by=by.user,
    )


@verb("record_sdq")
def _record_sdq(replay: Replay, step: Step, by: StaffMember, on: date) -> SdqScore:
    values = step.get("with", {})
    score = values.get("score")
    return record_sdq(
        _period(replay, step),
        completed_on=on,
        score=int(score) if score is not None else None,
        completed_by=str(values.get("completed_by", "")),
        by=by.user,
    )


@verb("record_assessment_quality_check")
def _record_assessment_quality_check(replay: Replay, step: Step, by: StaffMember, on: date) -> HealthAssessment:
    values = step.get("with", {})
    return record_assessment_quality_check(
        _assessment(replay, step),
        checked_on=on,
        checked_by=str(values.get("checked_by", "")),
        meets_standard=_yes_no(values.get("meets_standard")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_out_of_area_scrutiny")
def _record_out_of_area_scrutiny(replay: Replay, step: Step, by: StaffMember, on: date) -> HealthAssessment:
    values = step.get("with", {})
    return record_out_of_area_scrutiny(
        _assessment(replay, step),
        scrutinised_on=on,
        scrutinised_by=str(values.get("scrutinised_by", "")),
        outcome=str(values.get("outcome", "")),
        by=by.user,
    )


@verb("record_pregnancy")
def _record_pregnancy(replay: Replay, step: Step, by: StaffMember, on: date) -> Pregnancy:
    values = step.get("with", {})
    return record_pregnancy(_period(replay, step), known_on=on, support=str(values.get("support", "")), by=by.user)


@verb("record_pregnancy_outcome")
def _record_pregnancy_outcome(replay: Replay, step: Step, by: StaffMember, on: date) -> Pregnancy:
    values = step.get("with", {})
    pregnancy = replay.record(step["pregnancy"])
    if not isinstance(pregnancy, Pregnancy):
        raise ScenarioError(f"{step['pregnancy']!r} is not a pregnancy")
    return record_pregnancy_outcome(
        pregnancy,
        outcome=str(values.get("outcome", "")),
        outcome_on=on,
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_health_passport_given")
def _record_health_passport_given(replay: Replay, step: Step, by: StaffMember, on: date) -> HealthPassportGiven:
    child: Person = replay.person(step["child"])
    return record_health_passport_given(child, given_on=on, by=by.user)
