"""Writing objectives and progress, called by the actions that make and review plans.

These are not actions: they run inside the calling action's transaction (starting a
child protection plan, holding a core group, recording a visit), which writes the
chronology event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models

from kith.plans.models import Objective, Progress, ProgressUpdate
from kith.platform.calendar.working_days import long_date


@dataclass(frozen=True)
class ObjectiveDetails:
    """One objective as typed: what must change, what will be done, who does it, by when."""

    outcome: str
    action: str
    owner: str
    target_date: date
    owner_agency: str = ""


def objective_problems(objectives: Iterable[ObjectiveDetails], *, plan_starts: date) -> list[str]:
    """What is missing or wrong in the objectives, in words a practitioner can act on (R-043, R-044)."""
    return [
        f"Objective {number}: {message}"
        for number, objective in enumerate(objectives, start=1)
        for _field, message in _problems_of(objective, plan_starts=plan_starts)
    ]


def objective_problems_by_field(
    objectives: Iterable[ObjectiveDetails], *, plan_starts: date, numbered: bool = True
) -> dict[str, list[str]]:
    """The same problems keyed by the form field they are about, for ``RuleBroken``.

    Numbered (a plan's rows of objectives): ``objective_2_owner`` -> ["Objective 2: name who is
    responsible"]. Not numbered (one objective on its own form): ``owner`` -> ["Name who is responsible"].
    """
    problems: dict[str, list[str]] = {}
    for number, objective in enumerate(objectives, start=1):
        for field, message in _problems_of(objective, plan_starts=plan_starts, name_dates=True):
            if numbered:
                problems.setdefault(f"objective_{number}_{field}", []).append(f"Objective {number}: {message}")
            else:
                problems.setdefault(field, []).append(message[:1].upper() + message[1:])
    return problems


def _problems_of(objective: ObjectiveDetails, *, plan_starts: date, name_dates: bool = False) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not objective.outcome.strip():
        problems.append(("outcome", "enter what needs to change for the child"))
    if not objective.action.strip():
        problems.append(("action", "enter what will be done"))
    if not objective.owner.strip():
        problems.append(("owner", "name who is responsible"))
    if objective.target_date < plan_starts:
        problems.append(
            (
                "target_date",
                f"the target date ({long_date(objective.target_date)}) is before the plan starts "
                f"({long_date(plan_starts)})"
                if name_dates
                else "the target date must be on or after the plan starts",
            )
        )
    return problems


def add_objectives(plan: models.Model, objectives: Iterable[ObjectiveDetails], *, added_on: date) -> list[Objective]:
    """Add objectives to a child protection or child in need plan."""
    field = _plan_field(plan)
    return [
        Objective.objects.create(
            **{field: plan},
            outcome=objective.outcome.strip(),
            action=objective.action.strip(),
            owner=objective.owner.strip(),
            owner_agency=objective.owner_agency.strip(),
            target_date=objective.target_date,
            added_on=added_on,
        )
        for objective in objectives
    ]


def record_progress(
    objective: Objective, *, progress: str, notes: str, recorded_on: date, at: models.Model
) -> ProgressUpdate:
    """Progress on one objective at a core group, review or visit; "achieved" marks the objective achieved."""
    update = ProgressUpdate.objects.create(
        objective=objective,
        recorded_on=recorded_on,
        progress=progress,
        notes=notes.strip(),
        recorded_at_kind=str(at._meta.verbose_name),
        recorded_at_id=at.pk,
    )
    if progress == Progress.ACHIEVED and objective.achieved_on is None:
        objective.achieved_on = recorded_on
        objective.save(update_fields=["achieved_on"])
    return update


def open_objectives(plan: models.Model) -> models.QuerySet[Objective]:
    """The plan's objectives not yet achieved or withdrawn, soonest target first."""
    return Objective.objects.filter(
        **{_plan_field(plan): plan}, achieved_on__isnull=True, withdrawn_on__isnull=True
    ).order_by("target_date", "pk")


def _plan_field(plan: models.Model) -> str:
    label = plan._meta.label
    if label == "child_protection.ChildProtectionPlan":
        return "child_protection_plan"
    if label == "child_in_need.ChildInNeedPlan":
        return "child_in_need_plan"
    if label == "care_planning.CarePlan":
        return "care_plan"
    if label == "care_leavers.PathwayPlan":
        return "pathway_plan"
    raise TypeError(f"{label} is not a plan with objectives")
