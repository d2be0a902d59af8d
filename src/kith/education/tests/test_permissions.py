"""Permission matrix for education: role × scope. The child's workers record; those who may see the child
read; refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.education.access import can_record_education, can_view_education
from kith.education.actions import start_pep
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

MAY_RECORD = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("iro", "own"),
    ("iro", "other"),
}
MAY_VIEW = MAY_RECORD | {
    ("analyst", "own"),
    ("analyst", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
}


def _staff(authority: Authority, iro: StaffMember, role: str) -> StaffMember:
    return iro if role == "iro" else getattr(authority, role)


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _recorder(authority: Authority, scope: str) -> StaffMember:
    """Someone who may record on the child: its worker, or for the restricted record the manager who restricted it."""
    return {"own": authority.social_worker, "other": authority.south_worker, "restricted": authority.north_deputy}[
        scope
    ]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, iro: StaffMember, role: str, scope: str) -> None:
    user = _staff(authority, iro, role).user
    child = _child(authority, scope)
    allowed = {"record": can_record_education(user, child), "view": can_view_education(user, child)}
    assert allowed == {"record": (role, scope) in MAY_RECORD, "view": (role, scope) in MAY_VIEW}


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
    period = periods[scope]
    plan = start_pep(period, started_on=date(2027, 1, 14), by=_recorder(authority, scope).user)
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    pages = {
        "school": reverse("education:new_school", args=[period.pk]),
        "start pep": reverse("education:start_pep", args=[period.pk]),
        "pep meeting": reverse("education:new_pep_meeting", args=[plan.pk]),
        "exclusion": reverse("education:new_exclusion", args=[period.pk]),
        "attendance": reverse("education:new_attendance", args=[period.pk]),
        "pep": reverse("education:pep", args=[plan.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    may_record = 200 if (role, scope) in MAY_RECORD else 404
    assert codes == {
        "school": may_record,
        "start pep": may_record,
        "pep meeting": may_record,
        "exclusion": may_record,
        "attendance": may_record,
        "pep": 200 if (role, scope) in MAY_VIEW else 404,
    }
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)
