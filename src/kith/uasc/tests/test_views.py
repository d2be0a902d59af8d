"""The UASC pages: recording from the forms, what a refusal keeps, and the Case work panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.models import Person
from kith.uasc.models import UascRecord
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def test_a_child_is_recorded_as_uasc_from_the_form_and_the_panel_shows_the_claim(
    sign_in: SignIn, authority: Authority, yonas: Person
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("uasc:new", args=[yonas.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            **date_fields("became_uasc_on", date(2027, 6, 14)),
            "home_office_reference": "HO-T1234567",
            "age_disputed": "on",
        },
    )
    record = UascRecord.objects.get()
    assert response["Location"] == reverse("people:casework", args=[yonas.pk])
    client.post(
        reverse("uasc:immigration_status", args=[record.pk]),
        {"status": "claim_lodged", **date_fields("changed_on", date(2027, 7, 5))},
    )
    panel = client.get(response["Location"]).content.decode()
    assert "<strong>UASC</strong> since 14 June 2027; Home Office reference HO-T1234567" in panel
    assert "<strong>Age disputed</strong>: no assessment recorded yet" in panel
    assert "Immigration status: asylum claim lodged on 5 July 2027" in panel


def test_a_refused_record_keeps_what_was_typed_and_says_why(
    sign_in: SignIn, authority: Authority, yonas: Person
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("uasc:new", args=[yonas.pk]),
        {
            **date_fields("became_uasc_on", date(2027, 6, 14)),
            "home_office_reference": "HO-T1234567",
            "transferred_from": "Kent County Council",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Give both the authority that transferred the child and the date, or neither" in page
    assert 'value="HO-T1234567"' in page
    assert 'value="Kent County Council"' in page
    assert UascRecord.objects.count() == 0


def test_a_refused_end_of_status_keeps_the_choice_and_says_why(
    sign_in: SignIn, authority: Authority, yonas: Person
) -> None:
    client = sign_in(authority.social_worker)
    client.post(reverse("uasc:new", args=[yonas.pk]), date_fields("became_uasc_on", date(2027, 6, 14)))
    record = UascRecord.objects.get()
    response = client.post(
        reverse("uasc:ceased", args=[record.pk]),
        {**date_fields("ceased_on", date(2027, 10, 1)), "reason": "assessed_adult"},
    )
    page = response.content.decode()
    assert "Record the age assessment that found Yonas Tesfaye to be 18 or over first" in page
    assert 'value="assessed_adult" checked' in page
    record.refresh_from_db()
    assert record.ceased_on is None
