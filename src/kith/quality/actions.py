"""Recording management oversight as a decision on the child's record (R-076, R-077)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.chronology.record import record_event
from kith.platform.rules import RuleBroken, require
from kith.quality import events
from kith.quality.access import can_record_management_decision
from kith.quality.models import ManagementDecision

if TYPE_CHECKING:
    from kith.platform.access.models import User


@action
def record_management_decision(
    child: Person, *, kind: str, decision: str, rationale: str, next_steps: str = "", decided_on: date, by: User
) -> ManagementDecision:
    """Record a manager's decision and why, visible on the case summary and in the chronology."""
    require(can_record_management_decision(by, child))
    manager = staff_of(by)
    assert manager is not None  # the capability needs an active staff record
    problems: dict[str, list[str]] = {}
    if not decision.strip():
        problems["decision"] = ["Enter the decision"]
    if not rationale.strip():
        problems["rationale"] = ["Enter the reasons for the decision"]
    if decided_on > clock.today():
        problems["decided_on"] = ["Date of the decision must be today or in the past"]
    if problems:
        raise RuleBroken(problems)
    made = ManagementDecision.objects.create(
        child=child,
        kind=kind,
        decision=decision.strip(),
        rationale=rationale.strip(),
        next_steps=next_steps.strip(),
        decided_on=decided_on,
        decided_by=manager,
        recorded_at=clock.now(),
    )
    record_event(
        events.MANAGEMENT_DECISION_RECORDED.code,
        children=[child],
        by=by,
        summary=f"{made.get_kind_display()} by {manager.full_name}: {made.decision}",
        occurred_on=decided_on,
        subject=made,
    )
    return made
