"""Managers see who has looked at a record, and every break-glass with its reason."""

from __future__ import annotations

import pytest
from django.test import Client

from kith.people.access import can_view_person
from kith.people.actions import grant_restricted_access, restrict_record
from kith.platform.access.breakglass import break_glass
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from tests.factories import given_allocated_child, given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


def test_a_manager_sees_who_looked_at_a_record_and_why_the_glass_was_broken(client: Client) -> None:
    # given a restricted child, and a colleague in the team who broke the glass to read the record
    team = given_team()
    manager = given_staff(Role.TEAM_MANAGER, team, full_name="Grace Testmanager")
    colleague = given_staff(Role.SOCIAL_WORKER, team, full_name="Sam Testworker")
    child = given_allocated_child(worker=given_staff(Role.SOCIAL_WORKER, team), manager=manager)
    restrict_record(child, reason="Adoption", by=manager.user)
    break_glass(
        child,
        by=colleague.user,
        reason="Police called out of hours about the child",
        page=f"/people/{child.pk}/break-glass/",
    )
    browser = signed_in_client(client, manager)

    # when the manager opens the record's access log, and the break-glass report
    log = browser.get(f"/people/{child.pk}/access-log/")
    report = browser.get("/people/break-glass/")

    # then both show the colleague and the reason
    for page in (log.content.decode(), report.content.decode()):
        assert "Sam Testworker" in page
        assert "Police called out of hours about the child" in page
    assert (log.status_code, report.status_code) == (200, 200)
    # and opening the log is itself logged
    assert (
        AccessLogEntry.objects.filter(person=child, user=manager.user, page=f"/people/{child.pk}/access-log/").count()
        == 1
    )


def test_a_social_worker_cannot_read_the_access_log(client: Client) -> None:
    # given a social worker with a child on their caseload
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    browser = signed_in_client(client, worker)

    # when they try to read the record's access log, or the break-glass report
    log = browser.get(f"/people/{child.pk}/access-log/")
    report = browser.get("/people/break-glass/")

    # then neither exists for them, and the attempt is logged as a refusal
    assert (log.status_code, report.status_code) == (404, 404)
    assert list(AccessLogEntry.objects.filter(person=child, user=worker.user).values_list("what", flat=True)) == [
        "refused"
    ]


def test_the_menu_offers_what_the_role_may_use(client: Client) -> None:
    # given a team manager and a system administrator
    manager = signed_in_client(Client(), given_staff(Role.TEAM_MANAGER))
    administrator = signed_in_client(client, given_staff(Role.SYSTEM_ADMINISTRATOR))

    # when each opens their home page
    manager_page = manager.get("/").content.decode()
    administrator_page = administrator.get("/").content.decode()

    # then the manager's menu has search, team caseload and break-glass; the administrator's has none of them
    for link in ('href="/people/search/"', 'href="/workforce/team-caseload/"', 'href="/people/break-glass/"'):
        assert link in manager_page
        assert link not in administrator_page


def test_a_manager_ends_a_colleagues_access_to_a_restricted_record(client: Client) -> None:
    # given a restricted child whom a manager let a colleague see
    team = given_team()
    manager = given_staff(Role.TEAM_MANAGER, team)
    colleague = given_staff(Role.SOCIAL_WORKER, team)
    child = given_allocated_child(worker=given_staff(Role.SOCIAL_WORKER, team), manager=manager)
    restrict_record(child, reason="Adoption", by=manager.user)
    grant = grant_restricted_access(child, to=colleague.user, reason="Covering a visit", by=manager.user)
    browser = signed_in_client(client, manager)
    assert can_view_person(colleague.user, child) is True

    # when the manager ends it
    response = browser.post(f"/people/{child.pk}/access/{grant.pk}/end/")

    # then the colleague can no longer see the record; the grant is kept, marked as ended by the manager
    grant.refresh_from_db()
    assert response.status_code == 302
    assert can_view_person(colleague.user, child) is False
    assert (grant.revoked_by, grant.revoked_at is not None) == (manager.user, True)
    assert (
        CaseEvent.objects.filter(children=child, summary__startswith="Access to the restricted record ended").count()
        == 1
    )
