"""Allocating children to teams and workers: a manager's decision, kept with its history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import RuleBroken, require
from kith.workforce import events
from kith.workforce.access import CASEHOLDING_ROLES, can_allocate, teams_allocatable_by
from kith.workforce.models import Allocation, StaffMember, Team

if TYPE_CHECKING:
    from kith.platform.access.models import User


@action
def allocate_case(
    child: Person, *, team: Team, worker: StaffMember | None, reason: str, started_on: date, by: User
) -> Allocation:
    """Allocate a child to a team and (usually) a named worker, ending any current allocation.

    Leaving ``worker`` empty holds the child in the team unallocated, which managers see
    on their team caseload until someone is named.
    """
    require(can_allocate(by, child))
    manager = staff_of(by)
    assert manager is not None  # can_allocate needs an active staff record
    problems: dict[str, list[str]] = {}
    if not reason.strip():
        problems["reason"] = ["Enter the reason for this allocation"]
    if not teams_allocatable_by(by).filter(pk=team.pk).exists():
        problems["team"] = [f"You can allocate children only to your own team or the teams beneath it, not {team.name}"]
    if worker is not None and (worker.team_id != team.pk or not worker.is_active):
        problems["worker"] = [f"{worker.full_name} is not an active member of {team.name}"]
    elif worker is not None and worker.role not in CASEHOLDING_ROLES:
        problems["worker"] = [f"Children cannot be allocated to a {worker.get_role_display().lower()}"]
    if started_on > clock.today():
        problems["started_on"] = ["Date of allocation must be today or in the past"]
    current = Allocation.objects.select_for_update().filter(child=child, ended_on__isnull=True).first()
    if current is not None and started_on < current.started_on:
        problems.setdefault("started_on", []).append(
            f"Date of allocation must be on or after {long_date(current.started_on)}, when the current allocation began"
        )
    if current is not None and current.team_id == team.pk and current.worker_id == getattr(worker, "pk", None):
        problems.setdefault("worker", []).append("The child is already allocated to this team and worker")
    if problems:
        raise RuleBroken(problems)
    if current is not None:
        current.ended_on = started_on
        current.save(update_fields=["ended_on"])
    allocation = Allocation.objects.create(
        child=child,
        team=team,
        worker=worker,
        started_on=started_on,
        reason=reason.strip(),
        decided_by=manager,
        decided_at=clock.now(),
    )
    held_by = f"{worker.full_name}, {team.name}" if worker else f"{team.name} (no named worker yet)"
    record_event(
        events.CASE_ALLOCATED.code,
        children=[child],
        by=by,
        summary=f"Allocated to {held_by} by {manager.full_name}: {reason.strip()}",
        occurred_on=started_on,
        subject=allocation,
    )
    return allocation
