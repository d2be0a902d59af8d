"""Caseloads: who holds which child, for workers and for managers (R-145)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from kith.people.models import Person
from kith.platform.timescales import registry as timescale_registry
from kith.platform.timescales.engine import DeadlineStatus
from kith.platform.timescales.models import OPEN, Deadline
from kith.platform.timescales.queries import with_status
from kith.platform.timescales.work_links import WorkLink, link_for
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


# -- work trays: what is due, read from the same Deadline rows as KPIs and returns ----------------

# Overdue first, then due soon, then the rest; within each, the soonest due first.
_URGENCY = {DeadlineStatus.OVERDUE.value: 0, DeadlineStatus.DUE_SOON.value: 1, DeadlineStatus.DUE.value: 2}


@dataclass(frozen=True)
class WorkItem:
    deadline: Deadline
    title: str

    @property
    def link(self) -> WorkLink | None:
        """The page where the work that meets this deadline is recorded."""
        return link_for(self.deadline)

    @property
    def status(self) -> DeadlineStatus:
        return DeadlineStatus(self.deadline.status)  # type: ignore[attr-defined]


def work_due_for(worker: StaffMember, *, on: date) -> list[WorkItem]:
    """Open deadlines of the children the worker holds, most urgent first."""
    held = Allocation.objects.filter(worker=worker, ended_on__isnull=True).values("child_id")
    return _most_urgent_first(Deadline.objects.filter(OPEN, child_id__in=held), on=on)


def work_due_for_child(child: Person, *, on: date) -> list[WorkItem]:
    """The child's open deadlines, most urgent first."""
    return _most_urgent_first(Deadline.objects.filter(OPEN, child=child), on=on)


def _most_urgent_first(deadlines: QuerySet[Deadline], *, on: date) -> list[WorkItem]:
    rows = with_status(deadlines.select_related("child"), on=on)
    items = [WorkItem(deadline=row, title=_title(row)) for row in rows]
    return sorted(items, key=lambda item: (_URGENCY.get(item.deadline.status, 3), item.deadline.due_on))  # type: ignore[attr-defined]


def _title(deadline: Deadline) -> str:
    return timescale_registry.get(deadline.timescale_code, on=deadline.started_on).title


@dataclass(frozen=True)
class WorkCounts:
    """How much is overdue, due soon and due later, for a worker or a team."""

    label: str
    overdue: int
    due_soon: int
    due: int


def work_counts_by_worker(team: Team, *, on: date) -> list[WorkCounts]:
    """For each worker in the team and the teams beneath it: their children's open deadlines, counted."""
    held = Allocation.objects.filter(ended_on__isnull=True, worker__isnull=False, team__path__startswith=team.path)
    counts = _tally(dict(held.values_list("child_id", "worker_id")), on=on)
    workers = StaffMember.objects.filter(pk__in=list(counts)).order_by("full_name")
    return [_counts(worker.full_name, counts[worker.pk]) for worker in workers]


def work_counts_by_team(team: Team, *, on: date) -> list[WorkCounts]:
    """For the team and each team beneath it: the open deadlines of the children it holds, counted."""
    held = Allocation.objects.filter(ended_on__isnull=True, team__path__startswith=team.path)
    counts = _tally(dict(held.values_list("child_id", "team_id")), on=on)
    teams = Team.objects.filter(pk__in=list(counts)).order_by("path")
    return [_counts(each.name, counts[each.pk]) for each in teams]


def work_counts_of_every_worker(*, on: date) -> dict[int, WorkCounts]:
    """For every member of staff holding children: their open deadlines counted, by staff id (one query each)."""
    held = Allocation.objects.filter(ended_on__isnull=True, worker__isnull=False)
    counts = _tally(dict(held.values_list("child_id", "worker_id")), on=on)
    return {worker: _counts("", tally) for worker, tally in counts.items()}


def _tally(holder_of_child: dict[int, int], *, on: date) -> dict[int, dict[str, int]]:
    """Open deadlines counted by status for each holder (a worker or a team), in one query."""
    counts: dict[int, dict[str, int]] = {}
    deadlines = Deadline.objects.filter(OPEN, child_id__in=list(holder_of_child))
    for row in with_status(deadlines, on=on).values("child_id", "status"):
        tally = counts.setdefault(holder_of_child[row["child_id"]], {})
        tally[row["status"]] = tally.get(row["status"], 0) + 1
    return counts


def _counts(label: str, tally: dict[str, int]) -> WorkCounts:
    return WorkCounts(
        label=label,
        overdue=tally.get(DeadlineStatus.OVERDUE.value, 0),
        due_soon=tally.get(DeadlineStatus.DUE_SOON.value, 0),
        due=tally.get(DeadlineStatus.DUE.value, 0),
    )
