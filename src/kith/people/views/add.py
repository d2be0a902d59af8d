"""Adding a person, with the duplicate check first."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from kith.people.access import can_add_person, people_visible_to
from kith.people.actions import PossibleDuplicates, add_person
from kith.people.forms import NewPersonForm
from kith.platform import clock
from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.form_problems import show_problems
from kith.platform.rules import NotAllowed, RuleBroken


def add(request: AuthenticatedRequest) -> HttpResponse:
    """Add a child or adult. Likely duplicates are shown first; the user decides.

    The candidates shown are limited to records the user may see; others are
    counted, so the user knows to ask the front door before adding a second record.
    """
    if not can_add_person(request.user):
        raise Http404
    form = NewPersonForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    duplicates, hidden_duplicates = [], 0
    if request.method == "POST" and form.is_valid():
        reviewed = [int(pk) for pk in request.POST.getlist("reviewed") if pk.isdigit()]
        if request.POST.get("none_are_the_same") != "yes":
            reviewed = []
        try:
            person = add_person(
                form.details(),
                by=request.user,
                address=form.address(),
                moved_in_on=form.moved_in_date(),
                reviewed_duplicates=reviewed,
            )
        except PossibleDuplicates as found:
            visible = set(
                people_visible_to(request.user)
                .filter(pk__in=[c.person.pk for c in found.candidates])
                .values_list("pk", flat=True)
            )
            duplicates = [candidate for candidate in found.candidates if candidate.person.pk in visible]
            hidden_duplicates = len(found.candidates) - len(duplicates)
            if request.POST.get("none_are_the_same") == "yes":
                form.add_error(None, "Another possible match was found since you checked. Check the people below again")
        except RuleBroken as refusal:
            show_problems(form, refusal)
        except NotAllowed as refused:
            raise Http404 from refused
        else:
            messages.success(request, f"{person.full_name} added, Kith ID {person.kith_id}")
            return redirect("people:record", pk=person.pk)
    return render(
        request,
        "people/add.html",
        {
            "form": form,
            "duplicates": duplicates,
            "hidden_duplicates": hidden_duplicates,
            "all_candidate_ids": [c.person.pk for c in duplicates],
            "today": clock.today(),
        },
    )
