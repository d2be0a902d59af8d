"""Downloading a whole record: by right, logged as an export."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from kith.people.actions import restrict_record
from kith.platform.access.breakglass import break_glass
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from tests.factories import given_allocated_child, given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


def test_a_worker_downloads_the_whole_record_and_the_download_is_logged(client: Client) -> None:
    # given a child on a worker's caseload
    worker = given_staff(Role.SOCIAL_WORKER, full_name="Priya Testworker")
    child = given_allocated_child(worker=worker, given_name="Maisie", family_name="Thornbury")
    browser = signed_in_client(client, worker)

    # when the worker downloads the record
    response = browser.get(f"/people/{child.pk}/export/")

    # then the file holds who the child is, who holds the case and the chronology, and the access log says "export"
    document = json.loads(response.content)
    assert response["Content-Disposition"].startswith(f'attachment; filename="kith-record-{child.kith_id}-')
    assert (document["person"]["given_name"], document["person"]["family_name"]) == ("Maisie", "Thornbury")
    assert [allocation["worker"] for allocation in document["allocations"]] == ["Priya Testworker"]
    assert [event["type"] for event in document["chronology"]] == ["Case allocated", "Added to Kith"]
    assert document["exported"]["by"] == "Priya Testworker"
    assert list(AccessLogEntry.objects.filter(person=child).values_list("what", flat=True)) == ["export"]


def test_a_record_open_only_through_break_glass_cannot_be_downloaded(client: Client) -> None:
    # given a restricted child, and a worker in the team who broke the glass to read it
    team = given_team()
    manager = given_staff(Role.TEAM_MANAGER, team)
    worker = given_staff(Role.SOCIAL_WORKER, team)
    child = given_allocated_child(worker=given_staff(Role.SOCIAL_WORKER, team), manager=manager)
    restrict_record(child, reason="Adoption", by=manager.user)
    break_glass(child, by=worker.user, reason="Police called out of hours about the child", page="test")
    browser = signed_in_client(client, worker)

    # when they try to download it
    response = browser.get(f"/people/{child.pk}/export/")

    # then there is nothing to download, and the refusal is logged
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(person=child, user=worker.user, what="refused").count() == 1
