"""Permission matrix for youth justice: role × scope. The child's workers record; those who may see the child read;
refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.rules import NotAllowed
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority
from kith.youth_justice.access import can_record_youth_justice, can_view_youth_justice
from kith.youth_justice.actions import open_youth_justice_involvement
from kith.youth_justice.models import Involvement

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
    allowed = {"record": can_record_youth_justice(user, child), "view": can_view_youth_justice(user, child)}
    assert allowed == {"record": (role, scope) in MAY_RECORD, "view": (role, scope) in MAY_VIEW}


@pytest.fixture
def involvements(authority: Authority) -> dict[str, Involvement]:
    """The YJS opened each child's case on 10 October 2027."""
    return {
        scope: open_youth_justice_involvement(
            _child(authority, scope),
            opened_on=date(2027, 10, 10),
            yos_worker="Dan Price",
            yos_team="Hartlepool YJS",
            reason="Prevention work after a police triage",
            by=_recorder(authority, scope).user,
        )
        for scope in SCOPES
    }


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority,
    iro: StaffMember,
    sign_in: SignIn,
    involvements: dict[str, Involvement],
    role: str,
    scope: str,
) -> None:
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    involvement = involvements[scope]
    pages = {
        "record": reverse("youth_justice:record", args=[involvement.child_id]),
        "outcome": reverse("youth_justice:record_outcome", args=[involvement.pk]),
        "custody": reverse("youth_justice:start_custody", args=[involvement.pk]),
        "supervision": reverse("youth_justice:joint_supervision", args=[involvement.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    may_record = 200 if (role, scope) in MAY_RECORD else 404
    may_view = 200 if (role, scope) in MAY_VIEW else 404
    assert codes == {"record": may_view, "outcome": may_record, "custody": may_record, "supervision": may_record}
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)


def test_someone_who_may_see_but_not_record_is_refused_by_the_action(authority: Authority) -> None:
    with pytest.raises(NotAllowed):
        open_youth_justice_involvement(
            authority.own_child,
            opened_on=date(2027, 10, 10),
            yos_worker="Dan Price",
            yos_team="Hartlepool YJS",
            reason="Charged with robbery",
            by=authority.analyst.user,
        )
    assert Involvement.objects.count() == 0
