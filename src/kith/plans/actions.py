"""Changing a plan's objectives after it started: adding one, or withdrawing one with the reason.

Objectives made with the plan are written by the action that starts it (a child in need plan,
an initial conference) through ``kith.plans.records``; these actions are for the changes a
review, core group or visit agrees later. Each writes one event in the child's chronology.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from kith.plans import events, rules
from kith.plans.access import can_change_objectives
from kith.plans.models import Objective
from kith.plans.queries import plan_name, plan_of
from kith.plans.records import ObjectiveDetails, add_objectives, objective_problems_by_field
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import RuleBroken, require

if TYPE_CHECKING:
    from kith.platform.access.models import User


def _merge(*found: rules.Problems) -> rules.Problems:
    problems: rules.Problems = {}
    for each in found:
        for field, messages in each.items():
            problems.setdefault(field, []).extend(messages)
    return problems


@action
def add_objective(plan: Any, details: ObjectiveDetails, *, by: User, added_on: date | None = None) -> Objective:
    """Add one objective to an open child in need or child protection plan (R-043, R-044)."""
    child = plan.child
    require(can_change_objectives(by, child))
    added_on = added_on or clock.today()
    name = plan_name(plan)
    problems = _merge(
        rules.objective_can_change_problems(
            plan_ended_on=plan.ended_on, plan_name=name, on=added_on, plan_starts=plan.started_on, field="added_on"
        ),
        rules.dated_work_problems(
            "added_on", "The date the objective is added", added_on, child=child, today=clock.today()
        ),
        objective_problems_by_field([details], plan_starts=plan.started_on, numbered=False),
    )
    if "target_date" not in problems:
        problems = _merge(
            problems, rules.target_after_added_problems(target_date=details.target_date, added_on=added_on)
        )
    if problems:
        raise RuleBroken(problems)
    [objective] = add_objectives(plan, [details], added_on=added_on)
    record_event(
        events.OBJECTIVE_ADDED.code,
        children=[child],
        by=by,
        summary=f"Objective added to the {name}: {objective.action} ({objective.owner}, "
        f"by {long_date(objective.target_date)})",
        occurred_on=added_on,
        subject=objective,
    )
    return objective


@action
def withdraw_objective(objective: Objective, *, on: date, reason: str, by: User) -> Objective:
    """Take an objective off its plan, with the reason; its progress so far stays on the record."""
    plan = plan_of(objective)
    child = plan.child
    require(can_change_objectives(by, child))
    name = plan_name(plan)
    problems = _merge(
        rules.objective_can_change_problems(
            # The objective was added on or after the plan started: withdrawal_problems checks that date.
            plan_ended_on=plan.ended_on,
            plan_name=name,
            on=on,
            plan_starts=None,
            field="on",
        ),
        rules.dated_work_problems("on", "The date of withdrawal", on, child=child, today=clock.today()),
        rules.withdrawal_problems(objective, on=on, reason=reason),
    )
    if problems:
        raise RuleBroken(problems)
    objective.withdrawn_on = on
    objective.withdrawn_reason = reason.strip()
    objective.save(update_fields=["withdrawn_on", "withdrawn_reason"])
    record_event(
        events.OBJECTIVE_WITHDRAWN.code,
        children=[child],
        by=by,
        summary=f"Objective withdrawn from the {name}: {objective.action}. Reason: {objective.withdrawn_reason}",
        occurred_on=on,
        subject=objective,
    )
    return objective
