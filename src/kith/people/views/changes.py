"""Changing a person's record: details, address, relationships, professionals, warnings, names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from kith.people.access import can_record_on, get_person_for_user_or_404, people_visible_to
from kith.people.actions import (
    ProfessionalDetails,
    add_other_name,
    add_warning,
    change_person_details,
    involve_professional,
    move_to_address,
    record_relationship,
)
from kith.people.forms import AddressForm, OtherNameForm, PersonForm, ProfessionalForm, RelationshipForm, WarningForm
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import EditConflict, NotAllowed, RuleBroken


def _person_to_change(request: AuthenticatedRequest, pk: int) -> Person:
    return get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_on)


def edit_details(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Change who the record says the person is. A clash with someone else's save loses nothing."""
    person = _person_to_change(request, pk)
    form = PersonForm(request.POST or None, initial=PersonForm.initial_from(person))
    form.fields["kind"].disabled = True
    form.fields["kind"].initial = person.kind
    version = _version_edited(request, person)
    if request.method == "POST" and form.is_valid():
        try:
            change_person_details(person, form.details(), by=request.user, version=version)
        except EditConflict:
            form.add_error(
                None,
                "Someone else saved changes to this record while you were editing. Your changes are below and "
                "have not been saved: check the record, then save again to keep yours.",
            )
            person.refresh_from_db()
            version = person.version
        except RuleBroken as refusal:
            show_problems(form, refusal)
        except NotAllowed as refused:
            raise Http404 from refused
        else:
            messages.success(request, "Details saved")
            return redirect("people:record", pk=person.pk)
    return render(request, "people/edit_details.html", {"person": person, "form": form, "version": version})


def _version_edited(request: AuthenticatedRequest, person: Person) -> int:
    """The version of the record the form was opened on; an unreadable one counts as out of date."""
    if request.method != "POST":
        return person.version
    posted = request.POST.get("version", "")
    return int(posted) if posted.isdigit() and len(posted) < 10 else 0


def _simple_change(
    request: AuthenticatedRequest,
    pk: int,
    *,
    form_class: type[forms.Form],
    title: str,
    save: Callable[[Person, Any], object],
    done: str,
    form_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    """The shape shared by the small forms: fetch, validate, call one action, redirect."""
    person = _person_to_change(request, pk)
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            save(person, form)
        except RuleBroken as refusal:
            show_problems(form, refusal)
        except NotAllowed as refused:
            raise Http404 from refused
        else:
            messages.success(request, done)
            return redirect("people:record", pk=person.pk)
    return render(request, "people/change.html", {"person": person, "form": form, "title": title})


def move_address(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def save(person: Person, form: AddressForm) -> object:
        return move_to_address(person, form.address(), by=request.user, moved_in_on=form.cleaned_data["moved_in_on"])

    return _simple_change(request, pk, form_class=AddressForm, title="New address", save=save, done="Address saved")


def add_relationship(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def save(person: Person, form: RelationshipForm) -> object:
        relative = people_visible_to(request.user).filter(pk=form.cleaned_data["relative_id"]).first()
        if relative is None:
            raise RuleBroken(
                {"relative_id": ["There is no one with this Kith ID that you can see. Search for them first"]}
            )
        # The form reads "the other person is this person's <kind>": the other person is the subject.
        return record_relationship(
            relative,
            person,
            kind=form.cleaned_data["kind"],
            by=request.user,
            has_parental_responsibility=form.cleaned_data["has_parental_responsibility"],
        )

    return _simple_change(
        request, pk, form_class=RelationshipForm, title="Add a relationship", save=save, done="Relationship saved"
    )


def add_professional(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def save(person: Person, form: ProfessionalForm) -> object:
        data = form.cleaned_data
        new = None
        if data["professional"] is None:
            new = ProfessionalDetails(
                name=data["name"],
                role=data["role"],
                organisation=data["organisation"],
                phone=data["phone"],
                email=data["email"],
            )
        return involve_professional(
            person,
            by=request.user,
            started_on=data["started_on"],
            professional=data["professional"],
            new_professional=new,
        )

    return _simple_change(
        request,
        pk,
        form_class=ProfessionalForm,
        title="Add a professional",
        save=save,
        done="Professional saved",
        form_kwargs={"initial": {"started_on": clock.today()}},
    )


def new_warning(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def save(person: Person, form: WarningForm) -> object:
        return add_warning(
            person, kind=form.cleaned_data["kind"], details=form.cleaned_data["details"], by=request.user
        )

    return _simple_change(request, pk, form_class=WarningForm, title="Add a warning", save=save, done="Warning added")


def new_other_name(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def save(person: Person, form: OtherNameForm) -> object:
        data = form.cleaned_data
        return add_other_name(
            person, kind=data["kind"], given_name=data["given_name"], family_name=data["family_name"], by=request.user
        )

    return _simple_change(request, pk, form_class=OtherNameForm, title="Add another name", save=save, done="Name saved")
