"""Work trays read the same deadline rows as everything else: mine, my team's and a child's."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client

from kith.platform.access.roles import Role
from kith.platform.timescales.clocks import start_clock
from kith.workforce.models import TeamKind
from tests.factories import given_allocated_child, given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel("2027-01-11 10:00 +00:00", tick=False):
        yield


def test_my_work_lists_overdue_first_and_says_why(client: Client, frozen: None) -> None:
    # given a worker holding two children: one whose conference clock started on 18 December
    # (due 13 January: due soon on 11 January), one whose assessment started in October (overdue)
    worker = given_staff(Role.SOCIAL_WORKER)
    manager = given_staff(Role.TEAM_MANAGER, worker.team)
    ava = given_allocated_child(worker=worker, manager=manager, started_on=date(2026, 10, 1), given_name="Ava")
    leo = given_allocated_child(worker=worker, manager=manager, started_on=date(2026, 10, 1), given_name="Leo")
    start_clock("child_protection.initial_conference", child=ava, subject=ava, started_on=date(2026, 12, 18))
    start_clock("assessments.single_assessment", child=leo, subject=leo, started_on=date(2026, 10, 1))
    browser = signed_in_client(client, worker)

    # when the worker opens My work
    response = browser.get("/workforce/my-work/")

    # then the overdue assessment comes first, and each date explains itself
    rows = [(item.status.value, item.title, item.deadline.child.given_name) for item in response.context["items"]]
    assert rows == [
        ("overdue", "Child and family assessment", "Leo"),
        ("due_soon", "Initial child protection conference", "Ava"),
    ]
    page = response.content.decode()
    assert "not counting 25 December, 28 December and 1 January" in page


def test_a_manager_sees_counts_by_team_and_worker(client: Client, frozen: None) -> None:
    # given a service with two teams, each with a worker holding a child with an overdue assessment
    service = given_team(kind=TeamKind.SERVICE)
    head = given_staff(Role.HEAD_OF_SERVICE, service)
    for name in ("North", "South"):
        team = given_team(name=f"Work tray {name}", parent=service)
        worker = given_staff(Role.SOCIAL_WORKER, team, full_name=f"{name} Worker")
        child = given_allocated_child(worker=worker, started_on=date(2026, 10, 1))
        start_clock("assessments.single_assessment", child=child, subject=child, started_on=date(2026, 10, 1))
    browser = signed_in_client(client, head)

    # when the head of service opens What is due
    response = browser.get("/workforce/team-work/")

    # then each team and each worker shows one overdue
    by_team = [(row.label, row.overdue, row.due_soon, row.due) for row in response.context["by_team"]]
    by_worker = [(row.label, row.overdue) for row in response.context["by_worker"]]
    assert by_team == [("Work tray North", 1, 0, 0), ("Work tray South", 1, 0, 0)]
    assert by_worker == [("North Worker", 1), ("South Worker", 1)]


def test_a_childs_page_lists_what_is_due(client: Client, frozen: None) -> None:
    # given a child whose conference clock started on 18 December
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker, started_on=date(2026, 12, 1))
    start_clock("child_protection.initial_conference", child=child, subject=child, started_on=date(2026, 12, 18))
    browser = signed_in_client(client, worker)

    # when the worker opens the child's What is due page
    response = browser.get(f"/people/{child.pk}/due/")

    # then the deadline is listed with its explanation
    page = response.content.decode()
    assert "Initial child protection conference" in page
    assert "Due 13 January 2027: 15 working days after" in page


def test_my_work_and_team_work_are_not_for_everyone(client: Client) -> None:
    # given a system administrator and a social worker
    administrator = signed_in_client(Client(), given_staff(Role.SYSTEM_ADMINISTRATOR))
    worker = signed_in_client(client, given_staff(Role.SOCIAL_WORKER))

    # when each opens pages that are not theirs
    statuses = (administrator.get("/workforce/my-work/").status_code, worker.get("/workforce/team-work/").status_code)

    # then both answer "not found"
    assert statuses == (404, 404)
