"""Permission matrix for child in need plans: role × scope.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North), ``other``
(held by South) and ``restricted`` (held by North, restricted, no grant). Recording needs case
work on the child; reading needs sight of the child's record. Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import FIRST_REVIEW, PLAN_STARTS, REFERRED_ON
from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields
from tests.casework import given_cin_plan, given_referral

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_RECORD = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("screener", "own"),
    ("screener", "other"),
}
MAY_VIEW = MAY_RECORD | {("analyst", "own"), ("analyst", "other")}
ALL = [(role, scope) for role in ROLES for scope in SCOPES]


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _plan_post() -> dict[str, object]:
    return {
        "rows": "5",
        **date_fields("started_on", PLAN_STARTS),
        "lead_professional": "Priya Shah",
        "summary_for_family": "Help to get to school every day.",
        "contingency": "A meeting to decide whether more help is needed.",
        **date_fields("first_review_on", FIRST_REVIEW),
        "objective_1_outcome": "At school every day",
        "objective_1_action": "Walk to school",
        "objective_1_owner": "Kerry",
        **date_fields("objective_1_target_date", date(2027, 3, 31)),
    }


REFUSED = [(role, scope) for role, scope in ALL if (role, scope) not in MAY_RECORD]


@pytest.mark.parametrize(("role", "scope"), sorted(MAY_RECORD))
def test_starting_a_plan_is_allowed(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given the child's open referral
    child = _child(authority, scope)
    given_referral(child, authority.social_worker, on=REFERRED_ON)
    client = sign_in(getattr(authority, role))
    url = reverse("child_in_need:start_plan", args=[child.pk])
    # when
    page = client.get(url)
    posted = client.post(url, _plan_post())
    # then
    assert (page.status_code, posted.status_code) == (200, 302)
    assert list(ChildInNeedPlan.objects.values_list("child", flat=True)) == [child.pk]


@pytest.mark.parametrize(("role", "scope"), REFUSED)
def test_starting_a_plan_is_refused_with_a_404_and_nothing_recorded(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given the child's open referral
    child = _child(authority, scope)
    given_referral(child, authority.social_worker, on=REFERRED_ON)
    client = sign_in(getattr(authority, role))
    events_before = CaseEvent.objects.count()
    url = reverse("child_in_need:start_plan", args=[child.pk])
    # when
    page = client.get(url)
    posted = client.post(url, _plan_post())
    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    assert ChildInNeedPlan.objects.count() == 0
    assert CaseEvent.objects.count() == events_before


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_reviewing_and_ending_a_plan(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given the child's plan
    child = _child(authority, scope)
    plan = given_cin_plan(
        given_referral(child, authority.social_worker, on=REFERRED_ON), authority.social_worker, on=PLAN_STARTS
    )
    client = sign_in(getattr(authority, role))
    may = (role, scope) in MAY_RECORD
    # when
    review = client.get(reverse("child_in_need:review_plan", args=[plan.pk]))
    end = client.post(
        reverse("child_in_need:end_plan", args=[plan.pk]),
        {**date_fields("ended_on", date(2027, 4, 1)), "end_reason": "Needs met"},
    )
    # then
    plan.refresh_from_db()
    assert (review.status_code, end.status_code, plan.ended_on) == (
        (200, 302, date(2027, 4, 1)) if may else (404, 404, None)
    )


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_reading_the_plan_and_the_family_copy(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given the child's plan
    child = _child(authority, scope)
    plan = given_cin_plan(
        given_referral(child, authority.social_worker, on=REFERRED_ON), authority.social_worker, on=PLAN_STARTS
    )
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("child_in_need:plan", args=[plan.pk]))
    family = client.get(reverse("child_in_need:family_plan", args=[plan.pk]))
    # then
    expected = 200 if (role, scope) in MAY_VIEW else 404
    assert (page.status_code, family.status_code) == (expected, expected)


def test_a_plan_that_does_not_exist_is_a_404_like_a_forbidden_one(authority: Authority, sign_in: SignIn) -> None:
    client = sign_in(authority.social_worker)
    assert client.get(reverse("child_in_need:plan", args=[999999])).status_code == 404
