"""Education pages: the school, starting the PEP, PEP meetings, the PEP's page, exclusions and attendance.
Each parses a form, calls one action, and redirects; refusals keep what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.children_in_care.access import get_period_for_user_or_404
from kith.education import actions, queries
from kith.education.access import can_record_education, get_meeting_for_user_or_404, get_plan_for_user_or_404
from kith.education.forms import (
    AttendanceForm,
    EetReviewForm,
    ExclusionForm,
    PepMeetingForm,
    PepQualityForm,
    SchoolForm,
    StartPepForm,
)
from kith.education.terms import term_of
from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.form_problems import run_action


def _casework(child: Any) -> str:
    return reverse("people:casework", args=[child.pk])


def _form_page(request: AuthenticatedRequest, form: Form, *, child: Any, heading: str, intro: str = "") -> HttpResponse:
    context = {
        "form": form,
        "child": child,
        "heading": heading,
        "caption": child.full_name,
        "intro": intro,
        "submit": "Save",
        "cancel": _casework(child),
    }
    return render(request, "education/form.html", context)


@require_http_methods(["GET", "POST"])
def new_school(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    current = queries.current_school(period.child)
    initial = {"started_on": clock.today(), "sen_status": current.sen_status if current else ""}
    form = SchoolForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_school(
                period,
                school_name=data["school_name"],
                urn=data["urn"],
                year_group=data["year_group"],
                started_on=data["started_on"],
                reason_for_change=data["reason_for_change"],
                ofsted_judgement=data["ofsted_judgement"],
                sen_status=data["sen_status"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "School recorded")
            return redirect(_casework(period.child))
    intro = f"{period.child.full_name} is at {current.school_name}: this records a change of school." if current else ""
    heading = "Record a change of school" if current else "Record the child's school"
    return _form_page(request, form, child=period.child, heading=heading, intro=intro)


@require_http_methods(["GET", "POST"])
def start_pep(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    form = StartPepForm(request.POST or None, initial={"started_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        plan = run_action(
            form, lambda: actions.start_pep(period, started_on=form.cleaned_data["started_on"], by=request.user)
        )
        if plan is not None:
            messages.success(request, "Personal education plan started")
            return redirect("education:pep", plan.pk)
    return _form_page(
        request,
        form,
        child=period.child,
        heading="Start the personal education plan",
        intro="The day the designated teacher and the virtual school were asked for their part.",
    )


@require_GET
def pep(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user_or_404(request.user, pk, page=request.path)
    context = {
        "plan": plan,
        "child": plan.child,
        "meetings": list(queries.meetings_of(plan)),
        "may_record": can_record_education(request.user, plan.child),
    }
    return render(request, "education/pep.html", context)


@require_http_methods(["GET", "POST"])
def new_pep_meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    first = queries.last_meeting(plan) is None
    form = PepMeetingForm(request.POST or None, initial={"held_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = run_action(
            form,
            lambda: actions.hold_pep_meeting(
                plan,
                held_on=data["held_on"],
                designated_teacher=data["designated_teacher"],
                virtual_school=data["virtual_school"],
                child_views=data["child_views"],
                targets=data["targets"],
                pupil_premium_plus=data["pupil_premium_plus"],
                by=request.user,
            ),
        )
        if meeting is not None:
            messages.success(request, "PEP completed" if first else "PEP review recorded")
            return redirect("education:pep", plan.pk)
    heading = "Complete the personal education plan" if first else "Record a PEP review"
    return _form_page(request, form, child=plan.child, heading=heading)


@require_http_methods(["GET", "POST"])
def new_exclusion(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    # The SEN provision starts from what was recorded with the school, so it is not typed twice.
    school = queries.current_school(period.child)
    initial = {"starts_on": clock.today(), "sen_status": school.sen_status if school else ""}
    form = ExclusionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_exclusion(
                period,
                kind=data["kind"],
                starts_on=data["starts_on"],
                days=data["days"],
                reason=data["reason"],
                sen_status=data["sen_status"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Exclusion recorded")
            return redirect(_casework(period.child))
    return _form_page(request, form, child=period.child, heading="Record an exclusion")


@require_http_methods(["GET", "POST"])
def new_attendance(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    school_year, term = term_of(clock.today())
    form = AttendanceForm(request.POST or None, initial={"school_year": str(school_year), "term": term})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_attendance(
                period,
                school_year=data["school_year"],
                term=data["term"],
                attendance_percent=data["attendance_percent"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Attendance recorded")
            return redirect(_casework(period.child))
    return _form_page(request, form, child=period.child, heading="Record attendance for a term")


@require_http_methods(["GET", "POST"])
def rate_pep(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    form = PepQualityForm(request.POST or None, initial={"rated_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.rate_pep_quality(
                meeting, rating=data["rating"], rated_on=data["rated_on"], rated_by=data["rated_by"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "PEP quality rating recorded")
            return redirect("education:pep", meeting.plan_id)
    return _form_page(
        request,
        form,
        child=meeting.child,
        heading="Rate the quality of the PEP",
        intro=f"The {meeting.get_kind_display().lower()} on {long_date(meeting.held_on)}, rated by the virtual school.",
    )


@require_http_methods(["GET", "POST"])
def new_eet_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_education)
    form = EetReviewForm(request.POST or None, initial={"reviewed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_care_leaver_eet_review(
                child,
                reviewed_on=data["reviewed_on"],
                activity=data["activity"],
                virtual_school=data["virtual_school"],
                notes=data["notes"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Virtual school review recorded")
            return redirect(_casework(child))
    return _form_page(
        request,
        form,
        child=child,
        heading="Record the virtual school's review of education, training or employment",
        intro="The virtual school oversees care leavers' education and training up to 25.",
    )
