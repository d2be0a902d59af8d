"""Scenario verbs for private fostering and the education registers (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date

from kith.registers.actions import (
    add_to_register,
    complete_private_fostering_assessment,
    end_private_fostering,
    notify_private_fostering,
    record_private_fostering_check,
    record_private_fostering_oversight,
    record_private_fostering_visit,
    record_register_check,
    remove_from_register,
)
from kith.registers.models import (
    PrivateFosteringArrangement,
    PrivateFosteringCheck,
    PrivateFosteringOversight,
    PrivateFosteringVisit,
    RegisterCheck,
    RegisterEntry,
)
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _arrangement(replay: Replay, step: Step) -> PrivateFosteringArrangement:
    found = replay.record(step["arrangement"])
    if not isinstance(found, PrivateFosteringArrangement):
        raise ScenarioError(f"{step['arrangement']!r} is not a private fostering arrangement")
    found.refresh_from_db()
    return found


def _entry(replay: Replay, step: Step) -> RegisterEntry:
    found = replay.record(step["entry"])
    if not isinstance(found, RegisterEntry):
        raise ScenarioError(f"{step['entry']!r} is not a register entry")
    found.refresh_from_db()
    return found


@verb("notify_private_fostering")
def _notify(replay: Replay, step: Step, by: StaffMember, on: date) -> PrivateFosteringArrangement:
    values = step.get("with", {})
    started = values.get("started_on")
    return notify_private_fostering(
        replay.person(step["child"]),
        carer=replay.person(values["carer"]),
        parents=[replay.person(key) for key in values.get("parents", [])],
        notified_on=on,
        notified_by=values["notified_by"],
        started_on=as_date(started, "started_on") if started else on,
        expected_length=values.get("expected_length", ""),
        by=by.user,
    )


@verb("record_private_fostering_check")
def _check(replay: Replay, step: Step, by: StaffMember, on: date) -> PrivateFosteringCheck:
    values = step.get("with", {})
    return record_private_fostering_check(
        _arrangement(replay, step),
        kind=values["kind"],
        completed_on=on,
        outcome=values["outcome"],
        notes=values.get("notes", ""),
        by=by.user,
    )


@verb("complete_private_fostering_assessment")
def _assess(replay: Replay, step: Step, by: StaffMember, on: date) -> PrivateFosteringArrangement:
    values = step.get("with", {})
    return complete_private_fostering_assessment(
        _arrangement(replay, step), completed_on=on, outcome=values["outcome"], summary=values["summary"], by=by.user
    )


@verb("record_private_fostering_visit")
def _visit(replay: Replay, step: Step, by: StaffMember, on: date) -> PrivateFosteringVisit:
    values = step.get("with", {})
    return record_private_fostering_visit(
        _arrangement(replay, step),
        visited_on=on,
        child_seen=bool(values.get("child_seen", True)),
        seen_alone=bool(values.get("seen_alone", False)),
        child_views=values.get("child_views", ""),
        notes=values.get("notes", ""),
        by=by.user,
    )


@verb("record_private_fostering_oversight")
def _oversight(replay: Replay, step: Step, by: StaffMember, on: date) -> PrivateFosteringOversight:
    values = step.get("with", {})
    return record_private_fostering_oversight(
        _arrangement(replay, step),
        decided_on=on,
        decision=values["decision"],
        rationale=values["rationale"],
        by=by.user,
    )


@verb("end_private_fostering")
def _end(replay: Replay, step: Step, by: StaffMember, on: date) -> PrivateFosteringArrangement:
    values = step.get("with", {})
    return end_private_fostering(
        _arrangement(replay, step),
        ended_on=on,
        reason=values["reason"],
        details=values.get("details", ""),
        by=by.user,
    )


@verb("add_to_register")
def _add(replay: Replay, step: Step, by: StaffMember, on: date) -> RegisterEntry:
    values = step.get("with", {})
    return add_to_register(
        replay.person(step["child"]),
        register=values["register"],
        added_on=on,
        source=values["source"],
        reason=values["reason"],
        by=by.user,
    )


@verb("record_register_check")
def _register_check(replay: Replay, step: Step, by: StaffMember, on: date) -> RegisterCheck:
    values = step.get("with", {})
    return record_register_check(
        _entry(replay, step),
        kind=values["kind"],
        checked_on=on,
        child_seen=bool(values.get("child_seen", False)),
        safeguarding_concern=bool(values.get("safeguarding_concern", False)),
        outcome=values["outcome"],
        by=by.user,
    )


@verb("remove_from_register")
def _remove(replay: Replay, step: Step, by: StaffMember, on: date) -> RegisterEntry:
    values = step.get("with", {})
    return remove_from_register(
        _entry(replay, step),
        removed_on=on,
        reason=values["reason"],
        destination=values.get("destination", ""),
        by=by.user,
    )
