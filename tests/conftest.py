"""Fixtures for the suites under ``tests/`` (journeys, architecture).

They are thin wrappers round the builders in ``tests.factories``; suites under
``src/`` import those builders directly, since fixtures here do not reach them.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember, Team
from tests.factories import given_allocated_child, given_staff, given_team, signed_in_client


@pytest.fixture
def team(db: Any) -> Team:
    return given_team()


@pytest.fixture
def team_manager(team: Team) -> StaffMember:
    return given_staff(Role.TEAM_MANAGER, team)


@pytest.fixture
def social_worker(team: Team) -> StaffMember:
    return given_staff(Role.SOCIAL_WORKER, team)


@pytest.fixture
def allocated_child(social_worker: StaffMember, team_manager: StaffMember) -> Person:
    return given_allocated_child(worker=social_worker, manager=team_manager)


@pytest.fixture
def worker_client(client: Client, social_worker: StaffMember) -> Client:
    """A browser session signed in (past the second factor) as ``social_worker``."""
    return signed_in_client(client, social_worker)
