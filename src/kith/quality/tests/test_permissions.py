"""Permission matrix for recording management decisions: role × scope.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, no grant).
Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.models import Person
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.quality.models import DecisionKind, ManagementDecision
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_DECIDE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
REFUSED = [(role, scope) for role in ROLES for scope in SCOPES if (role, scope) not in MAY_DECIDE]


def _decision() -> dict[str, object]:
    return {
        "kind": DecisionKind.OVERSIGHT,
        "decision": "Continue the plan",
        "rationale": "Visits are on time and the child's views are recorded",
        "next_steps": "",
        **date_fields("decided_on", clock.today()),
    }


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


@pytest.mark.requirement("R-077")
@pytest.mark.parametrize(("role", "scope"), sorted(MAY_DECIDE))
def test_recording_a_decision_is_allowed(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(getattr(authority, role))
    # when
    page = client.get(reverse("quality:record_decision", args=[child.pk]))
    posted = client.post(reverse("quality:record_decision", args=[child.pk]), _decision())
    # then
    assert (page.status_code, posted.status_code) == (200, 302)
    assert list(ManagementDecision.objects.values_list("child", "decided_by")) == [
        (child.pk, getattr(authority, role).pk)
    ]


@pytest.mark.parametrize(("role", "scope"), REFUSED)
def test_recording_a_decision_is_refused_with_a_404_and_nothing_recorded(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(getattr(authority, role))
    events_before = CaseEvent.objects.count()
    # when
    page = client.get(reverse("quality:record_decision", args=[child.pk]))
    posted = client.post(reverse("quality:record_decision", args=[child.pk]), _decision())
    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    assert ManagementDecision.objects.count() == 0
    assert CaseEvent.objects.count() == events_before
