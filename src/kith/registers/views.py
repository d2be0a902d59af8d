"""Private fostering and education register pages: access check, form, one action, redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.people.access import get_person_for_user_or_404
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken
from kith.registers import actions
from kith.registers.access import (
    arrangements_visible_to,
    can_record_private_fostering_oversight,
    can_record_register_work,
    can_view_register_lists,
    can_view_registers_of,
    entries_visible_to,
    get_arrangement_for_user_or_404,
    get_entry_for_user_or_404,
)
from kith.registers.forms import (
    AddToRegisterForm,
    AssessmentForm,
    EndArrangementForm,
    NotificationForm,
    OversightForm,
    PrivateFosteringCheckForm,
    PrivateFosteringVisitForm,
    RegisterCheckForm,
    RemoveFromRegisterForm,
)
from kith.registers.models import RegisterKind
from kith.registers.queries import (
    adults_related_to,
    arrangements_of,
    education_register,
    entries_of,
    private_fostering_register,
)

# The education registers by the slug in their address.
REGISTERS = {"missing-education": RegisterKind.MISSING_EDUCATION, "home-education": RegisterKind.HOME_EDUCATION}


def _form_page(
    request: AuthenticatedRequest,
    *,
    child: Person,
    form: forms.Form,
    heading: str,
    submit: str,
    record: Callable[[dict[str, Any]], object],
    done: str,
    intro: str = "",
) -> HttpResponse:
    """Every form here: on a valid post call the action, else show the form with its problems."""
    if request.method == "POST" and form.is_valid():
        try:
            record(form.cleaned_data)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, done)
            return redirect("registers:child", child.pk)
    context = {"child": child, "form": form, "heading": heading, "submit": submit, "intro": intro}
    return render(request, "registers/form.html", context)


@require_http_methods(["GET"])
def private_fostering_list(request: AuthenticatedRequest) -> HttpResponse:
    """Children privately fostered now: since when, the last visit and the next visit due."""
    user = request.user
    if not can_view_register_lists(user):
        raise Http404("No such page")
    today = clock.today()
    context = {"today": today, "rows": private_fostering_register(arrangements_visible_to(user), on=today)}
    return render(request, "registers/private_fostering_list.html", context)


@require_http_methods(["GET"])
def register_list(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """Children on the missing education or home education register: the last check and the next due."""
    user = request.user
    register = REGISTERS.get(slug)
    if register is None or not can_view_register_lists(user):
        raise Http404("No such page")
    today = clock.today()
    context = {
        "today": today,
        "register": register,
        "rows": education_register(entries_visible_to(user), register, on=today),
    }
    return render(request, "registers/register_list.html", context)


@require_http_methods(["GET"])
def child_registers(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child's private fostering arrangements and education register entries, with every check and visit."""
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_view_registers_of)
    arrangements = list(arrangements_of(person))
    context = {
        "child": person,
        "arrangements": arrangements,
        "entries": list(entries_of(person)),
        "privately_fostered": any(arrangement.is_open for arrangement in arrangements),
        "may_record": can_record_register_work(user, person),
        "may_oversee": can_record_private_fostering_oversight(user, person),
    }
    return render(request, "registers/child.html", context)


@require_http_methods(["GET", "POST"])
def notify(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = NotificationForm(request.POST or None, adults=adults_related_to(person))
    return _form_page(
        request,
        child=person,
        form=form,
        heading="Record a private fostering notification",
        submit="Record notification",
        record=lambda data: actions.notify_private_fostering(
            person,
            carer=data["carer"],
            parents=list(data["parents"]),
            notified_on=data["notified_on"],
            notified_by=data["notified_by"],
            started_on=data["started_on"],
            expected_length=data["expected_length"],
            by=user,
        ),
        done="Private fostering notification recorded",
    )


@require_http_methods(["GET", "POST"])
def record_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    arrangement = get_arrangement_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = PrivateFosteringCheckForm(request.POST or None, initial={"completed_on": clock.today()})
    return _form_page(
        request,
        child=arrangement.child,
        form=form,
        heading="Record a private fostering check",
        submit="Record check",
        record=lambda data: actions.record_private_fostering_check(arrangement, **data, by=user),
        done="Check recorded",
    )


@require_http_methods(["GET", "POST"])
def complete_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    arrangement = get_arrangement_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = AssessmentForm(request.POST or None, initial={"completed_on": clock.today()})
    return _form_page(
        request,
        child=arrangement.child,
        form=form,
        heading="Complete the private fostering assessment",
        submit="Record assessment",
        record=lambda data: actions.complete_private_fostering_assessment(arrangement, **data, by=user),
        done="Assessment recorded",
    )


@require_http_methods(["GET", "POST"])
def record_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    arrangement = get_arrangement_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = PrivateFosteringVisitForm(request.POST or None, initial={"visited_on": clock.today()})
    return _form_page(
        request,
        child=arrangement.child,
        form=form,
        heading="Record a private fostering visit",
        submit="Record visit",
        record=lambda data: actions.record_private_fostering_visit(arrangement, **data, by=user),
        done="Visit recorded",
    )


@require_http_methods(["GET", "POST"])
def record_oversight(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    arrangement = get_arrangement_for_user_or_404(
        user, pk, page=request.path, allowed=can_record_private_fostering_oversight
    )
    form = OversightForm(request.POST or None, initial={"decided_on": clock.today()})
    return _form_page(
        request,
        child=arrangement.child,
        form=form,
        heading="Record management oversight of private fostering",
        intro="Your decision, your reasons and your name are shown on the child's record and in the chronology.",
        submit="Record decision",
        record=lambda data: actions.record_private_fostering_oversight(arrangement, **data, by=user),
        done="Management oversight recorded",
    )


@require_http_methods(["GET", "POST"])
def end_arrangement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    arrangement = get_arrangement_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = EndArrangementForm(request.POST or None, initial={"ended_on": clock.today()})
    return _form_page(
        request,
        child=arrangement.child,
        form=form,
        heading="Record the end of the private fostering arrangement",
        submit="Record end",
        record=lambda data: actions.end_private_fostering(arrangement, **data, by=user),
        done="Private fostering ended",
    )


@require_http_methods(["GET", "POST"])
def add_to_register(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = AddToRegisterForm(
        request.POST or None,
        initial={"added_on": clock.today(), "register": REGISTERS.get(request.GET.get("register", ""), "")},
    )
    return _form_page(
        request,
        child=person,
        form=form,
        heading="Add to an education register",
        submit="Add to register",
        record=lambda data: actions.add_to_register(person, **data, by=user),
        done="Added to the register",
    )


@require_http_methods(["GET", "POST"])
def record_register_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    entry = get_entry_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = RegisterCheckForm(request.POST or None, initial={"checked_on": clock.today()})
    return _form_page(
        request,
        child=entry.child,
        form=form,
        heading=f"Record a check: {entry.get_register_display().lower()}",
        submit="Record check",
        record=lambda data: actions.record_register_check(entry, **data, by=user),
        done="Check recorded",
    )


@require_http_methods(["GET", "POST"])
def remove_from_register(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    entry = get_entry_for_user_or_404(user, pk, page=request.path, allowed=can_record_register_work)
    form = RemoveFromRegisterForm(request.POST or None, initial={"removed_on": clock.today()})
    return _form_page(
        request,
        child=entry.child,
        form=form,
        heading=f"Remove from the register: {entry.get_register_display().lower()}",
        submit="Remove from register",
        record=lambda data: actions.remove_from_register(entry, **data, by=user),
        done="Removed from the register",
    )
