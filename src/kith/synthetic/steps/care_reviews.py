"""Scenario verbs for the IRO, reviews of children in care and IRO challenges."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.care_reviews.actions import (
    allocate_iro,
    complete_review_decision,
    escalate_iro_challenge,
    hold_review,
    raise_iro_challenge,
    record_iro_contact,
    record_minutes_distributed,
    record_support_offer,
    resolve_iro_challenge,
)
from kith.care_reviews.models import IroAllocation, IroChallenge, IroContact, Review, ReviewDecision, SupportOffer
from kith.care_reviews.rules import DecisionDetails
from kith.children_in_care.models import PeriodOfCare
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _period(replay: Replay, step: Step) -> PeriodOfCare:
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    return period


def _review(replay: Replay, step: Step) -> Review:
    review = replay.record(step["review"])
    if not isinstance(review, Review):
        raise ScenarioError(f"{step['review']!r} is not a review")
    return review


def _challenge(replay: Replay, step: Step) -> IroChallenge:
    challenge = replay.record(step["challenge"])
    if not isinstance(challenge, IroChallenge):
        raise ScenarioError(f"{step['challenge']!r} is not an IRO challenge")
    return challenge


def _decisions(raw: Any) -> list[DecisionDetails]:
    """``decisions``: a list of ``{decision, owner, due_on}``."""
    return [
        DecisionDetails(
            decision=str(item.get("decision", "")),
            owner=str(item.get("owner", "")),
            due_on=as_date(item["due_on"], "due_on") if item.get("due_on") else None,
        )
        for item in raw or []
    ]


def _yes_no(raw: Any) -> bool | None:
    return None if raw is None else bool(raw)


@verb("allocate_iro")
def _allocate_iro(replay: Replay, step: Step, by: StaffMember, on: date) -> IroAllocation:
    values = step.get("with", {})
    return allocate_iro(_period(replay, step), iro=replay.member(values["iro"]), allocated_on=on, by=by.user)


@verb("hold_review")
def _hold_review(replay: Replay, step: Step, by: StaffMember, on: date) -> Review:
    values = step.get("with", {})
    met = values.get("iro_met_child_on")
    return hold_review(
        _period(replay, step),
        held_on=on,
        participation=str(values.get("participation", "")),
        iro_met_child_on=as_date(met, "iro_met_child_on") if met else None,
        why_iro_did_not_meet_child=str(values.get("why_iro_did_not_meet_child", "")),
        reports_received=str(values.get("reports_received", "")),
        previous_decisions_checked=values.get("previous_decisions_checked"),
        previous_decisions_notes=str(values.get("previous_decisions_notes", "")),
        child_views=str(values.get("child_views", "")),
        parents_views=str(values.get("parents_views", "")),
        carers_views=str(values.get("carers_views", "")),
        progress=str(values.get("progress", "")),
        care_plan_meets_needs=bool(values.get("care_plan_meets_needs", True)),
        decisions=_decisions(values.get("decisions")),
        complaints_information_given=_yes_no(values.get("complaints_information_given")),
        advocate_offered=_yes_no(values.get("advocate_offered")),
        by=by.user,
    )


@verb("complete_review_decision")
def _complete_review_decision(replay: Replay, step: Step, by: StaffMember, on: date) -> ReviewDecision:
    """``review`` and ``number`` (1 for the review's first decision, in the order given)."""
    review = _review(replay, step)
    decisions = list(review.decisions.order_by("pk"))
    number = int(step.get("with", {}).get("number", 1))
    if not 1 <= number <= len(decisions):
        raise ScenarioError(f"The review has {len(decisions)} decisions; there is no decision {number}")
    return complete_review_decision(decisions[number - 1], completed_on=on, by=by.user)


@verb("record_minutes_distributed")
def _record_minutes_distributed(replay: Replay, step: Step, by: StaffMember, on: date) -> Review:
    values = step.get("with", {})
    return record_minutes_distributed(
        _review(replay, step), distributed_on=on, recipients=str(values.get("recipients", "")), by=by.user
    )


@verb("record_iro_contact")
def _record_iro_contact(replay: Replay, step: Step, by: StaffMember, on: date) -> IroContact:
    values = step.get("with", {})
    return record_iro_contact(
        _period(replay, step),
        contact_on=on,
        kind=str(values.get("kind", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("raise_iro_challenge")
def _raise_iro_challenge(replay: Replay, step: Step, by: StaffMember, on: date) -> IroChallenge:
    values = step.get("with", {})
    review = values.get("review")
    return raise_iro_challenge(
        _period(replay, step),
        raised_on=on,
        concern=str(values.get("concern", "")),
        review=replay.record(review) if review else None,
        by=by.user,
    )


@verb("escalate_iro_challenge")
def _escalate_iro_challenge(replay: Replay, step: Step, by: StaffMember, on: date) -> IroChallenge:
    values = step.get("with", {})
    return escalate_iro_challenge(
        _challenge(replay, step),
        escalated_on=on,
        to_stage=str(values.get("to_stage", "")),
        reason=str(values.get("reason", "")),
        by=by.user,
    )


@verb("resolve_iro_challenge")
def _resolve_iro_challenge(replay: Replay, step: Step, by: StaffMember, on: date) -> IroChallenge:
    values = step.get("with", {})
    return resolve_iro_challenge(
        _challenge(replay, step), resolved_on=on, agreed_actions=str(values.get("agreed_actions", "")), by=by.user
    )


@verb("record_support_offer")
def _record_support_offer(replay: Replay, step: Step, by: StaffMember, on: date) -> SupportOffer:
    values = step.get("with", {})
    return record_support_offer(
        _period(replay, step),
        kind=str(values.get("kind", "")),
        offered_on=on,
        outcome=str(values.get("outcome", "")),
        purpose=str(values.get("purpose", "")),
        reason_declined=str(values.get("reason_declined", "")),
        provider=str(values.get("provider", "")),
        by=by.user,
    )
