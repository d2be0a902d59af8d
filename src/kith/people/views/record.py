"""A person's record: the case summary, and the chronology."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from kith.people.access import can_record_on, get_person_for_user_or_404, has_capability
from kith.people.queries import household_of, relationships_of
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.chronology.queries import chronology_of
from kith.quality.access import can_record_management_decision
from kith.workforce.access import can_allocate
from kith.workforce.queries import allocation_history, current_allocation

KEY_EVENTS_ON_SUMMARY = 8
DECISIONS_ON_SUMMARY = 5


def record(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The case summary (R-008): who the child is, who holds the case, what matters most."""
    person = get_person_for_user_or_404(request.user, pk, page=request.path)
    today = clock.today()
    context = {
        "person": person,
        "today": today,
        "allocation": current_allocation(person),
        "allocations": allocation_history(person)[:10],
        "relationships": [(r.title_from(person), r.other_than(person), r) for r in relationships_of(person)],
        "household": household_of(person, on=today),
        "residences": person.residences.select_related("address"),
        "disabilities": person.disabilities.all(),
        "other_names": person.other_names.all(),
        "involvements": person.professional_involvements.select_related("professional").order_by(
            "ended_on", "-started_on"
        ),
        "warnings": person.warnings.filter(removed_on__isnull=True),
        "decisions": person.management_decisions.select_related("decided_by")[:DECISIONS_ON_SUMMARY],
        "key_events": chronology_of(person, key_only=True)[:KEY_EVENTS_ON_SUMMARY],
        "can_record": can_record_on(request.user, person),
        "can_allocate": can_allocate(request.user, person),
        "can_decide": can_record_management_decision(request.user, person),
        "can_read_access_log": has_capability(request.user, Capability.VIEW_ACCESS_LOG),
        "can_restrict": has_capability(request.user, Capability.GRANT_RESTRICTED_ACCESS)
        and can_record_on(request.user, person),
    }
    return render(request, "people/record.html", context)
