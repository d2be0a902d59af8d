"""Scenario verbs for inspection readiness: importing a report, running its improvement plan, self-evaluation.

A report comes from a file (``file:``, a path from where the command runs) or is written in
the step (``text:``). An item of the plan is named by the inspection and its number
(``inspection: ofsted``, ``item: 2``) and kept under the step's ``as:`` key.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kith.inspection import frameworks
from kith.inspection.actions import (
    add_plan_action,
    assign_plan_item,
    complete_plan_action,
    import_report,
    link_evidence,
    record_progress,
    set_publication_date,
    write_self_evaluation,
)
from kith.inspection.models import Evidence, Inspection, PlanAction, PlanItem, ProgressUpdate, SelfEvaluation
from kith.inspection.reading import ReportRejected, read_report
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _typed(replay: Replay, key: str, kind: type[Any], what: str) -> Any:
    found = replay.record(key)
    if not isinstance(found, kind):
        raise ScenarioError(f"{key!r} is not {what}")
    found.refresh_from_db()
    return found


def _item(replay: Replay, step: Step) -> PlanItem:
    if "inspection" not in step:
        named: PlanItem = _typed(replay, step["item"], PlanItem, "an item of an improvement plan")
        return named
    inspection = _typed(replay, step["inspection"], Inspection, "an imported inspection")
    found = PlanItem.objects.filter(plan__inspection=inspection, position=int(step["item"])).first()
    if found is None:
        raise ScenarioError(f"The improvement plan of {step['inspection']!r} has no item {step['item']}")
    return found


@verb("import_report")
def _import(replay: Replay, step: Step, by: StaffMember, on: date) -> Inspection:
    values = step.get("with", {})
    name = values.get("file", "scenario step")
    text = values["text"] if "text" in values else Path(values["file"]).read_text(encoding="utf-8")
    try:
        report = read_report(text)
    except ReportRejected as refused:
        raise ScenarioError(str(refused)) from refused
    return import_report(report, source_name=str(name), by=by.user)


@verb("set_publication_date")
def _published(replay: Replay, step: Step, by: StaffMember, on: date) -> Inspection:
    inspection = _typed(replay, step["inspection"], Inspection, "an imported inspection")
    published = as_date(step.get("with", {}).get("published", on), "published")
    return set_publication_date(inspection, published=published, by=by.user)


@verb("assign_plan_item")
def _assign(replay: Replay, step: Step, by: StaffMember, on: date) -> PlanItem:
    values = step.get("with", {})
    due_on = as_date(values["due_on"], "due_on") if values.get("due_on") else None
    return assign_plan_item(_item(replay, step), owner=replay.member(values["owner"]), due_on=due_on, by=by.user)


@verb("add_plan_action")
def _add_action(replay: Replay, step: Step, by: StaffMember, on: date) -> PlanAction:
    values = step.get("with", {})
    due_on = as_date(values["due_on"], "due_on") if values.get("due_on") else None
    return add_plan_action(_item(replay, step), description=values["description"], due_on=due_on, by=by.user)


@verb("complete_plan_action")
def _complete_action(replay: Replay, step: Step, by: StaffMember, on: date) -> PlanAction:
    plan_action = _typed(replay, step["action"], PlanAction, "an action of an improvement plan")
    return complete_plan_action(plan_action, completed_on=on, by=by.user)


@verb("record_progress")
def _progress(replay: Replay, step: Step, by: StaffMember, on: date) -> ProgressUpdate:
    values = step.get("with", {})
    return record_progress(_item(replay, step), status=values["status"], note=values["note"], written_on=on, by=by.user)


@verb("link_evidence")
def _evidence(replay: Replay, step: Step, by: StaffMember, on: date) -> Evidence:
    values = step.get("with", {})
    child = replay.person(values["child"]) if values.get("child") else None
    return link_evidence(
        _item(replay, step), description=values["description"], url=values.get("url", ""), child=child, by=by.user
    )


@verb("write_self_evaluation")
def _self_evaluation(replay: Replay, step: Step, by: StaffMember, on: date) -> SelfEvaluation:
    values = step.get("with", {})
    framework = values.get("framework", frameworks.current().code)
    return write_self_evaluation(framework, values["area"], text=values["text"], by=by.user)
