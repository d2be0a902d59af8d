"""``can_view_person`` asks of one person what ``people_visible_to`` answers for everyone: the two agree.

Actions ask ``can_view_person`` on every write, so it is written in small steps of its own rather
than as a filter on the whole scope; this test holds it to the same answer for every kind of
reach: held by me or my team, held beneath my team, related to a child held, added by me and held
by nobody yet, restricted (with a grant, with break-glass, without), and no longer held.
"""

from __future__ import annotations

import pytest

from kith.people.access import can_view_person, people_visible_to
from kith.people.actions import grant_restricted_access, record_relationship, restrict_record
from kith.people.codes import RelationshipKind
from kith.platform import clock
from kith.platform.access.breakglass import break_glass
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.models import TeamKind
from tests.factories import given_adult, given_allocated_child, given_child, given_staff, given_team

pytestmark = pytest.mark.django_db


def test_can_view_person_agrees_with_people_visible_to() -> None:
    # given a service of two teams, their staff, and people reached in every way there is
    service = given_team(kind=TeamKind.SERVICE)
    north, south = given_team(parent=service), given_team(parent=service)
    north_manager = given_staff(Role.TEAM_MANAGER, north)
    north_worker = given_staff(Role.SOCIAL_WORKER, north)
    north_colleague = given_staff(Role.SOCIAL_WORKER, north)
    south_worker = given_staff(Role.SOCIAL_WORKER, south)
    service_manager = given_staff(Role.SERVICE_MANAGER, service)
    screener = given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))
    front_door_manager = given_staff(Role.TEAM_MANAGER, screener.team)
    administrator = given_staff(Role.SYSTEM_ADMINISTRATOR, service)
    staff = [north_manager, north_worker, north_colleague, south_worker, service_manager, screener, administrator]

    own = given_allocated_child(worker=north_worker, manager=north_manager)
    parent = given_adult(by=north_manager)
    record_relationship(parent, own, kind=RelationshipKind.PARENT, by=north_manager.user)
    south_child = given_allocated_child(worker=south_worker)
    added_not_held = given_child(by=north_colleague)
    added_then_held_elsewhere = given_child(by=north_colleague)
    allocate_case(
        added_then_held_elsewhere,
        team=south,
        worker=south_worker,
        reason="Passed to the south team",
        started_on=clock.today(),
        by=front_door_manager.user,
    )
    restricted = given_allocated_child(worker=north_worker, manager=north_manager)
    restrict_record(restricted, reason="Adoption", by=north_manager.user)
    grant_restricted_access(restricted, to=north_colleague.user, reason="Covering the case", by=north_manager.user)
    break_glass(restricted, by=service_manager.user, reason="Checking an urgent police request tonight", page="test")
    people = [own, parent, south_child, added_not_held, added_then_held_elsewhere, restricted]

    # when each member of staff is asked about each person both ways
    one_by_one = {(s.pk, p.pk): can_view_person(s.user, p) for s in staff for p in people}
    all_at_once = {(s.pk, p.pk): people_visible_to(s.user).filter(pk=p.pk).exists() for s in staff for p in people}

    # then the answers agree, and every kind of answer was asked (some yes, some no)
    assert one_by_one == all_at_once
    assert set(one_by_one.values()) == {True, False}
    assert (
        can_view_person(north_worker.user, parent),
        can_view_person(north_colleague.user, added_not_held),
        can_view_person(north_colleague.user, added_then_held_elsewhere),
        can_view_person(north_colleague.user, restricted),
        can_view_person(service_manager.user, restricted),
        can_view_person(screener.user, restricted),
        can_view_person(administrator.user, own),
    ) == (True, True, False, True, True, False, False)
