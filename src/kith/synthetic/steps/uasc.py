"""Scenario verbs for unaccompanied asylum-seeking children: the record, age assessment, immigration status and
the end of UASC status. Each is dated by the step (``record_uasc`` by ``became_uasc_on`` when given)."""

from __future__ import annotations

from datetime import date

from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.uasc.actions import record_age_assessment, record_immigration_status, record_uasc, record_uasc_ceased
from kith.uasc.models import ImmigrationStatusChange, UascRecord
from kith.uasc.queries import uasc_record
from kith.workforce.models import StaffMember


def _record(replay: Replay, step: Step) -> UascRecord:
    """The UASC record of the step's ``child``."""
    child = replay.person(step["child"])
    record = uasc_record(child)
    if record is None:
        raise ScenarioError(f"{child.full_name} is not recorded as an unaccompanied asylum-seeking child")
    return record


@verb("record_uasc")
def _record_uasc(replay: Replay, step: Step, by: StaffMember, on: date) -> UascRecord:
    values = step.get("with", {})
    transferred = values.get("transferred_on")
    became = values.get("became_uasc_on")
    return record_uasc(
        replay.person(step["child"]),
        became_uasc_on=as_date(became, "became_uasc_on") if became else on,
        home_office_reference=str(values.get("home_office_reference", "")),
        age_disputed=bool(values.get("age_disputed", False)),
        transferred_from=str(values.get("transferred_from", "")),
        transferred_on=as_date(transferred, "transferred_on") if transferred else None,
        by=by.user,
    )


@verb("record_age_assessment")
def _record_age_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> UascRecord:
    values = step.get("with", {})
    return record_age_assessment(
        _record(replay, step),
        assessed_on=on,
        outcome=str(values.get("outcome", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_immigration_status")
def _record_immigration_status(replay: Replay, step: Step, by: StaffMember, on: date) -> ImmigrationStatusChange:
    values = step.get("with", {})
    return record_immigration_status(
        _record(replay, step),
        status=str(values.get("status", "")),
        changed_on=on,
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_uasc_ceased")
def _record_uasc_ceased(replay: Replay, step: Step, by: StaffMember, on: date) -> UascRecord:
    values = step.get("with", {})
    return record_uasc_ceased(_record(replay, step), ceased_on=on, reason=str(values.get("reason", "")), by=by.user)
