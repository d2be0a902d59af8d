"""Recording a statutory visit from the child's record; a visit's page; a child's visits."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kith.child_protection.models import ChildProtectionPlan
from kith.people.access import get_person_for_user_or_404
from kith.plans.queries import progress_recorded_at
from kith.plans.records import open_objectives
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.calendar.working_days import long_date
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.visits import queries
from kith.visits.access import can_record_visit, can_view_visits, get_visit_for_user_or_404
from kith.visits.actions import record_visit as record_visit_action
from kith.visits.forms import VisitForm
from kith.visits.models import Visit
from kith.visits.rules import no_plan_problems


def still_due_message(deadline: Deadline | None, *, today: date) -> str:
    """ "The child was not seen, so the next visit is still due 3 December 2026": the clock keeps running."""
    if deadline is None:
        return "The child was not seen, so the visit still has to happen."
    overdue = " (overdue)" if deadline.due_on < today else ""
    return f"The child was not seen, so the next visit is still due {long_date(deadline.due_on)}{overdue}."


def _recorded_message(visit: Visit, deadline: Deadline | None) -> str:
    if not visit.child_seen:
        return f"Visit recorded. {still_due_message(deadline, today=clock.today())}"
    if deadline is None:
        return "Visit recorded."
    return f"Visit recorded. The next visit is due {long_date(deadline.due_on)}."


@require_http_methods(["GET", "POST"])
def record_visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A visit to the child under their open plan (R-002, R-003, R-004), with drafts kept as they type."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_visit)
    plan = queries.open_plan_for(child)
    form_key = f"visits.visit:{child.pk}"
    context: dict[str, object] = {"child": child, "plan": plan, "form_key": form_key}
    if plan is None:
        context["no_plan"] = no_plan_problems(child)["plan"][0] + "."
        return render(request, "visits/record_visit.html", context)
    with_objectives = queries.plan_with_objectives(plan)
    objectives = list(open_objectives(with_objectives)) if with_objectives is not None else []
    form = form_with_draft(
        request,
        form_key,
        VisitForm,
        child=child,
        objectives=objectives,
        is_child_protection=isinstance(plan, ChildProtectionPlan),
        initial={"visited_on": clock.today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            visit = record_visit_action(child, **form.answers(), by=user)
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            discard_draft(user, form_key)
            messages.success(request, _recorded_message(visit, queries.next_visit_due(plan)))
            return redirect("visits:visit", visit.pk)
    deadline = queries.next_visit_due(plan)
    context.update(
        {
            "form": form,
            "plan_name": queries.plan_name(plan),
            "next_visit": deadline,
            "visit_interval": queries.interval_in_words(deadline) if deadline else "",
        }
    )
    return render(request, "visits/record_visit.html", context)


@require_GET
def visit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = get_visit_for_user_or_404(request.user, pk, page=request.path)
    plan = queries.plan_of(found)
    still_due = ""
    if not found.child_seen and plan.ended_on is None and queries.is_latest_under_plan(found):
        still_due = still_due_message(queries.next_visit_due(plan), today=clock.today())
    context = {
        "visit": found,
        "child": found.child,
        "plan": plan,
        "plan_name": queries.plan_name(plan),
        "progress": progress_recorded_at(found),
        "still_due": still_due,
    }
    return render(request, "visits/visit.html", context)


@require_GET
def child_visits(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    child = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=can_view_visits)
    summary = queries.record_summary(child)
    context = {
        "child": child,
        "visits": list(queries.visits_of(child)),
        "summary": summary,
        "can_record": summary["plan"] is not None and can_record_visit(request.user, child),
    }
    return render(request, "visits/child_visits.html", context)
