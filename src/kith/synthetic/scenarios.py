"""Case-history scenarios: a dated story of what staff recorded, replayed through the real actions.

A scenario (YAML, see docs/scenarios.md) names teams, staff and a sequence of steps.
Each step is one action, recorded by a named member of staff with the clock set to
the step's date, so the chronology, deadlines and history come out exactly as if a
practitioner had recorded it that day. Replays run inside a transaction that is
rolled back: a scenario reports, it never leaves data behind.

Councils use scenarios for training cases and to reproduce a reported problem; the
journey tests are written as scenarios too.
"""

from __future__ import annotations

import difflib
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from django.db import transaction

from kith.people.actions import (
    AddressDetails,
    PersonDetails,
    ProfessionalDetails,
    add_other_name,
    add_person,
    add_warning,
    change_person_details,
    grant_restricted_access,
    involve_professional,
    move_to_address,
    record_relationship,
    restrict_record,
    revoke_restricted_access,
)
from kith.people.identifiers import InvalidIdentifier, normalise_postcode
from kith.people.models import Person
from kith.platform import clock
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology import registry
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.quality.actions import record_management_decision
from kith.synthetic import steps  # noqa: F401  (each area's verbs join the vocabulary)
from kith.synthetic.scenario_deadlines import deadlines_report
from kith.synthetic.vocabulary import VOCABULARY, Replay, ScenarioError, Step, as_date, verb
from kith.workforce.actions import allocate_case
from kith.workforce.administration import add_staff_member, add_team
from kith.workforce.models import StaffMember

LONDON = ZoneInfo("Europe/London")
# A step with only a date is recorded at this time of day.
DEFAULT_TIME = time(10, 0)


def _address(raw: dict[str, str] | None) -> AddressDetails | None:
    if raw is None:
        return None
    try:
        postcode = normalise_postcode(raw["postcode"])
    except InvalidIdentifier as problem:
        raise ScenarioError(str(problem)) from problem
    return AddressDetails(line_1=raw["line_1"], line_2=raw.get("line_2", ""), town=raw["town"], postcode=postcode)


@verb("add_person")
def _add_person(replay: Replay, step: Step, by: StaffMember, on: date) -> Person:
    values = dict(step.get("with", {}))
    address = _address(values.pop("address", None))
    reviewed = [replay.person(key).pk for key in values.pop("reviewed", [])]
    return add_person(
        PersonDetails(**values),
        by=by.user,
        address=address,
        moved_in_on=on if address else None,
        reviewed_duplicates=reviewed,
    )


@verb("record_relationship")
def _record_relationship(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    values = step.get("with", {})
    record_relationship(
        replay.person(values["person"]),
        replay.person(values["relative"]),
        kind=values["kind"],
        has_parental_responsibility=bool(values.get("parental_responsibility", False)),
        by=by.user,
    )


@verb("move_to_address")
def _move_to_address(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    values = step.get("with", {})
    address = _address(values["address"])
    assert address is not None
    move_to_address(replay.person(step["person"]), address, by=by.user, moved_in_on=on)


@verb("add_warning")
def _add_warning(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    values = step.get("with", {})
    add_warning(replay.person(step["person"]), kind=values["kind"], details=values["details"], by=by.user)


@verb("allocate_case")
def _allocate_case(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    values = step.get("with", {})
    worker = values.get("worker")
    allocate_case(
        replay.person(step["child"]),
        team=replay.team(values["team"]),
        worker=replay.member(worker) if worker else None,
        reason=values["reason"],
        started_on=on,
        by=by.user,
    )


@verb("record_management_decision")
def _record_management_decision(replay: Replay, step: Step, by: StaffMember, on: date) -> Any:
    values = step.get("with", {})
    return record_management_decision(
        replay.person(step["child"]),
        kind=values["kind"],
        decision=values["decision"],
        rationale=values["rationale"],
        next_steps=values.get("next_steps", ""),
        decided_on=on,
        by=by.user,
    )


@verb("restrict_record")
def _restrict_record(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    restrict_record(replay.person(step["person"]), reason=step.get("with", {})["reason"], by=by.user)


@verb("grant_restricted_access")
def _grant_restricted_access(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    values = step.get("with", {})
    grant_restricted_access(
        replay.person(step["person"]), to=replay.member(values["to"]).user, reason=values["reason"], by=by.user
    )


@verb("change_person_details")
def _change_person_details(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    person = replay.person(step["person"])
    person.refresh_from_db()
    current = {name: getattr(person, name) for name in PersonDetails.__dataclass_fields__ if name != "disabilities"}
    current["disabilities"] = list(person.disabilities.values_list("code", flat=True))
    change_person_details(
        person, PersonDetails(**{**current, **step.get("with", {})}), by=by.user, version=person.version
    )


@verb("add_other_name")
def _add_other_name(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    values = step.get("with", {})
    add_other_name(
        replay.person(step["person"]),
        kind=values["kind"],
        given_name=values.get("given_name", ""),
        family_name=values["family_name"],
        by=by.user,
    )


@verb("involve_professional")
def _involve_professional(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    involve_professional(
        replay.person(step["person"]),
        by=by.user,
        started_on=on,
        new_professional=ProfessionalDetails(**step.get("with", {})),
    )


@verb("revoke_restricted_access")
def _revoke_restricted_access(replay: Replay, step: Step, by: StaffMember, on: date) -> None:
    person = replay.person(step["person"])
    colleague = replay.member(step.get("with", {})["from"])
    grant = person.restricted_grants.get(user=colleague.user, revoked_at__isnull=True)
    revoke_restricted_access(grant, by=by.user)


def load(text: str) -> dict[str, Any]:
    """Parse a scenario, with a clear message for anything that is not one."""
    try:
        scenario = yaml.safe_load(text)
    except yaml.YAMLError as problem:
        raise ScenarioError(f"This is not valid YAML: {problem}") from problem
    if not isinstance(scenario, dict) or "steps" not in scenario or "as_of" not in scenario:
        raise ScenarioError("A scenario needs `as_of` (a date) and `steps` (a list); see docs/scenarios.md")
    return scenario


def run(scenario: dict[str, Any]) -> dict[str, Any]:
    """Replay a scenario and report each child's deadlines and chronology on its `as_of` date.

    Everything is rolled back afterwards.
    """
    with transaction.atomic():
        replay = replay_steps(scenario)
        report = _report(replay, as_date(scenario["as_of"], "as_of"))
        transaction.set_rollback(True)
    return report


def replay_steps(scenario: dict[str, Any]) -> Replay:
    """Set up the scenario's teams and staff and replay its steps in the current transaction, keeping
    what they recorded (for a test that reads it, such as a return built from the story)."""
    replay = Replay()
    _set_up(replay, scenario)
    for number, step in enumerate(scenario["steps"], start=1):
        _replay_step(replay, number, step)
    return replay


def _set_up(replay: Replay, scenario: dict[str, Any]) -> None:
    for team in scenario.get("teams", []):
        parent = replay.team(team["parent"]) if team.get("parent") else None
        replay.teams[team["key"]] = add_team(name=team["name"], kind=team["kind"], parent=parent)
    for member in scenario.get("staff", []):
        replay.staff[member["key"]] = add_staff_member(
            username=f"scenario.{member['key']}",
            password=None,
            full_name=member["name"],
            role=member["role"],
            team=replay.team(member["team"]),
        )


def _replay_step(replay: Replay, number: int, step: Step) -> None:
    name = step.get("do", "")
    action = VOCABULARY.get(name)
    where = f"Step {number} ({name or 'no action'})"
    if action is None:
        close = difflib.get_close_matches(str(name), VOCABULARY, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise ScenarioError(f"{where}: unknown action; {hint}docs/scenarios.md lists every action")
    moment = _as_moment(step.get("date"), where)
    try:
        by = replay.member(step["by"])
        with clock.recording_at(moment):
            made = action(replay, step, by, moment.astimezone(LONDON).date())
    except (RuleBroken, NotAllowed, ScenarioError, KeyError, TypeError) as problem:
        raise ScenarioError(f"{where} on {long_date(moment)}: {_describe(problem)}") from problem
    if made is not None and step.get("as"):
        replay.keep(step["as"], made)


def _describe(problem: Exception) -> str:
    if isinstance(problem, NotAllowed):
        return "the member of staff may not do this to this record"
    if isinstance(problem, KeyError):
        return f"missing {problem.args[0]!r}"
    return str(problem)


def _as_moment(raw: Any, where: str) -> datetime:
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else raw.replace(tzinfo=LONDON)
    if isinstance(raw, date):
        return datetime.combine(raw, DEFAULT_TIME, tzinfo=LONDON)
    if isinstance(raw, str):
        try:
            return _as_moment(datetime.fromisoformat(raw), where)
        except ValueError:
            pass
    raise ScenarioError(f"{where}: `date` must be a date like 2026-12-18, or a date and time like 2026-12-18 09:30")


def _report(replay: Replay, as_of: date) -> dict[str, Any]:
    children = {key: person for key, person in replay.people.items() if person.is_child}
    return {
        "as_of": as_of.isoformat(),
        "children": {
            key: {
                "kith_id": child.kith_id,
                "name": child.full_name,
                "deadlines": deadlines_report(child, as_of=as_of),
                "chronology": [
                    {
                        "date": event.occurred_on.isoformat(),
                        "type": registry.get(event.event_type).title,
                        "summary": event.summary,
                    }
                    for event in reversed(list(chronology_of(child, occurred_to=as_of)))
                ],
            }
            for key, child in children.items()
        },
    }
