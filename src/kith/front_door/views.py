"""The front door's pages: access check, form, one action, redirect; refusals are 404s.

Pages: the front door (contacts awaiting a decision and decided today), a new contact,
a contact (screening, consent, decision, follow-up), a referral (the episode, its closure),
professional disagreements, police protection (trends by month, R-122), out-of-hours
calls and the day team's handovers, and early help assessments with their audit (R-042).
"""

from __future__ import annotations

from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kith.front_door import actions
from kith.front_door.access import (
    can_acknowledge_handover,
    can_audit_early_help,
    can_make_front_door_decision,
    can_record_front_door_work,
    can_see_early_help_audits,
    can_use_front_door,
    can_view_front_door,
    can_view_police_protection_trends,
    contacts_visible_to,
    early_help_assessments_visible_to,
    get_contact_for_user_or_404,
    get_disagreement_for_user_or_404,
    get_early_help_assessment_for_user_or_404,
    get_out_of_hours_record_for_user_or_404,
    get_police_protection_for_user_or_404,
    get_referral_for_user_or_404,
    out_of_hours_records_visible_to,
    police_protections_visible_to,
)
from kith.front_door.forms import (
    AcknowledgeForm,
    AuditForm,
    ClosureForm,
    ConsentSignOffForm,
    ContactForm,
    DecisionForm,
    DisagreementForm,
    EarlyHelpAssessmentForm,
    EndPoliceProtectionForm,
    EscalationForm,
    FollowUpForm,
    OutOfHoursForm,
    PoliceProtectionForm,
    ReferralForm,
    ResolutionForm,
    ScreeningForm,
    kith_ids,
)
from kith.front_door.models import Consent, Contact, ContactDecision, Referral
from kith.front_door.queries import (
    children_concerned,
    children_of,
    contacts_awaiting_decision,
    contacts_decided_on,
    deadline_words,
    deadlines_of,
    disagreements_about,
    early_help_awaiting_audit,
    early_help_follow_ups_due,
    handovers_awaiting,
    linked_records,
    open_deadline,
    police_protection_by_month,
    police_protection_outcomes,
)
from kith.people.access import get_person_for_user_or_404, people_visible_to, staff_of
from kith.people.models import Person
from kith.people.queries import relationships_of
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import run_action

RECENT_POLICE_PROTECTIONS = 50
LONDON = ZoneInfo("Europe/London")
T = TypeVar("T")


def _form_page(
    request: AuthenticatedRequest,
    form: forms.Form,
    *,
    heading: str,
    submit: str,
    cancel: str,
    child: Person | None = None,
    caption: str = "",
    intro: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "heading": heading,
        "submit": submit,
        "cancel": cancel,
        "child": child,
        "caption": caption or (child.full_name if child else ""),
        "intro": intro,
    }
    return render(request, "front_door/form.html", context, status=status)


def _people(user: Any, form: forms.Form, field: str, pks: list[int]) -> list[Person]:
    """The people with these Kith IDs that the user may see, in the order typed; an error for any other."""
    found = {person.pk: person for person in people_visible_to(user).filter(pk__in=pks)}
    for pk in pks:
        if pk not in found:
            form.add_error(field, f"There is no record K{pk:07d} that you can open: check the Kith ID")
    return [found[pk] for pk in pks if pk in found]


# --- the front door page ---------------------------------------------------------------------------------


@require_http_methods(["GET"])
def home(request: AuthenticatedRequest) -> HttpResponse:
    """Contacts awaiting a decision, oldest first with the decision due date; and those decided today."""
    if not can_use_front_door(request.user):
        raise Http404
    visible = contacts_visible_to(request.user)
    context = {
        "awaiting": contacts_awaiting_decision(visible),
        "decided_today": contacts_decided_on(visible, clock.today()),
        "follow_ups": early_help_follow_ups_due(visible),
        "today": clock.today(),
        "can_see_trends": can_view_police_protection_trends(request.user),
        "can_see_audits": can_see_early_help_audits(request.user),
    }
    return render(request, "front_door/home.html", context)


# --- contacts --------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def new_contact(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    """A new contact: from the front door page, or from a child's record with the child already chosen."""
    user = request.user
    if not can_use_front_door(user):
        raise Http404
    child = None
    family: list[tuple[str, str]] = []
    initial: dict[str, Any] = {
        "received_on": clock.today(),
        "received_time": clock.now().astimezone(LONDON).strftime("%H:%M"),
    }
    if pk is not None:
        child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
        initial["children"] = kith_ids([child.pk])
        visible = set(people_visible_to(user).values_list("pk", flat=True))
        family = [
            (str(other.pk), f"{other.full_name} ({title}, {other.kith_id})")
            for title, other in ((r.title_from(child), r.other_than(child)) for r in relationships_of(child))
            if other.pk in visible and not other.is_child
        ]
    form_key = f"front_door.contact:{child.pk if child else 'new'}"
    form = form_with_draft(request, form_key, ContactForm, initial=initial, family=family)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        children = _people(user, form, "children", data["children"])
        adult_ids = [int(pk) for pk in data.get("family", [])] + data["adults"]
        adults = _people(user, form, "adults", adult_ids)
        contact = None
        if not form.errors:
            contact = run_action(
                form,
                lambda: actions.record_contact(
                    children,
                    received_at=data["received_at"],
                    source=data["source"],
                    referrer_name=data["referrer_name"],
                    referrer_organisation=data["referrer_organisation"],
                    referrer_contact_details=data["referrer_contact_details"],
                    adults=adults,
                    reason=data["reason"],
                    consent=data["consent"],
                    consent_rationale=data["consent_rationale"],
                    history_checks=data["history_checks"],
                    history_findings=data["history_findings"],
                    by=user,
                ),
            )
        if contact is not None:
            discard_draft(user, form_key)
            deadline = open_deadline(actions.REFERRAL_DECISION, contact)
            due = f". {deadline_words(deadline)}" if deadline else ""
            messages.success(request, f"Contact recorded{due}")
            return redirect("front_door:contact", contact.pk)
    return render(request, "front_door/new_contact.html", {"form": form, "child": child, "form_key": form_key})


def _contact_page(request: AuthenticatedRequest, contact: Contact, **forms_given: forms.Form) -> HttpResponse:
    user = request.user
    children = children_of(contact)
    may_record = all(can_record_front_door_work(user, child) for child in children)
    may_decide = all(can_make_front_door_decision(user, child) for child in children)
    undecided = contact.decided_at is None
    needs_sign_off = contact.consent == Consent.DISPENSED_WITH and contact.consent_signed_off_at is None
    awaiting_follow_up = contact.decision == ContactDecision.EARLY_HELP and contact.early_help_followed_up_on is None
    context = {
        "contact": contact,
        "children": children,
        "adults": list(contact.adults.all()),
        "referrals": list(contact.referrals.select_related("child")),
        "deadlines": deadlines_of([contact]),
        "disagreements": disagreements_about(contact),
        "may_record": may_record,
        "screening_form": forms_given.get("screening_form")
        or (
            ScreeningForm(
                initial={
                    "history_checks": contact.history_checks,
                    "history_findings": contact.history_findings,
                    "screening_analysis": contact.screening_analysis,
                    "priority": contact.priority,
                }
            )
            if may_record and undecided
            else None
        ),
        "consent_form": forms_given.get("consent_form")
        or (ConsentSignOffForm() if may_decide and needs_sign_off else None),
        "decision_form": forms_given.get("decision_form") or (DecisionForm() if may_decide and undecided else None),
        "follow_up_form": forms_given.get("follow_up_form")
        or (FollowUpForm(initial={"followed_up_on": clock.today()}) if may_record and awaiting_follow_up else None),
        "may_raise_disagreement": may_record and not undecided,
    }
    return render(request, "front_door/contact.html", context)


@require_http_methods(["GET"])
def contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Everything recorded about a contact, with the screening, consent, decision and follow-up forms."""
    found = get_contact_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_front_door)
    return _contact_page(request, found)


@require_http_methods(["POST"])
def screen(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_contact_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = ScreeningForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.screen_contact(
                found,
                screening_analysis=data["screening_analysis"],
                priority=data["priority"],
                history_checks=data["history_checks"],
                history_findings=data["history_findings"],
                by=user,
            ),
        )
        if done is not None:
            messages.success(request, "Screening recorded")
            return redirect("front_door:contact", found.pk)
    found.refresh_from_db()
    return _contact_page(request, found, screening_form=form)


@require_http_methods(["POST"])
def sign_off_consent(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_contact_for_user_or_404(user, pk, page=request.path, allowed=can_make_front_door_decision)
    form = ConsentSignOffForm(request.POST)
    if form.is_valid():
        rationale = form.cleaned_data["rationale"]
        done = run_action(form, lambda: actions.sign_off_consent_dispensed(found, rationale=rationale, by=user))
        if done is not None:
            messages.success(request, "Agreement to proceed without consent recorded")
            return redirect("front_door:contact", found.pk)
    found.refresh_from_db()
    return _contact_page(request, found, consent_form=form)


@require_http_methods(["POST"])
def decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_contact_for_user_or_404(user, pk, page=request.path, allowed=can_make_front_door_decision)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.decide_contact(
                found,
                decision=data["decision"],
                rationale=data["rationale"],
                advice_given=data["advice_given"],
                threshold_level=data["threshold_level"],
                primary_need=data["primary_need"],
                no_further_action=data["no_further_action"],
                stepped_up_from_early_help=data["stepped_up_from_early_help"],
                step_up_reason=data["step_up_reason"],
                by=user,
            ),
        )
        if done is not None:
            referred = [referral.child.full_name for referral in found.referrals.select_related("child")]
            made = f": referral made for {', '.join(referred)}" if referred else ""
            messages.success(request, f"Decision recorded{made}")
            return redirect("front_door:contact", found.pk)
    found.refresh_from_db()
    return _contact_page(request, found, decision_form=form)


@require_http_methods(["POST"])
def follow_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_contact_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.record_early_help_follow_up(
                found,
                followed_up_on=data["followed_up_on"],
                family_got_help=data["family_got_help"] == "yes",
                notes=data["notes"],
                by=user,
            ),
        )
        if done is not None:
            messages.success(request, "Early help follow-up recorded")
            return redirect("front_door:contact", found.pk)
    found.refresh_from_db()
    return _contact_page(request, found, follow_up_form=form)


# --- referrals -------------------------------------------------------------------------------------------


def _referral_page(
    request: AuthenticatedRequest, referral: Referral, closure_form: ClosureForm | None = None
) -> HttpResponse:
    user = request.user
    may_close = referral.is_open and can_make_front_door_decision(user, referral.child)
    context = {
        "referral": referral,
        "child": referral.child,
        "linked": linked_records(referral),
        "deadlines": deadlines_of([referral]),
        "disagreements": disagreements_about(referral),
        "days_open": ((referral.closed_on or clock.today()) - referral.referral_date).days,
        "closure_form": closure_form or (ClosureForm(initial={"closed_on": clock.today()}) if may_close else None),
        "may_raise_disagreement": can_record_front_door_work(user, referral.child),
    }
    return render(request, "front_door/referral.html", context)


@require_http_methods(["GET"])
def referral(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child in need episode: dates, source, need, re-referral, the work on it, and its closure."""
    found = get_referral_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_front_door)
    return _referral_page(request, found)


@require_http_methods(["POST"])
def close_referral(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_referral_for_user_or_404(user, pk, page=request.path, allowed=can_make_front_door_decision)
    form = ClosureForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.close_referral(
                found,
                closed_on=data["closed_on"],
                reason=data["reason"],
                rationale=data["rationale"],
                stepped_down_to_early_help=data["stepped_down_to_early_help"],
                step_down_reason=data["step_down_reason"],
                by=user,
            ),
        )
        if done is not None:
            messages.success(request, f"Case closed for {found.child.full_name}")
            return redirect("front_door:referral", found.pk)
    found.refresh_from_db()
    return _referral_page(request, found, closure_form=form)


@require_http_methods(["GET", "POST"])
def new_referral(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A referral not made through a contact: handed over from out of hours, or stepped up from early help."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = ReferralForm(request.POST or None, initial={"referral_date": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = run_action(
            form,
            lambda: actions.record_referral(
                child,
                referral_date=data["referral_date"],
                source=data["source"],
                threshold_level=data["threshold_level"],
                primary_need=data["primary_need"],
                no_further_action=data["no_further_action"],
                stepped_up_from_early_help=data["stepped_up_from_early_help"],
                step_up_reason=data["step_up_reason"],
                by=user,
            ),
        )
        if made is not None:
            messages.success(request, f"Referral recorded for {child.full_name}")
            return redirect("front_door:referral", made.pk)
    return _form_page(
        request,
        form,
        heading="Record a referral",
        submit="Record referral",
        cancel=reverse("people:record", args=[child.pk]),
        child=child,
        intro="For a referral that did not come through a contact: handed over from out of hours, or a child "
        "stepped up from early help. Most referrals are made by deciding a contact.",
    )


# --- professional disagreement (R-075) ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def new_disagreement(request: AuthenticatedRequest, pk: int, about: str) -> HttpResponse:
    user = request.user
    subject: Contact | Referral
    if about == "contact":
        subject = get_contact_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
        back = reverse("front_door:contact", args=[subject.pk])
    else:
        subject = get_referral_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
        back = reverse("front_door:referral", args=[subject.pk])
    form = DisagreementForm(request.POST or None, initial={"raised_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = run_action(
            form,
            lambda: actions.record_professional_disagreement(
                subject,
                raised_on=data["raised_on"],
                raised_by_name=data["raised_by_name"],
                raised_by_agency=data["raised_by_agency"],
                disagreement=data["disagreement"],
                by=user,
            ),
        )
        if made is not None:
            messages.success(request, "Professional disagreement recorded")
            return redirect(back)
    return _form_page(
        request,
        form,
        heading="Record a professional disagreement",
        submit="Record disagreement",
        cancel=back,
        caption=str(subject),
        intro="A partner disagrees with the decision. Record it here, then its escalation and how it was resolved.",
    )


def _disagreement_page(request: AuthenticatedRequest, found: Any, **forms_given: forms.Form) -> HttpResponse:
    user = request.user
    children = children_concerned(found)
    open_now = found.resolved_on is None
    may_record = all(can_record_front_door_work(user, child) for child in children)
    may_decide = all(can_make_front_door_decision(user, child) for child in children)
    context = {
        "disagreement": found,
        "children": children,
        "escalation_form": forms_given.get("escalation_form")
        or (EscalationForm(initial={"escalated_on": clock.today()}) if may_record and open_now else None),
        "resolution_form": forms_given.get("resolution_form")
        or (ResolutionForm(initial={"resolved_on": clock.today()}) if may_decide and open_now else None),
    }
    return render(request, "front_door/disagreement.html", context)


@require_http_methods(["GET"])
def disagreement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_disagreement_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_front_door)
    return _disagreement_page(request, found)


@require_http_methods(["POST"])
def escalate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_disagreement_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = EscalationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.escalate_professional_disagreement(
                found,
                stage=data["stage"],
                escalated_on=data["escalated_on"],
                escalated_to=data["escalated_to"],
                notes=data["notes"],
                by=user,
            ),
        )
        if done is not None:
            messages.success(request, "Escalation recorded")
            return redirect("front_door:disagreement", found.pk)
    found.refresh_from_db()
    return _disagreement_page(request, found, escalation_form=form)


@require_http_methods(["POST"])
def resolve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_disagreement_for_user_or_404(user, pk, page=request.path, allowed=can_make_front_door_decision)
    form = ResolutionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.resolve_professional_disagreement(
                found,
                resolved_on=data["resolved_on"],
                outcome=data["outcome"],
                resolution=data["resolution"],
                by=user,
            ),
        )
        if done is not None:
            messages.success(request, "Resolution recorded")
            return redirect("front_door:disagreement", found.pk)
    found.refresh_from_db()
    return _disagreement_page(request, found, resolution_form=form)


# --- police protection (R-122) ---------------------------------------------------------------------------------


@require_http_methods(["GET"])
def police_protections(request: AuthenticatedRequest) -> HttpResponse:
    """Police protection by month, in and out of office hours, what followed, and the latest uses."""
    if not can_view_police_protection_trends(request.user):
        raise Http404
    visible = police_protections_visible_to(request.user)
    context = {
        "months": police_protection_by_month(visible),
        "outcomes": police_protection_outcomes(visible),
        "recent": list(visible.select_related("child").order_by("-started_at")[:RECENT_POLICE_PROTECTIONS]),
    }
    return render(request, "front_door/police_protections.html", context)


@require_http_methods(["GET", "POST"])
def new_police_protection(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = PoliceProtectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = run_action(
            form,
            lambda: actions.record_police_protection(
                child,
                started_at=data["started_at"],
                reason=data["reason"],
                police_officer=data["police_officer"],
                where_placed=data["where_placed"],
                parents_informed_at=data["parents_informed_at"],
                social_worker=staff_of(user),
                by=user,
            ),
        )
        if made is not None:
            messages.success(request, f"Police protection recorded for {child.full_name}")
            return redirect("front_door:police_protection", made.pk)
    return _form_page(
        request,
        form,
        heading="Record police protection",
        submit="Record police protection",
        cancel=reverse("people:record", args=[child.pk]),
        child=child,
        intro="Kith works out from the date and time whether it was in or out of office hours (9am to 5pm, "
        "Monday to Friday, not bank holidays).",
    )


def _police_protection_page(request: AuthenticatedRequest, found: Any, form: forms.Form | None = None) -> HttpResponse:
    may_end = found.ended_at is None and can_record_front_door_work(request.user, found.child)
    context = {
        "protection": found,
        "child": found.child,
        "form": form or (EndPoliceProtectionForm() if may_end else None),
    }
    return render(request, "front_door/police_protection.html", context)


@require_http_methods(["GET"])
def police_protection(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_police_protection_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_front_door)
    return _police_protection_page(request, found)


@require_http_methods(["POST"])
def end_police_protection(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_police_protection_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = EndPoliceProtectionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.end_police_protection(
                found, ended_at=data["ended_at"], what_followed=data["what_followed"], notes=data["notes"], by=user
            ),
        )
        if done is not None:
            messages.success(request, "End of police protection recorded")
            return redirect("front_door:police_protection", found.pk)
    found.refresh_from_db()
    return _police_protection_page(request, found, form)


# --- out of hours --------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def new_out_of_hours_call(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not can_use_front_door(user):
        raise Http404
    form = OutOfHoursForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        children = _people(user, form, "children", data["children"])
        made = None
        if not form.errors:
            made = run_action(
                form,
                lambda: actions.record_out_of_hours_call(
                    children,
                    received_at=data["received_at"],
                    caller=data["caller"],
                    responsible_authority=data["responsible_authority"],
                    what_happened=data["what_happened"],
                    advice_or_action=data["advice_or_action"],
                    strategy_discussion_held=data["strategy_discussion_held"],
                    call_back_needed=data["call_back_needed"],
                    handed_over_to=data["handed_over_to"],
                    by=user,
                ),
            )
        if made is not None:
            messages.success(request, f"Out-of-hours call recorded and handed over to {data['handed_over_to'].name}")
            return redirect("front_door:out_of_hours", made.pk)
    return _form_page(
        request,
        form,
        heading="Record an out-of-hours call",
        submit="Record and hand over",
        cancel=reverse("front_door:home"),
        caption="Emergency duty team",
        intro="The day team you choose sees this call in its out-of-hours handovers until someone picks it up.",
    )


@require_http_methods(["GET"])
def handovers(request: AuthenticatedRequest) -> HttpResponse:
    """Out-of-hours calls handed over to the user's team that nobody has picked up yet."""
    user = request.user
    staff = staff_of(user)
    if staff is None or not can_use_front_door(user):
        raise Http404
    waiting = handovers_awaiting(staff.team, out_of_hours_records_visible_to(user))
    return render(request, "front_door/handovers.html", {"team": staff.team, "handovers": waiting})


def _out_of_hours_page(request: AuthenticatedRequest, found: Any, form: forms.Form | None = None) -> HttpResponse:
    may_acknowledge = found.acknowledged_at is None and can_acknowledge_handover(request.user, found)
    context = {
        "record": found,
        "children": list(found.children.all()),
        "form": form or (AcknowledgeForm() if may_acknowledge else None),
    }
    return render(request, "front_door/out_of_hours.html", context)


@require_http_methods(["GET"])
def out_of_hours(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_out_of_hours_record_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_front_door)
    return _out_of_hours_page(request, found)


@require_http_methods(["POST"])
def acknowledge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_out_of_hours_record_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    if not can_acknowledge_handover(user, found):
        raise Http404("No such record")
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        action_text = form.cleaned_data["day_team_action"]
        done = run_action(form, lambda: actions.acknowledge_handover(found, day_team_action=action_text, by=user))
        if done is not None:
            messages.success(request, "Handover picked up")
            return redirect("front_door:handovers")
    found.refresh_from_db()
    return _out_of_hours_page(request, found, form)


# --- early help (R-042) -------------------------------------------------------------------------------------


@require_http_methods(["GET"])
def early_help(request: AuthenticatedRequest) -> HttpResponse:
    """Partners' early help assessments waiting for audit."""
    if not can_see_early_help_audits(request.user):
        raise Http404
    waiting = early_help_awaiting_audit(early_help_assessments_visible_to(request.user))
    return render(request, "front_door/early_help.html", {"waiting": waiting})


@require_http_methods(["GET", "POST"])
def new_early_help_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_front_door_work)
    form = EarlyHelpAssessmentForm(request.POST or None, initial={"assessed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = run_action(
            form,
            lambda: actions.record_early_help_assessment(
                child,
                agency=data["agency"],
                lead_professional=data["lead_professional"],
                assessed_on=data["assessed_on"],
                level_of_need=data["level_of_need"],
                needs_identified=data["needs_identified"],
                plan=data["plan"],
                family_consented=data["family_consented"] == "yes",
                outcome=data["outcome"],
                by=user,
            ),
        )
        if made is not None:
            messages.success(request, f"Early help assessment recorded for {child.full_name}")
            return redirect("front_door:early_help_assessment", made.pk)
    return _form_page(
        request,
        form,
        heading="Record an early help assessment",
        submit="Record assessment",
        cancel=reverse("people:record", args=[child.pk]),
        child=child,
        intro="An early help assessment (CAF, family help) made by a partner agency. A manager or auditor audits it.",
    )


def _early_help_page(request: AuthenticatedRequest, found: Any, form: forms.Form | None = None) -> HttpResponse:
    may_audit = found.audited_on is None and can_audit_early_help(request.user, found.child)
    context = {
        "assessment": found,
        "child": found.child,
        "form": form or (AuditForm(initial={"audited_on": clock.today()}) if may_audit else None),
    }
    return render(request, "front_door/early_help_assessment.html", context)


@require_http_methods(["GET"])
def early_help_assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_early_help_assessment_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_front_door)
    return _early_help_page(request, found)


@require_http_methods(["POST"])
def audit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_early_help_assessment_for_user_or_404(user, pk, page=request.path, allowed=can_audit_early_help)
    form = AuditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.audit_early_help_assessment(
                found, grade=data["grade"], findings=data["findings"], audited_on=data["audited_on"], by=user
            ),
        )
        if done is not None:
            messages.success(request, "Audit recorded")
            return redirect("front_door:early_help_assessment", found.pk)
    found.refresh_from_db()
    return _early_help_page(request, found, form)
