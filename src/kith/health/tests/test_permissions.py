"""Permission matrix for health: role × scope. The child's workers record; those who may see the child read;
refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.health.access import can_record_health, can_view_health
from kith.health.actions import record_health_assessment
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
    allowed = {"record": can_record_health(user, child), "view": can_view_health(user, child)}
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
    assessment = record_health_assessment(
        period,
        assessed_on=date(2027, 1, 20),
        assessor_name="Dr Anita Rao",
        assessor_role="paediatrician",
        child_seen=True,
        outcomes="Well",
        health_plan="Dental check by March",
        by=_recorder(authority, scope).user,
    )
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    pages = {
        "assessment form": reverse("health:new_assessment", args=[period.pk]),
        "dental": reverse("health:new_dental_check", args=[period.pk]),
        "immunisations": reverse("health:new_immunisations", args=[period.pk]),
        "sdq": reverse("health:new_sdq", args=[period.pk]),
        "assessment": reverse("health:assessment", args=[assessment.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    may_record = 200 if (role, scope) in MAY_RECORD else 404
    assert codes == {
        "assessment form": may_record,
        "dental": may_record,
        "immunisations": may_record,
        "sdq": may_record,
        "assessment": 200 if (role, scope) in MAY_VIEW else 404,
    }
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)
