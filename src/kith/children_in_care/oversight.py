"""Keeping placements under watch (inspection_findings §1.23, §1.48): the at-risk flag and the support put
in, disruption meetings after an unplanned ending, the plan for a child placed at a distance, managers'
checks on unregistered provision, children placed into the area by other councils, and the managers'
tracking meetings with the actions agreed for each child (R-150).

These are actions like those in ``actions``, kept apart because they watch placements rather than
change the 903 episodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.children_in_care import events, queries, rules
from kith.children_in_care.access import can_record_children_in_care
from kith.children_in_care.models import (
    DisruptionMeeting,
    DistancePlan,
    InboundPlacement,
    Placement,
    PlacementAtRisk,
    TrackingAction,
    TrackingMeeting,
    UnregisteredOversight,
)
from kith.children_in_care.rules import normalise_postcode
from kith.people.access import can_record_on, can_view_person, staff_of
from kith.platform import clock
from kith.platform.access.roles import MANAGER_ROLES, Role
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require

if TYPE_CHECKING:
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember

CHAIRS = frozenset({Role.IRO, *MANAGER_ROLES})


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def flag_placement_at_risk(
    placement: Placement, *, flagged_on: date, concerns: str, support: str, by: User
) -> PlacementAtRisk:
    """Put the placement on the at-risk tracking list, with the concerns and the support put in."""
    require(can_record_children_in_care(by, placement.child))
    open_flag = placement.risk_flags.filter(lifted_on__isnull=True).first()
    refuse_if(
        rules.risk_flag_problems(
            placement, on=flagged_on, today=clock.today(), concerns=concerns, support=support, open_flag=open_flag
        )
    )
    flag = PlacementAtRisk.objects.create(
        placement=placement,
        child=placement.child,
        flagged_on=flagged_on,
        concerns=concerns.strip(),
        support=support.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.PLACEMENT_AT_RISK.code,
        children=[placement.child],
        by=by,
        summary=f"Placement with {placement.carer} at risk of breakdown: {flag.concerns}",
        occurred_on=flagged_on,
        subject=flag,
    )
    return flag


@action
def lift_placement_risk(flag: PlacementAtRisk, *, lifted_on: date, outcome: str, by: User) -> PlacementAtRisk:
    require(can_record_children_in_care(by, flag.child))
    refuse_if(rules.lift_problems(flag, on=lifted_on, today=clock.today(), outcome=outcome))
    flag.lifted_on = lifted_on
    flag.outcome = outcome.strip()
    flag.save(update_fields=["lifted_on", "outcome"])
    record_event(
        events.PLACEMENT_RISK_LIFTED.code,
        children=[flag.child],
        by=by,
        summary=f"Placement no longer at risk: {flag.outcome}",
        occurred_on=lifted_on,
        subject=flag,
    )
    return flag


@action
def hold_disruption_meeting(
    placement: Placement,
    *,
    held_on: date,
    chair: StaffMember,
    attendees: str,
    what_happened: str,
    learning: str,
    by: User,
) -> DisruptionMeeting:
    """Record the meeting after an unplanned ending, and the learning for the next placement."""
    require(can_record_children_in_care(by, placement.child))
    refuse_if(
        rules.disruption_problems(
            placement,
            held_on=held_on,
            today=clock.today(),
            chair_is_manager=chair.is_active and chair.role in CHAIRS,
            attendees=attendees,
            what_happened=what_happened,
            learning=learning,
        )
    )
    meeting = DisruptionMeeting.objects.create(
        placement=placement,
        child=placement.child,
        held_on=held_on,
        chair=chair,
        attendees=attendees.strip(),
        what_happened=what_happened.strip(),
        learning=learning.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.DISRUPTION_MEETING_HELD.code,
        children=[placement.child],
        by=by,
        summary=f"Disruption meeting about the placement with {placement.carer}: {meeting.learning}",
        occurred_on=held_on,
        subject=meeting,
    )
    return meeting


@action
def agree_distance_plan(
    placement: Placement,
    *,
    agreed_on: date,
    reason_for_distance: str,
    visiting_pattern: str,
    return_plan: str,
    target_return_on: date | None,
    by: User,
) -> DistancePlan:
    """For a placement out of the council's area: why, who visits, and the plan to come back."""
    require(can_record_children_in_care(by, placement.child))
    refuse_if(
        rules.distance_plan_problems(
            placement,
            agreed_on=agreed_on,
            today=clock.today(),
            reason_for_distance=reason_for_distance,
            visiting_pattern=visiting_pattern,
            return_plan=return_plan,
            target_return_on=target_return_on,
        )
    )
    plan = DistancePlan.objects.create(
        placement=placement,
        child=placement.child,
        agreed_on=agreed_on,
        reason_for_distance=reason_for_distance.strip(),
        visiting_pattern=visiting_pattern.strip(),
        return_plan=return_plan.strip(),
        target_return_on=target_return_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.DISTANCE_PLAN_AGREED.code,
        children=[placement.child],
        by=by,
        summary=f"Plan for the placement in {placement.host_authority or 'another area'}: {plan.return_plan}"
        + (f" (by {long_date(target_return_on)})" if target_return_on else ""),
        occurred_on=agreed_on,
        subject=plan,
    )
    return plan


@action
def record_unregistered_oversight(
    placement: Placement,
    *,
    checked_on: date,
    safety: str,
    registration_progress: str,
    next_check_on: date | None,
    by: User,
) -> UnregisteredOversight:
    """A manager's check on a child in unregistered provision."""
    manager = _staff(by)
    require(manager.role in MANAGER_ROLES and can_record_children_in_care(by, placement.child))
    refuse_if(
        rules.oversight_problems(
            placement,
            checked_on=checked_on,
            today=clock.today(),
            safety=safety,
            registration_progress=registration_progress,
            next_check_on=next_check_on,
        )
    )
    assert next_check_on is not None  # the rules refuse a check without the next one
    check = UnregisteredOversight.objects.create(
        placement=placement,
        child=placement.child,
        checked_on=checked_on,
        checked_by=manager,
        safety=safety.strip(),
        registration_progress=registration_progress.strip(),
        next_check_on=next_check_on,
        recorded_at=clock.now(),
    )
    record_event(
        events.UNREGISTERED_OVERSIGHT.code,
        children=[placement.child],
        by=by,
        summary=f"{manager.full_name} checked the unregistered provision ({placement.carer}); next check "
        f"{long_date(next_check_on)}",
        occurred_on=checked_on,
        subject=check,
    )
    return check


@action
def record_inbound_placement(
    child: Person,
    *,
    placing_authority: str,
    placed_on: date,
    notified_on: date | None,
    carer: str,
    postcode: str,
    services: str,
    by: User,
) -> InboundPlacement:
    """Another council placed ``child`` in this area and told this council."""
    require(child.is_child and can_record_on(by, child))
    refuse_if(
        rules.inbound_problems(
            child,
            placed_on=placed_on,
            notified_on=notified_on,
            today=clock.today(),
            placing_authority=placing_authority,
            carer=carer,
            postcode=postcode,
            open_inbound=InboundPlacement.objects.filter(child=child, ended_on__isnull=True).first(),
            looked_after_here=queries.open_period_of_care(child) is not None,
        )
    )
    assert notified_on is not None  # the rules refuse it without the date
    inbound = InboundPlacement.objects.create(
        child=child,
        placing_authority=placing_authority.strip(),
        placed_on=placed_on,
        notified_on=notified_on,
        carer=carer.strip(),
        postcode=normalise_postcode(postcode),
        services=services.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.INBOUND_PLACEMENT.code,
        children=[child],
        by=by,
        summary=f"Placed in the area by {inbound.placing_authority} with {inbound.carer}",
        occurred_on=placed_on,
        subject=inbound,
    )
    return inbound


@action
def hold_tracking_meeting(
    *, held_on: date, attendees: str, items: Sequence[rules.TrackingItem], by: User
) -> TrackingMeeting:
    """A manager records a tracking meeting they chaired, and the action agreed for each child discussed."""
    chair = _staff(by)
    require(chair.role in MANAGER_ROLES and all(can_view_person(by, item.child) for item in items))
    looked_after = {item.child.pk for item in items if queries.is_looked_after_on(item.child, held_on)}
    refuse_if(
        rules.tracking_meeting_problems(
            held_on=held_on,
            today=clock.today(),
            chair_may_chair=chair.is_active,
            attendees=attendees,
            items=list(items),
            looked_after=looked_after,
        )
    )
    meeting = TrackingMeeting.objects.create(
        held_on=held_on, chair=chair, attendees=attendees.strip(), recorded_by=chair, recorded_at=clock.now()
    )
    for item in items:
        assert item.due_on is not None  # the rules refuse an action without its date
        agreed = TrackingAction.objects.create(
            meeting=meeting,
            child=item.child,
            discussion=item.discussion.strip(),
            action=item.action.strip(),
            owner=item.owner.strip(),
            due_on=item.due_on,
        )
        record_event(
            events.TRACKING_ACTION_AGREED.code,
            children=[item.child],
            by=by,
            summary=f"Tracking meeting: {agreed.action} ({agreed.owner}, by {long_date(agreed.due_on)})",
            occurred_on=held_on,
            subject=agreed,
        )
    return meeting


@action
def complete_tracking_action(agreed: TrackingAction, *, done_on: date, by: User) -> TrackingAction:
    require(can_record_children_in_care(by, agreed.child))
    problems: rules.Problems = {}
    if agreed.done_on is not None:
        rules.add(problems, "done_on", f"Already done on {long_date(agreed.done_on)}")
    if done_on > clock.today():
        rules.add(problems, "done_on", f"{long_date(done_on)} is in the future")
    if done_on < agreed.meeting.held_on:
        rules.add(
            problems,
            "done_on",
            f"The action cannot be done ({long_date(done_on)}) before the meeting agreed it "
            f"({long_date(agreed.meeting.held_on)})",
        )
    refuse_if(problems)
    agreed.done_on = done_on
    agreed.save(update_fields=["done_on"])
    record_event(
        events.TRACKING_ACTION_DONE.code,
        children=[agreed.child],
        by=by,
        summary=f"Done: {agreed.action}" + (" (late)" if done_on > agreed.due_on else ""),
        occurred_on=done_on,
        subject=agreed,
    )
    return agreed
