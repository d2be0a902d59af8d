"""A plan's objectives page, adding an objective and withdrawing one, from the browser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import given_plan
from kith.front_door.models import Referral
from kith.plans.models import Objective
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows
from tests.casework import given_cp_plan

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

NEW = {
    "outcome": "The family has a home with a bedroom for Ava",
    "action": "Support Kerry's housing application",
    "owner": "Sam Green",
    "owner_agency": "Housing",
    **date_fields("target_date", date(2027, 6, 30)),
}


@pytest.fixture
def plan(authority: Authority, referral: Referral) -> ChildInNeedPlan:
    return given_plan(referral, authority.social_worker)


@pytest.mark.requirement("R-044")
def test_adding_an_objective_returns_to_the_plan(authority: Authority, sign_in: SignIn, plan: ChildInNeedPlan) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.post(reverse("plans:add_objective", args=["child-in-need", plan.pk]), NEW)
    # then
    assert response["Location"] == reverse("child_in_need:plan", args=[plan.pk])
    assert plan.objectives.filter(owner="Sam Green", target_date=date(2027, 6, 30)).count() == 1


def test_missing_parts_of_an_objective_are_explained_and_kept(
    authority: Authority, sign_in: SignIn, plan: ChildInNeedPlan
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("plans:add_objective", args=["child-in-need", plan.pk]),
        {**NEW, "owner": "", **date_fields("target_date", date(2027, 3, 1))},
    )
    assert response.context["form"].errors == {"owner": ["Name who is responsible"]}
    assert Objective.objects.count() == 2
    # and a target date before today is refused by the action, beside the field
    response = client.post(
        reverse("plans:add_objective", args=["child-in-need", plan.pk]),
        {**NEW, **date_fields("target_date", date(2027, 3, 1))},
    )
    assert response.context["form"].errors == {
        "target_date": ["The target date (1 March 2027) is before the objective is added (15 April 2027)"]
    }
    assert "Support Kerry&#x27;s housing application</textarea>" in response.content.decode()


def test_withdrawing_an_objective_shows_it_withdrawn_with_its_reason(
    authority: Authority, sign_in: SignIn, plan: ChildInNeedPlan
) -> None:
    # given
    client = sign_in(authority.social_worker)
    dentist = plan.objectives.get(owner="Priya Shah")
    # when
    response = client.post(
        reverse("plans:withdraw_objective", args=[dentist.pk]),
        {**date_fields("on", date(2027, 2, 10)), "reason": "Seen by the school dentist"},
    )
    page = client.get(reverse("plans:objectives", args=["child-in-need", plan.pk])).content.decode()
    # then
    assert response["Location"] == reverse("child_in_need:plan", args=[plan.pk])
    assert "Withdrawn on 10 February 2027: Seen by the school dentist" in page


@pytest.mark.requirement("R-004")
def test_the_objectives_page_lists_every_progress_update(
    authority: Authority, sign_in: SignIn, plan: ChildInNeedPlan
) -> None:
    # given a visit that recorded progress
    client = sign_in(authority.social_worker)
    dentist, school = list(plan.objectives.order_by("target_date"))
    client.post(
        reverse("visits:record_visit", args=[authority.own_child.pk]),
        {
            **date_fields("visited_on", date(2027, 3, 3)),
            "where": "Home",
            "child_seen": "yes",
            "seen_alone": "yes",
            "spoken_to_alone": "yes",
            "observations": "o",
            "child_views": "v",
            "analysis": "a",
            "outcome": "x",
            f"progress_{dentist.pk}": "achieved",
            f"progress_{school.pk}": "some_progress",
            f"progress_notes_{school.pk}": "Late twice",
        },
    )
    # when
    html = client.get(reverse("plans:objectives", args=["child-in-need", plan.pk])).content.decode()
    # then
    assert table_rows(html, f"progress-{dentist.pk}") == [["3 March 2027", "Visit", "Achieved", ""]]
    assert table_rows(html, f"progress-{school.pk}") == [["3 March 2027", "Visit", "Some progress", "Late twice"]]
    assert "Achieved on 3 March 2027" in html


def test_a_child_protection_plans_objectives_have_a_page_too(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given a plan that started with the conference's objective (Kerry Bennett's)
    cp = given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 20))
    client = sign_in(authority.social_worker)
    # when
    added = client.post(reverse("plans:add_objective", args=["child-protection", cp.pk]), NEW)
    page = client.get(reverse("plans:objectives", args=["child-protection", cp.pk]))
    # then
    assert added.status_code == 302
    assert "Objectives of the child protection plan" in page.content.decode()
    assert [row.objective.owner for row in page.context["rows"]] == ["Kerry Bennett", "Sam Green"]


def test_an_unknown_kind_of_plan_is_a_404(authority: Authority, sign_in: SignIn, plan: ChildInNeedPlan) -> None:
    client = sign_in(authority.social_worker)
    assert client.get(reverse("plans:objectives", args=["care-plan", plan.pk])).status_code == 404
