"""A plan's objectives: the list with all progress, adding one and withdrawing one (CIN or CP plans)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.plans.access import (
    can_change_objectives,
    get_objective_for_user_or_404,
    get_plan_for_user_or_404,
)
from kith.plans.actions import add_objective as add_objective_action
from kith.plans.actions import withdraw_objective as withdraw_objective_action
from kith.plans.forms import ObjectiveForm, WithdrawObjectiveForm
from kith.plans.queries import CHILD_IN_NEED, kind_of, objective_rows, plan_name, plan_of
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def plan_url(plan: Any) -> str:
    """The plan's own page: the child in need plan page, the child protection plan page when that
    area has one, else this app's list of the plan's objectives."""
    kind = kind_of(plan)
    if kind == CHILD_IN_NEED:
        return reverse("child_in_need:plan", args=[plan.pk])
    try:
        return reverse("child_protection:plan", args=[plan.pk])
    except NoReverseMatch:
        return reverse("plans:objectives", args=[kind, plan.pk])


@require_GET
def objectives(request: AuthenticatedRequest, kind: str, pk: int) -> HttpResponse:
    """Every objective of the plan, with each progress update (R-043, R-044, R-004)."""
    plan = get_plan_for_user_or_404(request.user, kind, pk, page=request.path)
    context = {
        "child": plan.child,
        "plan": plan,
        "kind": kind,
        "plan_name": plan_name(plan),
        "plan_url": plan_url(plan),
        "rows": objective_rows(plan),
        "can_change": plan.ended_on is None and can_change_objectives(request.user, plan.child),
    }
    return render(request, "plans/objectives.html", context)


@require_http_methods(["GET", "POST"])
def add_objective(request: AuthenticatedRequest, kind: str, pk: int) -> HttpResponse:
    plan = get_plan_for_user_or_404(request.user, kind, pk, page=request.path, allowed=can_change_objectives)
    form = ObjectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = add_objective_action(plan, form.details(), by=request.user)
        except NotAllowed as refused:
            raise Http404("No such plan") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, f"Objective added: {added.action}")
            return redirect(plan_url(plan))
    context = {"child": plan.child, "plan": plan, "kind": kind, "plan_name": plan_name(plan), "form": form}
    context["plan_url"] = plan_url(plan)
    return render(request, "plans/add_objective.html", context)


@require_http_methods(["GET", "POST"])
def withdraw_objective(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    objective = get_objective_for_user_or_404(request.user, pk, page=request.path, allowed=can_change_objectives)
    plan = plan_of(objective)
    form = WithdrawObjectiveForm(request.POST or None, initial={"on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_objective_action(
                objective, on=form.cleaned_data["on"], reason=form.cleaned_data["reason"], by=request.user
            )
        except NotAllowed as refused:
            raise Http404("No such objective") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, f"Objective withdrawn: {objective.action}")
            return redirect(plan_url(plan))
    context = {
        "child": plan.child,
        "plan": plan,
        "plan_name": plan_name(plan),
        "plan_url": plan_url(plan),
        "objective": objective,
        "form": form,
    }
    return render(request, "plans/withdraw_objective.html", context)
