"""Adoption pages: the decision, the plan's page, authority to place, the match, the placement, reviews, the
decision ceasing and the adoption order. Each parses a form, calls one action, and redirects; refusals keep
what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.adoption import actions, queries
from kith.adoption.access import (
    can_record_adoption_decision,
    can_record_adoption_work,
    get_plan_for_user_or_404,
)
from kith.adoption.forms import (
    AdoptionOrderForm,
    AuthorityForm,
    CeasedForm,
    DecisionForm,
    MatchForm,
    PlacedForm,
    ReviewForm,
)
from kith.adoption.models import AdoptionPlan
from kith.children_in_care.access import get_period_for_user_or_404
from kith.children_in_care.queries import current_placement
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.form_problems import run_action


def _form_page(
    request: AuthenticatedRequest, form: Form, *, child: Any, heading: str, submit: str, cancel: str, **extra: Any
) -> HttpResponse:
    context = {"form": form, "child": child, "heading": heading, "submit": submit, "cancel": cancel, **extra}
    return render(request, "adoption/form.html", context)


def _plan_page(plan: AdoptionPlan) -> str:
    return reverse("adoption:plan", args=[plan.pk])


@require_http_methods(["GET", "POST"])
def new_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_adoption_decision)
    form = DecisionForm(request.POST or None, initial={"decided_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = run_action(
            form,
            lambda: actions.record_adoption_decision(
                period,
                decided_on=data["decided_on"],
                decision_maker=data["decision_maker"],
                reasons=data["reasons"],
                panel_recommended_on=data["panel_recommended_on"],
                raa_notified_on=data["raa_notified_on"],
                regional_adoption_agency=data["regional_adoption_agency"],
                by=request.user,
            ),
        )
        if plan is not None:
            messages.success(request, "Decision recorded")
            return redirect(_plan_page(plan))
    return _form_page(
        request,
        form,
        child=period.child,
        heading="Decision that the child should be placed for adoption",
        submit="Record the decision",
        cancel=reverse("people:casework", args=[period.child.pk]),
    )


@require_GET
def plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_plan_for_user_or_404(request.user, pk, page=request.path)
    child = found.child
    context = {
        "plan": found,
        "child": child,
        "reviews": list(queries.reviews_of(found)),
        "timeliness": queries.timeliness(found, today=clock.today()),
        "next_review": queries.next_review_due(found.period) if found.is_open else None,
        "placement": current_placement(found.period) if found.period.ended_on is None else None,
        "may_record": can_record_adoption_work(request.user, child),
        "may_decide": can_record_adoption_decision(request.user, child),
    }
    return render(request, "adoption/plan.html", context)


def _stage(
    request: AuthenticatedRequest,
    pk: int,
    *,
    form_class: type[Form],
    allowed: Callable[[Any, Any], bool],
    do: Callable[[AdoptionPlan, Form], Any],
    heading: str,
    submit: str,
    done: str,
    **extra: Any,
) -> HttpResponse:
    """A form about one stage of the plan: parse it, call the action, back to the plan's page."""
    found = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=allowed)
    form = form_class(request.POST or None, initial={"given_on": clock.today(), "made_on": clock.today()})
    if request.method == "POST" and form.is_valid() and run_action(form, lambda: do(found, form)) is not None:
        messages.success(request, done)
        return redirect(_plan_page(found))
    return _form_page(
        request, form, child=found.child, heading=heading, submit=submit, cancel=_plan_page(found), **extra
    )


@require_http_methods(["GET", "POST"])
def authority(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def do(found: AdoptionPlan, form: Form) -> Any:
        data = form.cleaned_data
        return actions.record_authority_to_place(found, basis=data["basis"], given_on=data["given_on"], by=request.user)

    return _stage(
        request,
        pk,
        form_class=AuthorityForm,
        allowed=can_record_adoption_work,
        do=do,
        heading="Authority to place for adoption",
        submit="Record the authority",
        done="Authority to place recorded",
        intro="A placement order is recorded first as the child's legal status (E1), from the day it was made.",
    )


@require_http_methods(["GET", "POST"])
def match(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def do(found: AdoptionPlan, form: Form) -> Any:
        assert isinstance(form, MatchForm)
        return actions.record_adoption_match(found, match=form.match(), by=request.user)

    return _stage(
        request,
        pk,
        form_class=MatchForm,
        allowed=can_record_adoption_work,
        do=do,
        heading="Match with prospective adopters",
        submit="Record the match",
        done="Match recorded",
    )


@require_http_methods(["GET", "POST"])
def placed(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Confirm the child's current placement (made by a move to A3–A6) as the placement for adoption."""
    found = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_adoption_work)
    form = PlacedForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_action(form, lambda: actions.record_placed_for_adoption(found, by=request.user)) is not None
    ):
        messages.success(request, "Placement for adoption recorded")
        return redirect(_plan_page(found))
    placement = current_placement(found.period)
    now = (
        f"The child's placement now: {placement.get_placement_type_display()} ({placement.placement_type}) with "
        f"{placement.carer}, from {long_date(placement.started_on)}."
        if placement is not None
        else "The child has no current placement."
    )
    return _form_page(
        request,
        form,
        child=found.child,
        heading="Placed for adoption",
        submit="Record the placement for adoption",
        cancel=_plan_page(found),
        intro=f"{now} Move the child to their adoptive placement (A3 to A6) first if they have not moved yet.",
    )


@require_http_methods(["GET", "POST"])
def ceased(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def do(found: AdoptionPlan, form: Form) -> Any:
        data = form.cleaned_data
        return actions.record_adoption_decision_ceased(
            found, ceased_on=data["ceased_on"], reason=data["reason"], why=data["why"], by=request.user
        )

    return _stage(
        request,
        pk,
        form_class=CeasedForm,
        allowed=can_record_adoption_decision,
        do=do,
        heading="Decision that the child should no longer be placed for adoption",
        submit="Record the decision",
        done="Decision recorded",
    )


@require_http_methods(["GET", "POST"])
def adoption_order(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def do(found: AdoptionPlan, form: Form) -> Any:
        data = form.cleaned_data
        return actions.record_adoption_order(
            found, made_on=data["made_on"], reason_ceased=data["reason_ceased"], by=request.user
        )

    return _stage(
        request,
        pk,
        form_class=AdoptionOrderForm,
        allowed=can_record_adoption_work,
        do=do,
        heading="Adoption order",
        submit="Record the adoption order",
        done="Adoption order recorded",
        intro="The child stops being looked after on the day the order is made.",
    )


@require_http_methods(["GET", "POST"])
def new_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """An adoption review, from the period of care (the adoption clocks' subject), for the plan open in it."""
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_adoption_work)
    found = queries.open_plan(period)
    if found is None:
        raise Http404("No adoption plan in force")
    form = ReviewForm(request.POST or None, initial={"held_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        review = run_action(
            form,
            lambda: actions.record_adoption_review(
                found,
                held_on=data["held_on"],
                child_views=data["child_views"],
                progress=data["progress"],
                decisions=data["decisions"],
                by=request.user,
            ),
        )
        if review is not None:
            messages.success(request, "Adoption review recorded")
            return redirect(_plan_page(found))
    return _form_page(
        request,
        form,
        child=period.child,
        heading="Record an adoption review",
        submit="Record the review",
        cancel=_plan_page(found),
    )
