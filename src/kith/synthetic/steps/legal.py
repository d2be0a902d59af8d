"""Scenario verbs for pre-proceedings and care proceedings (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.legal.actions import (
    conclude_care_proceedings,
    end_pre_proceedings,
    make_care_application,
    record_family_group_decision_making,
    record_hearing,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
    start_pre_proceedings,
)
from kith.legal.models import CareProceedings, Hearing, Order, PreProceedings, PreProceedingsMeeting
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _optional_date(values: dict[str, Any], name: str) -> date | None:
    raw = values.get(name)
    return as_date(raw, name) if raw else None


def _pre_proceedings(replay: Replay, step: Step) -> PreProceedings:
    found = replay.record(step["pre_proceedings"])
    if not isinstance(found, PreProceedings):
        raise ScenarioError(f"{step['pre_proceedings']!r} is not a period of pre-proceedings")
    found.refresh_from_db()
    return found


def _proceedings(replay: Replay, step: Step) -> CareProceedings:
    found = replay.record(step["proceedings"])
    if not isinstance(found, CareProceedings):
        raise ScenarioError(f"{step['proceedings']!r} is not a court application")
    found.refresh_from_db()
    return found


@verb("start_pre_proceedings")
def _start(replay: Replay, step: Step, by: StaffMember, on: date) -> PreProceedings:
    values = step.get("with", {})
    return start_pre_proceedings(replay.person(step["child"]), entered_on=on, reason=values["reason"], by=by.user)


@verb("send_letter_before_proceedings")
def _letter(replay: Replay, step: Step, by: StaffMember, on: date) -> PreProceedings:
    values = step.get("with", {})
    return send_letter_before_proceedings(
        _pre_proceedings(replay, step),
        sent_on=on,
        risks=values["risks"],
        changes_expected=values["changes_expected"],
        support_offered=values["support_offered"],
        by=by.user,
    )


@verb("record_pre_proceedings_meeting")
def _meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> PreProceedingsMeeting:
    values = step.get("with", {})
    return record_pre_proceedings_meeting(
        _pre_proceedings(replay, step),
        kind=values["kind"],
        held_on=on,
        attendees=values["attendees"],
        summary=values["summary"],
        next_review_on=_optional_date(values, "next_review_on"),
        by=by.user,
    )


@verb("record_family_group_decision_making")
def _family_meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> PreProceedings:
    values = step.get("with", {})
    return record_family_group_decision_making(
        _pre_proceedings(replay, step),
        offered_on=_optional_date(values, "offered_on") or on,
        held_on=_optional_date(values, "held_on"),
        by=by.user,
    )


@verb("end_pre_proceedings")
def _end(replay: Replay, step: Step, by: StaffMember, on: date) -> PreProceedings:
    values = step.get("with", {})
    return end_pre_proceedings(
        _pre_proceedings(replay, step),
        ended_on=on,
        outcome=values["outcome"],
        rationale=values["rationale"],
        letter_of_issue_sent_on=_optional_date(values, "letter_of_issue_sent_on"),
        by=by.user,
    )


@verb("make_care_application")
def _apply(replay: Replay, step: Step, by: StaffMember, on: date) -> CareProceedings:
    values = step.get("with", {})
    return make_care_application(
        replay.person(step["child"]),
        application_kind=values["application_kind"],
        application_made_on=on,
        court=values["court"],
        reason=values["reason"],
        by=by.user,
    )


@verb("record_hearing")
def _hearing(replay: Replay, step: Step, by: StaffMember, on: date) -> Hearing:
    values = step.get("with", {})
    return record_hearing(
        _proceedings(replay, step),
        kind=values["kind"],
        held_on=on,
        order_made=values.get("order_made", Order.NONE),
        summary=values.get("summary", ""),
        next_hearing_on=_optional_date(values, "next_hearing_on"),
        delay_cause=values.get("delay_cause", ""),
        by=by.user,
    )


@verb("conclude_care_proceedings")
def _conclude(replay: Replay, step: Step, by: StaffMember, on: date) -> CareProceedings:
    values = step.get("with", {})
    return conclude_care_proceedings(
        _proceedings(replay, step),
        ended_on=on,
        final_order=values["final_order"],
        outcome_summary=values.get("outcome_summary", ""),
        delay_reasons=values.get("delay_reasons", ""),
        by=by.user,
    )
