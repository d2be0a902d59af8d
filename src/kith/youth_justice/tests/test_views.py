"""The youth justice pages: opening from the form, an outcome refused keeps what was typed, the record and the panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.models import Person
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows
from kith.youth_justice.models import CustodyEpisode, Involvement, Outcome

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def test_the_involvement_is_opened_from_its_form_and_shown_on_the_panel(
    sign_in: SignIn, authority: Authority, kai: Person
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("youth_justice:open_involvement", args=[kai.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            **date_fields("opened_on", date(2027, 7, 19)),
            "yos_worker": "Dan Price",
            "yos_team": "Hartlepool Youth Justice Service",
            "reason": "Arrested with older young people",
        },
    )
    assert response["Location"] == reverse("youth_justice:record", args=[kai.pk])
    assert Involvement.objects.get().opened_on == date(2027, 7, 19)
    panel = client.get(reverse("people:casework", args=[kai.pk])).content.decode()
    assert "YJS involved since <strong>19 July 2027</strong>: Dan Price, Hartlepool Youth Justice Service" in panel


def test_a_refused_outcome_keeps_what_was_typed_and_says_why(
    sign_in: SignIn, authority: Authority, involvement: Involvement
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("youth_justice:record_outcome", args=[involvement.pk])
    response = client.post(
        url,
        {
            "kind": "youth_caution",
            **date_fields("outcome_on", date(2027, 2, 1)),
            "offence": "Criminal damage to a bus shelter",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The outcome (1 February 2027) is before the youth justice involvement opened (1 March 2027)" in page
    assert 'value="Criminal damage to a bus shelter"' in page
    assert Outcome.objects.count() == 0


def test_an_outcome_from_its_form_shows_on_the_record_with_its_903_flag(
    sign_in: SignIn, authority: Authority, involvement: Involvement
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("youth_justice:record_outcome", args=[involvement.pk]),
        {"kind": "referral_order", **date_fields("outcome_on", date(2027, 9, 20)), "offence": "Robbery"},
    )
    assert response.status_code == 302
    page = client.get(reverse("youth_justice:record", args=[involvement.child_id])).content.decode()
    assert table_rows(page, "outcomes") == [["20 September 2027", "Referral order", "Robbery", "Yes"]]


def test_custody_and_a_visit_are_recorded_from_their_forms(
    sign_in: SignIn, authority: Authority, involvement: Involvement
) -> None:
    client = sign_in(authority.social_worker)
    client.post(
        reverse("youth_justice:start_custody", args=[involvement.pk]),
        {
            "kind": "remand",
            "establishment": "Tees Secure Children's Home",
            "establishment_kind": "sch",
            **date_fields("started_on", date(2027, 9, 6)),
            "education": "25 hours a week",
        },
    )
    episode = CustodyEpisode.objects.get()
    response = client.post(
        reverse("youth_justice:custody_visit", args=[episode.pk]),
        {
            **date_fields("visited_on", date(2027, 9, 9)),
            "child_seen_alone": "yes",
            "notes": "Kai is eating and sleeping",
        },
    )
    assert response["Location"] == reverse("youth_justice:record", args=[involvement.child_id])
    visit = episode.visits.get()
    assert (visit.visited_on, visit.child_seen_alone, visit.visitor) == (
        date(2027, 9, 9),
        True,
        authority.social_worker,
    )
