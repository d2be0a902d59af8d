"""Permission matrix for child protection: role × scope.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, no grant).
Conference chairs are IROs and managers; social workers (and others who record case work)
record core groups; anyone who can open the record can read the plan. Refusals are 404s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kith.child_protection.access import (
    can_chair_conference,
    can_follow_up_feedback,
    can_record_case_work,
    can_view_child_protection,
)
from kith.child_protection.models import ChildProtectionPlan
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_cp_plan, given_referral

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "iro", "screener", "analyst", "business_support"]
SCOPES = ["own", "other", "restricted"]
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]

MAY_CHAIR = {
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("iro", "own"),
    ("iro", "other"),
}
MAY_RECORD = MAY_CHAIR | {("social_worker", "own"), ("screener", "own"), ("screener", "other")}
MAY_VIEW = MAY_RECORD | {
    ("analyst", "own"),
    ("analyst", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
}
MAY_FOLLOW_UP = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}


def _staff(authority: Authority, iro: StaffMember, role: str) -> StaffMember:
    return iro if role == "iro" else getattr(authority, role)


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


@pytest.fixture
def plans(authority: Authority) -> dict[str, ChildProtectionPlan]:
    """A plan for each child, so the plan pages exist whatever the scope."""
    made = {}
    for scope in SCOPES:
        child = _child(authority, scope)
        made[scope] = given_cp_plan(given_referral(child, authority.team_manager), authority.team_manager)
    return made


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, iro: StaffMember, role: str, scope: str) -> None:
    # given
    user = _staff(authority, iro, role).user
    child = _child(authority, scope)
    # when
    allowed = {
        "chair": can_chair_conference(user, child),
        "record": can_record_case_work(user, child),
        "view": can_view_child_protection(user, child),
        "follow up": can_follow_up_feedback(user, child),
    }
    # then
    assert allowed == {
        "chair": (role, scope) in MAY_CHAIR,
        "record": (role, scope) in MAY_RECORD,
        "view": (role, scope) in MAY_VIEW,
        "follow up": (role, scope) in MAY_FOLLOW_UP,
    }


def _pages(child: Person, plan: ChildProtectionPlan) -> dict[str, str]:
    return {
        "conference form": reverse("child_protection:new_initial_conference", args=[child.pk]),
        "core group form": reverse("child_protection:new_core_group", args=[plan.pk]),
        "plan": reverse("child_protection:plan", args=[plan.pk]),
        "family copy": reverse("child_protection:family_plan", args=[plan.pk]),
        "family PDF": reverse("child_protection:family_plan_pdf", args=[plan.pk]),
        "end plan": reverse("child_protection:end_plan", args=[plan.pk]),
    }


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority,
    iro: StaffMember,
    sign_in: SignIn,
    plans: dict[str, ChildProtectionPlan],
    role: str,
    scope: str,
) -> None:
    # given
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    child = _child(authority, scope)
    # when
    codes = {name: client.get(url).status_code for name, url in _pages(child, plans[scope]).items()}
    # then
    expected: dict[str, Any] = {
        "conference form": 200 if (role, scope) in MAY_CHAIR else 404,
        "core group form": 200 if (role, scope) in MAY_RECORD else 404,
        "plan": 200 if (role, scope) in MAY_VIEW else 404,
        "family copy": 200 if (role, scope) in MAY_VIEW else 404,
        "family PDF": 200 if (role, scope) in MAY_VIEW else 404,
        "end plan": 200 if (role, scope) in MAY_CHAIR else 404,
    }
    assert codes == expected
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)
