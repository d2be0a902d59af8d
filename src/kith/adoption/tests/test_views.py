"""The adoption pages: the decision and the match from their forms, what a refusal keeps, the plan's page and
the Adoption panel of the Case work tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.adoption.models import AdoptionPlan
from kith.adoption.tests.given import authorised, decided, placed_plan
from kith.children_in_care.models import PeriodOfCare
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _decision_form(decided_on: date, **changes: object) -> dict[str, object]:
    return {
        **date_fields("decided_on", decided_on),
        "decision_maker": "Helen Marsh, head of service",
        "reasons": "Ava cannot go home and needs a family for life",
        **date_fields("raa_notified_on", date(2027, 2, 15)),
        "regional_adoption_agency": "Tees Valley Adoption",
        **changes,
    }


def _match_form(**changes: object) -> dict[str, object]:
    return {
        **date_fields("matching_panel_on", date(2027, 7, 26)),
        **date_fields("matched_on", date(2027, 8, 2)),
        "adopters": "Sam and Jo Lee",
        "number_of_adopters": "2",
        "adopters_sex": "MF",
        "adopters_legal_status": "L11",
        "adopted_by_foster_carers": "no",
        "transition_plan": "Two weeks of introductions",
        **changes,
    }


def test_the_decision_form_records_the_decision_and_shows_the_plan(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    client = sign_in(authority.team_manager)
    url = reverse("adoption:new_decision", args=[period.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _decision_form(date(2027, 3, 1)))
    plan = AdoptionPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("adoption:plan", args=[plan.pk])
    assert CaseEvent.objects.get(event_type="adoption.should_be_placed_for_adoption").summary == (
        "Helen Marsh, head of service decided that Ava should be placed for adoption; Tees Valley Adoption "
        "notified on 15 February 2027"
    )
    page = client.get(response["Location"]).content.decode()
    assert "15 February 2027 (Tees Valley Adoption)" in page
    assert "within 12 months means by 1 March 2028" in page


def test_a_refused_decision_keeps_what_was_typed_and_says_why(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    client = sign_in(authority.team_manager)
    response = client.post(reverse("adoption:new_decision", args=[period.pk]), _decision_form(date(2027, 1, 2)))
    page = response.content.decode()
    assert response.status_code == 200
    assert "The decision (2 January 2027) is before Ava Thompson came into care (4 January 2027)" in page
    assert "Ava cannot go home and needs a family for life" in page
    assert AdoptionPlan.objects.count() == 0


def test_the_match_form_refuses_codes_the_return_rejects_together_then_records_the_match(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    plan = authorised(authority, decided(authority, period))
    client = sign_in(authority.social_worker)
    url = reverse("adoption:match", args=[plan.pk])
    refused = client.post(url, _match_form(adopters_sex="FF"))
    assert "The return accepts MF with legal status L11, not FF (rules 517, 518, 520, 524)" in refused.content.decode()
    assert "Two weeks of introductions" in refused.content.decode()
    accepted = client.post(url, _match_form())
    plan.refresh_from_db()
    assert (accepted.status_code, accepted["Location"]) == (302, reverse("adoption:plan", args=[plan.pk]))
    assert (plan.matched_on, plan.adopters, plan.adopters_sex) == (date(2027, 8, 2), "Sam and Jo Lee", "MF")


def test_an_adoption_review_is_recorded_from_the_period_and_meets_the_clock(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    plan = authorised(authority, decided(authority, period))
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("adoption:new_review", args=[period.pk]),
        {**date_fields("held_on", date(2027, 6, 28)), "child_views": "Ava drew her new family", "progress": "On track"},
    )
    assert response.status_code == 302
    assert plan.reviews.get().held_on == date(2027, 6, 28)


def test_the_case_work_panel_shows_the_days_from_decision_to_match_and_placement(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    placed_plan(authority, period)
    page = sign_in(authority.social_worker).get(reverse("people:casework", args=[period.child.pk])).content.decode()
    assert "Matched 2 August 2027 with Sam and Jo Lee: 154 days after the decision" in page
    assert "Placed for adoption 16 August 2027: 168 days after the decision" in page
    assert "Next adoption review due <strong>13 September 2027</strong> (overdue)" in page


def test_the_placed_page_refuses_when_the_child_has_not_moved_and_says_where_they_are(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    plan = authorised(authority, decided(authority, period))
    client = sign_in(authority.social_worker)
    page = client.post(reverse("adoption:placed", args=[plan.pk]), {}).content.decode()
    assert "Record the match with the prospective adopters first" in page
    assert "The child&#x27;s placement now: Other foster carer: not long-term or foster for adoption (U6)" in page


def test_after_the_adoption_order_the_plan_page_shows_it_and_offers_nothing_more(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    plan = placed_plan(authority, period)
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("adoption:adoption_order", args=[plan.pk]),
        {**date_fields("made_on", date(2027, 10, 25)), "reason_ceased": "E11"},
    )
    page = client.get(response["Location"]).content.decode()
    assert "25 October 2027 (E11)" in page
    assert reverse("adoption:new_review", args=[period.pk]) not in page
    casework = client.get(reverse("people:casework", args=[period.child.pk])).content.decode()
    assert "Adoption order made 25 October 2027" in casework
