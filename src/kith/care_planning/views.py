"""Care plan pages: agree a version of the plan, record the copy given to the child, permanence planning
meetings, and the plan's page. Each parses a form, calls one action, and redirects; refusals keep what
was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.care_planning import actions, queries
from kith.care_planning.forms import CarePlanForm, CopyGivenForm, PermanenceMeetingForm
from kith.care_planning.models import CarePlan, PermanencePlan
from kith.children_in_care.access import (
    can_record_children_in_care,
    can_view_children_in_care,
    get_period_for_user_or_404,
)
from kith.people.access import get_person_for_user_or_404
from kith.plans.models import Objective
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.access.roles import MANAGER_ROLES, Role
from kith.platform.calendar.working_days import long_date
from kith.platform.documents.pdf import pdf_response
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import run_action
from kith.workforce.models import StaffMember


def _plan_for_user_or_404(request: AuthenticatedRequest, pk: int, allowed: Callable[[Any, Any], bool]) -> CarePlan:
    plan = get_object_or_404(CarePlan, pk=pk)
    plan.child = get_person_for_user_or_404(request.user, plan.child_id, page=request.path, allowed=allowed)
    return plan


@require_http_methods(["GET", "POST"])
def agree(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    in_force = queries.care_plan_in_force(period.child)
    initial: dict[str, Any] = {"agreed_on": clock.today()}
    if in_force is not None:
        # A new version starts from the one in force: the worker changes what has changed.
        for name in (
            "why_looked_after",
            "permanence_plan",
            "permanence_target_on",
            "contingency",
            "family_time",
            "sibling_contact",
            "child_views",
        ):
            initial[name] = getattr(in_force, name)
    form_key = f"care_planning.care_plan:{period.pk}"
    form = form_with_draft(request, form_key, CarePlanForm, initial=initial)
    if request.method == "POST" and form.is_valid():
        objectives = form.objectives()
        if form.is_valid():
            plan = run_action(
                form,
                lambda: actions.agree_care_plan(
                    period,
                    agreed_on=form.cleaned_data["agreed_on"],
                    details=form.details(),
                    objectives=objectives,
                    by=request.user,
                ),
            )
            if plan is not None:
                discard_draft(request.user, form_key)
                messages.success(request, f"Care plan agreed on {long_date(plan.agreed_on)}")
                return redirect("care_planning:care_plan", plan.pk)
    context = {
        "form": form,
        "form_key": form_key,
        "period": period,
        "child": period.child,
        "in_force": in_force,
        "carried_over": list(
            Objective.objects.filter(care_plan=in_force, achieved_on__isnull=True, withdrawn_on__isnull=True)
        )
        if in_force
        else [],
    }
    return render(request, "care_planning/agree.html", context)


@require_GET
def care_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = _plan_for_user_or_404(request, pk, can_view_children_in_care)
    context = {
        "plan": plan,
        "child": plan.child,
        "objectives": list(Objective.objects.filter(care_plan=plan).order_by("target_date", "pk")),
        "may_record": can_record_children_in_care(request.user, plan.child),
        "copy_form": CopyGivenForm(initial={"given_on": clock.today()}),
    }
    return render(request, "care_planning/care_plan.html", context)


@require_http_methods(["POST"])
def copy_given(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = _plan_for_user_or_404(request, pk, can_record_children_in_care)
    form = CopyGivenForm(request.POST)
    given = (
        run_action(
            form,
            lambda: actions.record_care_plan_given_to_child(
                plan, given_on=form.cleaned_data["given_on"], by=request.user
            ),
        )
        if form.is_valid()
        else None
    )
    if given is not None:
        messages.success(request, "Recorded")
        return redirect("care_planning:care_plan", plan.pk)
    context = {
        "plan": plan,
        "child": plan.child,
        "objectives": list(Objective.objects.filter(care_plan=plan).order_by("target_date", "pk")),
        "may_record": True,
        "copy_form": form,
    }
    return render(request, "care_planning/care_plan.html", context)


@require_http_methods(["GET", "POST"])
def permanence_meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    chairs = StaffMember.objects.filter(is_active=True, role__in=[Role.IRO, *MANAGER_ROLES]).order_by("full_name")
    form = PermanenceMeetingForm(
        request.POST or None,
        chairs=[(str(each.pk), f"{each.full_name} ({each.get_role_display()})") for each in chairs],
        initial={"held_on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = run_action(
            form,
            lambda: actions.hold_permanence_meeting(
                period,
                held_on=data["held_on"],
                chair=chairs.get(pk=int(data["chair"])),
                attendees=data["attendees"],
                decisions=data["decisions"],
                next_meeting_on=data.get("next_meeting_on"),
                by=request.user,
            ),
        )
        if meeting is not None:
            messages.success(request, "Permanence planning meeting recorded")
            return redirect(reverse("people:casework", args=[period.child.pk]))
    context = {
        "form": form,
        "child": period.child,
        "heading": "Permanence planning meeting",
        "caption": period.child.full_name,
        "submit": "Record the meeting",
        "cancel": reverse("people:casework", args=[period.child.pk]),
    }
    return render(request, "ui/simple_form.html", context)


# How the plan for permanence reads to the child.
PERMANENCE_FOR_THE_CHILD = {
    PermanencePlan.RETURN_HOME: "The plan is for you to go back to live with your family",
    PermanencePlan.SPECIAL_GUARDIANSHIP: "The plan is for you to live with someone who will be your special guardian",
    PermanencePlan.CHILD_ARRANGEMENTS: "The plan is for you to live with someone under a child arrangements order",
    PermanencePlan.ADOPTION: "The plan is for you to be adopted by a family who will be yours for life",
    PermanencePlan.LONG_TERM_FOSTERING: "The plan is for you to stay with foster carers until you are grown up",
    PermanencePlan.RESIDENTIAL: "The plan is for you to live in a children's home that can meet your needs",
    PermanencePlan.INDEPENDENCE: (
        "The plan is to help you get ready to live on your own, or to stay with your carers after 18"
    ),
    PermanencePlan.TO_BE_DECIDED: "The plan for your future is still being worked out",
}


@require_GET
def child_copy_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child's copy of this version of the plan, as a tagged PDF; logged as a print."""
    plan = get_object_or_404(CarePlan, pk=pk)
    plan.child = get_person_for_user_or_404(
        request.user,
        plan.child_id,
        page=request.path,
        allowed=can_view_children_in_care,
        what=AccessLogEntry.What.PRINT,
    )
    context = {
        "plan": plan,
        "child": plan.child,
        "name": plan.child.preferred_name or plan.child.given_name,
        "permanence": PERMANENCE_FOR_THE_CHILD[PermanencePlan(plan.permanence_plan)],
        "objectives": list(Objective.objects.filter(care_plan=plan, withdrawn_on__isnull=True).order_by("target_date")),
    }
    return pdf_response(request, "care_planning/child_copy_pdf.html", context, filename=f"care-plan-{plan.pk}.pdf")
