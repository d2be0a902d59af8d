"""Permission matrix for leaving care: role × scope. The young person's social worker, personal adviser and
managers record; managers allocate the personal adviser; refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.care_leavers.access import can_allocate_personal_adviser, can_record_leaving_care, can_view_leaving_care
from kith.care_leavers.models import LeavingCareSupport
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = [
    "social_worker",
    "team_manager",
    "service_manager",
    "personal_adviser",
    "iro",
    "analyst",
    "business_support",
]
SCOPES = ["own", "other", "restricted"]
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]

MAY_ALLOCATE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
MAY_RECORD = MAY_ALLOCATE | {("social_worker", "own"), ("personal_adviser", "own")}
MAY_VIEW = MAY_RECORD | {
    ("iro", "own"),
    ("iro", "other"),
    ("analyst", "own"),
    ("analyst", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
}


def _staff(authority: Authority, role: str) -> StaffMember:
    if role == "personal_adviser":
        return add_staff("Pat Lowry", Role.PERSONAL_ADVISER, authority.north)
    if role == "iro":
        return add_staff("Irene Walsh", Role.IRO, authority.service)
    return getattr(authority, role)


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, role: str, scope: str) -> None:
    user = _staff(authority, role).user
    child = _child(authority, scope)
    allowed = {
        "record": can_record_leaving_care(user, child),
        "allocate": can_allocate_personal_adviser(user, child),
        "view": can_view_leaving_care(user, child),
    }
    assert allowed == {
        "record": (role, scope) in MAY_RECORD,
        "allocate": (role, scope) in MAY_ALLOCATE,
        "view": (role, scope) in MAY_VIEW,
    }


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    staff = _staff(authority, role)
    client = sign_in(staff)
    child = _child(authority, scope)
    pages = {
        "record": reverse("care_leavers:young_person", args=[child.pk]),
        "start": reverse("care_leavers:start_support", args=[child.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    assert codes == {
        "record": 200 if (role, scope) in MAY_VIEW else 404,
        "start": 200 if (role, scope) in MAY_RECORD else 404,
    }
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)


def test_the_personal_adviser_page_is_for_managers_and_needs_support_to_have_started(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    url = reverse("care_leavers:allocate_adviser", args=[kai.pk])
    not_started = reverse("care_leavers:allocate_adviser", args=[authority.own_child.pk])
    manager = sign_in(authority.team_manager)
    codes = [manager.get(url).status_code, manager.get(not_started).status_code]
    worker = sign_in(authority.social_worker)
    codes.append(worker.get(url).status_code)
    assert codes == [200, 404, 404]
    assert support.became_eligible_on == date(2026, 9, 15)
