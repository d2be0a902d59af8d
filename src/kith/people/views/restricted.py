"""Restricted records: restricting, granting access, and break-glass."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kith.people.access import (
    can_break_glass,
    can_manage_restriction,
    get_person_for_user_or_404,
    get_person_in_scope_or_404,
)
from kith.people.actions import grant_restricted_access, restrict_record, revoke_restricted_access
from kith.people.forms import GrantForm, ReasonForm
from kith.people.models import Person
from kith.platform.access.breakglass import BREAK_GLASS_LASTS, ReasonTooShort, break_glass
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def _may_restrict(user: Any, person: Person) -> bool:
    return can_manage_restriction(user, person)


def restrict(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=_may_restrict)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            restrict_record(person, reason=form.cleaned_data["reason"], by=request.user)
        except RuleBroken as refusal:
            show_problems(form, refusal)
        except NotAllowed as refused:
            raise Http404 from refused
        else:
            messages.success(request, "The record is now restricted. Grant access to each person who needs it.")
            return redirect("people:record", pk=person.pk)
    return render(request, "people/restrict.html", {"person": person, "form": form})


def grant(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = get_person_for_user_or_404(
        request.user,
        pk,
        page=request.path,
        allowed=lambda user, person: person.is_restricted and _may_restrict(user, person),
    )
    staff_users = (
        get_user_model()
        .objects.filter(staff_member__is_active=True)
        .select_related("staff_member")
        .order_by("staff_member__full_name")
    )
    form = GrantForm(request.POST or None, staff_users=staff_users)
    if request.method == "POST" and form.is_valid():
        try:
            grant_restricted_access(
                person, to=form.cleaned_data["user"], reason=form.cleaned_data["reason"], by=request.user
            )
        except RuleBroken as refusal:
            show_problems(form, refusal)
        except NotAllowed as refused:
            raise Http404 from refused
        else:
            messages.success(request, "Access granted")
            return redirect("people:record", pk=person.pk)
    grants = person.restricted_grants.filter(revoked_at__isnull=True).select_related(
        "user__staff_member", "granted_by__staff_member"
    )
    return render(request, "people/grant.html", {"person": person, "form": form, "grants": grants})


def break_glass_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Open a restricted record the user's scope reaches, with a reason; 404 for anything else."""
    person = get_person_in_scope_or_404(request.user, pk, page=request.path)
    if not can_break_glass(request.user, person):
        # In scope but not restricted: the ordinary record page is the way in.
        return redirect("people:record", pk=person.pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            break_glass(person, by=request.user, reason=form.cleaned_data["reason"], page=request.path)
        except ReasonTooShort as problem:
            form.add_error("reason", str(problem))
        else:
            return redirect("people:record", pk=person.pk)
    minutes = int(BREAK_GLASS_LASTS.total_seconds() // 60)
    return render(request, "people/break_glass.html", {"person": person, "form": form, "minutes": minutes})


@require_POST
def end_grant(request: AuthenticatedRequest, pk: int, grant_pk: int) -> HttpResponse:
    """End one colleague's access to a restricted record."""
    person = get_person_for_user_or_404(
        request.user,
        pk,
        page=request.path,
        allowed=lambda user, person: person.is_restricted and _may_restrict(user, person),
    )
    grant = get_object_or_404(person.restricted_grants.filter(revoked_at__isnull=True), pk=grant_pk)
    try:
        revoke_restricted_access(grant, by=request.user)
    except NotAllowed as refused:
        raise Http404 from refused
    except RuleBroken as refusal:
        for messages_for_field in refusal.problems.values():
            for message in messages_for_field:
                messages.error(request, message)
    else:
        messages.success(request, "Access ended")
    return redirect("people:grant", pk=person.pk)
