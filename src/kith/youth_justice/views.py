"""Youth justice pages: the child's youth justice record, and a form per action. Each form calls one action and
goes back to the record; refusals keep what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken
from kith.youth_justice import actions, queries
from kith.youth_justice.access import can_record_youth_justice, can_view_youth_justice, get_for_user_or_404
from kith.youth_justice.forms import (
    CloseInvolvementForm,
    CustodyVisitForm,
    EndCustodyForm,
    JointSupervisionForm,
    OpenInvolvementForm,
    OutcomeForm,
    ReleasePlanForm,
    StartCustodyForm,
)
from kith.youth_justice.models import CustodyEpisode, Involvement


def _record_url(child: Any) -> str:
    return reverse("youth_justice:record", args=[child.pk])


def _form_page(
    request: AuthenticatedRequest,
    form_class: type[Form],
    *,
    child: Any,
    heading: str,
    initial: dict[str, Any],
    doing: Callable[[dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """GET shows the form; POST calls the action with what was typed, then goes back to the child's youth justice
    record. A refusal shows beside its fields with what was typed kept; a forbidden action is "not found"."""
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            doing(form.cleaned_data)
        except NotAllowed as refused:
            raise Http404("Not found") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, done)
            return redirect(_record_url(child))
    context = {
        "form": form,
        "child": child,
        "heading": heading,
        "caption": child.full_name,
        "submit": "Save",
        "cancel": _record_url(child),
    }
    return render(request, "youth_justice/form.html", context)


@require_GET
def record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_youth_justice)
    context = {
        "child": child,
        "involvements": list(queries.involvements_of(child)),
        "outcomes": list(queries.outcomes_of(child)),
        "custody": list(queries.custody_of(child)),
        "supervisions": list(queries.joint_supervisions_of(child)),
        "open": queries.open_involvement(child),
        "may_record": can_record_youth_justice(request.user, child),
    }
    return render(request, "youth_justice/record.html", context)


@require_http_methods(["GET", "POST"])
def open_involvement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_youth_justice)
    return _form_page(
        request,
        OpenInvolvementForm,
        child=child,
        heading="Open youth justice involvement",
        initial={"opened_on": clock.today()},
        doing=lambda data: actions.open_youth_justice_involvement(child, **data, by=request.user),
        done="Youth justice involvement opened",
    )


def _involvement(request: AuthenticatedRequest, pk: int) -> Involvement:
    return get_for_user_or_404(request.user, Involvement, pk, page=request.path, allowed=can_record_youth_justice)


def _episode(request: AuthenticatedRequest, pk: int) -> CustodyEpisode:
    return get_for_user_or_404(request.user, CustodyEpisode, pk, page=request.path, allowed=can_record_youth_justice)


@require_http_methods(["GET", "POST"])
def record_outcome(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    involvement = _involvement(request, pk)
    return _form_page(
        request,
        OutcomeForm,
        child=involvement.child,
        heading="Record an outcome",
        initial={"outcome_on": clock.today()},
        doing=lambda data: actions.record_youth_justice_outcome(involvement, **data, by=request.user),
        done="Outcome recorded",
    )


@require_http_methods(["GET", "POST"])
def close_involvement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    involvement = _involvement(request, pk)
    return _form_page(
        request,
        CloseInvolvementForm,
        child=involvement.child,
        heading="Close youth justice involvement",
        initial={"closed_on": clock.today()},
        doing=lambda data: actions.close_youth_justice_involvement(involvement, **data, by=request.user),
        done="Youth justice involvement closed",
    )


@require_http_methods(["GET", "POST"])
def joint_supervision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    involvement = _involvement(request, pk)
    return _form_page(
        request,
        JointSupervisionForm,
        child=involvement.child,
        heading="Record joint YJS and social care supervision",
        initial={"held_on": clock.today()},
        doing=lambda data: actions.record_joint_supervision(involvement, **data, by=request.user),
        done="Joint supervision recorded",
    )


@require_http_methods(["GET", "POST"])
def start_custody(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    involvement = _involvement(request, pk)
    return _form_page(
        request,
        StartCustodyForm,
        child=involvement.child,
        heading="Record custody",
        initial={"started_on": clock.today()},
        doing=lambda data: actions.start_custody(involvement, **data, by=request.user),
        done="Custody recorded",
    )


@require_http_methods(["GET", "POST"])
def custody_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = _episode(request, pk)
    return _form_page(
        request,
        CustodyVisitForm,
        child=episode.child,
        heading=f"Record a visit at {episode.establishment}",
        initial={"visited_on": clock.today()},
        doing=lambda data: actions.record_custody_visit(
            episode,
            visited_on=data["visited_on"],
            child_seen_alone=data["child_seen_alone"] == "yes",
            notes=data["notes"],
            by=request.user,
        ),
        done="Visit recorded",
    )


@require_http_methods(["GET", "POST"])
def release_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = _episode(request, pk)
    return _form_page(
        request,
        ReleasePlanForm,
        child=episode.child,
        heading="Agree the release plan",
        initial={"agreed_on": clock.today(), "plan": episode.release_plan},
        doing=lambda data: actions.agree_release_plan(episode, **data, by=request.user),
        done="Release plan recorded",
    )


@require_http_methods(["GET", "POST"])
def end_custody(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    episode = _episode(request, pk)
    return _form_page(
        request,
        EndCustodyForm,
        child=episode.child,
        heading=f"Record leaving {episode.establishment}",
        initial={"ended_on": clock.today()},
        doing=lambda data: actions.end_custody(episode, **data, by=request.user),
        done="Leaving custody recorded",
    )
