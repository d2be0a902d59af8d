"""Child in need plans: starting one with its objectives, reviewing it, sharing it with the family, ending it.

A plan starts the child in need visit clock (Kith's default local standard: every 20 working
days); each visit where the child is seen meets it and starts the next (``kith.visits``).
Ending the plan closes its clocks. Closing the whole episode, with the census closure reason,
is the referral's closure (``kith.front_door``); ending a plan records ``CINPlanEndDate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.child_in_need import events, queries, rules
from kith.child_in_need.access import can_record_child_in_need
from kith.child_in_need.models import ChildInNeedPlan, ChildInNeedReview
from kith.front_door.models import Referral
from kith.people.access import staff_of
from kith.plans.records import ObjectiveDetails, add_objectives, open_objectives, record_progress
from kith.plans.rules import ProgressEntry, progress_problems
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import close_clocks_for, start_clock

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember

PLAN_ENDED = "plan ended"


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


def _objectives_in_words(count: int) -> str:
    return "1 objective" if count == 1 else f"{count} objectives"


@action
def start_child_in_need_plan(
    referral: Referral,
    *,
    started_on: date,
    summary_for_family: str,
    contingency: str,
    lead_professional: str,
    first_review_on: date | None,
    objectives: Sequence[ObjectiveDetails],
    by: User,
) -> ChildInNeedPlan:
    """Start a child in need plan on the child's open referral, with its objectives; start the visit clock.

    Refused while a child protection plan is open (or would overlap), while another child in
    need plan is open, on a closed referral, before the referral date, and without objectives.
    """
    child = referral.child
    require(can_record_child_in_need(by, child))
    refuse_if(
        rules.merge(
            rules.referral_problems(referral, started_on=started_on),
            rules.overlap_problems(
                child,
                started_on=started_on,
                child_protection_plans=queries.child_protection_plans_overlapping(child, started_on),
                child_in_need_plans=queries.child_in_need_plans_overlapping(child, started_on),
            ),
            rules.start_problems(
                child,
                started_on=started_on,
                today=clock.today(),
                summary_for_family=summary_for_family,
                contingency=contingency,
                lead_professional=lead_professional,
                first_review_on=first_review_on,
                objectives=objectives,
            ),
        )
    )
    plan = ChildInNeedPlan.objects.create(
        referral=referral,
        child=child,
        started_on=started_on,
        summary_for_family=summary_for_family.strip(),
        contingency=contingency.strip(),
        lead_professional=lead_professional.strip(),
        next_review_on=first_review_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    add_objectives(plan, objectives, added_on=started_on)
    start_clock(queries.VISIT_CLOCK, child=child, subject=plan, started_on=started_on)
    record_event(
        events.PLAN_STARTED.code,
        children=[child],
        by=by,
        summary=f"Child in need plan started with {_objectives_in_words(len(objectives))}; "
        f"lead professional {plan.lead_professional}",
        occurred_on=started_on,
        subject=plan,
    )
    return plan


@action
def review_child_in_need_plan(
    plan: ChildInNeedPlan,
    *,
    held_on: date,
    attendees: str,
    child_views: str,
    parents_views: str,
    decisions: str,
    progress: Sequence[ProgressEntry],
    plan_continues: bool,
    next_review_on: date | None = None,
    by: User,
) -> ChildInNeedReview:
    """Record a review meeting: who came, the views, progress on every open objective, the decisions."""
    child = plan.child
    require(can_record_child_in_need(by, child))
    still_open = list(open_objectives(plan))
    refuse_if(
        rules.merge(
            rules.review_problems(
                plan,
                child=child,
                held_on=held_on,
                today=clock.today(),
                attendees=attendees,
                child_views=child_views,
                parents_views=parents_views,
                decisions=decisions,
                plan_continues=plan_continues,
                next_review_on=next_review_on,
            ),
            progress_problems(still_open, progress),
        )
    )
    review = ChildInNeedReview.objects.create(
        plan=plan,
        held_on=held_on,
        attendees=attendees.strip(),
        child_views=child_views.strip(),
        parents_views=parents_views.strip(),
        decisions=decisions.strip(),
        plan_continues=plan_continues,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    for objective, value, notes in progress:
        record_progress(objective, progress=value, notes=notes, recorded_on=held_on, at=review)
    plan.next_review_on = next_review_on if plan_continues else None
    plan.save(update_fields=["next_review_on"])
    what_next = (
        f"plan continues; next review {long_date(next_review_on)}"
        if plan_continues and next_review_on
        else "the review recommends the plan ends"
    )
    record_event(
        events.PLAN_REVIEWED.code,
        children=[child],
        by=by,
        summary=f"Child in need review: {what_next}. Decisions: {review.decisions}",
        occurred_on=held_on,
        subject=review,
    )
    return review


@action
def record_plan_shared_with_family(plan: ChildInNeedPlan, *, shared_on: date, by: User) -> ChildInNeedPlan:
    """The family were given the plan, written for them to read (R-047)."""
    child = plan.child
    require(can_record_child_in_need(by, child))
    refuse_if(rules.shared_problems(plan, child=child, shared_on=shared_on, today=clock.today()))
    plan.shared_with_family_on = shared_on
    plan.save(update_fields=["shared_with_family_on"])
    record_event(
        events.PLAN_SHARED_WITH_FAMILY.code,
        children=[child],
        by=by,
        summary=f"Child in need plan shared with the family on {long_date(shared_on)}",
        occurred_on=shared_on,
        subject=plan,
    )
    return plan


@action
def end_child_in_need_plan(plan: ChildInNeedPlan, *, ended_on: date, end_reason: str, by: User) -> ChildInNeedPlan:
    """End the plan (census CINPlanEndDate) with the reason, and close its clocks.

    Refused when the end date is before the plan started (naming both dates), before the last
    review or visit under it, or after a child protection plan started.
    """
    child = plan.child
    require(can_record_child_in_need(by, child))
    refuse_if(
        rules.end_problems(
            plan,
            child=child,
            ended_on=ended_on,
            today=clock.today(),
            end_reason=end_reason,
            last_recorded_on=queries.last_recorded_on(plan),
            child_protection_plan_started=queries.child_protection_plan_started_during(plan, until=ended_on),
        )
    )
    plan.ended_on = ended_on
    plan.end_reason = end_reason.strip()
    plan.next_review_on = None
    plan.save(update_fields=["ended_on", "end_reason", "next_review_on"])
    close_clocks_for(plan, on=ended_on, reason=PLAN_ENDED)
    record_event(
        events.PLAN_ENDED.code,
        children=[child],
        by=by,
        summary=f"Child in need plan ended (it started on {long_date(plan.started_on)}): {plan.end_reason}",
        occurred_on=ended_on,
        subject=plan,
    )
    return plan
