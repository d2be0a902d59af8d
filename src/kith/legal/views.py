"""Pre-proceedings and court pages: access check, form, one action, redirect to the child's legal page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.legal import actions
from kith.legal.access import (
    can_decide_legal,
    can_record_court_work,
    can_view_legal,
    can_view_tracker,
    get_pre_proceedings_for_user_or_404,
    get_proceedings_for_user_or_404,
    pre_proceedings_visible_to,
    proceedings_visible_to,
)
from kith.legal.forms import (
    CareApplicationForm,
    ConcludeProceedingsForm,
    EndPreProceedingsForm,
    EnterPreProceedingsForm,
    FamilyGroupMeetingForm,
    HearingForm,
    LetterBeforeProceedingsForm,
    PreProceedingsMeetingForm,
)
from kith.legal.queries import court_tracker, pre_proceedings_of, pre_proceedings_tracker, proceedings_of
from kith.people.access import get_person_for_user_or_404
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def _form_page(
    request: AuthenticatedRequest,
    *,
    child: Person,
    form: forms.Form,
    heading: str,
    submit: str,
    intro: str = "",
    record: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """The one shape of every form here: on a valid post call the action, else show the form with its problems."""
    if request.method == "POST" and form.is_valid():
        try:
            record(form.cleaned_data)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, done)
            return redirect("legal:child", child.pk)
    context = {"child": child, "form": form, "heading": heading, "submit": submit, "intro": intro}
    return render(request, "legal/form.html", context)


@require_http_methods(["GET"])
def child_legal(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child's pre-proceedings and court history, with the decisions and their reasons."""
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_view_legal)
    periods = list(pre_proceedings_of(person))
    context = {
        "child": person,
        "periods": periods,
        "applications": list(proceedings_of(person)),
        "in_pre_proceedings": any(period.is_open for period in periods),
        "may_record": can_record_court_work(user, person),
        "may_decide": can_decide_legal(user, person),
    }
    return render(request, "legal/child.html", context)


@require_http_methods(["GET"])
def tracker(request: AuthenticatedRequest) -> HttpResponse:
    """Children in pre-proceedings, longest first, flagged past the local limit; and open court applications."""
    user = request.user
    if not can_view_tracker(user):
        raise Http404("No such page")
    today = clock.today()
    context = {
        "today": today,
        "rows": pre_proceedings_tracker(pre_proceedings_visible_to(user), on=today),
        "court_rows": court_tracker(proceedings_visible_to(user), on=today),
    }
    return render(request, "legal/tracker.html", context)


@require_http_methods(["GET", "POST"])
def enter_pre_proceedings(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_decide_legal)
    form = EnterPreProceedingsForm(request.POST or None, initial={"entered_on": clock.today()})
    return _form_page(
        request,
        child=person,
        form=form,
        heading="Enter pre-proceedings",
        intro="Your decision, your reasons and your name are shown on the child's legal page and in the chronology.",
        submit="Record decision",
        record=lambda data: actions.start_pre_proceedings(
            person, entered_on=data["entered_on"], reason=data["reason"], by=user
        ),
        done=f"{person.full_name} entered pre-proceedings",
    )


@require_http_methods(["GET", "POST"])
def send_letter(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    period = get_pre_proceedings_for_user_or_404(user, pk, page=request.path, allowed=can_record_court_work)
    form = LetterBeforeProceedingsForm(request.POST or None, initial={"sent_on": clock.today()})
    return _form_page(
        request,
        child=period.child,
        form=form,
        heading="Record the letter before proceedings",
        submit="Record letter",
        record=lambda data: actions.send_letter_before_proceedings(period, **data, by=user),
        done="Letter before proceedings recorded",
    )


@require_http_methods(["GET", "POST"])
def record_meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    period = get_pre_proceedings_for_user_or_404(user, pk, page=request.path, allowed=can_record_court_work)
    form = PreProceedingsMeetingForm(request.POST or None, initial={"held_on": clock.today()})
    return _form_page(
        request,
        child=period.child,
        form=form,
        heading="Record a pre-proceedings meeting",
        submit="Record meeting",
        record=lambda data: actions.record_pre_proceedings_meeting(period, **data, by=user),
        done="Pre-proceedings meeting recorded",
    )


@require_http_methods(["GET", "POST"])
def record_family_meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    period = get_pre_proceedings_for_user_or_404(user, pk, page=request.path, allowed=can_record_court_work)
    initial = {"offered_on": period.family_meeting_offered_on, "held_on": period.family_meeting_held_on}
    form = FamilyGroupMeetingForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        child=period.child,
        form=form,
        heading="Record family group decision-making",
        submit="Record",
        record=lambda data: actions.record_family_group_decision_making(period, **data, by=user),
        done="Family group decision-making recorded",
    )


@require_http_methods(["GET", "POST"])
def end_pre_proceedings(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    period = get_pre_proceedings_for_user_or_404(user, pk, page=request.path, allowed=can_decide_legal)
    form = EndPreProceedingsForm(request.POST or None, initial={"ended_on": clock.today()})
    return _form_page(
        request,
        child=period.child,
        form=form,
        heading="Decide the end of pre-proceedings",
        intro="Step down, or issue proceedings. Your decision, reasons and name are shown on the child's legal page.",
        submit="Record decision",
        record=lambda data: actions.end_pre_proceedings(period, **data, by=user),
        done="Pre-proceedings ended",
    )


@require_http_methods(["GET", "POST"])
def make_application(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_decide_legal)
    form = CareApplicationForm(request.POST or None, initial={"application_made_on": clock.today()})
    return _form_page(
        request,
        child=person,
        form=form,
        heading="Record a court application",
        submit="Record application",
        record=lambda data: actions.make_care_application(person, **data, by=user),
        done="Court application recorded",
    )


@require_http_methods(["GET", "POST"])
def record_hearing(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    proceedings = get_proceedings_for_user_or_404(user, pk, page=request.path, allowed=can_record_court_work)
    form = HearingForm(request.POST or None, initial={"held_on": clock.today()})
    return _form_page(
        request,
        child=proceedings.child,
        form=form,
        heading="Record a hearing",
        submit="Record hearing",
        record=lambda data: actions.record_hearing(proceedings, **data, by=user),
        done="Hearing recorded",
    )


@require_http_methods(["GET", "POST"])
def conclude_proceedings(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    proceedings = get_proceedings_for_user_or_404(user, pk, page=request.path, allowed=can_record_court_work)
    form = ConcludeProceedingsForm(request.POST or None, initial={"ended_on": clock.today()})
    return _form_page(
        request,
        child=proceedings.child,
        form=form,
        heading="Record the end of the proceedings",
        submit="Record final order",
        record=lambda data: actions.conclude_care_proceedings(proceedings, **data, by=user),
        done="Proceedings concluded",
    )
