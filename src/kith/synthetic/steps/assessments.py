"""Scenario verbs for assessments, strategy discussions and section 47 enquiries.

Each is recorded on the step's date: an assessment starts, completes or is authorised
that day, a strategy discussion is held at the step's date and time, an enquiry starts
or ends that day. Records are named by the keys earlier steps gave them (``as:``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.assessments.actions import (
    AssessmentAnswers,
    authorise_assessment,
    complete_assessment,
    complete_section_47,
    record_strategy_discussion,
    save_assessment,
    start_assessment,
    start_section_47,
)
from kith.assessments.models import Assessment, Section47Enquiry, StrategyDiscussion
from kith.platform import clock
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _worker(replay: Replay, values: dict[str, Any], by: StaffMember, key: str = "worker") -> StaffMember:
    return replay.member(values[key]) if values.get(key) else by


def _assessment(replay: Replay, step: Step) -> Assessment:
    found = replay.record(step["assessment"])
    if not isinstance(found, Assessment):
        raise ScenarioError(f"{step['assessment']!r} is not an assessment")
    found.refresh_from_db()
    return found


@verb("start_assessment")
def _start_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> Assessment:
    values = step.get("with", {})
    carer = values.get("connected_person")
    return start_assessment(
        replay.record(step["referral"]),
        kind=values.get("kind", "child_and_family"),
        started_on=on,
        worker=_worker(replay, values, by),
        connected_person=replay.person(carer) if carer else None,
        by=by.user,
    )


@verb("save_assessment")
def _save_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> Assessment:
    assessment = _assessment(replay, step)
    values = dict(step.get("with", {}))
    advised = values.get("advised_of_right_to_be_looked_after_on")
    if advised is not None:
        values["advised_of_right_to_be_looked_after_on"] = as_date(advised, "advised_of_right_to_be_looked_after_on")
    if "factors" in values:
        values["factors"] = [str(code) for code in values["factors"]]
    answers = AssessmentAnswers(**values)
    return save_assessment(assessment, answers=answers, version=assessment.version, by=by.user)


@verb("complete_assessment")
def _complete_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> Assessment:
    values = step.get("with", {})
    return complete_assessment(
        _assessment(replay, step),
        completed_on=on,
        outcome=values["outcome"],
        outcome_rationale=values["rationale"],
        by=by.user,
    )


@verb("authorise_assessment")
def _authorise_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> Assessment:
    return authorise_assessment(
        _assessment(replay, step), authorised_on=on, rationale=step.get("with", {})["rationale"], by=by.user
    )


@verb("record_strategy_discussion")
def _record_strategy_discussion(replay: Replay, step: Step, by: StaffMember, on: date) -> StrategyDiscussion:
    values = step.get("with", {})
    participants = [
        (person["name"], person["agency"], person.get("role", "")) for person in values.get("participants", [])
    ]
    return record_strategy_discussion(
        replay.record(step["referral"]),
        held_at=clock.now(),
        mode=values.get("mode", "meeting"),
        out_of_hours=bool(values.get("out_of_hours", False)),
        chair=_worker(replay, values, by, key="chair"),
        participants=participants,
        information_shared=values["information_shared"],
        risk_analysis=values["risk_analysis"],
        decision=values["decision"],
        rationale=values["rationale"],
        immediate_protection=values.get("immediate_protection", ""),
        legal_advice_sought=bool(values.get("legal_advice_sought", False)),
        actions=values.get("actions", ""),
        by=by.user,
    )


@verb("start_section_47")
def _start_section_47(replay: Replay, step: Step, by: StaffMember, on: date) -> Section47Enquiry:
    values = step.get("with", {})
    discussion = replay.record(step["discussion"])
    linked = values.get("assessment")
    return start_section_47(
        discussion,
        started_on=on,
        worker=_worker(replay, values, by),
        assessment=replay.record(linked) if linked else None,
        by=by.user,
    )


@verb("complete_section_47")
def _complete_section_47(replay: Replay, step: Step, by: StaffMember, on: date) -> Section47Enquiry:
    values = step.get("with", {})
    enquiry = replay.record(step["enquiry"])
    enquiry.refresh_from_db()
    seen = values.get("child_seen")
    return complete_section_47(
        enquiry,
        ended_on=on,
        outcome=values["outcome"],
        findings=values["findings"],
        child_seen=None if seen is None else bool(seen),
        child_seen_alone=None if values.get("child_seen_alone") is None else bool(values["child_seen_alone"]),
        why_not_seen=values.get("why_not_seen", ""),
        medical_examination=values.get("medical_examination", ""),
        outcome_rationale=values["rationale"],
        by=by.user,
    )
