"""Fostering pages: the service's households, one household, a form per action, and linking a child's placement.
Each form calls one action and redirects; refusals keep what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.children_in_care.models import Placement
from kith.fostering import actions, queries
from kith.fostering.access import (
    can_decide_approval,
    can_link_placement,
    can_record_fostering,
    can_view_fostering_service,
    get_household_for_user_or_404,
)
from kith.fostering.forms import (
    ApprovalForm,
    AssessmentForm,
    EndForm,
    EnquiryForm,
    LinkForm,
    ReviewForm,
    TemporaryApprovalForm,
    TrainingForm,
)
from kith.fostering.models import Household
from kith.people.access import get_person_for_user_or_404, people_visible_to
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.form_problems import run_action


def _page(request: AuthenticatedRequest, form: Form, *, heading: str, caption: str, cancel: str) -> HttpResponse:
    context = {"form": form, "heading": heading, "caption": caption, "submit": "Save", "cancel": cancel}
    return render(request, "fostering/form.html", context)


def _visible_people(request: AuthenticatedRequest, form: Form, field: str, numbers: list[int]) -> list[Person] | None:
    """The records behind the Kith IDs typed, when the user may open each; otherwise a message, the same for a record
    that does not exist and one the user may not see."""
    found = {person.pk: person for person in people_visible_to(request.user).filter(pk__in=numbers)}
    unknown = [f"K{number:07d}" for number in numbers if number not in found]
    if unknown:
        form.add_error(field, f"No record you can open has the Kith ID {', '.join(unknown)}")
        return None
    return [found[number] for number in numbers]


@require_GET
def service(request: AuthenticatedRequest) -> HttpResponse:
    """The fostering service: every household still fostering, its status, vacancies and reviews due."""
    if not can_view_fostering_service(request.user):
        raise Http404("Not found")
    context = {
        "rows": queries.household_rows(),
        "may_record": can_record_fostering(request.user),
        "today": clock.today(),
    }
    return render(request, "fostering/service.html", context)


@require_GET
def household(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_household_for_user_or_404(request.user, pk, page=request.path)
    context = {
        "household": found,
        "carers": queries.carers_of(found),
        "placed": queries.placed_now(found),
        "reviews": list(found.reviews.all()),
        "training": list(found.training.select_related("carer")),
        "deadlines": list(queries.deadlines_of(found)),
        "may_record": can_record_fostering(request.user),
        "may_decide": can_decide_approval(request.user),
    }
    return render(request, "fostering/household.html", context)


@require_http_methods(["GET", "POST"])
def new_enquiry(request: AuthenticatedRequest) -> HttpResponse:
    if not can_record_fostering(request.user):
        raise Http404("Not found")
    form = EnquiryForm(request.POST or None, initial={"enquiry_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        carers = _visible_people(request, form, "carers", data["carers"])
        if carers is not None:
            made = run_action(
                form,
                lambda: actions.record_fostering_enquiry(
                    name=data["name"],
                    postcode=data["postcode"],
                    kind=data["kind"],
                    carers=carers,
                    enquiry_on=data["enquiry_on"],
                    by=request.user,
                ),
            )
            if made is not None:
                messages.success(request, "Enquiry recorded")
                return redirect("fostering:household", made.pk)
    return _page(
        request, form, heading="Record a fostering enquiry", caption="Fostering", cancel=reverse("fostering:service")
    )


def _household_form(
    request: AuthenticatedRequest,
    pk: int,
    *,
    allowed: Callable[[Any], bool],
    make_form: Callable[[Household], Form],
    heading: str,
    doing: Callable[[Household, Form], Any],
    done: str,
) -> HttpResponse:
    found = get_household_for_user_or_404(request.user, pk, page=request.path, allowed=allowed)
    form = make_form(found)
    if request.method == "POST" and form.is_valid() and run_action(form, lambda: doing(found, form)) is not None:
        messages.success(request, done)
        return redirect("fostering:household", found.pk)
    return _page(
        request, form, heading=heading, caption=found.name, cancel=reverse("fostering:household", args=[found.pk])
    )


@require_http_methods(["GET", "POST"])
def assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _household_form(
        request,
        pk,
        allowed=can_record_fostering,
        make_form=lambda _: AssessmentForm(request.POST or None, initial={"started_on": clock.today()}),
        heading="Record the start of the assessment",
        doing=lambda found, form: actions.start_fostering_assessment(found, **form.cleaned_data, by=request.user),
        done="Assessment start recorded",
    )


@require_http_methods(["GET", "POST"])
def temporary_approval(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def doing(found: Household, form: Form) -> Any:
        children = _visible_people(request, form, "child", [form.cleaned_data["child"]])
        if children is None:
            return None
        return actions.grant_temporary_approval(
            found, approved_on=form.cleaned_data["approved_on"], child=children[0], by=request.user
        )

    return _household_form(
        request,
        pk,
        allowed=can_decide_approval,
        make_form=lambda _: TemporaryApprovalForm(request.POST or None, initial={"approved_on": clock.today()}),
        heading="Approve temporarily as connected persons (reg 24)",
        doing=doing,
        done="Temporary approval recorded",
    )


@require_http_methods(["GET", "POST"])
def approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def doing(found: Household, form: Form) -> Any:
        assert isinstance(form, ApprovalForm)
        data = form.cleaned_data
        return actions.approve_foster_carers(
            found,
            panel_recommended_on=data["panel_recommended_on"],
            approved_on=data["approved_on"],
            decision_maker=data["decision_maker"],
            terms=form.terms(),
            by=request.user,
        )

    return _household_form(
        request,
        pk,
        allowed=can_decide_approval,
        make_form=lambda _: ApprovalForm(request.POST or None, initial={"approved_on": clock.today()}),
        heading="Record the approval",
        doing=doing,
        done="Approval recorded",
    )


@require_http_methods(["GET", "POST"])
def review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def doing(found: Household, form: Form) -> Any:
        assert isinstance(form, ReviewForm)
        data = form.cleaned_data
        return actions.review_fostering_approval(
            found,
            reviewed_on=data["reviewed_on"],
            reviewer=data["reviewer"],
            carers_views=data["carers_views"],
            childrens_views=data["childrens_views"],
            recommendation=data["recommendation"],
            terms=form.terms(),
            by=request.user,
        )

    def make_form(found: Household) -> Form:
        initial = {
            "reviewed_on": clock.today(),
            "places": found.approved_places,
            "age_from": found.age_from,
            "age_to": found.age_to,
            "kind_of_care": found.kind_of_care,
        }
        return ReviewForm(request.POST or None, initial=initial)

    return _household_form(
        request,
        pk,
        allowed=can_record_fostering,
        make_form=make_form,
        heading="Review the approval",
        doing=doing,
        done="Review recorded",
    )


@require_http_methods(["GET", "POST"])
def training(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def make_form(found: Household) -> Form:
        carers = [(str(person.pk), person.full_name) for person in queries.carers_of(found)]
        return TrainingForm(request.POST or None, carers=carers, initial={"completed_on": clock.today()})

    def doing(found: Household, form: Form) -> Any:
        data = form.cleaned_data
        carer = next(person for person in queries.carers_of(found) if str(person.pk) == data["carer"])
        return actions.record_foster_carer_training(
            found, carer=carer, course=data["course"], completed_on=data["completed_on"], by=request.user
        )

    return _household_form(
        request,
        pk,
        allowed=can_record_fostering,
        make_form=make_form,
        heading="Record training completed",
        doing=doing,
        done="Training recorded",
    )


@require_http_methods(["GET", "POST"])
def end(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _household_form(
        request,
        pk,
        allowed=lambda user: can_record_fostering(user) or can_decide_approval(user),
        make_form=lambda _: EndForm(request.POST or None, initial={"ended_on": clock.today()}),
        heading="Record the end of fostering",
        doing=lambda found, form: actions.end_fostering_approval(found, **form.cleaned_data, by=request.user),
        done="End of fostering recorded",
    )


@require_http_methods(["GET", "POST"])
def link_placement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child's worker says which fostering household the child's placement is with."""
    placement = Placement.objects.filter(pk=pk).first()
    if placement is None:
        raise Http404("No such placement")
    child = get_person_for_user_or_404(request.user, placement.child_id, page=request.path, allowed=can_link_placement)
    placement.child = child
    households = list(queries.households_taking_children())
    choices = [(str(found.pk), f"{found.name} ({found.postcode}): {found.get_kind_display()}") for found in households]
    form = LinkForm(request.POST or None, households=choices)
    if request.method == "POST" and form.is_valid():
        chosen = next(found for found in households if str(found.pk) == form.cleaned_data["household"])
        link = run_action(
            form, lambda: actions.link_placement_to_household(placement, household=chosen, by=request.user)
        )
        if link is not None:
            messages.success(request, f"Placement recorded as with {chosen.name}")
            return redirect("people:casework", child.pk)
    context = {
        "form": form,
        "child": child,
        "heading": "Which fostering household is this placement with?",
        "caption": child.full_name,
        "intro": f"{placement.get_placement_type_display()} with {placement.carer} from "
        f"{long_date(placement.started_on)}.",
        "submit": "Save",
        "cancel": reverse("people:casework", args=[child.pk]),
    }
    return render(request, "fostering/form.html", context)
