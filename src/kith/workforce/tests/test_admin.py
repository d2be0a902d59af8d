"""The administration screens: teams and staff for system administrators, never children's records."""

from __future__ import annotations

import pytest
from django.test import Client

from kith.platform.access.roles import Role
from kith.workforce.models import Team
from tests.factories import given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_a_team_in_its_place_in_the_hierarchy(client: Client) -> None:
    # given a system administrator with access to the administration screens, and a service
    administrator = given_staff(Role.SYSTEM_ADMINISTRATOR)
    administrator.user.is_staff = administrator.user.is_superuser = True
    administrator.user.save()
    service = given_team(kind="service")
    browser = signed_in_client(client, administrator)

    # when they add a team beneath the service
    response = browser.post(
        "/admin/workforce/team/add/",
        {"name": "Disabled Children's Team", "kind": "disabled_children", "parent": service.pk},
    )

    # then it sits beneath the service, so the service's managers reach it
    team = Team.objects.get(name="Disabled Children's Team")
    assert response.status_code == 302
    assert team.path == f"{service.path}{team.pk}/"


def test_the_administration_screens_hold_no_childrens_records(client: Client) -> None:
    # given a system administrator
    administrator = given_staff(Role.SYSTEM_ADMINISTRATOR)
    administrator.user.is_staff = administrator.user.is_superuser = True
    administrator.user.save()
    browser = signed_in_client(client, administrator)

    # when they look for people in the administration screens
    response = browser.get("/admin/people/person/")

    # then there is no such screen
    assert response.status_code == 404
