"""Caseloads: who holds which child, for workers and for managers (R-145)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from kith.people.models import Person
from kith.workforce.models import Allocation, StaffMember, Team


def current_allocation(child: Person) -> Allocation | None:
    return (
        Allocation.objects.filter(child=child, ended_on__isnull=True)
        .select_related("team", "worker", "decided_by")
        .first()
    )


def allocation_history(child: Person) -> QuerySet[Allocation]:
    return Allocation.objects.filter(child=child).select_related("team", "worker", "decided_by")


def caseload_of(worker: StaffMember) -> QuerySet[Allocation]:
    """The children a worker holds now, oldest allocation first."""
    return (
        Allocation.objects.filter(worker=worker, ended_on__isnull=True)
        .select_related("child", "team")
        .order_by("started_on", "child__family_name")
    )


@dataclass(frozen=True)
class WorkerCaseload:
    worker: StaffMember
    children: int

    @property
    def over_limit(self) -> bool:
        """Holding more children than the council's expected caseload for the worker: a peak to flag."""
        return self.worker.caseload_limit is not None and self.children > self.worker.caseload_limit


def team_caseloads(team: Team) -> list[WorkerCaseload]:
    """Every active worker in the team and the teams beneath it, with the number of children each holds."""
    workers = (
        StaffMember.objects.filter(team__path__startswith=team.path, is_active=True)
        .select_related("team")
        .annotate(children=Count("allocations", filter=Q(allocations__ended_on__isnull=True)))
        .order_by("team__path", "full_name")
    )
    return [WorkerCaseload(worker=worker, children=worker.children) for worker in workers]


def unallocated_children(team: Team) -> QuerySet[Allocation]:
    """Children held by the team (or teams beneath it) with no named worker, longest waiting first."""
    return (
        Allocation.objects.filter(team__path__startswith=team.path, ended_on__isnull=True, worker__isnull=True)
        .select_related("child", "team")
        .order_by("started_on")
    )
