"""Assessment, strategy discussion and section 47 pages: access check, form, one action, redirect.

The assessment is a GOV.UK task list: each section is its own page saved with
``save_assessment`` (drafts keep what is typed), then a check-answers page completes it
and a manager authorises it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kith.assessments.access import (
    can_authorise_assessment,
    can_record_case_work,
    can_view_assessments,
    get_assessment_for_user_or_404,
    get_discussion_for_user_or_404,
    get_enquiry_for_user_or_404,
)
from kith.assessments.actions import (
    authorise_assessment,
    complete_assessment,
    complete_section_47,
    record_strategy_discussion,
    save_assessment,
    start_assessment,
    start_section_47,
)
from kith.assessments.forms import (
    SECTION_FORMS,
    AuthoriseAssessmentForm,
    CompleteAssessmentForm,
    CompleteSection47Form,
    ParticipantFormSet,
    StartAssessmentForm,
    StartSection47Form,
    StrategyDiscussionForm,
)
from kith.assessments.models import Assessment, StrategyDiscussion
from kith.assessments.queries import (
    assessments_of,
    discussions_of,
    due_for,
    enquiries_of,
    open_referral_of,
    took_part_from_health,
    workers_to_choose,
)
from kith.assessments.rules import SECTIONS_BY_SLUG, completion_gaps, section_statuses, sections_for
from kith.people.access import get_person_for_user_or_404, staff_of
from kith.people.queries import relationships_of
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.drafts.forms import discard_draft, form_data_with_draft, form_with_draft, hold_back_errors
from kith.platform.form_problems import show_problems
from kith.platform.reference.cin_census import AssessmentFactor
from kith.platform.rules import EditConflict, NotAllowed, RuleBroken

EDIT_CONFLICT = (
    "Someone else saved changes to this assessment while you were editing. Your changes are below and have not "
    "been saved: check the assessment, then save again to keep yours."
)
NO_REFERRAL = (
    "{name} has no open referral. Assessments, strategy discussions and section 47 enquiries are recorded "
    "under a referral from the front door."
)


def _shown(value: object, choices: dict[str, str]) -> str:
    if value is None or value == "" or value == []:
        return "Not recorded"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, list):
        return "; ".join(choices.get(str(code), str(code)) for code in value)
    return str(value)


def answers_of(assessment: Assessment) -> list[dict[str, Any]]:
    """Each section's questions and answers, as the check-answers and authorisation pages show them."""
    factor_names = dict(AssessmentFactor.choices)
    shown = []
    for section in sections_for(assessment):
        fields = SECTION_FORMS[section.slug].base_fields
        rows = [(fields[name].label, _shown(getattr(assessment, name), factor_names)) for name in section.fields]
        shown.append({"section": section, "rows": rows})
    return shown


# --- the child's assessments ------------------------------------------------------------------------


@require_GET
def child_assessments(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Every assessment, strategy discussion and section 47 enquiry of the child, newest first."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_view_assessments)
    discussions = list(discussions_of(child))
    context = {
        "child": child,
        "referral": open_referral_of(child),
        "assessments": list(assessments_of(child)),
        "discussions": [(discussion, took_part_from_health(discussion)) for discussion in discussions],
        "enquiries": list(enquiries_of(child)),
        "due": due_for(child, today=clock.today()),
        "can_record": can_record_case_work(user, child),
    }
    return render(request, "assessments/child.html", context)


@require_http_methods(["GET", "POST"])
def start(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    referral = open_referral_of(child)
    if referral is None:
        messages.error(request, NO_REFERRAL.format(name=child.full_name))
        return redirect("assessments:child", child.pk)
    me = staff_of(user)
    relatives = [
        relationship.other_than(child) for relationship in relationships_of(child) if not relationship.ended_on
    ]
    form = StartAssessmentForm(
        request.POST or None,
        workers=workers_to_choose(child, also=me),
        relatives=[person for person in relatives if not person.is_child],
        initial={"started_on": clock.today(), "worker": str(me.pk) if me else ""},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = start_assessment(
                referral,
                kind=data["kind"],
                started_on=data["started_on"],
                worker=form.chosen_worker(),
                connected_person=form.chosen_connected_person(),
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, f"{assessment.get_kind_display()} started")
            return redirect("assessments:assessment", assessment.pk)
    return render(request, "assessments/start.html", {"child": child, "referral": referral, "form": form})


# --- one assessment ----------------------------------------------------------------------------------


@require_GET
def assessment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The assessment as a task list, or, once completed, as the record of what was found (R-039)."""
    user = request.user
    found = get_assessment_for_user_or_404(user, pk, page=request.path)
    child = found.child
    context = {
        "child": child,
        "assessment": found,
        "statuses": section_statuses(found),
        "gaps": completion_gaps(found),
        "due": [item for item in due_for(child, today=clock.today()) if item.title == "Assessment"],
        "can_record": can_record_case_work(user, child),
        "can_authorise": can_authorise_assessment(user, child),
        "enquiries": list(found.section_47_enquiries.all()),
        "answers": answers_of(found),
    }
    return render(request, "assessments/assessment.html", context)


@require_http_methods(["GET", "POST"])
def section(request: AuthenticatedRequest, pk: int, slug: str) -> HttpResponse:
    """One section of the assessment, saved as work in progress."""
    user = request.user
    found = get_assessment_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    if slug not in SECTION_FORMS or SECTIONS_BY_SLUG[slug] not in sections_for(found):
        raise Http404("No such section")
    if found.completed_on is not None:
        messages.info(request, "This assessment is completed: it can no longer be changed")
        return redirect("assessments:assessment", found.pk)
    form_class = SECTION_FORMS[slug]
    form_key = f"assessments.assessment_{slug}:{found.pk}"
    form = form_with_draft(request, form_key, form_class, initial=form_class.initial_from(found))
    if request.method == "POST" and form.is_valid():
        try:
            save_assessment(found, answers=form.answers(), version=form.cleaned_data["version"], by=user)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
            found.refresh_from_db()
            typed = QueryDict(mutable=True)
            typed.update(request.POST)
            typed["version"] = str(found.version)
            form.data = typed
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            discard_draft(user, form_key)
            messages.success(request, f"{SECTIONS_BY_SLUG[slug].title}: saved")
            return redirect("assessments:assessment", found.pk)
    context = {
        "child": found.child,
        "assessment": found,
        "section": SECTIONS_BY_SLUG[slug],
        "form": form,
        "form_key": form_key,
    }
    return render(request, "assessments/section.html", context)


@require_http_methods(["GET", "POST"])
def complete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Check the answers, then complete the assessment with its outcome."""
    user = request.user
    found = get_assessment_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    if found.completed_on is not None:
        return redirect("assessments:assessment", found.pk)
    form_key = f"assessments.assessment_outcome:{found.pk}"
    form = form_with_draft(request, form_key, CompleteAssessmentForm, initial={"completed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complete_assessment(
                found,
                completed_on=data["completed_on"],
                outcome=data["outcome"],
                outcome_rationale=data["outcome_rationale"],
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            discard_draft(user, form_key)
            messages.success(request, "Assessment completed: it is now waiting for a manager to authorise it")
            return redirect("assessments:assessment", found.pk)
    context = {
        "child": found.child,
        "assessment": found,
        "answers": answers_of(found),
        "gaps": completion_gaps(found),
        "form": form,
        "form_key": form_key,
    }
    return render(request, "assessments/complete.html", context)


@require_http_methods(["GET", "POST"])
def authorise(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A manager's sign-off of a completed assessment (R-037)."""
    user = request.user
    found = get_assessment_for_user_or_404(user, pk, page=request.path, allowed=can_authorise_assessment)
    form = AuthoriseAssessmentForm(request.POST or None, initial={"authorised_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            authorise_assessment(found, authorised_on=data["authorised_on"], rationale=data["rationale"], by=user)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Assessment authorised")
            return redirect("assessments:assessment", found.pk)
    context = {"child": found.child, "assessment": found, "answers": answers_of(found), "form": form}
    return render(request, "assessments/authorise.html", context)


# --- strategy discussions ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def record_discussion(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A strategy discussion, with a repeating list of everyone who took part (R-060, R-062).

    Without JavaScript, "Add another person" posts the form and shows it again with one
    more row, keeping everything typed.
    """
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    referral = open_referral_of(child)
    if referral is None:
        messages.error(request, NO_REFERRAL.format(name=child.full_name))
        return redirect("assessments:child", child.pk)
    me = staff_of(user)
    form_key = f"assessments.strategy_discussion:{child.pk}"
    data = form_data_with_draft(request, form_key)
    adding_a_row = request.method == "POST" and "add_participant" in request.POST
    if adding_a_row and data is not None:
        data = data.copy()
        total = data.get("participants-TOTAL_FORMS", "0")
        data["participants-TOTAL_FORMS"] = str(int(total) + 1 if total.isdigit() else 1)
    form = StrategyDiscussionForm(
        data,
        chairs=workers_to_choose(child, also=me),
        initial={"held_on": clock.today(), "chair": str(me.pk) if me else ""},
    )
    participants = ParticipantFormSet(data, prefix="participants")
    if request.method == "POST" and not adding_a_row:
        form_ok, rows_ok = form.is_valid(), participants.is_valid()
        if form_ok and rows_ok:
            done = _record_discussion(request, referral, form, [row.participant() for row in participants])
            if done is not None:
                discard_draft(user, form_key)
                messages.success(request, "Strategy discussion recorded")
                return redirect("assessments:strategy_discussion", done.pk)
        _summarise_row_errors(form, participants)
    elif data is not None:
        hold_back_errors(form, participants)  # a draft or an added row: work in progress, no errors yet
    context = {"child": child, "form": form, "participants": participants, "form_key": form_key}
    return render(request, "assessments/record_discussion.html", context)


def _record_discussion(
    request: AuthenticatedRequest,
    referral: Any,
    form: StrategyDiscussionForm,
    participants: list[tuple[str, str, str]],
) -> StrategyDiscussion | None:
    data = form.cleaned_data
    try:
        return record_strategy_discussion(
            referral,
            held_at=form.held_at(),
            mode=data["mode"],
            out_of_hours=data["out_of_hours"],
            chair=form.chosen_chair(),
            participants=participants,
            information_shared=data["information_shared"],
            risk_analysis=data["risk_analysis"],
            decision=data["decision"],
            rationale=data["rationale"],
            immediate_protection=data["immediate_protection"],
            legal_advice_sought=data["legal_advice_sought"],
            actions=data["actions"],
            by=request.user,
        )
    except NotAllowed as refused:
        raise Http404("No such record") from refused
    except RuleBroken as broken:
        if "held_at" in broken.problems:
            broken.problems["held_on"] = broken.problems.pop("held_at")
        show_problems(form, broken)
        return None


def _summarise_row_errors(form: forms.Form, participants: forms.BaseFormSet[Any]) -> None:
    """The error summary reads the main form: add each row's problems to it, naming the row."""
    for number, row in enumerate(participants.forms, start=1):
        for messages_ in row.errors.values():
            for message in messages_:
                if not message.startswith("Person "):
                    form.add_error(None, f"Person {number}: {message}")


@require_GET
def discussion(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_discussion_for_user_or_404(user, pk, page=request.path)
    participants = list(found.participants.all())
    enquiries = list(found.enquiries.all())
    context = {
        "child": found.child,
        "discussion": found,
        "participants": participants,
        "health_took_part": took_part_from_health(found),
        "enquiries": enquiries,
        "can_start_enquiry": found.decided_section_47 and not enquiries and can_record_case_work(user, found.child),
    }
    return render(request, "assessments/discussion.html", context)


# --- section 47 enquiries ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def start_enquiry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_discussion_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    child = found.child
    me = staff_of(user)
    assessments = [a for a in Assessment.objects.filter(referral_id=found.referral_id) if a.is_about_the_child]
    form = StartSection47Form(
        request.POST or None,
        workers=workers_to_choose(child, also=me),
        assessments=assessments,
        initial={"started_on": clock.today(), "worker": str(me.pk) if me else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            enquiry = start_section_47(
                found,
                started_on=form.cleaned_data["started_on"],
                worker=form.chosen_worker(),
                assessment=form.chosen_assessment(),
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Section 47 enquiry started")
            return redirect("assessments:section_47", enquiry.pk)
    return render(request, "assessments/start_enquiry.html", {"child": child, "discussion": found, "form": form})


@require_GET
def enquiry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_enquiry_for_user_or_404(user, pk, page=request.path)
    context = {
        "child": found.child,
        "enquiry": found,
        "can_complete": found.ended_on is None and can_record_case_work(user, found.child),
    }
    return render(request, "assessments/enquiry.html", context)


@require_http_methods(["GET", "POST"])
def complete_enquiry(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    found = get_enquiry_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    if found.ended_on is not None:
        return redirect("assessments:section_47", found.pk)
    form_key = f"assessments.section_47_outcome:{found.pk}"
    form = form_with_draft(request, form_key, CompleteSection47Form, initial={"ended_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complete_section_47(
                found,
                ended_on=data["ended_on"],
                outcome=data["outcome"],
                findings=data["findings"],
                child_seen=data["child_seen"],
                child_seen_alone=data["child_seen_alone"],
                why_not_seen=data["why_not_seen"],
                medical_examination=data["medical_examination"],
                outcome_rationale=data["outcome_rationale"],
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            discard_draft(user, form_key)
            messages.success(request, "Section 47 enquiry completed")
            return redirect("assessments:section_47", found.pk)
    context = {"child": found.child, "enquiry": found, "form": form, "form_key": form_key}
    return render(request, "assessments/complete_enquiry.html", context)
