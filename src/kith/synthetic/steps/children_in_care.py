"""Scenario verbs for becoming looked after, moves, changes of legal status, leaving care, and each
placement's plan and notifications."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from kith.children_in_care.actions import (
    agree_placement_plan,
    change_legal_status,
    end_period_of_care,
    move_placement,
    record_placement_notification,
    start_period_of_care,
)
from kith.children_in_care.models import (
    DisruptionMeeting,
    DistancePlan,
    Episode,
    InboundPlacement,
    PeriodOfCare,
    Placement,
    PlacementAtRisk,
    PlacementNotification,
    PlacementPlan,
    TrackingAction,
    TrackingMeeting,
    UnregisteredOversight,
)
from kith.children_in_care.oversight import (
    agree_distance_plan,
    complete_tracking_action,
    flag_placement_at_risk,
    hold_disruption_meeting,
    hold_tracking_meeting,
    lift_placement_risk,
    record_inbound_placement,
    record_unregistered_oversight,
)
from kith.children_in_care.queries import current_placement
from kith.children_in_care.rules import PlacementDetails, TrackingItem
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def placement_details(raw: Any) -> PlacementDetails:
    """A placement as a step gives it: ``type`` (a 903 code), ``carer``, ``provider``, ``postcode``,
    ``home_postcode``, ``in_area`` (default true), ``host_authority``, ``distance_miles``, ``urn``,
    ``planned`` (default true), ``matching``, ``siblings_together``."""
    if not isinstance(raw, dict):
        raise ScenarioError("`placement` must give at least type, carer, postcode and home_postcode")
    distance = raw.get("distance_miles")
    return PlacementDetails(
        placement_type=str(raw.get("type", "")),
        carer=str(raw.get("carer", "")),
        provider=str(raw.get("provider", "")),
        postcode=str(raw.get("postcode", "")),
        home_postcode=str(raw.get("home_postcode", "")),
        in_area=bool(raw.get("in_area", True)),
        host_authority=str(raw.get("host_authority", "")),
        distance_miles=Decimal(str(distance)) if distance is not None else None,
        urn=str(raw.get("urn", "")),
        planned=bool(raw.get("planned", True)),
        matching=str(raw.get("matching", "")),
        siblings_placed_together=raw.get("siblings_together"),
        temporary_approval=bool(raw.get("temporary_approval", False)),
        unregistered=bool(raw.get("unregistered", False)),
    )


def _period(replay: Replay, step: Step) -> PeriodOfCare:
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    return period


@verb("start_period_of_care")
def _start_period_of_care(replay: Replay, step: Step, by: StaffMember, on: date) -> PeriodOfCare:
    values = step.get("with", {})
    decision = values.get("decision")
    return start_period_of_care(
        replay.person(step["child"]),
        started_on=on,
        route=str(values.get("route", "")),
        legal_status=str(values.get("legal_status", "")),
        category_of_need=str(values.get("category_of_need", "")),
        reason_for_care=str(values.get("reason_for_care", "")),
        alternatives_considered=str(values.get("alternatives_considered", "")),
        decision=replay.record(decision) if decision else None,
        placement=placement_details(values.get("placement")),
        previous_permanence=str(values.get("previous_permanence", "")),
        previous_permanence_la=str(values.get("previous_permanence_la", "")),
        previous_permanence_on=_optional_date(values, "previous_permanence_on"),
        by=by.user,
    )


@verb("move_placement")
def _move_placement(replay: Replay, step: Step, by: StaffMember, on: date) -> Placement:
    values = step.get("with", {})
    return move_placement(
        _period(replay, step),
        moved_on=on,
        reason_for_change=str(values.get("reason_for_change", "")),
        placement=placement_details(values.get("placement")),
        same_carer=bool(values.get("same_carer", False)),
        planned=bool(values.get("planned", True)),
        legal_status=str(values.get("legal_status", "")),
        by=by.user,
    )


@verb("change_legal_status")
def _change_legal_status(replay: Replay, step: Step, by: StaffMember, on: date) -> Episode:
    values = step.get("with", {})
    return change_legal_status(
        _period(replay, step), changed_on=on, legal_status=str(values.get("legal_status", "")), by=by.user
    )


@verb("end_period_of_care")
def _end_period_of_care(replay: Replay, step: Step, by: StaffMember, on: date) -> PeriodOfCare:
    values = step.get("with", {})
    return end_period_of_care(
        _period(replay, step), ended_on=on, reason_ceased=str(values.get("reason_ceased", "")), by=by.user
    )


def _current_placement(replay: Replay, step: Step) -> Placement:
    placement = current_placement(_period(replay, step))
    if placement is None:
        raise ScenarioError(f"{step['period']!r} has no current placement")
    return placement


@verb("agree_placement_plan")
def _agree_placement_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> PlacementPlan:
    values = step.get("with", {})
    return agree_placement_plan(
        _current_placement(replay, step),
        agreed_on=on,
        arrangements=str(values.get("arrangements", "")),
        delegated_authority=str(values.get("delegated_authority", "")),
        child_views=str(values.get("child_views", "")),
        by=by.user,
    )


@verb("record_placement_notification")
def _record_placement_notification(replay: Replay, step: Step, by: StaffMember, on: date) -> PlacementNotification:
    values = step.get("with", {})
    health = values.get("health_team_notified_on")
    host = values.get("host_authority_notified_on")
    return record_placement_notification(
        _current_placement(replay, step),
        notified_on=on,
        recipients=str(values.get("recipients", "")),
        health_team_notified_on=as_date(health, "health_team_notified_on") if health else None,
        host_authority_notified_on=as_date(host, "host_authority_notified_on") if host else None,
        by=by.user,
    )


def _optional_date(values: dict[str, Any], name: str) -> date | None:
    raw = values.get(name)
    return as_date(raw, name) if raw else None


@verb("flag_placement_at_risk")
def _flag_placement_at_risk(replay: Replay, step: Step, by: StaffMember, on: date) -> PlacementAtRisk:
    values = step.get("with", {})
    return flag_placement_at_risk(
        _current_placement(replay, step),
        flagged_on=on,
        concerns=str(values.get("concerns", "")),
        support=str(values.get("support", "")),
        by=by.user,
    )


@verb("lift_placement_risk")
def _lift_placement_risk(replay: Replay, step: Step, by: StaffMember, on: date) -> PlacementAtRisk:
    flag = replay.record(step["flag"])
    if not isinstance(flag, PlacementAtRisk):
        raise ScenarioError(f"{step['flag']!r} is not an at-risk flag")
    return lift_placement_risk(flag, lifted_on=on, outcome=str(step.get("with", {}).get("outcome", "")), by=by.user)


@verb("hold_disruption_meeting")
def _hold_disruption_meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> DisruptionMeeting:
    """About the ``period``'s latest placement that ended unplanned."""
    values = step.get("with", {})
    ended = (
        _period(replay, step)
        .placements.filter(ended_on__isnull=False, end_was_planned=False)
        .order_by("-ended_on", "-pk")
        .first()
    )
    if ended is None:
        raise ScenarioError(f"{step['period']!r} has no placement that ended unplanned")
    return hold_disruption_meeting(
        ended,
        held_on=on,
        chair=replay.member(str(values.get("chair", ""))),
        attendees=str(values.get("attendees", "")),
        what_happened=str(values.get("what_happened", "")),
        learning=str(values.get("learning", "")),
        by=by.user,
    )


@verb("agree_distance_plan")
def _agree_distance_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> DistancePlan:
    values = step.get("with", {})
    return agree_distance_plan(
        _current_placement(replay, step),
        agreed_on=on,
        reason_for_distance=str(values.get("reason_for_distance", "")),
        visiting_pattern=str(values.get("visiting_pattern", "")),
        return_plan=str(values.get("return_plan", "")),
        target_return_on=_optional_date(values, "target_return_on"),
        by=by.user,
    )


@verb("record_unregistered_oversight")
def _record_unregistered_oversight(replay: Replay, step: Step, by: StaffMember, on: date) -> UnregisteredOversight:
    values = step.get("with", {})
    return record_unregistered_oversight(
        _current_placement(replay, step),
        checked_on=on,
        safety=str(values.get("safety", "")),
        registration_progress=str(values.get("registration_progress", "")),
        next_check_on=_optional_date(values, "next_check_on"),
        by=by.user,
    )


@verb("record_inbound_placement")
def _record_inbound_placement(replay: Replay, step: Step, by: StaffMember, on: date) -> InboundPlacement:
    values = step.get("with", {})
    return record_inbound_placement(
        replay.person(step["child"]),
        placing_authority=str(values.get("placing_authority", "")),
        placed_on=on,
        notified_on=_optional_date(values, "notified_on"),
        carer=str(values.get("carer", "")),
        postcode=str(values.get("postcode", "")),
        services=str(values.get("services", "")),
        by=by.user,
    )


@verb("hold_tracking_meeting")
def _hold_tracking_meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> TrackingMeeting:
    """``items``: a list of ``{child, discussion, action, owner, due_on}``."""
    values = step.get("with", {})
    return hold_tracking_meeting(
        held_on=on,
        attendees=str(values.get("attendees", "")),
        items=[
            TrackingItem(
                child=replay.person(str(item.get("child", ""))),
                discussion=str(item.get("discussion", "")),
                action=str(item.get("action", "")),
                owner=str(item.get("owner", "")),
                due_on=_optional_date(item, "due_on"),
            )
            for item in values.get("items", [])
        ],
        by=by.user,
    )


@verb("complete_tracking_action")
def _complete_tracking_action(replay: Replay, step: Step, by: StaffMember, on: date) -> TrackingAction:
    """``meeting``: the key of a ``hold_tracking_meeting`` step; ``with: {number}``, in the order given."""
    meeting = replay.record(step["meeting"])
    if not isinstance(meeting, TrackingMeeting):
        raise ScenarioError(f"{step['meeting']!r} is not a tracking meeting")
    number = int(step.get("with", {}).get("number", 1))
    agreed = meeting.actions.order_by("pk")[number - 1 : number].first()
    if agreed is None:
        raise ScenarioError(f"The tracking meeting has no action {number}")
    return complete_tracking_action(agreed, done_on=on, by=by.user)
