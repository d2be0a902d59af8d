"""Leaving care pages: the young person's leaving care record, and a form for each action. Each form parses
what was typed, calls one action, and redirects; refusals keep what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.care_leavers import actions, queries
from kith.care_leavers.access import (
    can_allocate_personal_adviser,
    can_record_leaving_care,
    get_plan_for_user_or_404,
    get_support_for_user_or_404,
)
from kith.care_leavers.forms import (
    AccommodationForm,
    AgreePlanForm,
    AllocateAdviserForm,
    BirthdayContactForm,
    ChangeRequestForm,
    ContactForm,
    CopyGivenForm,
    EntitlementExplainedForm,
    EntitlementTakenUpForm,
    HandoverForm,
    NeedsAssessmentForm,
    ParenthoodForm,
    ReviewPlanForm,
    StartSupportForm,
    SupportAfter21Form,
    yes_no,
)
from kith.care_leavers.models import LeavingCareSupport, SupportAfter21
from kith.care_leavers.rules import PLAN_MESSAGES
from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.access.roles import Role
from kith.platform.form_problems import run_action
from kith.workforce.models import StaffMember, Team, TeamKind

DUE = (
    ("Needs assessment", queries.NEEDS_ASSESSMENT),
    ("Pathway plan review", queries.PATHWAY_PLAN_REVIEW),
    ("Personal adviser visit", queries.VISIT),
    ("Visit after a move", queries.VISIT_AFTER_MOVE),
)


def _home(child: Any) -> str:
    return reverse("care_leavers:young_person", args=[child.pk])


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
        "cancel": _home(child),
    }
    return render(request, "care_leavers/form.html", context)


@require_GET
def young_person(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path)
    support = LeavingCareSupport.objects.filter(child=child).first()
    due = queries.open_clocks(child)
    context = {
        "child": child,
        "status": queries.status_of(child),
        "support": support,
        "needs_assessment": getattr(support, "needs_assessment", None) if support else None,
        "adviser": queries.current_adviser(child),
        "plans": list(queries.pathway_plans(child)),
        "contacts": list(queries.contacts(child)[:20]),
        "stays": queries.stays(child, today=clock.today()),
        "decisions_after_21": list(SupportAfter21.objects.filter(child=child).order_by("decided_on", "pk")),
        "entitlements": list(queries.entitlements(child)),
        "handovers": list(queries.handovers(child)),
        "parenthood": list(queries.parenthood(child)),
        "change_requests": list(queries.change_requests(child)),
        "birthdays": list(queries.birthday_contacts(child)),
        "deadlines": [(title, due[code]) for title, code in DUE if code in due],
        "may_record": can_record_leaving_care(request.user, child),
        "may_allocate": can_allocate_personal_adviser(request.user, child),
    }
    return render(request, "care_leavers/young_person.html", context)


@require_http_methods(["GET", "POST"])
def start_support(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    status = queries.status_of(child)
    form = StartSupportForm(request.POST or None, initial={"on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form, lambda: actions.start_leaving_care_support(child, on=form.cleaned_data["on"], by=request.user)
        )
        if done is not None:
            messages.success(request, "Leaving care support started")
            return redirect(_home(child))
    return _form_page(
        request,
        form,
        child=child,
        heading="Start leaving care support",
        submit="Start support",
        intro=f"Today: {status.status.label.lower()}. {status.reason}.",
    )


@require_http_methods(["GET", "POST"])
def needs_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = NeedsAssessmentForm(request.POST or None, initial={"completed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form,
            lambda: actions.complete_needs_assessment(
                support, completed_on=form.cleaned_data["completed_on"], details=form.details(), by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Needs assessment recorded")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Complete the needs assessment", submit="Save")


@require_http_methods(["GET", "POST"])
def allocate_adviser(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_allocate_personal_adviser)
    advisers = StaffMember.objects.filter(role=Role.PERSONAL_ADVISER, is_active=True).order_by("full_name")
    choices = [(str(adviser.pk), adviser.full_name) for adviser in advisers]
    form = AllocateAdviserForm(request.POST or None, advisers=choices, initial={"allocated_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        adviser = advisers.get(pk=int(data["adviser"]))
        done = run_action(
            form,
            lambda: actions.allocate_personal_adviser(
                support, adviser=adviser, allocated_on=data["allocated_on"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, f"{adviser.full_name} is now the personal adviser")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Allocate the personal adviser", submit="Allocate")


@require_http_methods(["GET", "POST"])
def agree_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = AgreePlanForm(request.POST or None, initial={"agreed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.agree_pathway_plan(
                support,
                agreed_on=data["agreed_on"],
                details=form.details(),
                copy_given_on=data["copy_given_on"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Pathway plan agreed")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Agree the pathway plan", submit="Save the plan")


@require_http_methods(["GET", "POST"])
def review_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    # The review starts from what the plan in force says, so only what changed is typed.
    initial: dict[str, Any] = {name: getattr(plan, name) for name in PLAN_MESSAGES}
    form = ReviewPlanForm(request.POST or None, initial={**initial, "reviewed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.review_pathway_plan(
                plan,
                reviewed_on=data["reviewed_on"],
                details=form.details(),
                what_changed=data["what_changed"],
                copy_given_on=data["copy_given_on"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Pathway plan reviewed")
            return redirect(_home(plan.child))
    return _form_page(request, form, child=plan.child, heading="Review the pathway plan", submit="Save the review")


@require_http_methods(["GET", "POST"])
def copy_given(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = CopyGivenForm(request.POST or None, initial={"given_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form,
            lambda: actions.record_pathway_plan_shared(plan, given_on=form.cleaned_data["given_on"], by=request.user),
        )
        if done is not None:
            messages.success(request, "Copy recorded as given")
            return redirect(_home(plan.child))
    return _form_page(
        request, form, child=plan.child, heading="Record the copy given to the young person", submit="Save"
    )


@require_http_methods(["GET", "POST"])
def new_contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = ContactForm(request.POST or None, initial={"contact_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_personal_adviser_contact(
                support,
                contact_on=data["contact_on"],
                kind=data["kind"],
                where=data["where"],
                young_person_views=data["young_person_views"],
                notes=data["notes"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Contact recorded")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Record contact with the young person", submit="Save")


@require_http_methods(["GET", "POST"])
def new_accommodation(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = AccommodationForm(request.POST or None, initial={"moved_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_accommodation_change(
                support,
                moved_on=data["moved_on"],
                accommodation=data["accommodation"],
                suitable=yes_no(data["suitable"]),
                description=data["description"],
                arrangement=form.arrangement_code(),
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Move recorded")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Record a move", submit="Save")


@require_http_methods(["GET", "POST"])
def new_birthday_contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    # Start from where the young person is recorded as living, so the accommodation is not typed twice.
    home = queries.current_home(support.child)
    initial: dict[str, Any] = {"contact_on": clock.today()}
    if home is not None:
        initial |= {"accommodation": home.accommodation, "accommodation_suitable": "yes" if home.suitable else "no"}
    form = BirthdayContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_birthday_contact(
                support,
                birthday=data["birthday"],
                contact_on=data["contact_on"],
                in_touch=data["in_touch"],
                activity=data["activity"],
                accommodation=data["accommodation"],
                accommodation_suitable=yes_no(data["accommodation_suitable"]),
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Birthday information recorded")
            return redirect(_home(support.child))
    return _form_page(
        request,
        form,
        child=support.child,
        heading="Record the information around a birthday (903)",
        submit="Save",
        intro="For the 17th to 21st birthdays, from 3 months before the birthday to 1 month after.",
    )


@require_http_methods(["GET", "POST"])
def support_after_21(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = SupportAfter21Form(request.POST or None, initial={"decided_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_support_after_21(
                support,
                decided_on=data["decided_on"],
                decision=data["decision"],
                young_person_views=data["young_person_views"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Decision recorded")
            return redirect(_home(support.child))
    return _form_page(
        request,
        form,
        child=support.child,
        heading="Record the decision about support after 21",
        submit="Save",
        intro="Support continues to 25 if the young person wants it, and they can ask again at any time before 25.",
    )


@require_http_methods(["GET", "POST"])
def entitlement_explained(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = EntitlementExplainedForm(request.POST or None, initial={"explained_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_entitlement_explained(
                support, entitlement=data["entitlement"], explained_on=data["explained_on"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Recorded as explained")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Record an entitlement explained", submit="Save")


@require_http_methods(["GET", "POST"])
def entitlement_taken_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    explained = [
        (row.entitlement, row.get_entitlement_display())
        for row in queries.entitlements(support.child)
        if row.taken_up_on is None
    ]
    form = EntitlementTakenUpForm(request.POST or None, explained=explained, initial={"taken_up_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_entitlement_taken_up(
                support, entitlement=data["entitlement"], taken_up_on=data["taken_up_on"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Recorded as taken up")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Record an entitlement taken up", submit="Save")


@require_http_methods(["GET", "POST"])
def handover(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    teams = Team.objects.exclude(kind=TeamKind.SERVICE).order_by("name")
    form = HandoverForm(
        request.POST or None,
        teams=[(str(team.pk), team.name) for team in teams],
        initial={"handed_over_on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_handover(
                support,
                handed_over_on=data["handed_over_on"],
                from_team=teams.get(pk=int(data["from_team"])),
                to_team=teams.get(pk=int(data["to_team"])),
                handed_over=data["handed_over"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Handover recorded")
            return redirect(_home(support.child))
    return _form_page(
        request, form, child=support.child, heading="Record the handover to the leaving care team", submit="Save"
    )


@require_http_methods(["GET", "POST"])
def new_parenthood(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    support = get_support_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    form = ParenthoodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_young_person_as_parent(
                support,
                baby_born_on=data["baby_born_on"],
                lives_with_young_person=data["lives_with_young_person"] == "yes",
                support_given=data["support_given"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Recorded")
            return redirect(_home(support.child))
    return _form_page(request, form, child=support.child, heading="Record the young person as a parent", submit="Save")


@require_http_methods(["GET", "POST"])
def change_request(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_leaving_care)
    today = clock.today()
    form = ChangeRequestForm(request.POST or None, initial={"requested_on": today, "decided_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_plan_change_request(
                plan,
                requested_on=data["requested_on"],
                what_was_asked=data["what_was_asked"],
                decision=data["decision"],
                decided_on=data["decided_on"],
                how_handled=data["how_handled"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Request recorded")
            return redirect(_home(plan.child))
    return _form_page(
        request, form, child=plan.child, heading="Record a request to change the pathway plan", submit="Save"
    )
