"""Scenario verbs for allegations against people who work with children (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date

from kith.lado.actions import close_allegation, record_allegation, record_lado_decision
from kith.lado.models import Allegation, LadoDecision
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, verb
from kith.workforce.models import StaffMember


def _allegation(replay: Replay, step: Step) -> Allegation:
    found = replay.record(step["allegation"])
    if not isinstance(found, Allegation):
        raise ScenarioError(f"{step['allegation']!r} is not a LADO allegation")
    found.refresh_from_db()
    return found


@verb("record_allegation")
def _record(replay: Replay, step: Step, by: StaffMember, on: date) -> Allegation:
    values = step.get("with", {})
    subject = values.get("subject")
    return record_allegation(
        [replay.person(key) for key in step["children"]],
        received_on=on,
        referrer_name=values["referrer_name"],
        referrer_agency=values["referrer_agency"],
        subject_name=values["subject_name"],
        subject_person=replay.person(subject) if subject else None,
        subject_role=values["subject_role"],
        subject_employer=values["subject_employer"],
        category=values["category"],
        details=values["details"],
        advice_given=values.get("advice_given", ""),
        by=by.user,
    )


@verb("record_lado_decision")
def _decide(replay: Replay, step: Step, by: StaffMember, on: date) -> LadoDecision:
    values = step.get("with", {})
    return record_lado_decision(
        _allegation(replay, step), decided_on=on, decision=values["decision"], rationale=values["rationale"], by=by.user
    )


@verb("close_allegation")
def _close(replay: Replay, step: Step, by: StaffMember, on: date) -> Allegation:
    values = step.get("with", {})
    return close_allegation(
        _allegation(replay, step),
        closed_on=on,
        outcome=values["outcome"],
        outcome_summary=values.get("outcome_summary", ""),
        by=by.user,
    )
