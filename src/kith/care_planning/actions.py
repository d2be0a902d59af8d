"""Agreeing a child's care plan, giving the child a copy, and permanence planning meetings.

The first care plan meets the care plan clock (10 working days from becoming looked
after, reg 4(2)); each later version replaces the one in force and carries its open
objectives across, so progress recorded at visits and reviews follows the child's plan
rather than a version of it. Ending the period of care closes the plan in force
(``kith.children_in_care.actions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.care_planning import events, rules
from kith.care_planning.models import CarePlan, PermanenceMeeting
from kith.care_planning.queries import care_plan_in_force
from kith.care_planning.rules import CarePlanDetails
from kith.care_reviews.access import may_chair_reviews
from kith.care_reviews.queries import current_iro
from kith.children_in_care.access import can_record_children_in_care
from kith.children_in_care.models import PeriodOfCare
from kith.people.access import staff_of
from kith.plans.models import Objective
from kith.plans.records import ObjectiveDetails, add_objectives
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import meet_clock

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember

CARE_PLAN_CLOCK = "children_in_care.care_plan"


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def agree_care_plan(
    period: PeriodOfCare,
    *,
    agreed_on: date,
    details: CarePlanDetails,
    objectives: Sequence[ObjectiveDetails] = (),
    by: User,
) -> CarePlan:
    """Agree a version of the care plan, naming the child's IRO; it replaces the version in force."""
    child = period.child
    require(can_record_children_in_care(by, child))
    iro = current_iro(child)
    in_force = care_plan_in_force(child)
    refuse_if(
        rules.care_plan_problems(
            period,
            details,
            agreed_on=agreed_on,
            today=clock.today(),
            iro=iro,
            in_force=in_force,
            objectives=objectives,
        )
    )
    assert iro is not None  # the rules refuse a plan without an IRO
    if in_force is not None:
        in_force.replaced_on = agreed_on
        in_force.save(update_fields=["replaced_on"])
    plan = CarePlan.objects.create(
        period=period,
        child=child,
        agreed_on=agreed_on,
        iro=iro.iro,
        why_looked_after=details.why_looked_after.strip(),
        why_remains=details.why_remains.strip(),
        permanence_plan=details.permanence_plan,
        permanence_target_on=details.permanence_target_on,
        contingency=details.contingency.strip(),
        family_time=details.family_time.strip(),
        sibling_contact=details.sibling_contact.strip(),
        sibling_contact_assessed=details.sibling_contact_assessed,
        child_views=details.child_views.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    if in_force is not None:
        # Open objectives carry on under the new version, with their progress.
        Objective.objects.filter(care_plan=in_force, achieved_on__isnull=True, withdrawn_on__isnull=True).update(
            care_plan=plan
        )
    add_objectives(plan, objectives, added_on=agreed_on)
    event = record_event(
        events.CARE_PLAN_AGREED.code,
        children=[child],
        by=by,
        summary=f"Care plan agreed ({plan.get_permanence_plan_display().lower()}); IRO {iro.iro.full_name}"
        + (f"; replaces the plan of {long_date(in_force.agreed_on)}" if in_force else ""),
        occurred_on=agreed_on,
        subject=plan,
    )
    meet_clock(CARE_PLAN_CLOCK, subject=period, met_on=agreed_on, event=event)
    return plan


@action
def record_care_plan_given_to_child(plan: CarePlan, *, given_on: date, by: User) -> CarePlan:
    """The child was given a copy of this version of their plan."""
    child = plan.child
    require(can_record_children_in_care(by, child))
    problems: rules.Problems = {}
    if given_on > clock.today():
        rules.add(problems, "given_on", f"{long_date(given_on)} is in the future")
    if given_on < plan.agreed_on:
        rules.add(
            problems,
            "given_on",
            f"The copy ({long_date(given_on)}) cannot be given before the plan was agreed "
            f"({long_date(plan.agreed_on)})",
        )
    refuse_if(problems)
    plan.copy_given_to_child_on = given_on
    plan.save(update_fields=["copy_given_to_child_on"])
    record_event(
        events.CARE_PLAN_SHARED.code,
        children=[child],
        by=by,
        summary=f"{child.given_name} was given a copy of the care plan of {long_date(plan.agreed_on)}",
        occurred_on=given_on,
        subject=plan,
    )
    return plan


@action
def hold_permanence_meeting(
    period: PeriodOfCare,
    *,
    held_on: date,
    chair: StaffMember,
    attendees: str,
    decisions: str,
    next_meeting_on: date | None,
    by: User,
) -> PermanenceMeeting:
    """Record a permanence planning meeting, its decisions and when it meets next."""
    child = period.child
    require(can_record_children_in_care(by, child))
    refuse_if(
        rules.meeting_problems(
            period,
            held_on=held_on,
            today=clock.today(),
            chair_may_chair=may_chair_reviews(chair),
            attendees=attendees,
            decisions=decisions,
            next_meeting_on=next_meeting_on,
        )
    )
    meeting = PermanenceMeeting.objects.create(
        period=period,
        child=child,
        held_on=held_on,
        chair=chair,
        attendees=attendees.strip(),
        decisions=decisions.strip(),
        next_meeting_on=next_meeting_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.PERMANENCE_MEETING_HELD.code,
        children=[child],
        by=by,
        summary=f"Permanence planning meeting chaired by {chair.full_name}: {meeting.decisions}",
        occurred_on=held_on,
        subject=meeting,
    )
    return meeting
