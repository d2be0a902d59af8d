"""Adding a person keeps their record open to you only until a team holds them."""

from __future__ import annotations

import pytest

from kith.people.access import can_view_person
from kith.platform import clock
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.models import TeamKind
from tests.factories import given_child, given_staff, given_team

pytestmark = pytest.mark.django_db


def test_a_worker_who_added_a_child_loses_sight_of_them_once_another_team_holds_them() -> None:
    # given a social worker who added a child, and a front-door manager
    worker = given_staff(Role.SOCIAL_WORKER)
    front_door_manager = given_staff(Role.TEAM_MANAGER, given_team(kind=TeamKind.FRONT_DOOR))
    child = given_child(by=worker)
    seen_before = can_view_person(worker.user, child)

    # when the front door passes the child to another team
    allocate_case(
        child,
        team=given_team(),
        worker=None,
        reason="Passed to the locality team",
        started_on=clock.today(),
        by=front_door_manager.user,
    )

    # then the worker saw the child while no team held them, and does not now
    assert (seen_before, can_view_person(worker.user, child)) == (True, False)
