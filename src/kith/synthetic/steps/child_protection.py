"""Scenario verbs for child protection: conferences, core groups, ending and sharing plans (see docs/scenarios.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.child_protection.actions import (
    CoreGroupMemberDetails,
    MemberDetails,
    ObjectiveDetails,
    ObjectiveProgress,
    PlanDetails,
    end_child_protection_plan,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    record_chair_feedback,
    record_child_protection_plan_shared,
    record_feedback_follow_up,
)
from kith.child_protection.models import ChildProtectionPlan, Conference, CoreGroup
from kith.plans.records import open_objectives
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _maybe_date(raw: Any, name: str) -> date | None:
    return None if raw in (None, "") else as_date(raw, name)


def _members(raw: list[dict[str, Any]]) -> list[MemberDetails]:
    """Each ``{name, agency, role, invited_on, attended, sent_apologies, report_submitted}``; no
    ``invited_on`` means not invited."""
    return [
        MemberDetails(
            name=str(member.get("name", "")),
            agency=str(member.get("agency", "")),
            role=str(member.get("role", "")),
            invited_on=_maybe_date(member.get("invited_on"), "invited_on"),
            attended=bool(member.get("attended", False)),
            sent_apologies=bool(member.get("sent_apologies", False)),
            report_submitted=bool(member.get("report_submitted", False)),
        )
        for member in raw
    ]


def _objectives(raw: list[dict[str, Any]]) -> list[ObjectiveDetails]:
    return [
        ObjectiveDetails(
            outcome=str(objective.get("outcome", "")),
            action=str(objective.get("action", "")),
            owner=str(objective.get("owner", "")),
            owner_agency=str(objective.get("owner_agency", "")),
            target_date=as_date(objective.get("target_date"), "target_date"),
        )
        for objective in raw
    ]


def _plan(replay: Replay, step: Step) -> ChildProtectionPlan:
    """``plan`` is the key of a plan, or of the initial conference that started one."""
    found = replay.record(step["plan"])
    if isinstance(found, Conference):
        found = found.plan
    if not isinstance(found, ChildProtectionPlan):
        raise ScenarioError(f"{step['plan']!r} is not a child protection plan or a conference that started one")
    found.refresh_from_db()
    return found


def _conference(replay: Replay, step: Step) -> Conference:
    found = replay.record(step["conference"])
    if not isinstance(found, Conference):
        raise ScenarioError(f"{step['conference']!r} is not a conference")
    found.refresh_from_db()
    return found


def _shared_on(values: dict[str, Any], whom: str) -> date | None:
    name = f"report_shared_with_{whom}_on"
    return _maybe_date(values.get(name), name)


def _chair(replay: Replay, values: dict[str, Any], by: StaffMember) -> StaffMember:
    return replay.member(values["chair"]) if values.get("chair") else by


@verb("hold_initial_conference")
def _hold_initial_conference(replay: Replay, step: Step, by: StaffMember, on: date) -> Conference:
    values = step.get("with", {})
    plan = values.get("plan")
    return hold_initial_conference(
        replay.record(step["referral"]),
        section_47_enquiry=replay.record(step["enquiry"]),
        held_on=on,
        chair=_chair(replay, values, by),
        members=_members(values.get("members", [])),
        report_shared_with_parents_on=_shared_on(values, "parents"),
        report_shared_with_child_on=_shared_on(values, "child"),
        child_participation=str(values.get("child_participation", "")),
        child_views=str(values.get("child_views", "")),
        parents_views=str(values.get("parents_views", "")),
        decision=str(values.get("decision", "plan")),
        category=str(values.get("category", "")),
        decision_rationale=str(values.get("rationale", "")),
        plan=PlanDetails(
            how_risks_will_be_reduced=str(plan.get("how_risks_will_be_reduced", "")),
            contingency=str(plan.get("contingency", "")),
            identity_actions=str(plan.get("identity_actions", "")),
            summary_for_family=str(plan.get("summary_for_family", "")),
            objectives=tuple(_objectives(plan.get("objectives", []))),
        )
        if plan
        else None,
        by=by.user,
    )


@verb("hold_review_conference")
def _hold_review_conference(replay: Replay, step: Step, by: StaffMember, on: date) -> Conference:
    values = step.get("with", {})
    return hold_review_conference(
        _plan(replay, step),
        held_on=on,
        chair=_chair(replay, values, by),
        members=_members(values.get("members", [])),
        report_shared_with_parents_on=_shared_on(values, "parents"),
        report_shared_with_child_on=_shared_on(values, "child"),
        child_participation=str(values.get("child_participation", "")),
        child_views=str(values.get("child_views", "")),
        parents_views=str(values.get("parents_views", "")),
        decision=str(values.get("decision", "continue")),
        latest_category=str(values.get("category", "")),
        decision_rationale=str(values.get("rationale", "")),
        end_reason=str(values.get("end_reason", "")),
        step_down_plan=str(values.get("step_down_plan", "")),
        new_objectives=_objectives(values.get("objectives", [])),
        by=by.user,
    )


def _progress(plan: ChildProtectionPlan, raw: Any) -> list[ObjectiveProgress]:
    """One value for every open objective (``on_track``), or a list of ``{progress, notes}`` in target-date order."""
    still_open = list(open_objectives(plan))
    if raw is None:
        raw = "on_track"
    if isinstance(raw, str):
        return [ObjectiveProgress(objective=objective, progress=raw) for objective in still_open]
    if len(raw) != len(still_open):
        raise ScenarioError(f"`progress` gives {len(raw)} entries; the plan has {len(still_open)} open objectives")
    return [
        ObjectiveProgress(objective=objective, progress=str(entry["progress"]), notes=str(entry.get("notes", "")))
        for objective, entry in zip(still_open, raw, strict=True)
    ]


@verb("hold_core_group")
def _hold_core_group(replay: Replay, step: Step, by: StaffMember, on: date) -> CoreGroup:
    values = step.get("with", {})
    plan = _plan(replay, step)
    return hold_core_group(
        plan,
        held_on=on,
        members=[
            CoreGroupMemberDetails(
                name=str(member.get("name", "")),
                agency=str(member.get("agency", "")),
                role=str(member.get("role", "")),
                attended=bool(member.get("attended", True)),
            )
            for member in values.get("members", [])
        ],
        progress=_progress(plan, values.get("progress")),
        child_views=str(values.get("child_views", "")),
        identity_considerations=str(values.get("identity_considerations", "")),
        drift_or_concerns=str(values.get("drift_or_concerns", "")),
        new_actions=_objectives(values.get("new_actions", [])),
        by=by.user,
    )


@verb("end_child_protection_plan")
def _end_child_protection_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> ChildProtectionPlan:
    values = step.get("with", {})
    return end_child_protection_plan(
        _plan(replay, step),
        ended_on=on,
        end_reason=str(values.get("end_reason", "")),
        step_down_plan=str(values.get("step_down_plan", "")),
        by=by.user,
    )


@verb("record_child_protection_plan_shared")
def _record_child_protection_plan_shared(replay: Replay, step: Step, by: StaffMember, on: date) -> ChildProtectionPlan:
    return record_child_protection_plan_shared(_plan(replay, step), shared_on=on, by=by.user)


@verb("record_chair_feedback")
def _record_chair_feedback(replay: Replay, step: Step, by: StaffMember, on: date) -> Conference:
    values = step.get("with", {})
    return record_chair_feedback(
        _conference(replay, step), feedback=str(values.get("feedback", "")), to=replay.member(values["to"]), by=by.user
    )


@verb("record_feedback_follow_up")
def _record_feedback_follow_up(replay: Replay, step: Step, by: StaffMember, on: date) -> Conference:
    values = step.get("with", {})
    return record_feedback_follow_up(
        _conference(replay, step), followed_up_on=on, notes=str(values.get("notes", "")), by=by.user
    )
