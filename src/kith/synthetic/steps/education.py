"""Scenario verbs for the education of children in care: the school, the PEP, exclusions and attendance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from kith.children_in_care.models import PeriodOfCare
from kith.education.actions import (
    hold_pep_meeting,
    rate_pep_quality,
    record_attendance,
    record_care_leaver_eet_review,
    record_exclusion,
    record_school,
    start_pep,
)
from kith.education.models import (
    CareLeaverEducationReview,
    Exclusion,
    PepMeeting,
    PersonalEducationPlan,
    SchoolPlace,
    TermAttendance,
)
from kith.people.models import Person
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _period(replay: Replay, step: Step) -> PeriodOfCare:
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    return period


def _plan(replay: Replay, step: Step) -> PersonalEducationPlan:
    plan = replay.record(step["pep"])
    if not isinstance(plan, PersonalEducationPlan):
        raise ScenarioError(f"{step['pep']!r} is not a personal education plan")
    return plan


@verb("record_school")
def _record_school(replay: Replay, step: Step, by: StaffMember, on: date) -> SchoolPlace:
    """``started_on`` when the child started before the day it is recorded (the school they already attend)."""
    values = step.get("with", {})
    started = values.get("started_on")
    return record_school(
        _period(replay, step),
        school_name=str(values.get("school_name", "")),
        urn=str(values.get("urn", "")),
        year_group=str(values.get("year_group", "")),
        started_on=as_date(started, "started_on") if started else on,
        reason_for_change=str(values.get("reason_for_change", "")),
        ofsted_judgement=str(values.get("ofsted_judgement", "")),
        sen_status=str(values.get("sen_status", "")),
        by=by.user,
    )


@verb("start_pep")
def _start_pep(replay: Replay, step: Step, by: StaffMember, on: date) -> PersonalEducationPlan:
    return start_pep(_period(replay, step), started_on=on, by=by.user)


@verb("hold_pep_meeting")
def _hold_pep_meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> PepMeeting:
    values = step.get("with", {})
    return hold_pep_meeting(
        _plan(replay, step),
        held_on=on,
        designated_teacher=str(values.get("designated_teacher", "")),
        virtual_school=str(values.get("virtual_school", "")),
        child_views=str(values.get("child_views", "")),
        targets=str(values.get("targets", "")),
        pupil_premium_plus=str(values.get("pupil_premium_plus", "")),
        by=by.user,
    )


@verb("record_exclusion")
def _record_exclusion(replay: Replay, step: Step, by: StaffMember, on: date) -> Exclusion:
    values = step.get("with", {})
    days = values.get("days")
    return record_exclusion(
        _period(replay, step),
        kind=str(values.get("kind", "")),
        starts_on=on,
        days=int(days) if days is not None else None,
        reason=str(values.get("reason", "")),
        sen_status=str(values.get("sen_status", "")),
        by=by.user,
    )


@verb("record_attendance")
def _record_attendance(replay: Replay, step: Step, by: StaffMember, on: date) -> TermAttendance:
    """``school_year`` (the year it starts: 2026 for 2026/27), ``term`` and ``attendance_percent``."""
    values = step.get("with", {})
    try:
        percent = Decimal(str(values["attendance_percent"])) if "attendance_percent" in values else None
        school_year = int(values["school_year"])
    except (KeyError, ValueError, InvalidOperation) as wrong:
        raise ScenarioError("record_attendance needs `school_year` (like 2026) and `attendance_percent`") from wrong
    return record_attendance(
        _period(replay, step),
        school_year=school_year,
        term=str(values.get("term", "")),
        attendance_percent=percent,
        by=by.user,
    )


@verb("rate_pep_quality")
def _rate_pep_quality(replay: Replay, step: Step, by: StaffMember, on: date) -> PepMeeting:
    """``meeting``: the key of the ``hold_pep_meeting`` step whose PEP the virtual school rated."""
    values = step.get("with", {})
    meeting = replay.record(step["meeting"])
    if not isinstance(meeting, PepMeeting):
        raise ScenarioError(f"{step['meeting']!r} is not a PEP meeting")
    return rate_pep_quality(
        meeting, rating=str(values.get("rating", "")), rated_on=on, rated_by=str(values.get("rated_by", "")), by=by.user
    )


@verb("record_care_leaver_eet_review")
def _record_care_leaver_eet_review(replay: Replay, step: Step, by: StaffMember, on: date) -> CareLeaverEducationReview:
    values = step.get("with", {})
    child: Person = replay.person(step["child"])
    return record_care_leaver_eet_review(
        child,
        reviewed_on=on,
        activity=str(values.get("activity", "")),
        virtual_school=str(values.get("virtual_school", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )
