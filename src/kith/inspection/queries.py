"""Reading inspection records: the plan and its progress, judgement history side by side, the reference library."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from kith.inspection import frameworks, themes
from kith.inspection.models import (
    Activity,
    ImprovementArea,
    ImprovementPlan,
    Inspection,
    Judgement,
    PlanItem,
    ProgressUpdate,
    Rag,
    SelfEvaluation,
)
from kith.inspection.reading import ReadReport
from kith.inspection.reading.authorities import authority_key
from kith.platform.calendar.working_days import add_months

NO_UPDATE = "none"
STATUS_ORDER = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETE]


# --- the council and its reports ------------------------------------------------------------------


def own_authority_key() -> str:
    """The council Kith serves (``KITH_AUTHORITY_NAME``), as compared with the councils reports name."""
    return authority_key(settings.KITH_AUTHORITY_NAME)


def content_hash(report: ReadReport) -> str:
    return hashlib.sha256(report.text.encode("utf-8")).hexdigest()


def find_duplicate(report: ReadReport) -> Inspection | None:
    """The inspection already imported from this report: the same text, or the same council, framework and dates."""
    return (
        Inspection.objects.filter(content_hash=content_hash(report)).first()
        or Inspection.objects.filter(
            authority_key=report.authority_key,
            framework=report.framework.code,
            inspection_start=report.inspection_start,
        ).first()
    )


# --- plans --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanSummary:
    plan: ImprovementPlan
    items: int
    by_status: dict[str, int]  # each Rag value and "none" (no update yet)
    overdue: int
    without_owner: int
    without_due_date: int


def plan_items(plan: ImprovementPlan) -> QuerySet[PlanItem]:
    return plan.items.select_related("area", "owner").order_by("position")


def summarise(plan: ImprovementPlan, items: list[PlanItem], *, on: date) -> PlanSummary:
    counted = Counter(item.status or NO_UPDATE for item in items)
    return PlanSummary(
        plan=plan,
        items=len(items),
        by_status={status: counted.get(status, 0) for status in [*STATUS_ORDER, NO_UPDATE]},
        overdue=sum(item.is_overdue(on) for item in items),
        without_owner=sum(item.owner_id is None for item in items),
        without_due_date=sum(item.due_on is None and item.status != Rag.COMPLETE for item in items),
    )


def own_plans(*, on: date) -> list[PlanSummary]:
    """The council's improvement plans, newest inspection first, each with its counts."""
    plans = ImprovementPlan.objects.select_related("inspection").prefetch_related(
        Prefetch("items", queryset=PlanItem.objects.only("id", "plan_id", "status", "due_on", "owner_id"))
    )
    return [summarise(plan, list(plan.items.all()), on=on) for plan in plans]


def overdue_items(*, on: date) -> QuerySet[PlanItem]:
    """Items past their due date and not complete, in every plan, the longest overdue first."""
    return (
        PlanItem.objects.filter(due_on__lt=on)
        .exclude(status=Rag.COMPLETE)
        .select_related("area", "owner", "plan__inspection")
        .order_by("due_on", "plan", "position")
    )


@dataclass(frozen=True)
class MonthOfProgress:
    month_end: date
    by_status: dict[str, int]


def progress_over_time(plan: ImprovementPlan, items: list[PlanItem], *, on: date) -> list[MonthOfProgress]:
    """How many items stood at each status at the end of each month since the plan began (and today)."""
    updates: dict[int, list[ProgressUpdate]] = {}
    for update in ProgressUpdate.objects.filter(item__plan=plan).order_by("written_on", "pk"):
        updates.setdefault(update.item_id, []).append(update)
    start = plan.inspection.published or plan.inspection.inspection_end
    month_ends: list[date] = []
    month = date(start.year, start.month, 1)
    while True:
        month_end = add_months(month, 1) - timedelta(days=1)
        if month_end >= on:
            break
        month_ends.append(month_end)
        month = add_months(month, 1)
    rows = []
    for moment in [*month_ends, on]:
        counted: Counter[str] = Counter()
        for item in items:
            latest = [update for update in updates.get(item.pk, []) if update.written_on <= moment]
            counted[latest[-1].status if latest else NO_UPDATE] += 1
        rows.append(MonthOfProgress(moment, {status: counted.get(status, 0) for status in [*STATUS_ORDER, NO_UPDATE]}))
    return rows


def activity_of_plan(plan: ImprovementPlan, *, limit: int = 50) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(Q(inspection=plan.inspection) | Q(item__plan=plan))
        .select_related("recorded_by__staff_member")
        .order_by("-recorded_at", "-pk")[:limit]
    )


# --- judgement history ----------------------------------------------------------------------------


@dataclass
class HistoryCell:
    judgements: list[Judgement] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryRow:
    title: str
    cells: list[HistoryCell]


def inspections_of(authority_key: str) -> list[Inspection]:
    return list(
        Inspection.objects.filter(authority_key=authority_key)
        .order_by("inspection_start")
        .prefetch_related(Prefetch("judgements", queryset=Judgement.objects.order_by("position")))
    )


def judgement_history(inspections: list[Inspection]) -> list[HistoryRow]:
    """A row per question every framework answers (overall, help and protection…), a column per inspection."""
    rows = []
    for comparison in frameworks.comparisons():
        cells = []
        for inspection in inspections:
            framework = inspection.framework_data
            cell = HistoryCell(
                [
                    judgement
                    for judgement in inspection.judgements.all()
                    if comparison.code in framework.area(judgement.strand or None, judgement.area).compare_as
                ]
            )
            cells.append(cell)
        if any(cell.judgements for cell in cells):
            rows.append(HistoryRow(comparison.title, cells))
    return rows


def councils() -> list[tuple[str, str, int, bool]]:
    """Every council with an imported report: (key, name, how many reports, whether it is this council)."""
    found: dict[str, tuple[str, int, bool]] = {}
    for key, name, own in Inspection.objects.order_by("inspection_start").values_list(
        "authority_key", "authority", "is_own_authority"
    ):
        _, count, was_own = found.get(key, (name, 0, False))
        found[key] = (name, count + 1, was_own or own)
    return sorted(((key, *value) for key, value in found.items()), key=lambda row: (not row[3], row[1]))


# --- the reference library --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceResult:
    inspection: Inspection
    judgements: list[Judgement]  # those that match the grade asked for (all when none was asked)
    improvements: list[ImprovementArea]  # those that match the theme and words asked for


def reference_library(*, grade: str = "", theme: str = "", words: str = "") -> list[ReferenceResult]:
    """Other councils' reports, newest first, narrowed to those with a judgement of ``grade`` and items on ``theme``."""
    inspections = Inspection.objects.filter(is_own_authority=False)
    if grade:
        inspections = inspections.filter(judgements__grade=grade)
    item_filter = Q()
    if theme:
        item_filter &= Q(themes__contains=[theme])
    if words.strip():
        item_filter &= Q(text__icontains=words.strip())
    if theme or words.strip():
        inspections = inspections.filter(pk__in=ImprovementArea.objects.filter(item_filter).values("inspection_id"))
    inspections = (
        inspections.distinct()
        .order_by("-inspection_start", "authority")
        .prefetch_related(
            Prefetch("judgements", queryset=Judgement.objects.order_by("position")),
            Prefetch("improvements", queryset=ImprovementArea.objects.order_by("position")),
        )
    )
    results = []
    for inspection in inspections:
        judgements = [j for j in inspection.judgements.all() if not grade or j.grade == grade]
        improvements = [
            item
            for item in inspection.improvements.all()
            if (not theme or theme in item.themes) and (not words.strip() or words.strip().lower() in item.text.lower())
        ]
        results.append(ReferenceResult(inspection, judgements, improvements))
    return results


def theme_titles(codes: list[str]) -> list[str]:
    return [themes.title_of(code) for code in codes]


# --- self-evaluation --------------------------------------------------------------------------------


def self_evaluations(framework_code: str) -> dict[str, SelfEvaluation]:
    return {
        evaluation.area: evaluation
        for evaluation in SelfEvaluation.objects.filter(framework=framework_code).select_related("written_by")
    }


def self_evaluation_versions(evaluation: SelfEvaluation) -> list[dict[str, object]]:
    """Every version of an evaluation, newest first, from its row history."""
    history = SelfEvaluation.pgh_event_model  # type: ignore[attr-defined]
    return list(
        history.objects.filter(pgh_obj=evaluation)
        .order_by("-pgh_id")
        .values("text", "written_at", "written_by__full_name", "pgh_label")
    )


def latest_own_judgement(framework_code: str, area_code: str) -> Judgement | None:
    return (
        Judgement.objects.filter(
            inspection__is_own_authority=True, inspection__framework=framework_code, area=area_code
        )
        .select_related("inspection")
        .order_by("-inspection__inspection_start")
        .first()
    )
