"""Permission matrix for pre-proceedings and court work: role × scope.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, no grant).
Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kith.legal.actions import start_pre_proceedings
from kith.legal.models import MeetingKind, PreProceedings, PreProceedingsMeeting
from kith.people.models import Person
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_DECIDE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
MAY_RECORD = MAY_DECIDE | {("social_worker", "own"), ("screener", "own"), ("screener", "other")}
MAY_VIEW = MAY_RECORD | {("analyst", "own"), ("analyst", "other")}
ALL = [(role, scope) for role in ROLES for scope in SCOPES]


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _in_pre_proceedings(authority: Authority, scope: str) -> PreProceedings:
    # a manager who may decide for that child (Dana Reid restricted Maya's record, so holds a grant)
    decider = {"own": authority.team_manager, "other": authority.service_manager, "restricted": authority.north_deputy}
    return start_pre_proceedings(
        _child(authority, scope),
        entered_on=clock.today() - timedelta(days=20),
        reason="Neglect despite a child protection plan",
        by=decider[scope].user,
    )


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_entering_pre_proceedings_is_for_managers_whose_scope_reaches_the_child(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(getattr(authority, role))
    events_before = CaseEvent.objects.count()
    url = reverse("legal:enter_pre_proceedings", args=[child.pk])
    # when
    page = client.get(url)
    posted = client.post(url, {"reason": "Neglect", **date_fields("entered_on", clock.today())})
    # then
    allowed = (role, scope) in MAY_DECIDE
    assert (page.status_code, posted.status_code) == ((200, 302) if allowed else (404, 404))
    assert PreProceedings.objects.filter(child=child).count() == int(allowed)
    assert CaseEvent.objects.count() == events_before + int(allowed)


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_recording_a_meeting_is_for_practitioners_whose_scope_reaches_the_child(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    period = _in_pre_proceedings(authority, scope)
    client = sign_in(getattr(authority, role))
    url = reverse("legal:record_meeting", args=[period.pk])
    # when
    page = client.get(url)
    posted = client.post(
        url,
        {
            "kind": MeetingKind.INITIAL,
            "attendees": "Parents and their solicitor",
            "summary": "Plan agreed",
            **date_fields("held_on", clock.today()),
        },
    )
    # then
    allowed = (role, scope) in MAY_RECORD
    assert (page.status_code, posted.status_code) == ((200, 302) if allowed else (404, 404))
    assert PreProceedingsMeeting.objects.count() == int(allowed)


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_the_childs_legal_page_is_for_anyone_who_may_open_the_record(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("legal:child", args=[child.pk]))
    # then
    assert page.status_code == (200 if (role, scope) in MAY_VIEW else 404)


TRACKER_SHOWS = {"team_manager": ["Ava Thompson"], "service_manager": ["Ava Thompson", "Leo Brennan"]}


@pytest.mark.parametrize(("role", "children"), sorted(TRACKER_SHOWS.items()))
def test_the_tracker_lists_only_the_children_a_manager_may_see(
    authority: Authority, sign_in: SignIn, role: str, children: list[str]
) -> None:
    # given every child in pre-proceedings
    for scope in SCOPES:
        _in_pre_proceedings(authority, scope)
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("legal:tracker"))
    # then
    assert page.status_code == 200
    assert sorted(row.child.full_name for row in page.context["rows"]) == children


@pytest.mark.parametrize("role", [role for role in ROLES if role not in TRACKER_SHOWS])
def test_the_tracker_is_not_found_for_anyone_but_managers(authority: Authority, sign_in: SignIn, role: str) -> None:
    # given
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("legal:tracker"))
    # then
    assert page.status_code == 404
