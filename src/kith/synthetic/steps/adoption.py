"""Scenario verbs for adoption: the decision, authority to place, the match, the placement, reviews, the
decision ceasing and the adoption order."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.adoption.actions import (
    record_adoption_decision,
    record_adoption_decision_ceased,
    record_adoption_match,
    record_adoption_order,
    record_adoption_review,
    record_authority_to_place,
    record_placed_for_adoption,
)
from kith.adoption.models import AdoptionPlan, AdoptionReview
from kith.adoption.rules import MatchDetails
from kith.children_in_care.models import PeriodOfCare
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _period(replay: Replay, step: Step) -> PeriodOfCare:
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    return period


def _plan(replay: Replay, step: Step) -> AdoptionPlan:
    plan = replay.record(step["plan"])
    if not isinstance(plan, AdoptionPlan):
        raise ScenarioError(f"{step['plan']!r} is not an adoption plan")
    return plan


def _optional_date(values: dict[str, Any], name: str) -> date | None:
    return as_date(values[name], name) if values.get(name) else None


@verb("record_adoption_decision")
def _record_adoption_decision(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionPlan:
    values = step.get("with", {})
    return record_adoption_decision(
        _period(replay, step),
        decided_on=on,
        decision_maker=str(values.get("decision_maker", "")),
        reasons=str(values.get("reasons", "")),
        panel_recommended_on=_optional_date(values, "panel_recommended_on"),
        raa_notified_on=_optional_date(values, "raa_notified_on"),
        regional_adoption_agency=str(values.get("regional_adoption_agency", "")),
        by=by.user,
    )


@verb("record_authority_to_place")
def _record_authority_to_place(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionPlan:
    values = step.get("with", {})
    return record_authority_to_place(_plan(replay, step), basis=str(values.get("basis", "")), given_on=on, by=by.user)


@verb("record_adoption_match")
def _record_adoption_match(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionPlan:
    values = step.get("with", {})
    number = values.get("number_of_adopters")
    foster_carers = values.get("adopted_by_foster_carers")
    match = MatchDetails(
        matched_on=on,
        matching_panel_on=_optional_date(values, "matching_panel_on"),
        adopters=str(values.get("adopters", "")),
        number_of_adopters=int(number) if number is not None else None,
        adopters_sex=str(values.get("adopters_sex", "")),
        adopters_legal_status=str(values.get("adopters_legal_status", "")),
        adopted_by_foster_carers=None if foster_carers is None else bool(foster_carers),
        transition_plan=str(values.get("transition_plan", "")),
    )
    return record_adoption_match(_plan(replay, step), match=match, by=by.user)


@verb("record_placed_for_adoption")
def _record_placed_for_adoption(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionPlan:
    return record_placed_for_adoption(_plan(replay, step), by=by.user)


@verb("record_adoption_review")
def _record_adoption_review(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionReview:
    values = step.get("with", {})
    return record_adoption_review(
        _plan(replay, step),
        held_on=on,
        child_views=str(values.get("child_views", "")),
        progress=str(values.get("progress", "")),
        decisions=str(values.get("decisions", "")),
        by=by.user,
    )


@verb("record_adoption_decision_ceased")
def _record_adoption_decision_ceased(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionPlan:
    values = step.get("with", {})
    return record_adoption_decision_ceased(
        _plan(replay, step),
        ceased_on=on,
        reason=str(values.get("reason", "")),
        why=str(values.get("why", "")),
        by=by.user,
    )


@verb("record_adoption_order")
def _record_adoption_order(replay: Replay, step: Step, by: StaffMember, on: date) -> AdoptionPlan:
    values = step.get("with", {})
    return record_adoption_order(
        _plan(replay, step), made_on=on, reason_ceased=str(values.get("reason_ceased", "")), by=by.user
    )
