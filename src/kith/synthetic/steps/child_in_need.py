"""Scenario verbs for child in need plans (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.child_in_need.actions import (
    end_child_in_need_plan,
    record_plan_shared_with_family,
    review_child_in_need_plan,
    start_child_in_need_plan,
)
from kith.child_in_need.models import ChildInNeedPlan, ChildInNeedReview
from kith.plans.records import ObjectiveDetails, open_objectives
from kith.plans.rules import ProgressEntry
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def objective_details(raw: dict[str, Any]) -> ObjectiveDetails:
    """An objective as a step gives it: outcome, action, owner, owner_agency (optional), target_date."""
    return ObjectiveDetails(
        outcome=str(raw.get("outcome", "")),
        action=str(raw.get("action", "")),
        owner=str(raw.get("owner", "")),
        owner_agency=str(raw.get("owner_agency", "")),
        target_date=as_date(raw.get("target_date"), "target_date"),
    )


def progress_on(plan: Any, raw: Any) -> list[ProgressEntry]:
    """Progress on the plan's open objectives, soonest target first.

    ``progress: on_track`` gives every open objective the same progress; a list gives one entry per
    open objective, in order, each ``{progress: some_progress, notes: ...}``.
    """
    still_open = list(open_objectives(plan))
    if raw is None:
        return []
    if isinstance(raw, str):
        return [(objective, raw, "") for objective in still_open]
    if len(raw) != len(still_open):
        raise ScenarioError(f"`progress` gives {len(raw)} entries; the plan has {len(still_open)} open objectives")
    return [
        (objective, str(entry["progress"]), str(entry.get("notes", "")))
        for objective, entry in zip(still_open, raw, strict=True)
    ]


def _plan(replay: Replay, step: Step) -> ChildInNeedPlan:
    plan = replay.record(step["plan"])
    if not isinstance(plan, ChildInNeedPlan):
        raise ScenarioError(f"{step['plan']!r} is not a child in need plan")
    plan.refresh_from_db()
    return plan


@verb("start_child_in_need_plan")
def _start(replay: Replay, step: Step, by: StaffMember, on: date) -> ChildInNeedPlan:
    values = step.get("with", {})
    referral = replay.record(step["referral"])
    first_review = values.get("first_review_on")
    return start_child_in_need_plan(
        referral,
        started_on=on,
        summary_for_family=values.get("summary_for_family", ""),
        contingency=values.get("contingency", ""),
        lead_professional=values.get("lead_professional", by.full_name),
        first_review_on=as_date(first_review, "first_review_on") if first_review else None,
        objectives=[objective_details(raw) for raw in values.get("objectives", [])],
        by=by.user,
    )


@verb("review_child_in_need_plan")
def _review(replay: Replay, step: Step, by: StaffMember, on: date) -> ChildInNeedReview:
    values = step.get("with", {})
    plan = _plan(replay, step)
    next_review = values.get("next_review_on")
    return review_child_in_need_plan(
        plan,
        held_on=on,
        attendees=values.get("attendees", ""),
        child_views=values.get("child_views", ""),
        parents_views=values.get("parents_views", ""),
        decisions=values.get("decisions", ""),
        progress=progress_on(plan, values.get("progress")),
        plan_continues=bool(values.get("plan_continues", True)),
        next_review_on=as_date(next_review, "next_review_on") if next_review else None,
        by=by.user,
    )


@verb("record_plan_shared_with_family")
def _shared(replay: Replay, step: Step, by: StaffMember, on: date) -> ChildInNeedPlan:
    return record_plan_shared_with_family(_plan(replay, step), shared_on=on, by=by.user)


@verb("end_child_in_need_plan")
def _end(replay: Replay, step: Step, by: StaffMember, on: date) -> ChildInNeedPlan:
    values = step.get("with", {})
    return end_child_in_need_plan(_plan(replay, step), ended_on=on, end_reason=values.get("end_reason", ""), by=by.user)
