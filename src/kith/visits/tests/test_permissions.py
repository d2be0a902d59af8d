"""Permission matrix for visits: role × scope (own, other and restricted children, as in the quality tests).

Recording needs case work on the child; reading needs sight of the child's record. Refusals are
404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import PLAN_STARTS, REFERRED_ON
from kith.people.models import Person
from kith.plans.records import open_objectives
from kith.platform.chronology.models import CaseEvent
from kith.visits.models import Visit
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields
from tests.casework import given_cin_plan, given_referral

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_RECORD = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("screener", "own"),
    ("screener", "other"),
}
MAY_VIEW = MAY_RECORD | {("analyst", "own"), ("analyst", "other")}
ALL = [(role, scope) for role in ROLES for scope in SCOPES]

VISIT = {
    **date_fields("visited_on", date(2027, 3, 3)),
    "where": "At home",
    "child_seen": "yes",
    "seen_alone": "yes",
    "spoken_to_alone": "yes",
    "observations": "Tidy home; food in the kitchen.",
    "child_views": "Happy at school.",
    "analysis": "Needs are being met.",
    "outcome": "Next visit in four weeks.",
}


def _visit(child: Person) -> dict[str, object]:
    """The visit form, with progress on each open objective of the child's plan."""
    plan = ChildInNeedPlan.objects.get(child=child)
    return {**VISIT, **{f"progress_{objective.pk}": "on_track" for objective in open_objectives(plan)}}


def _child_on_a_plan(authority: Authority, scope: str) -> Person:
    child = {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[
        scope
    ]
    given_cin_plan(
        given_referral(child, authority.social_worker, on=REFERRED_ON), authority.social_worker, on=PLAN_STARTS
    )
    return child


REFUSED = [(role, scope) for role, scope in ALL if (role, scope) not in MAY_RECORD]
RECORDER = {"own": "team_manager", "other": "service_manager", "restricted": "north_deputy"}


@pytest.mark.requirement("R-002")
@pytest.mark.parametrize(("role", "scope"), sorted(MAY_RECORD))
def test_recording_a_visit_is_allowed(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given
    child = _child_on_a_plan(authority, scope)
    client = sign_in(getattr(authority, role))
    url = reverse("visits:record_visit", args=[child.pk])
    # when
    page = client.get(url)
    posted = client.post(url, _visit(child))
    # then
    assert (page.status_code, posted.status_code) == (200, 302)
    assert list(Visit.objects.values_list("child", "visited_by")) == [(child.pk, getattr(authority, role).pk)]


@pytest.mark.parametrize(("role", "scope"), REFUSED)
def test_recording_a_visit_is_refused_with_a_404_and_nothing_recorded(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child_on_a_plan(authority, scope)
    client = sign_in(getattr(authority, role))
    events_before = CaseEvent.objects.count()
    url = reverse("visits:record_visit", args=[child.pk])
    # when
    page = client.get(url)
    posted = client.post(url, _visit(child))
    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    assert Visit.objects.count() == 0
    assert CaseEvent.objects.count() == events_before


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_reading_visits(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given a visit recorded by a manager who may see the child (for the restricted child, the manager who
    # restricted the record and kept sight of it)
    child = _child_on_a_plan(authority, scope)
    sign_in(getattr(authority, RECORDER[scope])).post(reverse("visits:record_visit", args=[child.pk]), _visit(child))
    visit = Visit.objects.get()
    client = sign_in(getattr(authority, role))
    # when
    listed = client.get(reverse("visits:child_visits", args=[child.pk]))
    shown = client.get(reverse("visits:visit", args=[visit.pk]))
    # then
    expected = 200 if (role, scope) in MAY_VIEW else 404
    assert (listed.status_code, shown.status_code) == (expected, expected)
