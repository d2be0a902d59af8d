"""Finding a person."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from kith.people.access import can_add_person, has_capability, people_in_scope, people_visible_to
from kith.people.forms import SearchForm
from kith.people.queries import SEARCH_LIMIT, search_people
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.requests import AuthenticatedRequest


def search(request: AuthenticatedRequest) -> HttpResponse:
    """Search by name (partial or near spelling), Kith ID, NHS number or date of birth.

    Only people the user may see are ever searched, so a result is always a record
    the user can open; search terms travel in the query string of a GET to keep the
    back button working, and are never logged.
    """
    if not has_capability(request.user, Capability.SEARCH_PEOPLE):
        raise Http404
    form = SearchForm(request.GET or None)
    results, restricted = None, []
    if form.is_bound and form.is_valid():
        terms = {
            "text": form.cleaned_data["q"],
            "date_of_birth": form.cleaned_data["date_of_birth"],
            "kind": form.cleaned_data["kind"],
        }
        visible = people_visible_to(request.user)
        results = list(search_people(visible, **terms).prefetch_related("residences__address"))
        # Restricted records the user's scope reaches are shown by Kith ID only, with the
        # way to break the glass; their names and details stay hidden.
        sealed = people_in_scope(request.user).filter(is_restricted=True).exclude(pk__in=visible.values("pk"))
        restricted = list(search_people(sealed, **terms))
    return render(
        request,
        "people/search.html",
        {
            "form": form,
            "results": results,
            "restricted": restricted,
            "limit": SEARCH_LIMIT,
            "today": clock.today(),
            "can_add_person": can_add_person(request.user),
        },
    )
