"""Scenario verbs for statutory visits (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date

from kith.synthetic.steps.child_in_need import progress_on
from kith.synthetic.vocabulary import Replay, Step, verb
from kith.visits.actions import record_visit
from kith.visits.models import Visit
from kith.visits.queries import open_plan_for, plan_with_objectives
from kith.workforce.models import StaffMember


@verb("record_visit")
def _record_visit(replay: Replay, step: Step, by: StaffMember, on: date) -> Visit:
    values = step.get("with", {})
    child = replay.person(step["child"])
    seen = bool(values.get("child_seen", True))
    plan = open_plan_for(child)
    with_objectives = plan_with_objectives(plan) if plan is not None else None
    bedroom = values.get("bedroom_seen")
    return record_visit(
        child,
        visited_on=on,
        where=values.get("where", "At home"),
        child_seen=seen,
        seen_alone=bool(values.get("seen_alone", False)),
        spoken_to_alone=bool(values.get("spoken_to_alone", False)),
        bedroom_seen=None if bedroom is None else bool(bedroom),
        why_not_seen=values.get("why_not_seen", ""),
        why_not_alone=values.get("why_not_alone", ""),
        observations=values.get("observations", ""),
        child_views=values.get("child_views", ""),
        direct_work=values.get("direct_work", ""),
        analysis=values.get("analysis", ""),
        outcome=values.get("outcome", ""),
        progress=progress_on(with_objectives, values.get("progress")) if with_objectives is not None else [],
        by=by.user,
    )
