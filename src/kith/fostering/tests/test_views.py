"""The fostering pages: the service list with vacancies, an enquiry from its form, what a refusal keeps, and the
child's worker recording the household of a placement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.fostering.models import Household, PlacementLink
from kith.fostering.tests.conftest import an_adult
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def test_the_service_page_lists_households_with_their_status_vacancies_and_review_due(
    sign_in: SignIn, gwen: StaffMember, approved_hunts: Household
) -> None:
    page = sign_in(gwen).get(reverse("fostering:service")).content.decode()
    assert table_rows(page, "households") == [
        [
            "Bev and Carl Hunt",
            "In-house mainstream foster carers",
            "Approved",
            "2 children aged 11 to 17: emergency and short-term",
            "0",
            "2",
            "Review by 17 September 2027 (overdue)",
        ]
    ]


def test_an_enquiry_is_recorded_from_its_form_with_the_carers_kith_ids(sign_in: SignIn, fay: StaffMember) -> None:
    sue = an_adult("Sue", "Lane", by=fay)
    client = sign_in(fay)
    url = reverse("fostering:new_enquiry")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Sue Lane",
            "postcode": "TS24 1AA",
            "kind": "short_breaks",
            "carers": sue.kith_id,
            **date_fields("enquiry_on", date(2027, 10, 4)),
        },
    )
    household = Household.objects.get()
    assert response["Location"] == reverse("fostering:household", args=[household.pk])
    assert [carer.person for carer in household.carers.all()] == [sue]


def test_a_refused_enquiry_keeps_what_was_typed_and_says_why(sign_in: SignIn, fay: StaffMember) -> None:
    client = sign_in(fay)
    response = client.post(
        reverse("fostering:new_enquiry"),
        {
            "name": "Sue Lane",
            "postcode": "TS24 1AA",
            "kind": "short_breaks",
            "carers": "K0099999",
            **date_fields("enquiry_on", date(2027, 10, 4)),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "No record you can open has the Kith ID K0099999" in page
    assert 'value="Sue Lane"' in page
    assert Household.objects.count() == 0


def test_the_childs_worker_records_the_household_from_the_case_work_panel(
    sign_in: SignIn, authority: Authority, approved_hunts: Household, kais_care: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    casework = reverse("people:casework", args=[kais_care.child_id])
    placement = kais_care.placements.get()
    assert reverse("fostering:link_placement", args=[placement.pk]) in client.get(casework).content.decode()
    response = client.post(
        reverse("fostering:link_placement", args=[placement.pk]), {"household": str(approved_hunts.pk)}
    )
    assert response["Location"] == casework
    assert PlacementLink.objects.get().household == approved_hunts
    assert "Placed with <strong>Bev and Carl Hunt</strong>" in client.get(casework).content.decode()


def test_an_approval_refused_keeps_what_was_typed(sign_in: SignIn, gwen: StaffMember, hunts: Household) -> None:
    response = sign_in(gwen).post(
        reverse("fostering:approve", args=[hunts.pk]),
        {
            **date_fields("panel_recommended_on", date(2027, 9, 10)),
            **date_fields("approved_on", date(2027, 9, 3)),
            "decision_maker": "Gwen Hale",
            "places": "2",
            "age_from": "11",
            "age_to": "17",
            "kind_of_care": "long_term",
        },
    )
    page = response.content.decode()
    assert "The approval (3 September 2027) is before the panel&#x27;s recommendation (10 September 2027)" in page
    assert 'value="Gwen Hale"' in page
    hunts.refresh_from_db()
    assert hunts.approved_on is None
