"""Every change to inspection records: importing a report (and its plan), running the plan, self-evaluation.

Each action checks access and rules, writes its rows and one activity entry (this area's
chronology, ``events.record_activity``) in one transaction (``@action``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

from kith.inspection import events, frameworks, rules, themes
from kith.inspection.access import can_link_child, can_manage_inspections, can_update_item
from kith.inspection.models import (
    Evidence,
    ImprovementArea,
    ImprovementPlan,
    Inspection,
    Judgement,
    PlanAction,
    PlanItem,
    ProgressUpdate,
    Rag,
    SelfEvaluation,
)
from kith.inspection.queries import content_hash, find_duplicate, own_authority_key
from kith.inspection.reading import ReadReport
from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.rules import RuleBroken, refuse_if, require

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember

_SOURCE = {
    "summary table and section heading": Judgement.Source.BOTH,
    "summary table": Judgement.Source.TABLE,
    "section heading": Judgement.Source.HEADING,
}


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # every check here needs an active staff record
    return staff


@action
def import_report(report: ReadReport, *, source_name: str, by: User) -> Inspection:
    """Keep a report's judgements and findings; for the council's own report, start its improvement plan.

    The same report imported again is refused and nothing changes: the message names when it
    was imported and by whom.
    """
    require(can_manage_inspections(by))
    duplicate = find_duplicate(report)
    if duplicate is not None:
        raise RuleBroken(
            {
                "report": [
                    f"This report ({duplicate.authority}, {duplicate.framework_title}, {duplicate.dates_in_words}) "
                    f"was imported on {long_date(timezone.localdate(duplicate.imported_at))} by "
                    f"{duplicate.imported_by.full_name}; nothing was imported again"
                ]
            }
        )
    own = report.authority_key == own_authority_key()
    inspection = Inspection.objects.create(
        authority=report.authority,
        authority_key=report.authority_key,
        is_own_authority=own,
        framework=report.framework.code,
        title=report.title[:300],
        inspection_start=report.inspection_start,
        inspection_end=report.inspection_end,
        published=report.published,
        lead_inspector=report.lead_inspector[:150],
        warnings=list(report.warnings),
        other_findings=[{"section": found.section.code, "text": found.text} for found in report.other_findings],
        source_name=source_name[:255],
        content_hash=content_hash(report),
        text=report.text,
        imported_by=_staff(by),
        imported_at=clock.now(),
    )
    Judgement.objects.bulk_create(
        Judgement(
            inspection=inspection,
            strand=found.strand or "",
            area=found.area.code,
            grade=found.grade.code,
            words=found.words[:120],
            source=_SOURCE[found.source],
            position=position,
        )
        for position, found in enumerate(report.judgements, start=1)
    )
    areas = ImprovementArea.objects.bulk_create(
        ImprovementArea(
            inspection=inspection,
            strand=found.strand or "",
            section=found.section.code,
            timescale=found.timescale.code if found.timescale else "",
            addressee=(found.addressee or "")[:300],
            text=found.text,
            themes=themes.themes_of(found.text),
            position=position,
        )
        for position, found in enumerate(report.improvements, start=1)
    )
    plan_words = ""
    if own:
        _start_plan(inspection, areas)
        plan_words = f"; an improvement plan of {len(areas)} item{'s' if len(areas) != 1 else ''} was started"
    events.record_activity(
        events.REPORT_IMPORTED,
        by=by,
        inspection=inspection,
        summary=f"{inspection.authority}: {inspection.framework_title} of {inspection.dates_in_words} imported, "
        f"{len(report.judgements)} judgements and {len(areas)} areas for improvement{plan_words}",
    )
    return inspection


def _start_plan(inspection: Inspection, areas: list[ImprovementArea]) -> ImprovementPlan:
    plan = ImprovementPlan.objects.create(inspection=inspection, created_at=clock.now())
    framework = inspection.framework_data
    items = []
    for position, area in enumerate(areas, start=1):
        due_on, reason = rules.due_date(framework, area.timescale, inspection.published)
        items.append(PlanItem(plan=plan, area=area, due_on=due_on, due_reason=reason, position=position))
    PlanItem.objects.bulk_create(items)
    return plan


@action
def set_publication_date(inspection: Inspection, *, published: date, by: User) -> Inspection:
    """Enter a publication date the report did not give; items that wait for it get their due dates."""
    require(can_manage_inspections(by))
    refuse_if(
        rules.publication_problems(published=published, inspection_end=inspection.inspection_end, today=clock.today())
    )
    inspection.published = published
    inspection.save(update_fields=["published"])
    framework = inspection.framework_data
    waiting = PlanItem.objects.filter(plan__inspection=inspection, due_on__isnull=True).exclude(area__timescale="")
    for item in waiting.select_related("area"):
        item.due_on, item.due_reason = rules.due_date(framework, item.area.timescale, published)
        item.save(update_fields=["due_on", "due_reason"])
    events.record_activity(
        events.PUBLICATION_DATE_SET,
        by=by,
        inspection=inspection,
        summary=f"Publication date of the {inspection.framework_title} of {inspection.authority} entered as "
        f"{long_date(published)}",
    )
    return inspection


@action
def assign_plan_item(item: PlanItem, *, owner: StaffMember, due_on: date | None, by: User) -> PlanItem:
    """Give an item its owner and, where the timescale does not set one, its due date."""
    require(can_manage_inspections(by))
    published = item.plan.inspection.published
    refuse_if(rules.assignment_problems(owner_is_active=owner.is_active, due_on=due_on, published=published))
    item.owner = owner
    if due_on is not None and due_on != item.due_on:
        item.due_on = due_on
        item.due_reason = f"Set by {_staff(by).full_name} on {long_date(clock.today())}."
    item.save(update_fields=["owner", "due_on", "due_reason"])
    due = f", due {long_date(item.due_on)}" if item.due_on else ", no due date yet"
    events.record_activity(
        events.ITEM_ASSIGNED, by=by, item=item, summary=f"Item {item.position} given to {owner.full_name}{due}"
    )
    return item


@action
def add_plan_action(item: PlanItem, *, description: str, due_on: date | None, by: User) -> PlanAction:
    require(can_update_item(by, item))
    refuse_if(rules.action_problems(description=description))
    made = PlanAction.objects.create(
        item=item, description=description.strip(), due_on=due_on, added_by=_staff(by), added_at=clock.now()
    )
    events.record_activity(
        events.ACTION_ADDED, by=by, item=item, summary=f"Action added to item {item.position}: {made.description}"
    )
    return made


@action
def complete_plan_action(plan_action: PlanAction, *, completed_on: date, by: User) -> PlanAction:
    require(can_update_item(by, plan_action.item))
    refuse_if(
        rules.action_completion_problems(
            completed_on=completed_on,
            added_on=timezone.localdate(plan_action.added_at),
            already=plan_action.completed_on,
            today=clock.today(),
        )
    )
    plan_action.completed_on = completed_on
    plan_action.save(update_fields=["completed_on"])
    events.record_activity(
        events.ACTION_COMPLETED,
        by=by,
        item=plan_action.item,
        occurred_on=completed_on,
        summary=f"Action on item {plan_action.item.position} completed: {plan_action.description}",
    )
    return plan_action


@action
def record_progress(item: PlanItem, *, status: str, note: str, written_on: date, by: User) -> ProgressUpdate:
    """A dated progress note with the item's RAG status; "complete" closes the item."""
    require(can_update_item(by, item))
    inspection = item.plan.inspection
    refuse_if(
        rules.progress_problems(
            status=status,
            note=note,
            written_on=written_on,
            published_or_ended=inspection.inspection_end,
            completed_on=item.completed_on,
            today=clock.today(),
        )
    )
    update = ProgressUpdate.objects.create(
        item=item,
        written_on=written_on,
        status=status,
        note=note.strip(),
        written_by=_staff(by),
        recorded_at=clock.now(),
    )
    item.status = status
    item.completed_on = written_on if status == Rag.COMPLETE else None
    item.save(update_fields=["status", "completed_on"])
    events.record_activity(
        events.PROGRESS_RECORDED,
        by=by,
        item=item,
        occurred_on=written_on,
        summary=f"Item {item.position}: {Rag(status).label}. {update.note}",
    )
    return update


@action
def link_evidence(
    item: PlanItem, *, description: str, url: str = "", child: Person | None = None, by: User
) -> Evidence:
    """Evidence for an item: a link, or a child's record as an example (only one the user may see)."""
    require(can_update_item(by, item))
    if child is not None:
        require(can_link_child(by, child))
    refuse_if(rules.evidence_problems(description=description, url=url, has_child=child is not None))
    made = Evidence.objects.create(
        item=item,
        description=description.strip(),
        url=url.strip(),
        child=child,
        added_by=_staff(by),
        added_at=clock.now(),
    )
    # The log names the record by its Kith ID only: the plan is read by people who may not see the child.
    what = f"the record {child.kith_id}" if child is not None else made.url
    events.record_activity(
        events.EVIDENCE_LINKED,
        by=by,
        item=item,
        summary=f"Evidence for item {item.position}: {made.description} ({what})",
    )
    return made


@action
def write_self_evaluation(framework_code: str, area_code: str, *, text: str, by: User) -> SelfEvaluation:
    """Leaders' evaluation of one judgement area; the earlier versions stay in its row history."""
    require(can_manage_inspections(by))
    framework = frameworks.get(framework_code)
    known = any(area.code == area_code for area in framework.areas)
    refuse_if(rules.self_evaluation_problems(text=text, known_area=known))
    evaluation, _ = SelfEvaluation.objects.update_or_create(
        framework=framework_code,
        area=area_code,
        defaults={"text": text.strip(), "written_by": _staff(by), "written_at": clock.now()},
    )
    title = next(area.title for area in framework.areas if area.code == area_code)
    events.record_activity(events.SELF_EVALUATION_WRITTEN, by=by, summary=f"Self-evaluation written: {title}")
    return evaluation
