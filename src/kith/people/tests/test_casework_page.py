"""The case work tab gathers every area's part of the child's record, shown to those who may see it."""

from __future__ import annotations

import pytest
from django.test import Client

from kith.platform.access.roles import Role
from tests.factories import given_adult, given_allocated_child, given_staff, signed_in_client

pytestmark = pytest.mark.django_db

AREA_HEADINGS = (
    'id="front-door-panel">Referral</h2>',
    "Pre-proceedings and court</h2>",
    "Private fostering and education registers</h2>",
)
LADO_HEADING = "Allegations against people who work with children</h2>"


def test_a_social_worker_sees_every_area_but_not_lado_allegations(client: Client) -> None:
    # given a child allocated to a social worker
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    # when the worker opens the case work tab
    page = signed_in_client(client, worker).get(f"/people/{child.pk}/casework/").content.decode()
    # then every area's section is there, in journey order, and the LADO section is not
    positions = [page.index(heading) for heading in AREA_HEADINGS]
    assert (positions == sorted(positions), LADO_HEADING in page) == (True, False)


def test_a_manager_also_sees_the_lado_section(client: Client) -> None:
    # given the worker's team manager
    worker = given_staff(Role.SOCIAL_WORKER)
    manager = given_staff(Role.TEAM_MANAGER, worker.team)
    child = given_allocated_child(worker=worker, manager=manager)
    # when the manager opens the case work tab
    page = signed_in_client(client, manager).get(f"/people/{child.pk}/casework/").content.decode()
    # then
    assert LADO_HEADING in page


def test_an_adult_has_no_case_work_tab(client: Client) -> None:
    # given an adult on the record
    worker = given_staff(Role.SOCIAL_WORKER)
    adult = given_adult(by=worker)
    # when the tab is asked for
    response = signed_in_client(client, worker).get(f"/people/{adult.pk}/casework/")
    # then
    assert response.status_code == 404
