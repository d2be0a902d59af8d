"""Recording management oversight on a child's record: access check, form, one action, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.drafts.forms import discard_draft, form_with_draft
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken
from kith.quality.access import can_record_management_decision
from kith.quality.actions import record_management_decision
from kith.quality.forms import ManagementDecisionForm

RECENT_DECISIONS = 5


@require_http_methods(["GET", "POST"])
def record_decision(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A manager's decision about a child, with the reasons (R-076, R-077)."""
    user = request.user
    child = get_person_for_user_or_404(user, pk, page=request.path, allowed=can_record_management_decision)
    # What the manager types is kept as a draft until the decision is recorded (kith.platform.drafts).
    form_key = f"quality.management_decision:{child.pk}"
    form = form_with_draft(request, form_key, ManagementDecisionForm, initial={"decided_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = record_management_decision(
                child,
                kind=data["kind"],
                decision=data["decision"],
                rationale=data["rationale"],
                next_steps=data["next_steps"],
                decided_on=data["decided_on"],
                by=user,
            )
        except NotAllowed as refused:
            raise Http404("No such record") from refused
        except RuleBroken as broken:
            show_problems(form, broken)
        else:
            discard_draft(user, form_key)
            messages.success(request, f"{made.get_kind_display()} recorded on {child.full_name}'s record")
            return redirect("people:record", child.pk)
    context = {
        "child": child,
        "form": form,
        "form_key": form_key,
        "recent": list(child.management_decisions.select_related("decided_by")[:RECENT_DECISIONS]),
    }
    return render(request, "quality/record_decision.html", context)
