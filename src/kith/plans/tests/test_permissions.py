"""Permission matrix for a plan's objectives: role × scope (as in the quality tests). Refusals are 404s."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import PLAN_STARTS, REFERRED_ON
from kith.plans.records import ObjectiveDetails
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields
from tests.casework import given_cin_plan, given_referral

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_CHANGE = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("screener", "own"),
    ("screener", "other"),
}
MAY_VIEW = MAY_CHANGE | {("analyst", "own"), ("analyst", "other")}
ALL = [(role, scope) for role in ROLES for scope in SCOPES]
NEW = {
    "outcome": "o",
    "action": "a",
    "owner": "Sam",
    "owner_agency": "",
    **date_fields("target_date", date(2027, 6, 30)),
}


def _plan(authority: Authority, scope: str) -> ChildInNeedPlan:
    child = {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[
        scope
    ]
    return given_cin_plan(
        given_referral(child, authority.social_worker, on=REFERRED_ON),
        authority.social_worker,
        on=PLAN_STARTS,
        objectives=[ObjectiveDetails("Safe", "Check", "Priya", date(2027, 5, 1))],
    )


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_changing_objectives(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given
    plan = _plan(authority, scope)
    first = plan.objectives.get()
    client = sign_in(getattr(authority, role))
    may = (role, scope) in MAY_CHANGE
    # when
    added = client.post(reverse("plans:add_objective", args=["child-in-need", plan.pk]), NEW)
    withdrawn = client.post(
        reverse("plans:withdraw_objective", args=[first.pk]), {**date_fields("on", date(2027, 3, 1)), "reason": "Done"}
    )
    # then
    first.refresh_from_db()
    assert (added.status_code, withdrawn.status_code, plan.objectives.count(), first.withdrawn_on) == (
        (302, 302, 2, date(2027, 3, 1)) if may else (404, 404, 1, None)
    )


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_reading_objectives(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    plan = _plan(authority, scope)
    client = sign_in(getattr(authority, role))
    response = client.get(reverse("plans:objectives", args=["child-in-need", plan.pk]))
    assert response.status_code == (200 if (role, scope) in MAY_VIEW else 404)
