"""Break-glass: a restricted record opened in an emergency, with a reason, for one hour."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.http import Http404

from kith.people.access import can_break_glass, can_view_person, get_person_for_user_or_404
from kith.people.actions import restrict_record
from kith.people.models import Person
from kith.platform.access.breakglass import (
    BREAK_GLASS_LASTS,
    MINIMUM_REASON_LENGTH,
    ReasonTooShort,
    break_glass,
)
from kith.platform.access.models import AccessLogEntry, BreakGlassAccess
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember
from tests.factories import given_child_held_by, given_staff, given_team

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 14, 23, 40, tzinfo=ZoneInfo("Europe/London"))
REASON = "Police called out of hours about the child's safety"


@dataclass(frozen=True)
class Scene:
    worker: StaffMember
    child: Person


@pytest.fixture
def clock_at_now() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def restricted_child_in_my_team(clock_at_now: time_machine.Coordinates) -> Scene:
    team = given_team()
    manager = given_staff(Role.TEAM_MANAGER, team)
    worker = given_staff(Role.SOCIAL_WORKER, team)
    child = given_child_held_by(team, manager=manager)
    restrict_record(child, reason="A member of staff's relative", by=manager.user)
    return Scene(worker=worker, child=child)


def test_break_glass_needs_the_record_to_be_restricted_and_in_scope(restricted_child_in_my_team: Scene) -> None:
    # given a restricted record in the worker's team, and another team's worker
    scene = restricted_child_in_my_team
    outsider = given_staff(Role.SOCIAL_WORKER, given_team())
    # when / then
    assert (can_break_glass(scene.worker.user, scene.child), can_break_glass(outsider.user, scene.child)) == (
        True,
        False,
    )


@pytest.mark.parametrize(
    ("_case", "reason"),
    [
        ("empty", ""),
        ("spaces only", "          "),
        ("one short of the minimum", "x" * (MINIMUM_REASON_LENGTH - 1)),
        ("short once trimmed", "   urgent    "),
    ],
)
def test_a_reason_that_is_too_short_is_refused_and_nothing_is_opened(
    restricted_child_in_my_team: Scene, _case: str, reason: str
) -> None:
    # given
    scene = restricted_child_in_my_team
    before = (BreakGlassAccess.objects.count(), AccessLogEntry.objects.count())
    # when
    with pytest.raises(ReasonTooShort) as refused:
        break_glass(scene.child, by=scene.worker.user, reason=reason, page="people:break_glass")
    # then
    assert str(refused.value) == "Enter the reason you need to see this record now, in a sentence"
    assert (BreakGlassAccess.objects.count(), AccessLogEntry.objects.count()) == before
    assert can_view_person(scene.worker.user, scene.child) is False


def test_break_glass_keeps_the_reason_and_lasts_one_hour(restricted_child_in_my_team: Scene) -> None:
    # given
    scene = restricted_child_in_my_team
    # when
    access = break_glass(scene.child, by=scene.worker.user, reason=f"  {REASON} ", page="people:break_glass")
    # then
    assert (access.user, access.person, access.reason, access.started_at, access.expires_at) == (
        scene.worker.user,
        scene.child,
        REASON,
        NOW,
        NOW + timedelta(hours=1),
    )
    assert timedelta(hours=1) == BREAK_GLASS_LASTS


@pytest.mark.parametrize(
    ("_case", "later", "visible"),
    [
        ("straight away", timedelta(0), True),
        ("59 minutes later", timedelta(minutes=59), True),
        ("at exactly one hour", timedelta(hours=1), False),
        ("61 minutes later", timedelta(minutes=61), False),
        ("the next day", timedelta(days=1), False),
    ],
)
def test_break_glass_access_lasts_one_hour(
    restricted_child_in_my_team: Scene,
    clock_at_now: time_machine.Coordinates,
    _case: str,
    later: timedelta,
    visible: bool,
) -> None:
    # given
    scene = restricted_child_in_my_team
    break_glass(scene.child, by=scene.worker.user, reason=REASON, page="people:break_glass")
    # when
    clock_at_now.move_to(NOW + later, tick=False)
    # then
    assert can_view_person(scene.worker.user, scene.child) is visible


def test_breaking_the_glass_is_logged_with_the_break_glass_row(restricted_child_in_my_team: Scene) -> None:
    # given
    scene = restricted_child_in_my_team
    before = AccessLogEntry.objects.count()
    # when
    access = break_glass(scene.child, by=scene.worker.user, reason=REASON, page="people:break_glass")
    # then
    entry = AccessLogEntry.objects.get(user=scene.worker.user)
    assert AccessLogEntry.objects.count() == before + 1
    assert (entry.person, entry.what, entry.page, entry.at, entry.break_glass) == (
        scene.child,
        "view",
        "people:break_glass",
        NOW,
        access,
    )


def test_every_page_seen_under_break_glass_carries_it_in_the_log(
    restricted_child_in_my_team: Scene, clock_at_now: time_machine.Coordinates
) -> None:
    # given
    scene = restricted_child_in_my_team
    access = break_glass(scene.child, by=scene.worker.user, reason=REASON, page="people:break_glass")
    clock_at_now.move_to(NOW + timedelta(minutes=20), tick=False)
    # when
    get_person_for_user_or_404(scene.worker.user, scene.child.pk, page="people:chronology")
    # then
    entry = AccessLogEntry.objects.get(user=scene.worker.user, page="people:chronology")
    assert (entry.what, entry.break_glass, entry.at) == ("view", access, NOW + timedelta(minutes=20))


def test_after_the_hour_the_record_is_refused_again_and_the_refusal_logged(
    restricted_child_in_my_team: Scene, clock_at_now: time_machine.Coordinates
) -> None:
    # given
    scene = restricted_child_in_my_team
    break_glass(scene.child, by=scene.worker.user, reason=REASON, page="people:break_glass")
    clock_at_now.move_to(NOW + timedelta(minutes=61), tick=False)
    # when
    with pytest.raises(Http404):
        get_person_for_user_or_404(scene.worker.user, scene.child.pk, page="people:record")
    # then
    entry = AccessLogEntry.objects.get(user=scene.worker.user, page="people:record")
    assert (entry.what, entry.person, entry.break_glass) == (
        "refused",
        scene.child,
        None,
    )
