"""Scenario verbs for the fostering service: households from the enquiry to approval, reviews, training, the
children's placements with them, and the end.

The step's date is the date of what is recorded (the enquiry, the start of the assessment, the agency decision …).
Carers are adults added first with ``add_person``; ``carers`` and ``carer`` name them by their keys.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.children_in_care.models import PeriodOfCare
from kith.children_in_care.queries import current_placement
from kith.fostering.actions import (
    approve_foster_carers,
    end_fostering_approval,
    grant_temporary_approval,
    link_placement_to_household,
    record_foster_carer_training,
    record_fostering_enquiry,
    review_fostering_approval,
    start_fostering_assessment,
)
from kith.fostering.models import ApprovalReview, Household, PlacementLink, TrainingCompleted
from kith.fostering.rules import Terms
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _household(replay: Replay, step: Step) -> Household:
    found = replay.record(step["household"])
    if not isinstance(found, Household):
        raise ScenarioError(f"{step['household']!r} is not a fostering household")
    return found


def _terms(values: dict[str, Any]) -> Terms:
    def number(name: str) -> int | None:
        return int(values[name]) if values.get(name) is not None else None

    return Terms(
        places=number("places"),
        age_from=number("age_from"),
        age_to=number("age_to"),
        kind_of_care=str(values.get("kind_of_care", "")),
    )


@verb("record_fostering_enquiry")
def _enquiry(replay: Replay, step: Step, by: StaffMember, on: date) -> Household:
    values = step.get("with", {})
    return record_fostering_enquiry(
        name=str(values.get("name", "")),
        postcode=str(values.get("postcode", "")),
        kind=str(values.get("kind", "")),
        carers=[replay.person(key) for key in values.get("carers", [])],
        enquiry_on=on,
        by=by.user,
    )


@verb("start_fostering_assessment")
def _assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> Household:
    values = step.get("with", {})
    return start_fostering_assessment(
        _household(replay, step), started_on=on, assessor=str(values.get("assessor", "")), by=by.user
    )


@verb("grant_temporary_approval")
def _temporary(replay: Replay, step: Step, by: StaffMember, on: date) -> Household:
    values = step.get("with", {})
    return grant_temporary_approval(
        _household(replay, step), approved_on=on, child=replay.person(values["child"]), by=by.user
    )


@verb("approve_foster_carers")
def _approve(replay: Replay, step: Step, by: StaffMember, on: date) -> Household:
    values = step.get("with", {})
    return approve_foster_carers(
        _household(replay, step),
        panel_recommended_on=as_date(values["panel_recommended_on"], "panel_recommended_on"),
        approved_on=on,
        decision_maker=str(values.get("decision_maker", "")),
        terms=_terms(values),
        by=by.user,
    )


@verb("review_fostering_approval")
def _review(replay: Replay, step: Step, by: StaffMember, on: date) -> ApprovalReview:
    values = step.get("with", {})
    return review_fostering_approval(
        _household(replay, step),
        reviewed_on=on,
        reviewer=str(values.get("reviewer", "")),
        carers_views=str(values.get("carers_views", "")),
        childrens_views=str(values.get("childrens_views", "")),
        recommendation=str(values.get("recommendation", "")),
        terms=_terms(values),
        by=by.user,
    )


@verb("record_foster_carer_training")
def _training(replay: Replay, step: Step, by: StaffMember, on: date) -> TrainingCompleted:
    values = step.get("with", {})
    return record_foster_carer_training(
        _household(replay, step),
        carer=replay.person(values["carer"]),
        course=str(values.get("course", "")),
        completed_on=on,
        by=by.user,
    )


@verb("link_placement_to_household")
def _link(replay: Replay, step: Step, by: StaffMember, on: date) -> PlacementLink:
    """``period``: the child's period of care, whose current placement is with ``household``."""
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    placement = current_placement(period)
    if placement is None:
        raise ScenarioError(f"{step['period']!r} has no current placement")
    household = replay.record(step.get("with", {})["household"])
    if not isinstance(household, Household):
        raise ScenarioError("`household` is not a fostering household")
    return link_placement_to_household(placement, household=household, by=by.user)


@verb("end_fostering_approval")
def _end(replay: Replay, step: Step, by: StaffMember, on: date) -> Household:
    values = step.get("with", {})
    return end_fostering_approval(
        _household(replay, step),
        ended_on=on,
        reason=str(values.get("reason", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )
