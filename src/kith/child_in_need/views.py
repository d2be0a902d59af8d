"""Child in need pages: start a plan, the plan, its review, sharing it, ending it, and the family's copy."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kith.child_in_need import queries
from kith.child_in_need.access import can_record_child_in_need, get_plan_for_user_or_404
from kith.child_in_need.actions import (
    end_child_in_need_plan,
    record_plan_shared_with_family,
    review_child_in_need_plan,
    start_child_in_need_plan,
)
from kith.child_in_need.forms import ChildInNeedPlanForm, EndPlanForm, ReviewForm, SharedWithFamilyForm
from kith.people.access import get_person_for_user_or_404, staff_of
from kith.plans.queries import objective_rows
from kith.plans.records import open_objectives
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.documents.pdf import pdf_response
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def _plan_form_key(child_pk: int) -> str:
    return f"child_in_need.plan:{child_pk}"


@require_http_methods(["GET", "POST"])
def start_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Start a child in need plan with its objectives (R-043, R-044); refused while another plan is open."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_child_in_need)
    referral = queries.open_referral(child)
    form_key = _plan_form_key(child.pk)
    if request.method == "POST":
        adding_a_row = "add_row" in request.POST
        form = ChildInNeedPlanForm(request.POST, add_row=adding_a_row)
        if adding_a_row:
            form.errors.clear()  # the same form with one more row; nothing is checked yet
        elif form.is_valid() and referral is not None:
            data = form.cleaned_data
            try:
                plan = start_child_in_need_plan(
                    referral,
                    started_on=data["started_on"],
                    summary_for_family=data["summary_for_family"],
                    contingency=data["contingency"],
                    lead_professional=data["lead_professional"],
                    first_review_on=data["first_review_on"],
                    objectives=form.objectives(),
                    by=user,
                )
            except NotAllowed as refused:
                raise Http404("No such record") from refused
            except RuleBroken as broken:
                show_problems(form, broken)
            else:
                discard_draft(user, form_key)
                messages.success(request, f"Child in need plan started for {child.full_name}")
                return redirect("child_in_need:plan", plan.pk)
    else:
        staff = staff_of(user)
        form = form_with_draft(
            request,
            form_key,
            ChildInNeedPlanForm,
            initial={"started_on": clock.today(), "lead_professional": staff.full_name if staff else ""},
        )
    context = {
        "child": child,
        "referral": referral,
        "form": form,
        "form_key": form_key,
        "child_protection_plan": queries.open_child_protection_plan(child),
        "current": queries.open_plan(child),
    }
    return render(request, "child_in_need/start_plan.html", context)


@require_GET
def plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan: objectives with their latest progress, reviews, visits and what is due next."""
    found = get_plan_for_user_or_404(request.user, pk, page=request.path)
    deadline = queries.visit_deadline(found) if found.ended_on is None else None
    context = {
        "plan": found,
        "child": found.child,
        "rows": objective_rows(found),
        "reviews": list(found.reviews.select_related("recorded_by").order_by("-held_on", "-pk")),
        "visits": queries.visits_under(found),
        "next_visit": deadline,
        "visit_interval": queries.interval_in_words(deadline) if deadline else "",
        "can_record": found.ended_on is None and can_record_child_in_need(request.user, found.child),
    }
    return render(request, "child_in_need/plan.html", context)


@require_http_methods(["GET", "POST"])
def review_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_child_in_need)
    still_open = list(open_objectives(found))
    form = ReviewForm(request.POST or None, objectives=still_open, initial={"held_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review_child_in_need_plan(
                found,
                held_on=data["held_on"],
                attendees=data["attendees"],
                child_views=data["child_views"],
                parents_views=data["parents_views"],
                decisions=data["decisions"],
                progress=form.progress(),
                plan_continues=data["plan_continues"] == "yes",
                next_review_on=data["next_review_on"],
                by=request.user,
            )
        except NotAllowed as refused:
            raise Http404("No such plan") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Review recorded")
            return redirect("child_in_need:plan", found.pk)
    return render(request, "child_in_need/review_plan.html", {"plan": found, "child": found.child, "form": form})


@require_http_methods(["GET", "POST"])
def end_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_child_in_need)
    form = EndPlanForm(request.POST or None, initial={"ended_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            end_child_in_need_plan(
                found,
                ended_on=form.cleaned_data["ended_on"],
                end_reason=form.cleaned_data["end_reason"],
                by=request.user,
            )
        except NotAllowed as refused:
            raise Http404("No such plan") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Child in need plan ended")
            return redirect("child_in_need:plan", found.pk)
    return render(request, "child_in_need/end_plan.html", {"plan": found, "child": found.child, "form": form})


@require_http_methods(["GET", "POST"])
def record_shared(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_child_in_need)
    form = SharedWithFamilyForm(request.POST or None, initial={"shared_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            record_plan_shared_with_family(found, shared_on=form.cleaned_data["shared_on"], by=request.user)
        except NotAllowed as refused:
            raise Http404("No such plan") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Recorded that the family were given the plan")
            return redirect("child_in_need:plan", found.pk)
    return render(request, "child_in_need/record_shared.html", {"plan": found, "child": found.child, "form": form})


@require_GET
def family_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan written for the family to read and keep (R-013, R-047): printable, and logged as a print."""
    return render(request, "child_in_need/family_plan.html", _family_plan_context(request, pk))


@require_http_methods(["GET"])
def family_plan_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The family's copy as a tagged PDF to give or send them; logged as a print."""
    context = _family_plan_context(request, pk)
    return pdf_response(request, "child_in_need/family_plan_pdf.html", context, filename=f"child-in-need-plan-{pk}.pdf")


def _family_plan_context(request: AuthenticatedRequest, pk: int) -> dict[str, Any]:
    found = get_plan_for_user_or_404(request.user, pk, page=request.path, what=AccessLogEntry.What.PRINT)
    rows = [row for row in objective_rows(found) if row.objective.withdrawn_on is None]
    return {"plan": found, "child": found.child, "rows": rows, "today": clock.today()}
