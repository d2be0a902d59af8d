"""Child protection pages: conferences (with a check-your-answers step), plans, core groups, the family's copy.

Each form page checks access (404 when not allowed), parses the form, calls one action and
redirects; when the action refuses, the user's input is kept and its messages are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.forms import BaseFormSet
from django.forms.utils import ErrorDict
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kith.child_protection.access import (
    can_chair_conference,
    can_follow_up_feedback,
    can_record_case_work,
    can_record_chair_feedback,
    can_view_child_protection,
    get_conference_for_user_or_404,
    get_core_group_for_user_or_404,
    get_plan_for_user_or_404,
)
from kith.child_protection.actions import (
    ObjectiveProgress,
    PlanDetails,
    end_child_protection_plan,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    record_chair_feedback,
    record_child_protection_plan_shared,
    record_feedback_follow_up,
)
from kith.child_protection.forms import (
    MORE_ROWS,
    ChairFeedbackForm,
    ConferenceForm,
    CoreGroupForm,
    CoreGroupMemberFormSet,
    EndPlanForm,
    FeedbackFollowUpForm,
    InitialConferenceForm,
    MemberFormSet,
    ObjectiveFormSet,
    PlanSharedForm,
    ProgressFormSet,
    ReviewConferenceForm,
)
from kith.child_protection.models import Conference, ConferenceDecision
from kith.child_protection.queries import (
    attendance,
    attendance_by_agency,
    core_groups_of,
    enquiries_for_conference,
    next_review_due,
    notice_in_working_days,
    objectives_with_progress,
    open_deadlines_for,
    open_referral_for,
    worry_for_family,
)
from kith.people.access import get_person_for_user_or_404, staff_of
from kith.plans.models import Progress
from kith.plans.records import open_objectives
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.access.roles import Role
from kith.platform.calendar.working_days import long_date
from kith.platform.documents.pdf import pdf_response
from kith.platform.drafts.forms import discard_draft, form_data_with_draft
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.models import Allocation, StaffMember

ROW_BUTTONS = {"add_members": "members", "add_objectives": "objectives", "add_new_actions": "new_actions"}
# Posted fields not carried onto the check-your-answers page.
_NOT_CARRIED = {"csrfmiddlewaretoken", "confirm", "change", "continue", *ROW_BUTTONS}


def _quiet(*parts: forms.BaseForm | BaseFormSet) -> None:
    """Show what was typed without "There is a problem" (a restored draft, more rows, changing answers).

    Django validates a bound form the first time its errors are read unless they are already set.
    """
    for part in parts:
        if isinstance(part, BaseFormSet):
            for form in part.forms:
                form._errors = ErrorDict()
            part._errors = [ErrorDict() for _ in part.forms]  # type: ignore[attr-defined]
            part._non_form_errors = part.error_class()  # type: ignore[attr-defined]
        else:
            part._errors = ErrorDict()  # type: ignore[attr-defined]


def _with_more_rows(data: QueryDict, prefix: str) -> QueryDict:
    more = data.copy()
    total = f"{prefix}-TOTAL_FORMS"
    try:
        more[total] = str(int(more.get(total, "0")) + MORE_ROWS)
    except ValueError:
        more[total] = str(MORE_ROWS)
    return more


def _posted(data: QueryDict) -> list[tuple[str, str]]:
    """Every posted value, to carry in hidden fields through the check-your-answers page."""
    return [(name, value) for name in data for value in data.getlist(name) if name not in _NOT_CARRIED]


def _all_valid(*parts: forms.BaseForm | BaseFormSet) -> bool:
    results = [part.is_valid() for part in parts]  # every part validated, so every error shows
    return all(results)


class _Stage:
    FORM = "form"
    CHECK = "check"


def _conference_page(
    request: AuthenticatedRequest,
    *,
    form_key: str,
    make_form: Callable[[QueryDict | None], ConferenceForm],
    record: Callable[[ConferenceForm, list[Any], list[Any]], Conference],
    context: dict[str, Any],
    template: str,
) -> HttpResponse:
    """The conference form, then check your answers, then the action. Works without JavaScript."""
    data = form_data_with_draft(request, form_key)
    posted = request.method == "POST"
    more_rows = next((prefix for button, prefix in ROW_BUTTONS.items() if button in request.POST), None)
    if more_rows and data is not None:
        data = _with_more_rows(data, more_rows)
    form = make_form(data)
    members = MemberFormSet(data, prefix="members")
    objectives = ObjectiveFormSet(data, prefix="objectives")
    stage = _Stage.FORM
    if posted and not more_rows and "change" not in request.POST and _all_valid(form, members, objectives):
        member_details = [row.details() for row in members.filled()]  # type: ignore[attr-defined]
        objective_details = [row.details() for row in objectives.filled()]  # type: ignore[attr-defined]
        if "confirm" in request.POST:
            try:
                conference = record(form, member_details, objective_details)
            except NotAllowed as refused:
                raise Http404("No such record") from refused
            except RuleBroken as broken:
                show_problems(form, broken)
            else:
                discard_draft(request.user, form_key)
                messages.success(request, f"{conference.get_kind_display()} recorded")
                return redirect("child_protection:conference", conference.pk)
        else:
            stage = _Stage.CHECK
    elif data is not None and (not posted or more_rows or "change" in request.POST):
        _quiet(form, members, objectives)
    page = {
        **context,
        "form": form,
        "members": members,
        "objectives": objectives,
        "form_key": form_key,
        "stage": stage,
        "posted": _posted(data) if stage == _Stage.CHECK and data is not None else [],
        "answers": _answers(form) if stage == _Stage.CHECK else [],
        "member_rows": members.filled() if stage == _Stage.CHECK else [],  # type: ignore[attr-defined]
        "objective_rows": objectives.filled() if stage == _Stage.CHECK else [],  # type: ignore[attr-defined]
    }
    return render(request, template, page)


def _answers(form: forms.Form) -> list[tuple[str, str]]:
    """Each question and its answer in words, for check your answers."""
    answers = []
    for field in form:
        value = form.cleaned_data.get(field.name)
        if isinstance(field.field, forms.ChoiceField) and not isinstance(field.field, forms.ModelChoiceField):
            shown = dict(field.field.choices).get(value, "") if value else ""  # type: ignore[arg-type]
        elif value is None:
            shown = ""
        elif isinstance(value, date):
            shown = long_date(value)
        else:
            shown = str(value)
        answers.append((str(field.label), shown or "Not given"))
    return answers


# -- conferences ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def new_initial_conference(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Record an initial child protection conference for the child's open referral."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_chair_conference)
    referral = open_referral_for(child)
    if referral is None:
        return render(request, "child_protection/no_referral.html", {"child": child})
    enquiries = enquiries_for_conference(referral)
    chair = staff_of(user)

    def make_form(data: QueryDict | None) -> ConferenceForm:
        first = enquiries.first()
        initial = {"chair": chair, "section_47_enquiry": first.pk if first else None, "held_on": clock.today()}
        return InitialConferenceForm(data, enquiries=enquiries, initial=initial)

    def record(form: ConferenceForm, members: list[Any], objectives: list[Any]) -> Conference:
        data = form.cleaned_data
        wants_plan = data["decision"] == ConferenceDecision.PLAN
        return hold_initial_conference(
            referral,
            section_47_enquiry=data["section_47_enquiry"],
            held_on=data["held_on"],
            chair=data["chair"],
            members=members,
            report_shared_with_parents_on=data["report_shared_with_parents_on"],
            report_shared_with_child_on=data["report_shared_with_child_on"],
            child_participation=data["child_participation"],
            child_views=data["child_views"],
            parents_views=data["parents_views"],
            decision=data["decision"],
            category=data["category"] if wants_plan else "",
            decision_rationale=data["decision_rationale"],
            plan=PlanDetails(
                how_risks_will_be_reduced=data["how_risks_will_be_reduced"],
                contingency=data["contingency"],
                identity_actions=data["identity_actions"],
                summary_for_family=data["summary_for_family"],
                objectives=tuple(objectives),
            )
            if wants_plan
            else None,
            by=user,
        )

    return _conference_page(
        request,
        form_key=f"child_protection.initial_conference:{child.pk}",
        make_form=make_form,
        record=record,
        context={
            "child": child,
            "referral": referral,
            "kind": "initial",
            "title": "Initial child protection conference",
        },
        template="child_protection/conference_form.html",
    )


@require_http_methods(["GET", "POST"])
def new_review_conference(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Record a review conference on an open plan."""
    user = request.user
    plan = get_plan_for_user_or_404(user, pk, page=request.path, allowed=can_chair_conference)
    if plan.ended_on is not None:
        raise Http404("This plan has ended")
    chair = staff_of(user)

    def make_form(data: QueryDict | None) -> ConferenceForm:
        initial = {"chair": chair, "latest_category": plan.latest_category, "held_on": clock.today()}
        return ReviewConferenceForm(data, initial=initial)

    def record(form: ConferenceForm, members: list[Any], objectives: list[Any]) -> Conference:
        data = form.cleaned_data
        ending = data["decision"] == ConferenceDecision.END_PLAN
        return hold_review_conference(
            plan,
            held_on=data["held_on"],
            chair=data["chair"],
            members=members,
            report_shared_with_parents_on=data["report_shared_with_parents_on"],
            report_shared_with_child_on=data["report_shared_with_child_on"],
            child_participation=data["child_participation"],
            child_views=data["child_views"],
            parents_views=data["parents_views"],
            decision=data["decision"],
            latest_category=data["latest_category"],
            decision_rationale=data["decision_rationale"],
            end_reason=data["end_reason"] if ending else "",
            step_down_plan=data["step_down_plan"] if ending else "",
            new_objectives=objectives,
            by=user,
        )

    return _conference_page(
        request,
        form_key=f"child_protection.review_conference:{plan.pk}",
        make_form=make_form,
        record=record,
        context={"child": plan.child, "plan": plan, "kind": "review", "title": "Review child protection conference"},
        template="child_protection/conference_form.html",
    )


@require_GET
def conference(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A conference: invitations and attendance by agency, reports, the child's part, the decision, feedback."""
    user = request.user
    found = get_conference_for_user_or_404(user, pk, page=request.path)
    members = list(found.members.all())
    context = {
        "child": found.child,
        "conference": found,
        "members": [
            (member, attendance(member), notice_in_working_days(member.invited_on, found.held_on)) for member in members
        ],
        "by_agency": attendance_by_agency(found),
        "parents_notice": notice_in_working_days(found.report_shared_with_parents_on, found.held_on),
        "child_notice": notice_in_working_days(found.report_shared_with_child_on, found.held_on),
        "can_give_feedback": not found.chair_feedback and can_record_chair_feedback(user, found),
        "can_follow_up": bool(found.chair_feedback)
        and found.feedback_followed_up_on is None
        and can_follow_up_feedback(user, found.child),
    }
    return render(request, "child_protection/conference.html", context)


def _team_manager_for(child: Any) -> StaffMember | None:
    allocation = Allocation.objects.filter(child=child, ended_on__isnull=True).select_related("team").first()
    if allocation is None:
        return None
    return (
        StaffMember.objects.filter(team=allocation.team, role=Role.TEAM_MANAGER, is_active=True)
        .order_by("full_name")
        .first()
    )


@require_http_methods(["GET", "POST"])
def chair_feedback(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The chair's quality-assurance feedback to the social worker's manager (R-066)."""
    user = request.user
    found = get_conference_for_user_or_404(user, pk, page=request.path, allowed=can_record_chair_feedback)
    form = ChairFeedbackForm(request.POST or None, initial={"to": _team_manager_for(found.child)})
    if request.method == "POST" and form.is_valid():
        try:
            record_chair_feedback(found, feedback=form.cleaned_data["feedback"], to=form.cleaned_data["to"], by=user)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, f"Feedback sent to {form.cleaned_data['to'].full_name}")
            return redirect("child_protection:conference", found.pk)
    return render(
        request, "child_protection/chair_feedback.html", {"child": found.child, "conference": found, "form": form}
    )


@require_http_methods(["GET", "POST"])
def feedback_follow_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """What the manager did about the chair's feedback (R-066)."""
    user = request.user
    found = get_conference_for_user_or_404(
        user, pk, page=request.path, allowed=lambda who, conference: can_follow_up_feedback(who, conference.child)
    )
    form = FeedbackFollowUpForm(request.POST or None, initial={"followed_up_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            record_feedback_follow_up(
                found, followed_up_on=form.cleaned_data["followed_up_on"], notes=form.cleaned_data["notes"], by=user
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Follow-up recorded")
            return redirect("child_protection:conference", found.pk)
    return render(
        request, "child_protection/feedback_follow_up.html", {"child": found.child, "conference": found, "form": form}
    )


# -- plans -------------------------------------------------------------------------------------


@require_GET
def plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan: objectives with owners and latest progress, core groups, conferences and what is due."""
    user = request.user
    found = get_plan_for_user_or_404(user, pk, page=request.path)
    child = found.child
    is_open = found.ended_on is None
    context = {
        "child": child,
        "plan": found,
        "objectives": objectives_with_progress(found),
        "core_groups": core_groups_of(found),
        "conferences": list(found.conferences.select_related("chair").order_by("-held_on", "-pk")),
        "initial_conference": Conference.objects.filter(plan=found, kind="initial").first(),
        "due": open_deadlines_for(found),
        "can_chair": is_open and can_chair_conference(user, child),
        "can_record": can_record_case_work(user, child),
        "is_open": is_open,
        "today": clock.today(),
    }
    return render(request, "child_protection/plan.html", context)


@require_GET
def family_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The plan written for the family to read, to print: no navigation, and the print is logged."""
    return render(request, "child_protection/family_plan.html", _family_plan_context(request, pk))


@require_http_methods(["GET"])
def family_plan_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The family's copy as a tagged PDF to give or send them; logged as a print."""
    context = _family_plan_context(request, pk)
    return pdf_response(
        request, "child_protection/family_plan_pdf.html", context, filename=f"child-protection-plan-{pk}.pdf"
    )


def _family_plan_context(request: AuthenticatedRequest, pk: int) -> dict[str, Any]:
    found = get_plan_for_user_or_404(
        request.user, pk, page=request.path, allowed=can_view_child_protection, what=AccessLogEntry.What.PRINT
    )
    child = found.child
    return {
        "child": child,
        "plan": found,
        "worry": worry_for_family(found, child),
        "objectives": list(open_objectives(found)),
        "review_due": next_review_due(found),
        "name": "your baby" if child.is_unborn else (child.preferred_name or child.given_name),
    }


@require_http_methods(["GET", "POST"])
def new_core_group(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Record a core group: attendance and quorum, progress on each open objective, new actions (R-065)."""
    user = request.user
    found = get_plan_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    if found.ended_on is not None:
        raise Http404("This plan has ended")
    form_key = f"child_protection.core_group:{found.pk}"
    data = form_data_with_draft(request, form_key)
    more_rows = next((prefix for button, prefix in ROW_BUTTONS.items() if button in request.POST), None)
    if more_rows and data is not None:
        data = _with_more_rows(data, more_rows)
    still_open = {objective.pk: objective for objective in open_objectives(found)}
    form = CoreGroupForm(data, initial={"held_on": clock.today()})
    members = CoreGroupMemberFormSet(data, prefix="members")
    progress = ProgressFormSet(data, prefix="progress", initial=[{"objective": pk} for pk in still_open])
    new_actions = ObjectiveFormSet(data, prefix="new_actions")
    if request.method == "POST" and not more_rows and _all_valid(form, members, progress, new_actions):
        try:
            hold_core_group(
                found,
                held_on=form.cleaned_data["held_on"],
                members=[row.details() for row in members.filled()],  # type: ignore[attr-defined]
                progress=_progress(progress, still_open),
                child_views=form.cleaned_data["child_views"],
                identity_considerations=form.cleaned_data["identity_considerations"],
                drift_or_concerns=form.cleaned_data["drift_or_concerns"],
                new_actions=[row.details() for row in new_actions.filled()],  # type: ignore[attr-defined]
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            discard_draft(user, form_key)
            messages.success(request, "Core group recorded")
            return redirect("child_protection:plan", found.pk)
    elif data is not None and (request.method != "POST" or more_rows):
        _quiet(form, members, progress, new_actions)
    context = {
        "child": found.child,
        "plan": found,
        "form": form,
        "members": members,
        "progress_rows": [(row, still_open.get(_objective_pk(row) or 0)) for row in progress.forms],
        "progress": progress,
        "new_actions": new_actions,
        "form_key": form_key,
    }
    return render(request, "child_protection/core_group_form.html", context)


def _objective_pk(row: forms.Form) -> int | None:
    value = row["objective"].value()
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _progress(progress: BaseFormSet, still_open: dict[int, Any]) -> list[ObjectiveProgress]:
    reported = []
    for row in progress.forms:
        objective = still_open.get(row.cleaned_data["objective"])
        if objective is not None:
            reported.append(
                ObjectiveProgress(
                    objective=objective, progress=row.cleaned_data["progress"], notes=row.cleaned_data["notes"]
                )
            )
    return reported


@require_GET
def core_group(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_core_group_for_user_or_404(request.user, pk, page=request.path)
    updates = found.plan.objectives.filter(
        progress_updates__recorded_at_kind=found._meta.verbose_name, progress_updates__recorded_at_id=found.pk
    ).values_list("action", "owner", "progress_updates__progress", "progress_updates__notes")
    context = {
        "child": found.plan.child,
        "plan": found.plan,
        "core_group": found,
        "members": list(found.members.all()),
        "quorum": found.quorum,
        "updates": [
            (action, owner, _progress_label(progress), notes)
            for action, owner, progress, notes in updates.order_by("pk")
        ],
    }
    return render(request, "child_protection/core_group.html", context)


def _progress_label(value: str) -> str:
    return Progress(value).label if value in Progress.values else value


@require_http_methods(["GET", "POST"])
def end_plan_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """End the plan outside a review conference (moved away, looked after, 18, died)."""
    user = request.user
    found = get_plan_for_user_or_404(user, pk, page=request.path, allowed=can_chair_conference)
    form = EndPlanForm(request.POST or None, initial={"ended_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            end_child_protection_plan(
                found,
                ended_on=form.cleaned_data["ended_on"],
                end_reason=form.cleaned_data["end_reason"],
                step_down_plan=form.cleaned_data["step_down_plan"],
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "The child protection plan has ended")
            return redirect("child_protection:plan", found.pk)
    return render(request, "child_protection/end_plan.html", {"child": found.child, "plan": found, "form": form})


@require_http_methods(["GET", "POST"])
def plan_shared(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The day the family were given their copy of the plan."""
    user = request.user
    found = get_plan_for_user_or_404(user, pk, page=request.path, allowed=can_record_case_work)
    form = PlanSharedForm(request.POST or None, initial={"shared_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            record_child_protection_plan_shared(found, shared_on=form.cleaned_data["shared_on"], by=user)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            messages.success(request, "Recorded that the family have the plan")
            return redirect("child_protection:plan", found.pk)
    return render(request, "child_protection/plan_shared.html", {"child": found.child, "plan": found, "form": form})


__all__ = [
    "chair_feedback",
    "conference",
    "core_group",
    "end_plan_page",
    "family_plan",
    "feedback_follow_up",
    "new_core_group",
    "new_initial_conference",
    "new_review_conference",
    "plan",
    "plan_shared",
]
