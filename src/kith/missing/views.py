"""Missing pages: report a child missing, record their return and the return home interview, an episode's page
and the child's episodes. Each form calls one action and redirects; refusals keep what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.missing import actions, queries
from kith.missing.access import can_record_missing, get_episode_for_user_or_404
from kith.missing.forms import InterviewForm, ReportMissingForm, ReturnForm, SafeAndWellForm, SocialWorkerMeetingForm
from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import run_action


def _form_page(
    request: AuthenticatedRequest, form: Form, *, child: Any, heading: str, submit: str, cancel: str
) -> HttpResponse:
    context = {"form": form, "child": child, "heading": heading, "caption": child.full_name, "submit": submit}
    return render(request, "missing/form.html", context | {"cancel": cancel})


@require_http_methods(["GET", "POST"])
def report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_missing)
    form = ReportMissingForm(request.POST or None, initial={"started_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        episode = run_action(
            form,
            lambda: actions.report_missing(
                child,
                kind=form.cleaned_data["kind"],
                started_at=form.started_at(),
                circumstances=form.cleaned_data["circumstances"],
                police=form.police(),
                by=request.user,
            ),
        )
        if episode is not None:
            messages.success(request, f"{child.full_name} recorded as {episode.get_kind_display().lower()}")
            return redirect("missing:episode", episode.pk)
    cancel = reverse("people:casework", args=[child.pk])
    return _form_page(request, form, child=child, heading="Report missing", submit="Save", cancel=cancel)


@require_GET
def episode(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_episode_for_user_or_404(request.user, pk, page=request.path)
    context = {
        "episode": found,
        "child": found.child,
        "interview": getattr(found, "return_interview", None),
        "worker_meeting": getattr(found, "social_worker_meeting", None),
        "owed": queries.interviews_owed(found.child).filter(subject_id=str(found.pk)).first(),
        "may_record": can_record_missing(request.user, found.child),
    }
    return render(request, "missing/episode.html", context)


@require_GET
def history(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path)
    if not child.is_child:
        raise Http404("Missing episodes are recorded for children")
    context = {"child": child, "episodes": list(queries.episodes_of(child)), "today": clock.today()}
    return render(request, "missing/history.html", context)


@require_http_methods(["GET", "POST"])
def record_return(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_episode_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_missing)
    form = ReturnForm(request.POST or None, initial={"ended_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form,
            lambda: actions.record_return(
                found,
                ended_at=form.ended_at(),
                where_found=form.cleaned_data["where_found"],
                safe_and_well_check=form.safe_and_well(),
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, f"{found.child.full_name}'s return recorded")
            return redirect("missing:episode", found.pk)
    cancel = reverse("missing:episode", args=[found.pk])
    return _form_page(request, form, child=found.child, heading="Record the return", submit="Save", cancel=cancel)


@require_http_methods(["GET", "POST"])
def record_interview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_episode_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_missing)
    form = InterviewForm(request.POST or None, initial={"offered_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form, lambda: actions.record_return_home_interview(found, details=form.details(), by=request.user)
        )
        if done is not None:
            messages.success(request, "Return home interview recorded")
            return redirect("missing:episode", found.pk)
    cancel = reverse("missing:episode", args=[found.pk])
    return _form_page(
        request, form, child=found.child, heading="Record the return home interview", submit="Save", cancel=cancel
    )


@require_http_methods(["GET", "POST"])
def safe_and_well(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_episode_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_missing)
    form = SafeAndWellForm(request.POST or None, initial={"checked_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_safe_and_well_check(
                found, checked_on=data["checked_on"], officer=data["officer"], notes=data["notes"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Safe and well check recorded")
            return redirect("missing:episode", found.pk)
    cancel = reverse("missing:episode", args=[found.pk])
    return _form_page(
        request, form, child=found.child, heading="Record the police safe and well check", submit="Save", cancel=cancel
    )


@require_http_methods(["GET", "POST"])
def worker_meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_episode_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_missing)
    form = SocialWorkerMeetingForm(request.POST or None, initial={"met_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_social_worker_meeting(
                found,
                met_on=data["met_on"],
                child_views=data["child_views"],
                actions_agreed=data["actions_agreed"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Meeting recorded")
            return redirect("missing:episode", found.pk)
    cancel = reverse("missing:episode", args=[found.pk])
    return _form_page(
        request, form, child=found.child, heading="Record your meeting with the child", submit="Save", cancel=cancel
    )
