"""The review pages: recording a review from its form, what a refusal keeps, the review's page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.care_reviews.models import Review
from kith.children_in_care.models import PeriodOfCare
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _form(held_on: date, **changes: object) -> dict[str, object]:
    return {
        **date_fields("held_on", held_on),
        "participation": "PN1",
        **date_fields("iro_met_child_on", held_on),
        "reports_received": "School and carers",
        "child_views": "Ava wants more time with her brother",
        "progress": "Settled",
        "care_plan_meets_needs": "yes",
        "complaints_information_given": "yes",
        "advocate_offered": "no",
        "decision_1": "Sibling contact every fortnight",
        "owner_1": "Priya Shah",
        **date_fields("due_on_1", date(2027, 2, 26)),
        **changes,
    }


@pytest.mark.requirement("R-133")
@pytest.mark.requirement("R-072")
@pytest.mark.requirement("R-019")
def test_a_review_is_recorded_from_its_form_and_shown_with_its_decisions(
    sign_in: SignIn, iro: StaffMember, period: PeriodOfCare
) -> None:
    client = sign_in(iro)
    response = client.post(reverse("care_reviews:new_review", args=[period.pk]), _form(date(2027, 1, 29)))
    review = Review.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("care_reviews:review", args=[review.pk])
    assert (review.complaints_information_given, review.advocate_offered) == (True, False)
    assert (review.reports_received, review.progress) == ("School and carers", "Settled")
    page = client.get(response["Location"]).content.decode()
    assert "Sibling contact every fortnight" in page
    assert "Attended and spoke for themselves (PN1)" in page


def test_a_refused_review_keeps_what_was_typed_and_says_why(
    sign_in: SignIn, iro: StaffMember, period: PeriodOfCare
) -> None:
    client = sign_in(iro)
    response = client.post(
        reverse("care_reviews:new_review", args=[period.pk]), _form(date(2027, 1, 29), participation="PN0")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "PN0 is for a child under 4; Ava Thompson was 6 on 29 January 2027" in page
    assert "Ava wants more time with her brother" in page
    assert Review.objects.count() == 0
