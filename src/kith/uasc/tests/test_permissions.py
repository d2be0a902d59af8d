"""Permission matrix for UASC records: role × scope. The child's workers record; those who may see the child read;
refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.rules import NotAllowed
from kith.uasc.access import can_record_uasc, can_view_uasc
from kith.uasc.actions import record_uasc
from kith.uasc.models import UascRecord
from kith.uasc.tests.conftest import ARRIVED
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

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
    return {"own": authority.social_worker, "other": authority.south_worker, "restricted": authority.north_deputy}[
        scope
    ]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, iro: StaffMember, role: str, scope: str) -> None:
    user = _staff(authority, iro, role).user
    child = _child(authority, scope)
    allowed = {"record": can_record_uasc(user, child), "view": can_view_uasc(user, child)}
    assert allowed == {"record": (role, scope) in MAY_RECORD, "view": (role, scope) in MAY_VIEW}


@pytest.fixture
def records(authority: Authority) -> dict[str, UascRecord]:
    return {
        scope: record_uasc(_child(authority, scope), became_uasc_on=ARRIVED, by=_recorder(authority, scope).user)
        for scope in SCOPES
    }


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_record_and_log_the_refusal(
    authority: Authority, iro: StaffMember, sign_in: SignIn, records: dict[str, UascRecord], role: str, scope: str
) -> None:
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    record = records[scope]
    pages = {
        "record": reverse("uasc:new", args=[record.child_id]),
        "age": reverse("uasc:age_assessment", args=[record.pk]),
        "status": reverse("uasc:immigration_status", args=[record.pk]),
        "ceased": reverse("uasc:ceased", args=[record.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    expected = 200 if (role, scope) in MAY_RECORD else 404
    assert codes == dict.fromkeys(pages, expected)
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)


def test_someone_who_may_see_but_not_record_is_refused_by_the_action(authority: Authority) -> None:
    with pytest.raises(NotAllowed):
        record_uasc(authority.own_child, became_uasc_on=ARRIVED, by=authority.business_support.user)
    assert UascRecord.objects.count() == 0
