"""Checks shared by every plan with objectives: dates in the child's life, progress on each objective.

Pure functions: each returns the problems it found as ``{field: [message, ...]}`` (empty when
the change may be made); the actions raise ``RuleBroken`` with them, so each message shows
beside its field and nothing is saved. Messages name the dates they compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from kith.plans.models import Objective, Progress
from kith.platform.calendar.working_days import long_date

Problems = dict[str, list[str]]
# Progress on one objective as recorded at a review or visit: the objective, a Progress value, notes.
ProgressEntry = tuple[Objective, str, str]


def add(problems: Problems, field: str, message: str) -> None:
    problems.setdefault(field, []).append(message)


def required(problems: Problems, field: str, value: str, message: str) -> None:
    if not value.strip():
        add(problems, field, message)


def dated_work_problems(field: str, label: str, value: date, *, child: Any, today: date) -> Problems:
    """Work on a child is dated in the child's life: not in the future, not before their birth
    (work before the birth of an unborn child is allowed), not after their death."""
    problems: Problems = {}
    name = child.full_name
    if value > today:
        add(problems, field, f"{label} ({long_date(value)}) must be today or in the past")
    if child.date_of_birth is not None and value < child.date_of_birth:
        add(
            problems,
            field,
            f"{label} ({long_date(value)}) is before {name} was born ({long_date(child.date_of_birth)})",
        )
    if child.date_of_death is not None and value > child.date_of_death:
        add(problems, field, f"{label} ({long_date(value)}) is after {name}'s death ({long_date(child.date_of_death)})")
    return problems


def progress_field(objective: Objective) -> str:
    """The form field that holds progress on ``objective`` (``progress_<pk>``)."""
    return f"progress_{objective.pk}"


def progress_problems(open_objectives: Sequence[Objective], progress: Sequence[ProgressEntry]) -> Problems:
    """Progress must be recorded on every open objective of the plan, once each, with a known value (R-004)."""
    problems: Problems = {}
    open_ids = {objective.pk for objective in open_objectives}
    seen: set[int] = set()
    for objective, value, _notes in progress:
        if objective.pk not in open_ids:
            add(problems, "progress", f"'{objective.action}' is not an open objective of this plan")
        elif objective.pk in seen:
            add(problems, progress_field(objective), f"Progress on '{objective.action}' is given twice")
        elif value not in Progress.values:
            add(problems, progress_field(objective), f"Say how '{objective.action}' is progressing")
        seen.add(objective.pk)
    for objective in open_objectives:
        if objective.pk not in seen:
            add(problems, progress_field(objective), f"Say how '{objective.action}' is progressing")
    return problems


def objective_can_change_problems(
    *, plan_ended_on: date | None, plan_name: str, on: date, plan_starts: date | None, field: str
) -> Problems:
    """Objectives change only on an open plan, and not before it started (when ``plan_starts`` is given)."""
    problems: Problems = {}
    if plan_ended_on is not None:
        add(
            problems,
            "plan",
            f"The {plan_name} ended on {long_date(plan_ended_on)}: its objectives can no longer change",
        )
    if plan_starts is not None and on < plan_starts:
        add(problems, field, f"The date ({long_date(on)}) is before the {plan_name} started ({long_date(plan_starts)})")
    return problems


def target_after_added_problems(*, target_date: date, added_on: date) -> Problems:
    if target_date < added_on:
        return {
            "target_date": [
                f"The target date ({long_date(target_date)}) is before the objective is added ({long_date(added_on)})"
            ]
        }
    return {}


def withdrawal_problems(objective: Objective, *, on: date, reason: str) -> Problems:
    problems: Problems = {}
    if objective.withdrawn_on is not None:
        add(problems, "on", f"This objective was already withdrawn on {long_date(objective.withdrawn_on)}")
    if objective.achieved_on is not None:
        add(
            problems, "on", f"This objective was achieved on {long_date(objective.achieved_on)}: it cannot be withdrawn"
        )
    if on < objective.added_on:
        add(
            problems,
            "on",
            f"The date of withdrawal ({long_date(on)}) is before the objective was added "
            f"({long_date(objective.added_on)})",
        )
    required(problems, "reason", reason, "Enter why the objective is withdrawn")
    return problems
