"""Caseload pages and allocation: access check, form, one action, redirect."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.people.access import get_person_for_user_or_404, has_capability, people_visible_to, staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.engine import DeadlineStatus
from kith.workforce.access import (
    can_allocate,
    can_view_team_caseload,
    teams_allocatable_by,
    teams_visible_to,
    workers_allocatable_by,
)
from kith.workforce.actions import allocate_case
from kith.workforce.forms import AllocateForm, TeamFilterForm
from kith.workforce.models import Allocation, Team
from kith.workforce.queries import (
    WorkerCaseload,
    allocation_history,
    caseload_of,
    team_caseloads,
    unallocated_children,
    work_counts_by_team,
    work_counts_by_worker,
    work_due_for,
)


@dataclass(frozen=True)
class ChildRow:
    """One held child as a list shows it. ``child`` is None when the record is restricted from this user."""

    allocation: Allocation
    child: Person | None
    age: int | None
    due_on: date | None

    @property
    def unborn(self) -> bool:
        return self.due_on is not None


def _child_rows(user: Any, allocations: list[Allocation]) -> list[ChildRow]:
    """Rows for held children; a restricted record the user may not open keeps its place but not its name."""
    visible = set(
        people_visible_to(user)
        .filter(pk__in=[allocation.child_id for allocation in allocations])
        .values_list("pk", flat=True)
    )
    today = clock.today()
    rows = []
    for allocation in allocations:
        child = allocation.child if allocation.child_id in visible else None
        rows.append(
            ChildRow(
                allocation=allocation,
                child=child,
                age=child.age_on(today) if child else None,
                due_on=child.expected_date_of_birth if child and child.is_unborn else None,
            )
        )
    return rows


@require_http_methods(["GET"])
def my_caseload(request: AuthenticatedRequest) -> HttpResponse:
    """Home: the children the signed-in worker holds; a plain start page for everyone else."""
    user = request.user
    staff = staff_of(user)
    context: dict[str, Any] = {
        "staff": staff,
        "can_search": has_capability(user, Capability.SEARCH_PEOPLE),
        "can_view_team_caseload": can_view_team_caseload(user),
        # The administration screens admit Django staff accounts; the link follows what they allow.
        "can_administer": bool(getattr(user, "is_staff", False)),
        "has_caseload": staff is not None and has_capability(user, Capability.VIEW_CASELOAD),
    }
    if context["has_caseload"]:
        assert staff is not None
        rows = _child_rows(user, list(caseload_of(staff)))
        limit = staff.caseload_limit
        context.update(
            rows=rows,
            count=len(rows),
            limit=limit,
            over_limit=limit is not None and len(rows) > limit,
        )
    return render(request, "workforce/my_caseload.html", context)


@dataclass
class TeamSection:
    team: Team
    workers: list[WorkerCaseload] = field(default_factory=list)
    unallocated: list[ChildRow] = field(default_factory=list)

    @property
    def children_held(self) -> int:
        return sum(caseload.children for caseload in self.workers)

    @property
    def workers_over_limit(self) -> int:
        return sum(1 for caseload in self.workers if caseload.over_limit)


@require_http_methods(["GET"])
def team_caseload(request: AuthenticatedRequest) -> HttpResponse:
    """Caseloads by worker and team with peaks flagged, and children waiting for a worker (R-145)."""
    user = request.user
    if not can_view_team_caseload(user):
        raise Http404("No such page")
    teams = teams_visible_to(user)
    if not teams:
        raise Http404("No such page")
    form = TeamFilterForm(request.GET or None, teams=teams)
    chosen = form.cleaned_data.get("team") if form.is_valid() else None
    # With no filter, the top is the user's own team: the shortest path among the teams they may see.
    top = chosen or min(teams, key=lambda team: len(team.path))
    sections = {team.pk: TeamSection(team=team) for team in teams if team.path.startswith(top.path)}
    for caseload in team_caseloads(top):
        sections[caseload.worker.team_id].workers.append(caseload)
    waiting = list(unallocated_children(top))
    for row in _child_rows(user, waiting):
        sections[row.allocation.team_id].unallocated.append(row)
    context = {
        "form": form,
        "top": top,
        "sections": list(sections.values()),
        "unallocated_count": len(waiting),
        "may_allocate": has_capability(user, Capability.ALLOCATE_CASE),
        "children_held": sum(section.children_held for section in sections.values()),
        "workers_over_limit": sum(section.workers_over_limit for section in sections.values()),
        "today": clock.today(),
    }
    return render(request, "workforce/team_caseload.html", context)


@require_http_methods(["GET", "POST"])
def allocate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Allocate a child to a team and worker, with the reason; the old allocation ends that day."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_allocate)
    history = list(allocation_history(child))
    current = next((allocation for allocation in history if allocation.is_current), None)
    teams = list(teams_allocatable_by(user))
    manager = staff_of(user)
    initial_team = current.team if current is not None and current.team in teams else getattr(manager, "team", None)
    form = AllocateForm(
        request.POST or None,
        teams=teams,
        workers=workers_allocatable_by(user),
        initial={"team": getattr(initial_team, "pk", None), "started_on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            allocation = allocate_case(
                child,
                team=data["team"],
                worker=data["worker"],
                reason=data["reason"],
                started_on=data["started_on"],
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            held_by = (
                allocation.worker.full_name if allocation.worker else f"{allocation.team.name} (no named worker yet)"
            )
            messages.success(request, f"{child.full_name} is allocated to {held_by}")
            return redirect("people:record", child.pk)
    context = {
        "child": child,
        "form": form,
        "current": current,
        "history": history,
    }
    return render(request, "workforce/allocate.html", context)


@require_http_methods(["GET"])
def my_work(request: AuthenticatedRequest) -> HttpResponse:
    """My work: the statutory and local deadlines of the children I hold, overdue first."""
    staff = staff_of(request.user)
    if staff is None or not has_capability(request.user, Capability.VIEW_CASELOAD):
        raise Http404("No such page")
    today = clock.today()
    items = work_due_for(staff, on=today)
    children = [item.deadline.child_id for item in items]
    # A restricted child the worker holds without a grant is listed without a name.
    visible = set(people_visible_to(request.user).filter(pk__in=children).values_list("pk", flat=True))
    overdue = sum(item.status == DeadlineStatus.OVERDUE for item in items)
    context = {"items": items, "visible": visible, "today": today, "overdue": overdue}
    return render(request, "workforce/my_work.html", context)


@require_http_methods(["GET"])
def team_work(request: AuthenticatedRequest) -> HttpResponse:
    """What is due across the manager's teams: counts by team and by worker, from the same deadlines."""
    teams = teams_visible_to(request.user)
    if not teams:
        raise Http404("No such page")
    top = min(teams, key=lambda team: len(team.path))
    today = clock.today()
    return render(
        request,
        "workforce/team_work.html",
        {
            "top": top,
            "today": today,
            "by_team": work_counts_by_team(top, on=today),
            "by_worker": work_counts_by_worker(top, on=today),
        },
    )
