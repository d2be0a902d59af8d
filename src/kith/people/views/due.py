"""What is due for a child: their open deadlines, each explaining its date."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from kith.people.access import get_person_for_user_or_404
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.workforce.queries import work_due_for_child


def due(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = get_person_for_user_or_404(request.user, pk, page=request.path)
    today = clock.today()
    return render(
        request, "people/due.html", {"person": person, "items": work_due_for_child(person, on=today), "today": today}
    )
