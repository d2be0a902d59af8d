"""Care pages: take a child into care, move them, change the legal status, end care, the placement
plan and notifications, and the child's care history. Each parses a form, calls one action, and
redirects; refusals keep what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kith.children_in_care import actions, oversight, queries
from kith.children_in_care.access import (
    can_record_children_in_care,
    can_view_children_in_care,
    get_period_for_user_or_404,
    get_placement_for_user_or_404,
)
from kith.children_in_care.forms import (
    PLACEMENT_FIELDS,
    DisruptionForm,
    DistancePlanForm,
    DoneForm,
    EndCareForm,
    EnterCareForm,
    InboundForm,
    LegalStatusForm,
    LiftRiskForm,
    MoveForm,
    NotificationForm,
    OversightForm,
    PlacementPlanForm,
    RiskForm,
    TrackingMeetingForm,
)
from kith.children_in_care.models import PeriodOfCare, Placement, PlacementAtRisk, TrackingAction
from kith.children_in_care.rules import TrackingItem
from kith.people.access import can_record_on, get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import run_action
from kith.quality.models import DecisionKind, ManagementDecision
from kith.workforce.models import StaffMember


def _casework(child: Any) -> str:
    return reverse("people:casework", args=[child.pk])


def _page(
    request: AuthenticatedRequest,
    form: Form,
    *,
    child: Any,
    heading: str,
    submit: str,
    sections: list[tuple[str, tuple[str, ...]]] | None = None,
    intro: str = "",
    form_key: str = "",
) -> HttpResponse:
    context = {
        "form": form,
        "child": child,
        "heading": heading,
        "caption": child.full_name,
        "submit": submit,
        "intro": intro,
        "cancel": _casework(child),
        "sections": [(title, [form[name] for name in names]) for title, names in sections] if sections else None,
        "form_key": form_key,
    }
    return render(request, "ui/simple_form.html", context)


def _entry_decisions(child: Any) -> list[tuple[str, str]]:
    """The managers' decisions that the child should be looked after, newest first."""
    found = ManagementDecision.objects.filter(child=child, kind=DecisionKind.ENTRY_TO_CARE).select_related("decided_by")
    return [
        (str(each.pk), f"{long_date(each.decided_on)}, {each.decided_by.full_name}: {each.decision}")
        for each in found.order_by("-decided_on", "-pk")
    ]


@require_http_methods(["GET", "POST"])
def enter_care(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    decisions = _entry_decisions(child)
    form_key = f"children_in_care.enter_care:{child.pk}"
    form = form_with_draft(request, form_key, EnterCareForm, decisions=decisions, initial={"started_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decision = ManagementDecision.objects.filter(pk=int(data["decision"]), child=child).first()
        period = run_action(
            form,
            lambda: actions.start_period_of_care(
                child,
                started_on=data["started_on"],
                route=data["route"],
                legal_status=data["legal_status"],
                category_of_need=data["category_of_need"],
                reason_for_care=data["reason_for_care"],
                alternatives_considered=data["alternatives_considered"],
                decision=decision,
                placement=form.placement(),
                previous_permanence=data["previous_permanence"],
                previous_permanence_la=data.get("previous_permanence_la") or "",
                previous_permanence_on=data.get("previous_permanence_on"),
                by=request.user,
            ),
        )
        if period is not None:
            discard_draft(request.user, form_key)
            messages.success(request, f"{child.given_name} is looked after from {long_date(period.started_on)}")
            return redirect("children_in_care:care_history", child.pk)
    return _page(
        request,
        form,
        child=child,
        heading="Becoming looked after",
        submit="Record",
        form_key=form_key,
        intro=""
        if decisions
        else "No manager has yet recorded the decision that this child should be looked "
        "after: ask a manager to record it as a management decision first.",
        sections=[
            (
                "The decision",
                (
                    "decision",
                    "started_on",
                    "route",
                    "legal_status",
                    "category_of_need",
                    "reason_for_care",
                    "alternatives_considered",
                    "previous_permanence",
                    "previous_permanence_la",
                    "previous_permanence_on",
                ),
            ),
            ("The first placement", PLACEMENT_FIELDS),
        ],
    )


@require_http_methods(["GET", "POST"])
def move(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    current = queries.current_placement(period)
    form = MoveForm(
        request.POST or None,
        initial={"moved_on": clock.today(), "home_postcode": current.home_postcode if current else ""},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        placement = run_action(
            form,
            lambda: actions.move_placement(
                period,
                moved_on=data["moved_on"],
                reason_for_change=data["reason_for_change"],
                placement=form.placement(),
                same_carer=bool(data.get("same_carer")),
                planned=data["planned_move"] == "yes",
                legal_status=data.get("legal_status") or "",
                by=request.user,
            ),
        )
        if placement is not None:
            messages.success(request, f"Moved to {placement.carer} on {long_date(placement.started_on)}")
            return redirect("children_in_care:care_history", period.child.pk)
    return _page(
        request,
        form,
        child=period.child,
        heading="A move of placement",
        submit="Record the move",
        intro=f"Now placed with {current.carer} since {long_date(current.started_on)}." if current else "",
        sections=[
            ("The move", ("moved_on", "reason_for_change", "planned_move", "same_carer", "legal_status")),
            ("The new placement", PLACEMENT_FIELDS),
        ],
    )


@require_http_methods(["GET", "POST"])
def legal_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    form = LegalStatusForm(request.POST or None, initial={"changed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        episode = run_action(
            form,
            lambda: actions.change_legal_status(
                period, changed_on=data["changed_on"], legal_status=data["legal_status"], by=request.user
            ),
        )
        if episode is not None:
            messages.success(request, f"Legal status {episode.legal_status} from {long_date(episode.started_on)}")
            return redirect("children_in_care:care_history", period.child.pk)
    return _page(request, form, child=period.child, heading="A change of legal status", submit="Record the change")


@require_http_methods(["GET", "POST"])
def end_care(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = get_period_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    form = EndCareForm(request.POST or None, initial={"ended_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ended = run_action(
            form,
            lambda: actions.end_period_of_care(
                period, ended_on=data["ended_on"], reason_ceased=data["reason_ceased"], by=request.user
            ),
        )
        if ended is not None:
            messages.success(
                request, f"{period.child.given_name} stopped being looked after on {long_date(data['ended_on'])}"
            )
            return redirect("children_in_care:care_history", period.child.pk)
    return _page(request, form, child=period.child, heading="Leaving care", submit="Record")


@require_http_methods(["GET", "POST"])
def placement_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    form = PlacementPlanForm(request.POST or None, initial={"agreed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = run_action(
            form,
            lambda: actions.agree_placement_plan(placement, **data, by=request.user),
        )
        if plan is not None:
            messages.success(request, f"Placement plan agreed on {long_date(plan.agreed_on)}")
            return redirect("children_in_care:care_history", placement.child.pk)
    return _page(
        request,
        form,
        child=placement.child,
        heading="Placement plan",
        submit="Record the plan",
        intro=f"The placement with {placement.carer} from {long_date(placement.started_on)}.",
    )


@require_http_methods(["GET", "POST"])
def notify(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    form = NotificationForm(request.POST or None, initial={"notified_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        notification = run_action(
            form, lambda: actions.record_placement_notification(placement, **data, by=request.user)
        )
        if notification is not None:
            messages.success(request, "Notifications recorded")
            return redirect("children_in_care:care_history", placement.child.pk)
    return _page(
        request,
        form,
        child=placement.child,
        heading="Notifications of the placement",
        submit="Record",
        intro=f"The placement with {placement.carer} from {long_date(placement.started_on)}"
        + ("." if placement.in_area else f", out of area in {placement.host_authority}."),
    )


@require_GET
def care_history(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_children_in_care)
    periods = list(queries.periods_of_care(child).prefetch_related("placements", "episodes"))
    context = {
        "child": child,
        "periods": periods,
        "summary": queries.record_summary(child),
        "may_record": can_record_children_in_care(request.user, child),
    }
    return render(request, "children_in_care/care_history.html", context)


def _chairs() -> Any:
    return StaffMember.objects.filter(is_active=True, role__in=sorted(oversight.CHAIRS)).order_by("full_name")


def _placement_page(
    request: AuthenticatedRequest,
    pk: int,
    form_class: type[Form],
    *,
    heading: str,
    submit: str,
    doing: Callable[[Placement, dict[str, Any]], Any],
    done: str,
    form_kwargs: dict[str, Any] | None = None,
    initial: dict[str, Any] | None = None,
) -> HttpResponse:
    """A form about one placement: parse it, run the action, go back to the care history."""
    placement = get_placement_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_children_in_care)
    form = form_class(request.POST or None, initial=initial or {}, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid() and run_action(form, lambda: doing(placement, form.cleaned_data)):
        messages.success(request, done)
        return redirect("children_in_care:care_history", placement.child.pk)
    intro = f"The placement with {placement.carer} from {long_date(placement.started_on)}"
    intro += f" to {long_date(placement.ended_on)}." if placement.ended_on else "."
    return _page(request, form, child=placement.child, heading=heading, submit=submit, intro=intro)


@require_http_methods(["GET", "POST"])
def flag_at_risk(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _placement_page(
        request,
        pk,
        RiskForm,
        heading="Placement at risk of breakdown",
        submit="Flag the placement",
        done="The placement is on the at-risk list",
        initial={"flagged_on": clock.today()},
        doing=lambda placement, data: oversight.flag_placement_at_risk(placement, **data, by=request.user),
    )


@require_http_methods(["GET", "POST"])
def lift_risk(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(PlacementAtRisk, pk=pk)
    return _placement_page(
        request,
        flag.placement_id,
        LiftRiskForm,
        heading="No longer at risk",
        submit="Lift the flag",
        done="The placement is off the at-risk list",
        initial={"lifted_on": clock.today()},
        doing=lambda placement, data: oversight.lift_placement_risk(flag, **data, by=request.user),
    )


@require_http_methods(["GET", "POST"])
def disruption_meeting(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    chairs = _chairs()
    return _placement_page(
        request,
        pk,
        DisruptionForm,
        heading="Disruption meeting",
        submit="Record the meeting",
        done="Disruption meeting recorded",
        initial={"held_on": clock.today()},
        form_kwargs={"chairs": [(str(each.pk), f"{each.full_name} ({each.get_role_display()})") for each in chairs]},
        doing=lambda placement, data: oversight.hold_disruption_meeting(
            placement,
            held_on=data["held_on"],
            chair=chairs.get(pk=int(data["chair"])),
            attendees=data["attendees"],
            what_happened=data["what_happened"],
            learning=data["learning"],
            by=request.user,
        ),
    )


@require_http_methods(["GET", "POST"])
def distance_plan(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _placement_page(
        request,
        pk,
        DistancePlanForm,
        heading="Plan for a placement at a distance",
        submit="Record the plan",
        done="Plan recorded",
        initial={"agreed_on": clock.today()},
        doing=lambda placement, data: oversight.agree_distance_plan(placement, **data, by=request.user),
    )


@require_http_methods(["GET", "POST"])
def unregistered_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _placement_page(
        request,
        pk,
        OversightForm,
        heading="Check on unregistered provision",
        submit="Record the check",
        done="Check recorded",
        initial={"checked_on": clock.today()},
        doing=lambda placement, data: oversight.record_unregistered_oversight(placement, **data, by=request.user),
    )


@require_http_methods(["GET", "POST"])
def inbound(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_record_on)
    form = InboundForm(request.POST or None, initial={"placed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        placed = run_action(
            form, lambda: oversight.record_inbound_placement(child, **form.cleaned_data, by=request.user)
        )
        if placed is not None:
            messages.success(request, f"Recorded as placed here by {placed.placing_authority}")
            return redirect("people:casework", child.pk)
    return _page(request, form, child=child, heading="Placed in the area by another council", submit="Record")


@require_GET
def at_risk_list(request: AuthenticatedRequest) -> HttpResponse:
    """The tracking list of placements at risk of breakdown, for the children the user may see."""
    flags = [
        flag
        for flag in PlacementAtRisk.objects.filter(lifted_on__isnull=True)
        .select_related("placement", "child")
        .order_by("flagged_on")
        if can_view_children_in_care(request.user, flag.child)
    ]
    return render(request, "children_in_care/at_risk.html", {"flags": flags})


def _children_looked_after_for(user: Any) -> list[Any]:
    """Children looked after now whom the user may see, by name: the tracking list's rows."""
    periods = PeriodOfCare.objects.filter(ended_on__isnull=True).select_related("child")
    children = [period.child for period in periods if can_view_children_in_care(user, period.child)]
    return sorted(children, key=lambda child: (child.family_name, child.given_name))


@require_http_methods(["GET", "POST"])
def tracking_meeting(request: AuthenticatedRequest) -> HttpResponse:
    children = {str(child.pk): child for child in _children_looked_after_for(request.user)}
    form = TrackingMeetingForm(
        request.POST or None,
        children=[(key, child.full_name) for key, child in children.items()],
        initial={"held_on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        items = [
            TrackingItem(
                child=children[row["child"]],
                discussion=row["discussion"] or "",
                action=row["action"] or "",
                owner=row["owner"] or "",
                due_on=row["due_on"],
            )
            for row in form.filled_rows()
            if row["child"] in children
        ]
        if any(not row["child"] for row in form.filled_rows()):
            form.add_error(None, "Choose the child for every row you filled in")
        else:
            meeting = run_action(
                form,
                lambda: oversight.hold_tracking_meeting(
                    held_on=form.cleaned_data["held_on"],
                    attendees=form.cleaned_data["attendees"],
                    items=items,
                    by=request.user,
                ),
            )
            if meeting is not None:
                messages.success(
                    request, f"Tracking meeting recorded: {len(items)} action{'s' if len(items) != 1 else ''}"
                )
                return redirect("children_in_care:tracking_actions")
    return render(request, "children_in_care/tracking_meeting.html", {"form": form})


@require_GET
def tracking_actions(request: AuthenticatedRequest) -> HttpResponse:
    """Actions tracking meetings agreed and not yet done, for children the user may see, soonest due first."""
    actions_open = [
        agreed
        for agreed in TrackingAction.objects.filter(done_on__isnull=True).select_related("child", "meeting")
        if can_view_children_in_care(request.user, agreed.child)
    ]
    context = {
        "actions": actions_open,
        "today": clock.today(),
        "done_form": DoneForm(initial={"done_on": clock.today()}),
    }
    return render(request, "children_in_care/tracking_actions.html", context)


@require_http_methods(["POST"])
def tracking_action_done(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    agreed = get_object_or_404(TrackingAction, pk=pk)
    agreed.child = get_person_for_user_or_404(
        request.user, agreed.child_id, page=request.path, allowed=can_record_children_in_care
    )
    form = DoneForm(request.POST)
    done = (
        run_action(
            form,
            lambda: oversight.complete_tracking_action(agreed, done_on=form.cleaned_data["done_on"], by=request.user),
        )
        if form.is_valid()
        else None
    )
    if done is not None:
        messages.success(request, "Marked as done")
    else:
        messages.error(request, "; ".join(str(error) for errors in form.errors.values() for error in errors))
    return redirect("children_in_care:tracking_actions")
