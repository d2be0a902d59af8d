"""What makes a child in need plan, review or ending acceptable: pure checks that name the dates.

Each function returns ``{field: [message, ...]}`` (empty when the change may be made); the
actions raise ``RuleBroken`` with it, so each message shows beside its field and nothing is
saved. The CIN census rules behind them are named in brackets.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.front_door.models import Referral
from kith.plans.records import ObjectiveDetails, objective_problems_by_field
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date


def merge(*found: Problems) -> Problems:
    problems: Problems = {}
    for each in found:
        for field, messages in each.items():
            problems.setdefault(field, []).extend(messages)
    return problems


def referral_problems(referral: Referral, *, started_on: date) -> Problems:
    """A plan belongs to an open referral and starts on or after it (4015; no work on a closed episode)."""
    problems: Problems = {}
    referred = long_date(referral.referral_date)
    if referral.closed_on is not None:
        add(
            problems,
            "referral",
            f"The referral of {referred} was closed on {long_date(referral.closed_on)}: "
            "a child in need plan can only start on an open referral",
        )
    elif referral.no_further_action:
        add(problems, "referral", f"The referral of {referred} was for no further action: no plan can start on it")
    if started_on < referral.referral_date:
        add(
            problems,
            "started_on",
            f"The plan's start date ({long_date(started_on)}) is before the referral ({referred})",
        )
    return problems


def overlap_problems(
    child: Any,
    *,
    started_on: date,
    child_protection_plans: Sequence[ChildProtectionPlan],
    child_in_need_plans: Sequence[ChildInNeedPlan],
) -> Problems:
    """One plan at a time: no child in need plan while a child protection plan is open or would overlap
    (4001, 4016), and no second child in need plan (4004, 4014). Starting on the day the other plan
    ended is allowed."""
    problems: Problems = {}
    name = child.full_name
    for cp in child_protection_plans:
        if cp.ended_on is None and cp.started_on <= started_on:
            add(
                problems,
                "started_on",
                f"{name} has been on a child protection plan since {long_date(cp.started_on)}: a child in need "
                "plan cannot be open at the same time. The child protection plan must end first.",
            )
        elif cp.ended_on is None:
            add(
                problems,
                "started_on",
                f"{name} has been on a child protection plan since {long_date(cp.started_on)}, after the start "
                f"date given ({long_date(started_on)}): the two plans cannot be open at the same time",
            )
        else:
            add(
                problems,
                "started_on",
                f"{name} was on a child protection plan from {long_date(cp.started_on)} to "
                f"{long_date(cp.ended_on)}: a child in need plan can start on {long_date(cp.ended_on)} at the earliest",
            )
    for other in child_in_need_plans:
        if other.ended_on is None:
            add(
                problems,
                "started_on",
                f"{name} already has a child in need plan, open since {long_date(other.started_on)}: "
                "end it before starting another",
            )
        else:
            add(
                problems,
                "started_on",
                f"{name} had a child in need plan from {long_date(other.started_on)} to "
                f"{long_date(other.ended_on)}: a new plan can start on {long_date(other.ended_on)} at the earliest",
            )
    return problems


def start_problems(
    child: Any,
    *,
    started_on: date,
    today: date,
    summary_for_family: str,
    contingency: str,
    lead_professional: str,
    first_review_on: date | None,
    objectives: Sequence[ObjectiveDetails],
) -> Problems:
    """The plan's own content: dates in the child's life, words for the family, objectives (R-043–R-047)."""
    problems = dated_work_problems("started_on", "The plan's start date", started_on, child=child, today=today)
    required(
        problems, "summary_for_family", summary_for_family, "Enter what we are worried about, for the family to read"
    )
    required(problems, "contingency", contingency, "Enter what will happen if things do not change")
    required(problems, "lead_professional", lead_professional, "Name the lead professional")
    if first_review_on is None:
        add(problems, "first_review_on", "Enter the date of the first review")
    elif first_review_on <= started_on:
        add(
            problems,
            "first_review_on",
            f"The first review ({long_date(first_review_on)}) must be after the plan starts ({long_date(started_on)})",
        )
    if not objectives:
        add(
            problems,
            "objectives",
            "Add at least one objective: what needs to change, what will be done, who will do it and by when",
        )
    return merge(problems, objective_problems_by_field(objectives, plan_starts=started_on))


def still_open_problems(plan: ChildInNeedPlan, field: str) -> Problems:
    if plan.ended_on is not None:
        return {field: [f"The child in need plan ended on {long_date(plan.ended_on)}"]}
    return {}


def not_before_plan(field: str, label: str, value: date, plan: ChildInNeedPlan) -> Problems:
    if value < plan.started_on:
        return {field: [f"{label} ({long_date(value)}) is before the plan started ({long_date(plan.started_on)})"]}
    return {}


def review_problems(
    plan: ChildInNeedPlan,
    *,
    child: Any,
    held_on: date,
    today: date,
    attendees: str,
    child_views: str,
    parents_views: str,
    decisions: str,
    plan_continues: bool,
    next_review_on: date | None,
) -> Problems:
    """A review records who came, the child's and parents' views (R-021) and the decisions."""
    problems = merge(
        still_open_problems(plan, "held_on"),
        dated_work_problems("held_on", "The date of the review", held_on, child=child, today=today),
        not_before_plan("held_on", "The date of the review", held_on, plan),
    )
    required(problems, "attendees", attendees, "Enter who came to the review")
    required(
        problems,
        "child_views",
        child_views,
        f"Record {child.given_name}'s views, or why they could not be given",
    )
    required(
        problems, "parents_views", parents_views, "Record the parents' or carers' views, or why they were not given"
    )
    required(problems, "decisions", decisions, "Enter what the review decided")
    if plan_continues and next_review_on is None:
        add(problems, "next_review_on", "Enter the date of the next review")
    elif next_review_on is not None and next_review_on <= held_on:
        add(
            problems,
            "next_review_on",
            f"The next review ({long_date(next_review_on)}) must be after this review ({long_date(held_on)})",
        )
    return problems


def end_problems(
    plan: ChildInNeedPlan,
    *,
    child: Any,
    ended_on: date,
    today: date,
    end_reason: str,
    last_recorded_on: date | None,
    child_protection_plan_started: ChildProtectionPlan | None,
) -> Problems:
    """A plan ends once, not before it started (4011), nor before the work recorded under it, and no later
    than the day a child protection plan started (4017)."""
    problems = merge(
        still_open_problems(plan, "ended_on"),
        dated_work_problems("ended_on", "The end date", ended_on, child=child, today=today),
    )
    if ended_on < plan.started_on:
        add(
            problems,
            "ended_on",
            f"The plan cannot end ({long_date(ended_on)}) before it started ({long_date(plan.started_on)})",
        )
    elif last_recorded_on is not None and ended_on < last_recorded_on:
        add(
            problems,
            "ended_on",
            f"The end date ({long_date(ended_on)}) is before the last review or visit under the plan "
            f"({long_date(last_recorded_on)})",
        )
    if child_protection_plan_started is not None:
        add(
            problems,
            "ended_on",
            f"A child protection plan started on {long_date(child_protection_plan_started.started_on)}: the child "
            f"in need plan must end on or before that day, not {long_date(ended_on)}",
        )
    required(problems, "end_reason", end_reason, "Enter why the plan is ending")
    return problems


def shared_problems(plan: ChildInNeedPlan, *, child: Any, shared_on: date, today: date) -> Problems:
    problems = merge(
        dated_work_problems("shared_on", "The date the plan was shared", shared_on, child=child, today=today),
        not_before_plan("shared_on", "The date the plan was shared", shared_on, plan),
    )
    if plan.ended_on is not None and shared_on > plan.ended_on:
        add(
            problems,
            "shared_on",
            f"The date the plan was shared ({long_date(shared_on)}) is after it ended ({long_date(plan.ended_on)})",
        )
    return problems
