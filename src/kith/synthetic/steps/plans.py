"""Scenario verbs for changing a plan's objectives (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date

from kith.plans.actions import add_objective, withdraw_objective
from kith.plans.models import Objective
from kith.synthetic.steps.child_in_need import objective_details
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, verb
from kith.workforce.models import StaffMember


@verb("add_objective")
def _add_objective(replay: Replay, step: Step, by: StaffMember, on: date) -> Objective:
    plan = replay.record(step["plan"])
    plan.refresh_from_db()
    return add_objective(plan, objective_details(step.get("with", {})), by=by.user, added_on=on)


@verb("withdraw_objective")
def _withdraw_objective(replay: Replay, step: Step, by: StaffMember, on: date) -> Objective:
    objective = replay.record(step["objective"])
    if not isinstance(objective, Objective):
        raise ScenarioError(f"{step['objective']!r} is not a plan objective")
    objective.refresh_from_db()
    return withdraw_objective(objective, on=on, reason=step.get("with", {}).get("reason", ""), by=by.user)
