"""Health pages: record a health assessment, a dental check, immunisations, an SDQ; an assessment's page.
Each parses a form, calls one action, and redirects; refusals keep what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.children_in_care.access import get_period_for_user_or_404
from kith.health import actions, queries
from kith.health.access import (
    can_record_health,
    can_view_health,
    get_assessment_for_user_or_404,
    get_pregnancy_for_user_or_404,
)
from kith.health.forms import (
    DentalCheckForm,
    HealthAssessmentForm,
    ImmunisationsForm,
    PassportGivenForm,
    PregnancyForm,
    PregnancyOutcomeForm,
    QualityCheckForm,
    ScrutinyForm,
    SdqForm,
    yes_no_or_none,
)
from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.documents.pdf import pdf_response
from kith.platform.form_problems import run_action


def _casework(child: Any) -> str:
    return reverse("people:casework", args=[child.pk])


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
        assessment = run_action(
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
                child_views_on_services=data["child_views_on_services"],
                out_of_area=data["out_of_area"] == "yes",
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
    context = {"assessment": found, "child": found.child, "may_record": can_record_health(request.user, found.child)}
    return render(request, "health/assessment.html", context)


@require_http_methods(["GET", "POST"])
def quality_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_assessment_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = QualityCheckForm(request.POST or None, initial={"checked_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_assessment_quality_check(
                found,
                checked_on=data["checked_on"],
                checked_by=data["checked_by"],
                meets_standard=yes_no_or_none(data["meets_standard"]),
                notes=data["notes"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Quality check recorded")
            return redirect("health:assessment", found.pk)
    return _form_page(
        request,
        form,
        child=found.child,
        heading="Record the quality check",
        submit="Save",
        intro=f"The {found.get_kind_display().lower()} of {long_date(found.assessed_on)} by {found.assessor_name}.",
    )


@require_http_methods(["GET", "POST"])
def scrutiny(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_assessment_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = ScrutinyForm(request.POST or None, initial={"scrutinised_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_out_of_area_scrutiny(
                found,
                scrutinised_on=data["scrutinised_on"],
                scrutinised_by=data["scrutinised_by"],
                outcome=data["outcome"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Scrutiny recorded")
            return redirect("health:assessment", found.pk)
    return _form_page(
        request,
        form,
        child=found.child,
        heading="Record the scrutiny of the out-of-area forms",
        submit="Save",
        intro=f"The {found.get_kind_display().lower()} of {long_date(found.assessed_on)} by {found.assessor_name}.",
    )


@require_http_methods(["GET", "POST"])
def new_pregnancy(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = PregnancyForm(request.POST or None, initial={"known_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_pregnancy(
                period, known_on=data["known_on"], support=data["support"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Pregnancy recorded")
            return redirect(_casework(period.child))
    return _form_page(request, form, child=period.child, heading="Record a pregnancy", submit="Save")


@require_http_methods(["GET", "POST"])
def pregnancy_outcome(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pregnancy = get_pregnancy_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = PregnancyOutcomeForm(request.POST or None, initial={"outcome_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_pregnancy_outcome(
                pregnancy,
                outcome=data["outcome"],
                outcome_on=data["outcome_on"],
                notes=data["notes"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Outcome recorded")
            return redirect(_casework(pregnancy.child))
    return _form_page(
        request,
        form,
        child=pregnancy.child,
        heading="Record how the pregnancy ended",
        submit="Save",
        intro=f"The pregnancy known on {long_date(pregnancy.known_on)}.",
    )


@require_GET
def passport_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The young person's health passport, as a tagged PDF in words for them; logged as a print."""
    child = get_person_for_user_or_404(
        request.user, pk, page=request.path, allowed=can_view_health, what=AccessLogEntry.What.PRINT
    )
    if not child.is_child:
        raise Http404("Health passports are for young people")
    context = {
        "child": child,
        "name": child.preferred_name or child.given_name,
        "today": clock.today(),
        **queries.health_history(child),
    }
    return pdf_response(request, "health/passport_pdf.html", context, filename=f"health-passport-{child.pk}.pdf")


@require_http_methods(["GET", "POST"])
def passport_given(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = PassportGivenForm(request.POST or None, initial={"given_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form,
            lambda: actions.record_health_passport_given(
                child, given_on=form.cleaned_data["given_on"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Health passport recorded as given")
            return redirect(_casework(child))
    return _form_page(
        request,
        form,
        child=child,
        heading="Record the health passport given",
        submit="Save",
        intro="The day the young person was given their health history (print it from the link on the Case work "
        "tab first).",
    )


@require_http_methods(["GET", "POST"])
def new_dental_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_health)
    form = DentalCheckForm(request.POST or None, initial={"checked_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
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
        done = run_action(
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
        done = run_action(
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
