"""Who has looked at a record, and every break-glass, for managers and auditors."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render

from kith.people.access import get_person_for_user_or_404, has_capability, people_in_scope
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.models import AccessLogEntry, BreakGlassAccess
from kith.platform.access.requests import AuthenticatedRequest

LOG_PAGE_SIZE = 200
BREAK_GLASS_REPORT_DAYS = 90


def _may_read_access_log(user: Any, person: Person) -> bool:
    return has_capability(user, Capability.VIEW_ACCESS_LOG)


def record_access_log(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Every look at, print of and export of this record, and every refusal, latest first."""
    person = get_person_for_user_or_404(request.user, pk, page=request.path, allowed=_may_read_access_log)
    entries = (
        AccessLogEntry.objects.filter(person=person)
        .select_related("user__staff_member", "break_glass")
        .order_by("-at", "-pk")[:LOG_PAGE_SIZE]
    )
    return render(request, "people/access_log.html", {"person": person, "entries": entries, "limit": LOG_PAGE_SIZE})


def break_glass_report(request: AuthenticatedRequest) -> HttpResponse:
    """Break-glass uses on records within the manager's scope in the last 90 days, with reasons."""
    if not has_capability(request.user, Capability.VIEW_ACCESS_LOG):
        raise Http404
    since = clock.now() - timedelta(days=BREAK_GLASS_REPORT_DAYS)
    uses = (
        BreakGlassAccess.objects.filter(started_at__gte=since, person__in=people_in_scope(request.user))
        .select_related("person", "user__staff_member")
        .order_by("-started_at")
    )
    return render(request, "people/break_glass_report.html", {"uses": uses, "days": BREAK_GLASS_REPORT_DAYS})
