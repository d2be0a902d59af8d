"""Permission matrix for adoption: role × scope. Managers record the decisions; the child's workers record
the stages; whoever may see the child sees the plan; refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.adoption.access import can_record_adoption_decision, can_record_adoption_work, can_view_adoption
from kith.adoption.actions import record_adoption_decision
from kith.adoption.models import AdoptionPlan
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.rules import NotAllowed
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "analyst", "business_support"]
SCOPES = ["own", "other", "restricted"]
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]

MAY_DECIDE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
MAY_RECORD = MAY_DECIDE | {("social_worker", "own")}
MAY_VIEW = MAY_RECORD | {
    ("analyst", "own"),
    ("analyst", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
}


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, role: str, scope: str) -> None:
    user = getattr(authority, role).user
    child = _child(authority, scope)
    allowed = {
        "decide": can_record_adoption_decision(user, child),
        "record": can_record_adoption_work(user, child),
        "view": can_view_adoption(user, child),
    }
    assert allowed == {
        "decide": (role, scope) in MAY_DECIDE,
        "record": (role, scope) in MAY_RECORD,
        "view": (role, scope) in MAY_VIEW,
    }


@pytest.fixture
def plans(authority: Authority) -> dict[str, AdoptionPlan]:
    """A looked-after child with a decision to place for adoption in each scope, recorded by a manager who may."""
    found = {}
    for scope in SCOPES:
        child = _child(authority, scope)
        period = given_looked_after_child(child, authority.team_manager, on=date(2027, 1, 4))
        manager = next(
            staff
            for staff in (authority.team_manager, authority.service_manager, authority.north_deputy)
            if can_record_adoption_decision(staff.user, child)
        )
        found[scope] = record_adoption_decision(
            period,
            decided_on=date(2027, 3, 1),
            decision_maker="Helen Marsh, head of service",
            reasons="The child needs a family for life",
            by=manager.user,
        )
    return found


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority, sign_in: SignIn, plans: dict[str, AdoptionPlan], role: str, scope: str
) -> None:
    staff = getattr(authority, role)
    client = sign_in(staff)
    plan = plans[scope]
    pages = {
        "plan": reverse("adoption:plan", args=[plan.pk]),
        "decision": reverse("adoption:new_decision", args=[plan.period_id]),
        "authority": reverse("adoption:authority", args=[plan.pk]),
        "ceased": reverse("adoption:ceased", args=[plan.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    assert codes == {
        "plan": 200 if (role, scope) in MAY_VIEW else 404,
        "decision": 200 if (role, scope) in MAY_DECIDE else 404,
        "authority": 200 if (role, scope) in MAY_RECORD else 404,
        "ceased": 200 if (role, scope) in MAY_DECIDE else 404,
    }
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)


def test_a_social_worker_cannot_record_the_decision_makers_decision(authority: Authority) -> None:
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=date(2027, 1, 4))
    with pytest.raises(NotAllowed):
        record_adoption_decision(
            period,
            decided_on=date(2027, 3, 1),
            decision_maker="Helen Marsh",
            reasons="Ava needs a family for life",
            by=authority.social_worker.user,
        )
    assert AdoptionPlan.objects.count() == 0
