"""Permission matrix for reviews: role × scope. IROs and managers chair; the child's workers follow up;
refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.care_reviews.access import can_allocate_iro, can_chair_review, can_follow_up_review, can_view_reviews
from kith.children_in_care.models import PeriodOfCare
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "iro", "analyst", "business_support"]
SCOPES = ["own", "other", "restricted"]
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]

MAY_CHAIR = {
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("iro", "own"),
    ("iro", "other"),
}
MAY_ALLOCATE = MAY_CHAIR
MAY_FOLLOW_UP = MAY_CHAIR | {("social_worker", "own")}
MAY_VIEW = MAY_FOLLOW_UP | {
    ("analyst", "own"),
    ("analyst", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
}


def _staff(authority: Authority, iro: StaffMember, role: str) -> StaffMember:
    return iro if role == "iro" else getattr(authority, role)


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, iro: StaffMember, role: str, scope: str) -> None:
    user = _staff(authority, iro, role).user
    child = _child(authority, scope)
    allowed = {
        "chair": can_chair_review(user, child),
        "allocate": can_allocate_iro(user, child),
        "follow up": can_follow_up_review(user, child),
        "view": can_view_reviews(user, child),
    }
    assert allowed == {
        "chair": (role, scope) in MAY_CHAIR,
        "allocate": (role, scope) in MAY_ALLOCATE,
        "follow up": (role, scope) in MAY_FOLLOW_UP,
        "view": (role, scope) in MAY_VIEW,
    }


@pytest.fixture
def periods(authority: Authority) -> dict[str, PeriodOfCare]:
    return {
        scope: given_looked_after_child(_child(authority, scope), authority.team_manager, on=date(2027, 1, 4))
        for scope in SCOPES
    }


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority,
    iro: StaffMember,
    sign_in: SignIn,
    periods: dict[str, PeriodOfCare],
    role: str,
    scope: str,
) -> None:
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    period = periods[scope]
    pages = {
        "review form": reverse("care_reviews:new_review", args=[period.pk]),
        "allocate": reverse("care_reviews:allocate_iro", args=[period.pk]),
        "challenge": reverse("care_reviews:new_challenge", args=[period.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    assert codes == {
        "review form": 200 if (role, scope) in MAY_CHAIR else 404,
        "allocate": 200 if (role, scope) in MAY_ALLOCATE else 404,
        "challenge": 200 if (role, scope) in MAY_CHAIR else 404,
    }
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)
