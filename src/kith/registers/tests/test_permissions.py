"""Permission matrix for private fostering and the education registers: role × scope.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, no grant).
Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.actions import PersonDetails, add_person
from kith.people.models import Person
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.registers.actions import add_to_register, notify_private_fostering
from kith.registers.models import PrivateFosteringArrangement, PrivateFosteringOversight, RegisterEntry, RegisterKind
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_OVERSEE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
MAY_RECORD = MAY_OVERSEE | {("social_worker", "own"), ("screener", "own"), ("screener", "other")}
MAY_VIEW = MAY_RECORD | {("analyst", "own"), ("analyst", "other")}
ALL = [(role, scope) for role in ROLES for scope in SCOPES]
LIST_SHOWS = {
    "social_worker": ["Ava Thompson"],
    "team_manager": ["Ava Thompson"],
    "service_manager": ["Ava Thompson", "Leo Brennan"],
    "screener": ["Ava Thompson", "Leo Brennan"],
}


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _worker(authority: Authority, scope: str) -> StaffMember:
    # someone who may record on that child (Dana Reid restricted Maya's record, so holds a grant)
    return {"own": authority.social_worker, "other": authority.south_worker, "restricted": authority.north_deputy}[
        scope
    ]


def _privately_fostered(authority: Authority, scope: str) -> PrivateFosteringArrangement:
    worker = _worker(authority, scope)
    carer = add_person(
        PersonDetails(kind="adult", given_name="Carer", family_name=f"Of {scope}", date_of_birth=date(1975, 3, 3)),
        by=worker.user,
    )
    return notify_private_fostering(
        _child(authority, scope),
        carer=carer,
        notified_on=clock.today() - timedelta(days=10),
        notified_by="The school",
        started_on=clock.today() - timedelta(days=12),
        by=worker.user,
    )


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_adding_a_child_to_a_register_is_for_practitioners_whose_scope_reaches_the_child(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(getattr(authority, role))
    events_before = CaseEvent.objects.count()
    url = reverse("registers:add_to_register", args=[child.pk])
    # when
    page = client.get(url)
    posted = client.post(
        url,
        {
            "register": RegisterKind.MISSING_EDUCATION,
            "source": "The school",
            "reason": "Not attending",
            **date_fields("added_on", clock.today()),
        },
    )
    # then
    allowed = (role, scope) in MAY_RECORD
    assert (page.status_code, posted.status_code) == ((200, 302) if allowed else (404, 404))
    assert RegisterEntry.objects.count() == int(allowed)
    assert CaseEvent.objects.count() == events_before + int(allowed)


@pytest.mark.requirement("R-130")
@pytest.mark.parametrize(("role", "scope"), ALL)
def test_private_fostering_oversight_is_for_managers_whose_scope_reaches_the_child(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    arrangement = _privately_fostered(authority, scope)
    client = sign_in(getattr(authority, role))
    url = reverse("registers:record_oversight", args=[arrangement.pk])
    # when
    page = client.get(url)
    posted = client.post(
        url, {"decision": "Continue", "rationale": "Settled", **date_fields("decided_on", clock.today())}
    )
    # then
    allowed = (role, scope) in MAY_OVERSEE
    assert (page.status_code, posted.status_code) == ((200, 302) if allowed else (404, 404))
    assert PrivateFosteringOversight.objects.count() == int(allowed)


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_the_childs_register_page_is_for_anyone_who_may_open_the_record(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("registers:child", args=[_child(authority, scope).pk]))
    # then
    assert page.status_code == (200 if (role, scope) in MAY_VIEW else 404)


@pytest.mark.requirement("R-113")
@pytest.mark.parametrize(("role", "children"), sorted(LIST_SHOWS.items()))
def test_the_register_lists_show_only_the_children_the_user_may_see(
    authority: Authority, sign_in: SignIn, role: str, children: list[str]
) -> None:
    # given every child privately fostered and on the missing education register
    for scope in SCOPES:
        _privately_fostered(authority, scope)
        add_to_register(
            _child(authority, scope),
            register=RegisterKind.MISSING_EDUCATION,
            added_on=clock.today(),
            source="School",
            reason="Not attending",
            by=_worker(authority, scope).user,
        )
    client = sign_in(getattr(authority, role))
    # when
    fostering = client.get(reverse("registers:private_fostering"))
    missing = client.get(reverse("registers:register", args=["missing-education"]))
    # then
    assert sorted(row.child.full_name for row in fostering.context["rows"]) == children
    assert sorted(row.child.full_name for row in missing.context["rows"]) == children


@pytest.mark.parametrize("role", ["analyst", "administrator"])
def test_the_register_lists_are_not_found_for_those_who_do_not_record_case_work(
    authority: Authority, sign_in: SignIn, role: str
) -> None:
    # given
    client = sign_in(getattr(authority, role))
    # when
    pages = [
        client.get(reverse("registers:private_fostering")).status_code,
        client.get(reverse("registers:register", args=["missing-education"])).status_code,
        client.get(reverse("registers:register", args=["home-education"])).status_code,
    ]
    # then
    assert pages == [404, 404, 404]
