"""Review pages: allocate the IRO, record a review, its page, decisions done, minutes sent, IRO contact and
challenges. Each parses a form, calls one action, and redirects; refusals keep what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.care_reviews import actions, queries
from kith.care_reviews.access import (
    can_allocate_iro,
    can_chair_review,
    can_follow_up_review,
    get_review_for_user_or_404,
)
from kith.care_reviews.forms import (
    AllocateIroForm,
    ChallengeForm,
    ContactForm,
    DecisionDoneForm,
    EscalateForm,
    MinutesForm,
    ResolveForm,
    ReviewForm,
    SupportOfferForm,
)
from kith.care_reviews.models import IroChallenge, ReviewDecision
from kith.children_in_care.access import get_period_for_user_or_404
from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.access.roles import Role
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import run_action
from kith.workforce.models import StaffMember


def _casework(child: Any) -> str:
    return reverse("people:casework", args=[child.pk])


def _simple(request: AuthenticatedRequest, form: Form, *, child: Any, heading: str, submit: str) -> HttpResponse:
    context = {
        "form": form,
        "child": child,
        "heading": heading,
        "caption": child.full_name,
        "submit": submit,
        "cancel": _casework(child),
    }
    return render(request, "care_reviews/form.html", context)


@require_http_methods(["GET", "POST"])
def new_review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_chair_review)
    previous = queries.last_review(period)
    form_key = f"care_reviews.review:{period.pk}"
    form = form_with_draft(request, form_key, ReviewForm, initial={"held_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        checked = data["previous_decisions_checked"]
        review = run_action(
            form,
            lambda: actions.hold_review(
                period,
                held_on=data["held_on"],
                participation=data["participation"],
                iro_met_child_on=data["iro_met_child_on"],
                why_iro_did_not_meet_child=data["why_iro_did_not_meet_child"],
                reports_received=data["reports_received"],
                previous_decisions_checked=None if not checked else checked == "yes",
                previous_decisions_notes=data["previous_decisions_notes"],
                child_views=data["child_views"],
                parents_views=data["parents_views"],
                carers_views=data["carers_views"],
                progress=data["progress"],
                care_plan_meets_needs=data["care_plan_meets_needs"] == "yes",
                decisions=form.decisions(),
                complaints_information_given=data["complaints_information_given"] == "yes",
                advocate_offered=data["advocate_offered"] == "yes",
                by=request.user,
            ),
        )
        if review is not None:
            discard_draft(request.user, form_key)
            messages.success(request, "Review recorded")
            return redirect("care_reviews:review", review.pk)
    context = {
        "form": form,
        "form_key": form_key,
        "period": period,
        "child": period.child,
        "previous": previous,
        "previous_decisions": list(queries.open_decisions(previous)) if previous else [],
    }
    return render(request, "care_reviews/new_review.html", context)


@require_GET
def review(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_review_for_user_or_404(request.user, pk, page=request.path)
    context = {
        "review": found,
        "child": found.child,
        "decisions": list(found.decisions.all()),
        "may_follow_up": can_follow_up_review(request.user, found.child),
        "minutes_form": MinutesForm(initial={"distributed_on": clock.today()}),
        "done_form": DecisionDoneForm(initial={"completed_on": clock.today()}),
    }
    return render(request, "care_reviews/review.html", context)


@require_http_methods(["GET", "POST"])
def minutes(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_review_for_user_or_404(request.user, pk, page=request.path, allowed=can_follow_up_review)
    form = MinutesForm(request.POST or None, initial={"distributed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_minutes_distributed(
                found, distributed_on=data["distributed_on"], recipients=data["recipients"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Minutes recorded as sent")
            return redirect("care_reviews:review", found.pk)
    return _simple(request, form, child=found.child, heading="Record the minutes sent", submit="Save")


@require_http_methods(["GET", "POST"])
def decision_done(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    decision = ReviewDecision.objects.select_related("review").filter(pk=pk).first()
    if decision is None:
        raise Http404("No such decision")
    found = get_review_for_user_or_404(
        request.user, decision.review_id, page=request.path, allowed=can_follow_up_review
    )
    decision.review = found
    form = DecisionDoneForm(request.POST or None, initial={"completed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        done = run_action(
            form,
            lambda: actions.complete_review_decision(
                decision, completed_on=form.cleaned_data["completed_on"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Decision marked as done")
            return redirect("care_reviews:review", found.pk)
    return _simple(request, form, child=found.child, heading=f"Carried out: {decision.decision}", submit="Save")


@require_http_methods(["GET", "POST"])
def allocate_iro(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_allocate_iro)
    iros = StaffMember.objects.filter(role=Role.IRO, is_active=True).order_by("full_name")
    choices = [(str(iro.pk), iro.full_name) for iro in iros]
    form = AllocateIroForm(request.POST or None, iros=choices, initial={"allocated_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        iro = iros.get(pk=int(data["iro"]))
        done = run_action(
            form, lambda: actions.allocate_iro(period, iro=iro, allocated_on=data["allocated_on"], by=request.user)
        )
        if done is not None:
            messages.success(request, f"{iro.full_name} is now the IRO")
            return redirect(_casework(period.child))
    return _simple(request, form, child=period.child, heading="Allocate the IRO", submit="Allocate")


@require_http_methods(["GET", "POST"])
def new_contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_chair_review)
    form = ContactForm(request.POST or None, initial={"contact_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_iro_contact(
                period, contact_on=data["contact_on"], kind=data["kind"], notes=data["notes"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Contact recorded")
            return redirect(_casework(period.child))
    return _simple(request, form, child=period.child, heading="Record IRO contact with the child", submit="Save")


@require_http_methods(["GET", "POST"])
def new_challenge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_chair_review)
    form = ChallengeForm(request.POST or None, initial={"raised_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.raise_iro_challenge(
                period, raised_on=data["raised_on"], concern=data["concern"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Challenge recorded")
            return redirect(_casework(period.child))
    return _simple(request, form, child=period.child, heading="Raise an IRO challenge", submit="Save")


def _challenge(request: AuthenticatedRequest, pk: int) -> IroChallenge:
    challenge = IroChallenge.objects.filter(pk=pk).first()
    if challenge is None:
        raise Http404("No such challenge")
    challenge.child = get_person_for_user_or_404(
        request.user, challenge.child_id, page=request.path, allowed=can_chair_review
    )
    return challenge


@require_http_methods(["GET", "POST"])
def escalate_challenge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    challenge = _challenge(request, pk)
    form = EscalateForm(request.POST or None, initial={"escalated_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.escalate_iro_challenge(
                challenge,
                escalated_on=data["escalated_on"],
                to_stage=data["to_stage"],
                reason=data["reason"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "Challenge escalated")
            return redirect(_casework(challenge.child))
    return _simple(request, form, child=challenge.child, heading="Escalate the challenge", submit="Escalate")


@require_http_methods(["GET", "POST"])
def resolve_challenge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    challenge = _challenge(request, pk)
    form = ResolveForm(request.POST or None, initial={"resolved_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.resolve_iro_challenge(
                challenge, resolved_on=data["resolved_on"], agreed_actions=data["agreed_actions"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, "Challenge resolved")
            return redirect(_casework(challenge.child))
    return _simple(request, form, child=challenge.child, heading="Resolve the challenge", submit="Save")


@require_http_methods(["GET", "POST"])
def new_support_offer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_follow_up_review)
    form = SupportOfferForm(request.POST or None, initial={"offered_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        offer = run_action(form, lambda: actions.record_support_offer(period, **form.cleaned_data, by=request.user))
        if offer is not None:
            messages.success(request, f"{offer.get_kind_display()} offer recorded")
            return redirect(_casework(period.child))
    return _simple(
        request, form, child=period.child, heading="An advocate or independent visitor", submit="Record the offer"
    )
