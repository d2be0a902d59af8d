"""The service navigation offers the areas' pages to the people who use them, and to no one else."""

from __future__ import annotations

import pytest
from django.test import Client

from kith.platform.access.roles import Role
from tests.factories import given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


def _menu(client: Client, role: Role) -> str:
    page = signed_in_client(client, given_staff(role, given_team())).get("/people/search/").content.decode()
    return page[page.index('id="kith-navigation"') : page.index("</ul>", page.index('id="kith-navigation"'))]


def test_a_screener_is_offered_the_front_door_but_not_the_legal_tracker_or_lado(client: Client) -> None:
    # when a front door screener opens a page
    menu = _menu(client, Role.FRONT_DOOR_SCREENER)
    # then
    assert ('href="/front-door/"' in menu, 'href="/legal/pre-proceedings/"' in menu, 'href="/lado/"' in menu) == (
        True,
        False,
        False,
    )


def test_a_team_manager_is_offered_the_front_door_the_tracker_and_lado(client: Client) -> None:
    # when a team manager opens a page
    menu = _menu(client, Role.TEAM_MANAGER)
    # then
    assert ('href="/front-door/"' in menu, 'href="/legal/pre-proceedings/"' in menu, 'href="/lado/"' in menu) == (
        True,
        True,
        True,
    )


def test_a_performance_analyst_who_records_nothing_is_not_offered_the_front_door(client: Client) -> None:
    # when an analyst opens a page
    menu = _menu(client, Role.PERFORMANCE_ANALYST)
    # then
    assert 'href="/front-door/"' not in menu
