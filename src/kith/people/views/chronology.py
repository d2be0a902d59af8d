"""A child's chronology: written by the actions, read here (R-006)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from kith.people.access import get_person_for_user_or_404
from kith.people.forms import ChronologyFilterForm
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.chronology import registry
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of

# Enough to read a year of a busy case at once; the printable chronology has every event.
PAGE_SIZE = 100


def chronology(request: AuthenticatedRequest, pk: int, *, printable: bool = False) -> HttpResponse:
    """Key events by default, the concise chronology inspectors ask for; all events on request.

    The printable version is the same list without the page furniture, and is logged as a print.
    """
    what = AccessLogEntry.What.PRINT if printable else AccessLogEntry.What.VIEW
    person = get_person_for_user_or_404(request.user, pk, page=request.path, what=what)
    event_types = [(event_type.code, event_type.title) for event_type in registry.all_event_types()]
    form = ChronologyFilterForm(request.GET or {"show": "key"}, event_types=event_types)
    events: list[CaseEvent] = []
    page = None
    if form.is_valid():
        data = form.cleaned_data
        matching = chronology_of(
            person,
            key_only=data.get("show", "key") != "all",
            event_types=data.get("event_type") or None,
            occurred_from=data.get("occurred_from"),
            occurred_to=data.get("occurred_to"),
        )
        if printable:
            events = list(matching)
        else:
            page = Paginator(matching, PAGE_SIZE).get_page(request.GET.get("page"))
            events = list(page.object_list)
    titles = dict(event_types)
    filters = request.GET.copy()
    filters.pop("page", None)
    context = {
        "person": person,
        "form": form,
        "events": [(event, titles.get(event.event_type, event.event_type)) for event in events],
        "page": page,
        "query": filters.urlencode(),
        "showing_all": form.is_valid() and form.cleaned_data.get("show") == "all",
    }
    return render(request, "people/chronology_print.html" if printable else "people/chronology.html", context)


def chronology_print(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return chronology(request, pk, printable=True)
