"""Permission matrix for the front door: role × scope, for viewing, recording and deciding.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, no grant). Front
door staff reach every child, except a restricted one. Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kith.front_door.access import (
    can_audit_early_help,
    can_make_front_door_decision,
    can_record_front_door_work,
    can_view_front_door,
)
from kith.front_door.models import Contact, ContactDecision
from kith.front_door.tests.builders import given_screened_contact
from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = [
    "social_worker",
    "team_manager",
    "service_manager",
    "screener",
    "front_door_manager",
    "business_support",
    "analyst",
    "administrator",
]
SCOPES = ["own", "other", "restricted"]

MAY_VIEW = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("screener", "own"),
    ("screener", "other"),
    ("front_door_manager", "own"),
    ("front_door_manager", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
    ("analyst", "own"),
    ("analyst", "other"),
}
MAY_RECORD = MAY_VIEW - {
    ("business_support", "own"),
    ("business_support", "other"),
    ("analyst", "own"),
    ("analyst", "other"),
}
MAY_DECIDE = {
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("front_door_manager", "own"),
    ("front_door_manager", "other"),
}
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_view_record_decide_and_audit(authority: Authority, role: str, scope: str) -> None:
    # given
    user = getattr(authority, role).user
    child = _child(authority, scope)
    # when
    answers = (
        can_view_front_door(user, child),
        can_record_front_door_work(user, child),
        can_make_front_door_decision(user, child),
        can_audit_early_help(user, child),
    )
    # then
    expected = ((role, scope) in MAY_VIEW, (role, scope) in MAY_RECORD, (role, scope) in MAY_DECIDE)
    assert answers == (*expected, expected[2])


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_the_new_contact_page_for_a_child_opens_only_to_those_who_may_record(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("front_door:new_contact_for_child", args=[child.pk]))
    # then
    assert page.status_code == (200 if (role, scope) in MAY_RECORD else 404)


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_deciding_a_contact_is_for_managers_who_reach_the_child(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given a screened contact about the child (the screener cannot reach the restricted child either:
    # the deputy who restricted the record records that one)
    recorder = {"own": authority.screener, "other": authority.screener, "restricted": authority.north_deputy}[scope]
    contact = given_screened_contact([_child(authority, scope)], recorder)
    client = sign_in(getattr(authority, role))
    events = CaseEvent.objects.count()
    # when
    page = client.get(reverse("front_door:contact", args=[contact.pk]))
    posted = client.post(
        reverse("front_door:decide", args=[contact.pk]),
        {"decision": ContactDecision.ADVICE, "rationale": "Advice is enough", "advice_given": "Leaflet"},
    )
    # then
    may_decide = (role, scope) in MAY_DECIDE
    assert (page.status_code, posted.status_code) == (
        200 if (role, scope) in MAY_VIEW else 404,
        302 if may_decide else 404,
    )
    assert Contact.objects.get().decision == ("advice" if may_decide else "")
    assert CaseEvent.objects.count() == events + (1 if may_decide else 0)
