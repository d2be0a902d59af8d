"""Health pages: record a health assessment, a dental check, immunisations, an SDQ; an assessment's page.
Each parses a form, calls one action, and redirects; refusals keep what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.children_in_care.access import get_period_for_user_or_404
from kith.health import actions, queries
from kith.health.access import can_record_health, get_assessment_for_user_or_404
from kith.health.forms import DentalCheckForm, HealthAssessmentForm, ImmunisationsForm, SdqForm, yes_no_or_none
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def _casework(child: Any) -> str:
    return reverse("people:casework", args=[child.pk])


def _run(form: Form, doing: Callable[[], Any]) -> Any:
    """Call the action; a refusal shows on the form, a forbidden one is "not found"."""
    try:
        return doing()
    except NotAllowed as refused:
        raise Http404("Not found") from refused
    except RuleBroken as broken:
        show_problems(form, broken)
        return None


def _form_page(
    request: AuthenticatedRequest, form: Form, *, child: Any, heading: str, submit: str, intro: str = ""
) -> HttpResponse:
    context = {
        "form": form,
        "child": child,
        "heading": heading,
        "caption": child.full_name,
        "intro": intro,
        "submit": submit,
        "cancel": _casework(child),
    }
    return render(request, "health/form.html", context)


@require_http_methods(["GET", "POST"])
def new_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    previous = queries.last_assessment(period)
    form = HealthAssessmentForm(request.POST or None, initial={"assessed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assessment = _run(
            form,
            lambda: actions.record_health_assessment(
                period,
                assessed_on=data["assessed_on"],
                assessor_name=data["assessor_name"],
                assessor_role=data["assessor_role"],
                child_seen=data["child_seen"] == "yes",
                outcomes=data["outcomes"],
                health_plan=data["health_plan"],
                risk_discussion=data["risk_discussion"],
                substance_misuse=yes_no_or_none(data["substance_misuse"]),
                intervention_received=yes_no_or_none(data["intervention_received"]),
                intervention_offered=yes_no_or_none(data["intervention_offered"]),
                by=request.user,
            ),
        )
        if assessment is not None:
            messages.success(request, "Health assessment recorded")
            return redirect("health:assessment", assessment.pk)
    if previous is None:
        intro = "This is the initial health assessment of this period of care: a doctor carries it out."
    else:
        intro = f"This is a review health assessment; the last was on {long_date(previous.assessed_on)}."
    return _form_page(
        request, form, child=period.child, heading="Record a health assessment", submit="Save", intro=intro
    )


@require_GET
def assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_assessment_for_user_or_404(request.user, pk, page=request.path)
    return render(request, "health/assessment.html", {"assessment": found, "child": found.child})


@require_http_methods(["GET", "POST"])
def new_dental_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = DentalCheckForm(request.POST or None, initial={"checked_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            form,
            lambda: actions.record_dental_check(
                period, checked_on=data["checked_on"], dentist=data["dentist"], notes=data["notes"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Dental check recorded")
            return redirect(_casework(period.child))
    return _form_page(request, form, child=period.child, heading="Record a dental check", submit="Save")


@require_http_methods(["GET", "POST"])
def new_immunisations(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = ImmunisationsForm(request.POST or None, initial={"checked_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            form,
            lambda: actions.record_immunisations(
                period,
                checked_on=data["checked_on"],
                up_to_date=data["up_to_date"] == "yes",
                outstanding=data["outstanding"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Immunisations recorded")
            return redirect(_casework(period.child))
    return _form_page(request, form, child=period.child, heading="Record immunisations", submit="Save")


@require_http_methods(["GET", "POST"])
def new_sdq(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = SdqForm(request.POST or None, initial={"completed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _run(
            form,
            lambda: actions.record_sdq(
                period,
                completed_on=data["completed_on"],
                score=data["score"],
                completed_by=data["completed_by"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "SDQ score recorded")
            return redirect(_casework(period.child))
    return _form_page(
        request,
        form,
        child=period.child,
        heading="Record a Strengths and Difficulties Questionnaire",
        submit="Save",
        intro="The total difficulties score of the carer's questionnaire, for children aged 4 to 16.",
    )
