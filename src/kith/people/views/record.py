"""A person's record: the case summary, and the chronology."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from kith.people.access import get_person_for_user_or_404, has_capability, sees_by_right
from kith.people.panels import panels_for
from kith.people.queries import household_of, relationships_of
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.chronology.queries import chronology_of
from kith.workforce.queries import allocation_history

KEY_EVENTS_ON_SUMMARY = 8
DECISIONS_ON_SUMMARY = 5


def record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The case summary (R-008): who the child is, who holds the case, what matters most."""
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path)
    today = clock.today()
    allocations = list(allocation_history(person)[:10])
    allocation = next((held for held in allocations if held.is_current), None)
    warnings = list(person.warnings.filter(removed_on__isnull=True))
    # The record was fetched through access, so the user sees it: what remains is the role's say.
    may_record = has_capability(user, Capability.RECORD_CASE_WORK)
    # Break-glass only ever reads: downloading and managing a restriction need the record by right.
    by_right = sees_by_right(user, person)
    context = {
        "person": person,
        "today": today,
        "allocation": allocation,
        "banner_allocation": allocation,
        "banner_warnings": warnings,
        "allocations": allocations,
        "relationships": [(r.title_from(person), r.other_than(person), r) for r in relationships_of(person)],
        "household": household_of(person, on=today),
        "residences": person.residences.select_related("address"),
        "disabilities": person.disabilities.all(),
        "other_names": person.other_names.all(),
        "involvements": person.professional_involvements.select_related("professional").order_by(
            "ended_on", "-started_on"
        ),
        "warnings": warnings,
        "decisions": person.management_decisions.select_related("decided_by")[:DECISIONS_ON_SUMMARY],
        "key_events": chronology_of(person, key_only=True)[:KEY_EVENTS_ON_SUMMARY],
        "can_record": may_record,
        "can_allocate": person.is_child and has_capability(user, Capability.ALLOCATE_CASE),
        "can_decide": person.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION),
        "can_read_access_log": has_capability(user, Capability.VIEW_ACCESS_LOG),
        "can_export": by_right and has_capability(user, Capability.EXPORT_CHILD_RECORD),
        "can_restrict": by_right and may_record and has_capability(user, Capability.GRANT_RESTRICTED_ACCESS),
    }
    return render(request, "people/record.html", context)


def casework(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The child's case work, area by area: the episode, assessments, plans, visits, court, registers.

    Kept off the case summary so that page stays within its query budget; the banner on
    every page already says where the case stands and what is due next.
    """
    user = request.user
    person = get_person_for_user_or_404(user, pk, page=request.path)
    if not person.is_child:
        raise Http404("Case work is recorded for children")
    context = {
        "person": person,
        "panels": panels_for(person, user),
        "can_record": has_capability(user, Capability.RECORD_CASE_WORK),
    }
    return render(request, "people/casework.html", context)
