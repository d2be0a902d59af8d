"""LADO pages: the allegation list, an allegation, and the forms for the allegation, decisions and outcome."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.lado import actions
from kith.lado.access import (
    allegations_visible_to,
    can_manage_allegation,
    can_record_allegations,
    can_view_allegations,
    get_allegation_for_user_or_404,
    visible_children_of,
)
from kith.lado.forms import AllegationForm, CloseAllegationForm, DecisionForm
from kith.lado.queries import allegation_rows
from kith.people.access import children_visible_to
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


@require_http_methods(["GET"])
def allegation_list(request: AuthenticatedRequest) -> HttpResponse:
    """Open allegations (oldest first) and concluded ones, for the LADO and managers only."""
    user = request.user
    if not can_view_allegations(user):
        raise Http404("No such page")
    today = clock.today()
    context = {
        "today": today,
        "rows": allegation_rows(allegations_visible_to(user), on=today),
        "may_record": can_record_allegations(user),
    }
    return render(request, "lado/list.html", context)


@require_http_methods(["GET"])
def allegation_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    allegation = get_allegation_for_user_or_404(user, pk, page=request.path)
    children = visible_children_of(user, allegation)
    context = {
        "allegation": allegation,
        "children": children,
        "hidden_children": allegation.children.count() - len(children),
        "decisions": list(allegation.decisions.select_related("decided_by")),
        "may_manage": can_manage_allegation(user, allegation),
    }
    return render(request, "lado/detail.html", context)


@require_http_methods(["GET", "POST"])
def record_allegation(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not can_record_allegations(user):
        raise Http404("No such page")
    form = AllegationForm(request.POST or None, initial={"received_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        wanted = data.pop("children")
        found = {child.pk: child for child in children_visible_to(user).filter(pk__in=wanted)}
        missing = [f"K{pk:07d}" for pk in wanted if pk not in found]
        if missing:
            # The same words for a child who does not exist and one the user may not see.
            form.add_error("children", f"No child you can see has the Kith ID {', '.join(missing)}")
        else:
            try:
                made = actions.record_allegation([found[pk] for pk in wanted], **data, by=user)
            except NotAllowed as refused:
                raise Http404("No such page") from refused
            except RuleBroken as broken:
                show_problems(form, broken)
            else:
                messages.success(request, f"Allegation {made.reference} recorded")
                return redirect("lado:allegation", made.pk)
    return render(request, "lado/record_allegation.html", {"form": form})


@require_http_methods(["GET", "POST"])
def record_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    allegation = get_allegation_for_user_or_404(user, pk, page=request.path, manage=True)
    form = DecisionForm(request.POST or None, initial={"decided_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_lado_decision(allegation, **form.cleaned_data, by=user)
        except NotAllowed as refused:
            raise Http404("No such allegation") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Decision recorded")
            return redirect("lado:allegation", allegation.pk)
    context = {"allegation": allegation, "form": form, "heading": "Record a decision", "submit": "Record decision"}
    return render(request, "lado/form.html", context)


@require_http_methods(["GET", "POST"])
def close_allegation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    allegation = get_allegation_for_user_or_404(user, pk, page=request.path, manage=True)
    form = CloseAllegationForm(request.POST or None, initial={"closed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.close_allegation(allegation, **form.cleaned_data, by=user)
        except NotAllowed as refused:
            raise Http404("No such allegation") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Outcome recorded")
            return redirect("lado:allegation", allegation.pk)
    context = {"allegation": allegation, "form": form, "heading": "Record the outcome", "submit": "Record outcome"}
    return render(request, "lado/form.html", context)
