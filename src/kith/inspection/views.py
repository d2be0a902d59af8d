"""Inspection readiness pages: import a report, the plan and its items, history, reference, self-evaluation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.inspection import actions, frameworks, queries, themes
from kith.inspection.access import (
    can_manage_inspections,
    can_update_item,
    get_action_for_user_or_404,
    get_inspection_for_user_or_404,
    get_item_for_user_or_404,
    get_plan_for_user_or_404,
    owned_open_items,
    visible_evidence,
)
from kith.inspection.forms import (
    AssignForm,
    CompleteActionForm,
    EvidenceForm,
    ImportForm,
    PlanActionForm,
    ProgressForm,
    PublicationForm,
    ReferenceSearchForm,
    SelfEvaluationForm,
)
from kith.inspection.reading import ReportRejected, read_report, text_of
from kith.people.access import children_visible_to
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def _leaders_only(request: AuthenticatedRequest) -> None:
    if not can_manage_inspections(request.user):
        raise Http404("No such page")


@require_http_methods(["GET"])
def index(request: AuthenticatedRequest) -> HttpResponse:
    """Inspection readiness for leaders: the latest judgements, the plans, overdue items."""
    _leaders_only(request)
    today = clock.today()
    own_key = queries.own_authority_key()
    own = queries.inspections_of(own_key)
    context = {
        "today": today,
        "council": settings.KITH_AUTHORITY_NAME,
        "latest": own[-1] if own else None,
        "plans": queries.own_plans(on=today),
        "overdue": list(queries.overdue_items(on=today)[:20]),
        "current": frameworks.current(),
    }
    return render(request, "inspection/index.html", context)


@require_http_methods(["GET", "POST"])
def import_report(request: AuthenticatedRequest) -> HttpResponse:
    """Upload a report (text or PDF); it is read, checked and kept, or refused with the reason."""
    _leaders_only(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["report"]
        try:
            report = read_report(text_of(upload.read(), name=upload.name))
            inspection = actions.import_report(report, source_name=upload.name, by=request.user)
        except ReportRejected as refused:
            form.add_error("report", str(refused))
        except NotAllowed as refused:
            raise Http404("No such page") from refused
        except RuleBroken as broken:
            form.add_error("report", " ".join(message for found in broken.problems.values() for message in found))
        else:
            plan = " and its improvement plan started" if inspection.is_own_authority else ", kept as reference"
            messages.success(request, f"{inspection.authority}'s {inspection.framework_title} report imported{plan}")
            return redirect("inspection:inspection", inspection.pk)
    context = {"form": form, "council": settings.KITH_AUTHORITY_NAME, "frameworks": frameworks.all_frameworks()}
    return render(request, "inspection/import.html", context)


@require_http_methods(["GET"])
def inspection_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    inspection = get_inspection_for_user_or_404(request.user, pk)
    judgements = list(inspection.judgements.all())
    context = {
        "inspection": inspection,
        "framework": inspection.framework_data,
        "strands": _by_strand(judgements),
        "improvements": list(inspection.improvements.all()),
        "plan": getattr(inspection, "plan", None),
    }
    return render(request, "inspection/inspection.html", context)


def _by_strand(judgements: list[Any]) -> list[tuple[str, list[Any]]]:
    grouped: list[tuple[str, list[Any]]] = []
    for judgement in judgements:
        if not grouped or grouped[-1][0] != judgement.strand_title:
            grouped.append((judgement.strand_title, []))
        grouped[-1][1].append(judgement)
    return grouped


@require_http_methods(["GET", "POST"])
def set_publication_date(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    inspection = get_inspection_for_user_or_404(request.user, pk)
    form = PublicationForm(request.POST or None, initial={"published": inspection.published})
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_publication_date(inspection, published=form.cleaned_data["published"], by=request.user)
        except NotAllowed as refused:
            raise Http404("No such inspection") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Publication date entered")
            return redirect("inspection:inspection", inspection.pk)
    context = {
        "form": form,
        "heading": "Enter the publication date",
        "caption": str(inspection),
        "submit": "Save",
        "back": ("inspection:inspection", inspection.pk),
    }
    return render(request, "inspection/form.html", context)


@require_http_methods(["GET"])
def plan_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan: every item with its owner, due date and status; overdue items; progress over time; activity."""
    plan = get_plan_for_user_or_404(request.user, pk)
    today = clock.today()
    items = list(queries.plan_items(plan))
    show = request.GET.get("show", "")
    context = {
        "plan": plan,
        "inspection": plan.inspection,
        "today": today,
        "items": [item for item in items if show != "overdue" or item.is_overdue(today)],
        "show": show,
        "summary": queries.summarise(plan, items, on=today),
        "progress": queries.progress_over_time(plan, items, on=today),
        "statuses": queries.STATUS_ORDER,
        "activity": list(queries.activity_of_plan(plan)),
    }
    return render(request, "inspection/plan.html", context)


@require_http_methods(["GET"])
def my_items(request: AuthenticatedRequest) -> HttpResponse:
    """The open plan items the signed-in member of staff owns."""
    today = clock.today()
    items = list(owned_open_items(request.user).select_related("area", "plan__inspection").order_by("due_on"))
    return render(request, "inspection/my_items.html", {"items": items, "today": today})


@require_http_methods(["GET"])
def item_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = get_item_for_user_or_404(request.user, pk)
    evidence, hidden = visible_evidence(request.user, item)
    context = {
        "item": item,
        "today": clock.today(),
        "actions": list(item.actions.select_related("added_by")),
        "updates": list(item.updates.select_related("written_by")),
        "evidence": evidence,
        "hidden_evidence": hidden,
        "may_assign": can_manage_inspections(request.user),
        "may_update": can_update_item(request.user, item),
    }
    return render(request, "inspection/item.html", context)


def _item_form_page(request: AuthenticatedRequest, item: Any, form: Any, heading: str, submit: str) -> HttpResponse:
    context = {
        "form": form,
        "heading": heading,
        "caption": f"Item {item.position}: {item.area.text[:120]}",
        "submit": submit,
        "back": ("inspection:item", item.pk),
    }
    return render(request, "inspection/form.html", context)


@require_http_methods(["GET", "POST"])
def assign_item(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = get_item_for_user_or_404(request.user, pk)
    _leaders_only(request)
    form = AssignForm(request.POST or None, initial={"owner": item.owner_id, "due_on": item.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            actions.assign_plan_item(
                item, owner=form.cleaned_data["owner"], due_on=form.cleaned_data["due_on"], by=request.user
            )
        except NotAllowed as refused:
            raise Http404("No such item") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, f"Item {item.position} given to {form.cleaned_data['owner'].full_name}")
            return redirect("inspection:item", item.pk)
    return _item_form_page(request, item, form, "Owner and due date", "Save")


@require_http_methods(["GET", "POST"])
def add_action(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = get_item_for_user_or_404(request.user, pk)
    form = PlanActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_plan_action(item, **form.cleaned_data, by=request.user)
        except NotAllowed as refused:
            raise Http404("No such item") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Action added")
            return redirect("inspection:item", item.pk)
    return _item_form_page(request, item, form, "Add an action", "Add action")


@require_http_methods(["GET", "POST"])
def complete_action(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan_action = get_action_for_user_or_404(request.user, pk)
    item = get_item_for_user_or_404(request.user, plan_action.item_id)
    form = CompleteActionForm(request.POST or None, initial={"completed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.complete_plan_action(plan_action, completed_on=form.cleaned_data["completed_on"], by=request.user)
        except NotAllowed as refused:
            raise Http404("No such action") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Action completed")
            return redirect("inspection:item", item.pk)
    return _item_form_page(request, item, form, f"Complete: {plan_action.description[:80]}", "Mark as completed")


@require_http_methods(["GET", "POST"])
def record_progress(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = get_item_for_user_or_404(request.user, pk)
    form = ProgressForm(request.POST or None, initial={"written_on": clock.today(), "status": item.status or None})
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_progress(item, **form.cleaned_data, by=request.user)
        except NotAllowed as refused:
            raise Http404("No such item") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Progress recorded")
            return redirect("inspection:item", item.pk)
    return _item_form_page(request, item, form, "Record progress", "Record progress")


@require_http_methods(["GET", "POST"])
def link_evidence(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    item = get_item_for_user_or_404(request.user, pk)
    form = EvidenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        child = None
        if data["child"] is not None:
            child = children_visible_to(request.user).filter(pk=data["child"]).first()
            if child is None:
                # The same words for a child who does not exist and one the user may not see.
                form.add_error("child", f"No child you can see has the Kith ID K{data['child']:07d}")
        if not form.errors:
            try:
                actions.link_evidence(
                    item, description=data["description"], url=data["url"], child=child, by=request.user
                )
            except NotAllowed as refused:
                raise Http404("No such item") from refused
            except RuleBroken as broken:
                show_problems(form, broken)
            else:
                messages.success(request, "Evidence linked")
                return redirect("inspection:item", item.pk)
    return _item_form_page(request, item, form, "Link evidence", "Link evidence")


@require_http_methods(["GET"])
def history(request: AuthenticatedRequest, key: str = "") -> HttpResponse:
    """A council's judgements across inspections side by side (this council's unless another is named)."""
    _leaders_only(request)
    key = key or queries.own_authority_key()
    inspections = queries.inspections_of(key)
    if key != queries.own_authority_key() and not inspections:
        raise Http404("No such council")
    context = {
        "council": inspections[0].authority if inspections else settings.KITH_AUTHORITY_NAME,
        "is_own": key == queries.own_authority_key(),
        "inspections": inspections,
        "rows": queries.judgement_history(inspections),
        "councils": queries.councils(),
    }
    return render(request, "inspection/history.html", context)


@require_http_methods(["GET"])
def reference(request: AuthenticatedRequest) -> HttpResponse:
    """Other councils' reports, searchable by judgement and by theme of improvement."""
    _leaders_only(request)
    form = ReferenceSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {"grade": "", "theme": "", "words": ""}
    results = queries.reference_library(**criteria)
    context = {
        "form": form,
        "results": results,
        "searched": any(criteria.values()),
        "theme_title": themes.title_of(criteria["theme"]) if criteria["theme"] else "",
        "grade_title": frameworks.grade_words(criteria["grade"]) if criteria["grade"] else "",
    }
    return render(request, "inspection/reference.html", context)


@require_http_methods(["GET"])
def self_evaluation(request: AuthenticatedRequest) -> HttpResponse:
    """The current framework's judgement areas, each with the leaders' evaluation and the latest judgement."""
    _leaders_only(request)
    framework = frameworks.current()
    written = queries.self_evaluations(framework.code)
    areas = [
        (area, written.get(area.code), queries.latest_own_judgement(framework.code, area.code))
        for area in framework.areas
    ]
    return render(request, "inspection/self_evaluation.html", {"framework": framework, "areas": areas})


@require_http_methods(["GET", "POST"])
def self_evaluation_area(request: AuthenticatedRequest, area: str) -> HttpResponse:
    _leaders_only(request)
    framework = frameworks.current()
    found = next((candidate for candidate in framework.areas if candidate.code == area), None)
    if found is None:
        raise Http404("No such judgement area")
    evaluation = queries.self_evaluations(framework.code).get(area)
    form = SelfEvaluationForm(request.POST or None, initial={"text": evaluation.text if evaluation else ""})
    if request.method == "POST" and form.is_valid():
        try:
            actions.write_self_evaluation(framework.code, area, text=form.cleaned_data["text"], by=request.user)
        except NotAllowed as refused:
            raise Http404("No such page") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Self-evaluation saved")
            return redirect("inspection:self_evaluation_area", area)
    context = {
        "framework": framework,
        "area": found,
        "form": form,
        "evaluation": evaluation,
        "versions": queries.self_evaluation_versions(evaluation) if evaluation else [],
        "judgement": queries.latest_own_judgement(framework.code, area),
    }
    return render(request, "inspection/self_evaluation_area.html", context)
