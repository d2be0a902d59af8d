"""Permission matrix for the people pages: role × scope × action, with nothing changed on refusal."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kith.people.actions import restrict_record
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import TeamKind
from tests.factories import given_allocated_child, given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    """A service with two teams; a child in each; a restricted child in team North."""
    service = given_team(kind=TeamKind.SERVICE)
    north = given_team(parent=service)
    south = given_team(parent=service)
    north_manager = given_staff(Role.TEAM_MANAGER, north)
    north_worker = given_staff(Role.SOCIAL_WORKER, north)
    south_worker = given_staff(Role.SOCIAL_WORKER, south)
    restricted = given_allocated_child(worker=north_worker, manager=north_manager)
    restrict_record(restricted, reason="Adoption", by=north_manager.user)
    return {
        "staff": {
            "social worker": north_worker,
            "team manager": north_manager,
            "service manager": given_staff(Role.SERVICE_MANAGER, service),
            "front door screener": given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR)),
            "performance analyst": given_staff(Role.PERFORMANCE_ANALYST, service),
            "system administrator": given_staff(Role.SYSTEM_ADMINISTRATOR, service),
        },
        "children": {
            "own": given_allocated_child(worker=north_worker, manager=north_manager),
            "other team": given_allocated_child(worker=south_worker),
            "restricted": restricted,
        },
    }


# (role, child) → may open the record / may change the details
MATRIX = [
    ("social worker", "own", 200, 200),
    ("social worker", "other team", 404, 404),
    ("social worker", "restricted", 404, 404),
    ("team manager", "own", 200, 200),
    ("team manager", "other team", 404, 404),
    ("team manager", "restricted", 200, 200),  # the manager who restricted it keeps a grant
    ("service manager", "own", 200, 200),
    ("service manager", "other team", 200, 200),
    ("service manager", "restricted", 404, 404),
    ("front door screener", "own", 200, 200),
    ("front door screener", "other team", 200, 200),
    ("front door screener", "restricted", 404, 404),
    ("performance analyst", "own", 200, 404),
    ("performance analyst", "other team", 200, 404),
    ("performance analyst", "restricted", 404, 404),
    ("system administrator", "own", 404, 404),
    ("system administrator", "other team", 404, 404),
    ("system administrator", "restricted", 404, 404),
]


@pytest.mark.parametrize(("role", "child", "view_status", "_edit_status"), MATRIX)
def test_opening_the_record(
    client: Client, world: dict[str, Any], role: str, child: str, view_status: int, _edit_status: int
) -> None:
    # given a member of staff and a child
    person: Person = world["children"][child]
    browser = signed_in_client(client, world["staff"][role])

    # when they open the record and the chronology
    statuses = [
        browser.get(f"/people/{person.pk}/").status_code,
        browser.get(f"/people/{person.pk}/chronology/").status_code,
    ]

    # then both answer alike, and each look (or refusal) is logged
    assert statuses == [view_status, view_status]
    expected_log = "view" if view_status == 200 else "refused"
    assert (
        list(
            AccessLogEntry.objects.filter(user=world["staff"][role].user, person=person).values_list("what", flat=True)
        )
        == [expected_log] * 2
    )


@pytest.mark.parametrize(("role", "child", "_view_status", "edit_status"), MATRIX)
def test_changing_a_warning_on_the_record(
    client: Client, world: dict[str, Any], role: str, child: str, _view_status: int, edit_status: int
) -> None:
    # given a member of staff and a child
    person: Person = world["children"][child]
    browser = signed_in_client(client, world["staff"][role])
    events_before = CaseEvent.objects.filter(children=person).count()

    # when they try to add a warning
    response = browser.post(
        f"/people/{person.pk}/warnings/new/", {"kind": "risk_to_staff", "details": "Dog at the property"}
    )

    # then those allowed add it; everyone else gets "not found" and nothing changes
    assert response.status_code == (302 if edit_status == 200 else 404)
    assert person.warnings.count() == (1 if edit_status == 200 else 0)
    assert CaseEvent.objects.filter(children=person).count() == events_before + (1 if edit_status == 200 else 0)
