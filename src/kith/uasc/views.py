"""UASC pages: record a child as UASC, their age assessment, each step of the claim, and the end of UASC status.
Each form calls one action and returns to the child's case work; refusals keep what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import run_action
from kith.uasc import actions
from kith.uasc.access import can_record_uasc, get_record_for_user_or_404
from kith.uasc.forms import AgeAssessmentForm, CeasedForm, ImmigrationStatusForm, RecordUascForm


def _page(request: AuthenticatedRequest, form: Form, *, child: Any, heading: str) -> HttpResponse:
    context = {"form": form, "child": child, "heading": heading, "caption": child.full_name, "submit": "Save"}
    return render(request, "uasc/form.html", context)


@require_http_methods(["GET", "POST"])
def new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_uasc)
    form = RecordUascForm(request.POST or None, initial={"became_uasc_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_uasc(
                child,
                became_uasc_on=data["became_uasc_on"],
                home_office_reference=data["home_office_reference"],
                age_disputed=data["age_disputed"],
                transferred_from=data["transferred_from"],
                transferred_on=data["transferred_on"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, f"{child.full_name} recorded as an unaccompanied asylum-seeking child")
            return redirect("people:casework", child.pk)
    return _page(request, form, child=child, heading="Record as an unaccompanied asylum-seeking child")


@require_http_methods(["GET", "POST"])
def age_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    record = get_record_for_user_or_404(request.user, pk, page=request.path)
    form = AgeAssessmentForm(request.POST or None, initial={"assessed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_age_assessment(
                record, assessed_on=data["assessed_on"], outcome=data["outcome"], notes=data["notes"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Age assessment recorded")
            return redirect("people:casework", record.child.pk)
    return _page(request, form, child=record.child, heading="Record an age assessment")


@require_http_methods(["GET", "POST"])
def immigration_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    record = get_record_for_user_or_404(request.user, pk, page=request.path)
    form = ImmigrationStatusForm(request.POST or None, initial={"changed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_immigration_status(
                record, status=data["status"], changed_on=data["changed_on"], notes=data["notes"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Immigration status recorded")
            return redirect("people:casework", record.child.pk)
    return _page(request, form, child=record.child, heading="Record a change of immigration status")


@require_http_methods(["GET", "POST"])
def ceased(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    record = get_record_for_user_or_404(request.user, pk, page=request.path)
    form = CeasedForm(request.POST or None, initial={"ceased_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_uasc_ceased(
                record, ceased_on=data["ceased_on"], reason=data["reason"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "The end of UASC status recorded")
            return redirect("people:casework", record.child.pk)
    return _page(request, form, child=record.child, heading="Record that UASC status ceased")
