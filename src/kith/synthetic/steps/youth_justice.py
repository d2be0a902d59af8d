"""Scenario verbs for youth justice: the YJS involvement, outcomes, custody and joint supervision.

The step's date is the date of what is recorded (the opening, the outcome, the start of custody, the visit …).
"""

from __future__ import annotations

from datetime import date

from kith.people.models import Person
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, verb
from kith.workforce.models import StaffMember
from kith.youth_justice.actions import (
    agree_release_plan,
    close_youth_justice_involvement,
    end_custody,
    open_youth_justice_involvement,
    record_custody_visit,
    record_joint_supervision,
    record_youth_justice_outcome,
    start_custody,
)
from kith.youth_justice.models import CustodyEpisode, CustodyVisit, Involvement, JointSupervision, Outcome


def _involvement(replay: Replay, step: Step) -> Involvement:
    found = replay.record(step["involvement"])
    if not isinstance(found, Involvement):
        raise ScenarioError(f"{step['involvement']!r} is not a youth justice involvement")
    return found


def _custody(replay: Replay, step: Step) -> CustodyEpisode:
    found = replay.record(step["custody"])
    if not isinstance(found, CustodyEpisode):
        raise ScenarioError(f"{step['custody']!r} is not a custody episode")
    return found


@verb("open_youth_justice_involvement")
def _open(replay: Replay, step: Step, by: StaffMember, on: date) -> Involvement:
    values = step.get("with", {})
    child: Person = replay.person(step["child"])
    return open_youth_justice_involvement(
        child,
        opened_on=on,
        yos_worker=str(values.get("yos_worker", "")),
        yos_team=str(values.get("yos_team", "")),
        reason=str(values.get("reason", "")),
        by=by.user,
    )


@verb("record_youth_justice_outcome")
def _outcome(replay: Replay, step: Step, by: StaffMember, on: date) -> Outcome:
    values = step.get("with", {})
    return record_youth_justice_outcome(
        _involvement(replay, step),
        kind=str(values.get("kind", "")),
        outcome_on=on,
        offence=str(values.get("offence", "")),
        details=str(values.get("details", "")),
        by=by.user,
    )


@verb("close_youth_justice_involvement")
def _close(replay: Replay, step: Step, by: StaffMember, on: date) -> Involvement:
    values = step.get("with", {})
    return close_youth_justice_involvement(
        _involvement(replay, step), closed_on=on, summary=str(values.get("summary", "")), by=by.user
    )


@verb("start_custody")
def _start_custody(replay: Replay, step: Step, by: StaffMember, on: date) -> CustodyEpisode:
    values = step.get("with", {})
    return start_custody(
        _involvement(replay, step),
        kind=str(values.get("kind", "")),
        establishment=str(values.get("establishment", "")),
        establishment_kind=str(values.get("establishment_kind", "")),
        started_on=on,
        education=str(values.get("education", "")),
        by=by.user,
    )


@verb("record_custody_visit")
def _visit(replay: Replay, step: Step, by: StaffMember, on: date) -> CustodyVisit:
    values = step.get("with", {})
    return record_custody_visit(
        _custody(replay, step),
        visited_on=on,
        child_seen_alone=bool(values.get("child_seen_alone", False)),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("agree_release_plan")
def _release_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> CustodyEpisode:
    values = step.get("with", {})
    return agree_release_plan(
        _custody(replay, step),
        agreed_on=on,
        plan=str(values.get("plan", "")),
        accommodation_on_release=str(values.get("accommodation_on_release", "")),
        by=by.user,
    )


@verb("end_custody")
def _end_custody(replay: Replay, step: Step, by: StaffMember, on: date) -> CustodyEpisode:
    values = step.get("with", {})
    return end_custody(_custody(replay, step), ended_on=on, reason=str(values.get("reason", "")), by=by.user)


@verb("record_joint_supervision")
def _joint_supervision(replay: Replay, step: Step, by: StaffMember, on: date) -> JointSupervision:
    values = step.get("with", {})
    return record_joint_supervision(
        _involvement(replay, step),
        held_on=on,
        attendees=str(values.get("attendees", "")),
        discussion=str(values.get("discussion", "")),
        decisions=str(values.get("decisions", "")),
        by=by.user,
    )
