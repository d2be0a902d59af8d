"""Reading plans' objectives and the progress recorded against them, for any plan (CIN or CP)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.plans.models import Objective, ProgressUpdate
from kith.platform.calendar.working_days import long_date

Plan = ChildInNeedPlan | ChildProtectionPlan

CHILD_IN_NEED = "child-in-need"
CHILD_PROTECTION = "child-protection"
PLAN_MODELS: dict[str, type[ChildInNeedPlan] | type[ChildProtectionPlan]] = {
    CHILD_IN_NEED: ChildInNeedPlan,
    CHILD_PROTECTION: ChildProtectionPlan,
}


def find_plan(kind: str, pk: object) -> Plan | None:
    """The plan of ``kind`` ("child-in-need" or "child-protection") with ``pk``, or None."""
    model = PLAN_MODELS.get(kind)
    try:
        number = int(str(pk))
    except ValueError:
        return None
    if model is None:
        return None
    return model.objects.select_related("child").filter(pk=number).first()


def kind_of(plan: Any) -> str:
    return CHILD_IN_NEED if isinstance(plan, ChildInNeedPlan) else CHILD_PROTECTION


def plan_name(plan: Any) -> str:
    """ "child in need plan" or "child protection plan", to use inside a sentence."""
    return "child in need plan" if isinstance(plan, ChildInNeedPlan) else "child protection plan"


def plan_of(objective: Objective) -> Plan:
    plan = objective.child_in_need_plan or objective.child_protection_plan
    assert plan is not None  # a database constraint ties every objective to one plan
    return plan


def objective_status(objective: Objective) -> str:
    if objective.achieved_on is not None:
        return f"Achieved on {long_date(objective.achieved_on)}"
    if objective.withdrawn_on is not None:
        return f"Withdrawn on {long_date(objective.withdrawn_on)}"
    return "Open"


@dataclass(frozen=True)
class ObjectiveRow:
    """One objective with its progress, newest last, for a plan's page."""

    objective: Objective
    updates: list[ProgressUpdate] = field(default_factory=list)

    @property
    def latest(self) -> ProgressUpdate | None:
        return self.updates[-1] if self.updates else None

    @property
    def status(self) -> str:
        return objective_status(self.objective)

    @property
    def is_open(self) -> bool:
        return self.objective.achieved_on is None and self.objective.withdrawn_on is None


def objectives_of(plan: Any) -> QuerySet[Objective]:
    """Every objective of the plan, open or not, soonest target first, with its progress (two queries)."""
    field_name = "child_in_need_plan" if isinstance(plan, ChildInNeedPlan) else "child_protection_plan"
    return (
        Objective.objects.filter(**{field_name: plan})
        .order_by("target_date", "pk")
        .prefetch_related(Prefetch("progress_updates", queryset=ProgressUpdate.objects.order_by("recorded_on", "pk")))
    )


def objective_rows(plan: Any) -> list[ObjectiveRow]:
    return [ObjectiveRow(objective, list(objective.progress_updates.all())) for objective in objectives_of(plan)]


def progress_recorded_at(record: Any) -> list[ProgressUpdate]:
    """The progress recorded at one review, visit or core group (by ``record_progress(at=record)``)."""
    return list(
        ProgressUpdate.objects.filter(recorded_at_kind=str(record._meta.verbose_name), recorded_at_id=record.pk)
        .select_related("objective")
        .order_by("objective__target_date", "objective__pk")
    )
