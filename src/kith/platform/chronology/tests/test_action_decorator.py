"""The ``@action`` decorator: one transaction, and no action without its chronology event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kith.platform import actions as actions_module
from kith.platform.access.roles import Role
from kith.platform.actions import ActionWroteNoEvent, action
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.record import record_event
from kith.workforce import administration
from kith.workforce.models import Team, TeamKind
from tests.factories import given_child, given_staff, given_team

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _throwaway_actions_stay_out_of_the_register(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actions_module, "REGISTERED_ACTIONS", dict(actions_module.REGISTERED_ACTIONS))


def test_events_are_enforced_under_test(settings: object) -> None:
    # given / when / then
    assert settings.KITH_ENFORCE_ACTION_EVENTS is True  # type: ignore[attr-defined]


def test_an_action_that_writes_no_event_is_refused_and_its_writes_rolled_back() -> None:
    # given an action that changes something but leaves no chronology event
    @action
    def set_up_team_quietly(*, name: str) -> Team:
        return administration.add_team(name=name, kind=TeamKind.ASSESSMENT)

    before = (Team.objects.count(), CaseEvent.objects.count())
    # when
    with pytest.raises(ActionWroteNoEvent) as refused:
        set_up_team_quietly(name="Quiet team")
    # then
    assert str(refused.value) == (
        "kith.platform.chronology.tests.test_action_decorator."
        "test_an_action_that_writes_no_event_is_refused_and_its_writes_rolled_back.<locals>.set_up_team_quietly"
        " wrote no chronology event"
    )
    assert (Team.objects.count(), CaseEvent.objects.count()) == before


def test_an_action_that_writes_its_event_commits() -> None:
    # given
    screener = given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))
    child = given_child(by=screener)

    @action
    def set_up_team_for(child_in_question: object, *, name: str) -> Team:
        team = administration.add_team(name=name, kind=TeamKind.ASSESSMENT)
        record_event("people.details_changed", children=[child_in_question], by=screener.user, summary="Team set up")
        return team

    before = (Team.objects.count(), CaseEvent.objects.count())
    # when
    team = set_up_team_for(child, name="Loud team")
    # then
    assert (Team.objects.count(), CaseEvent.objects.count(), team.name) == (before[0] + 1, before[1] + 1, "Loud team")


def test_an_action_that_fails_rolls_back_its_event_too() -> None:
    # given
    screener = given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))
    child = given_child(by=screener)

    @action
    def fail_after_recording() -> None:
        record_event("people.details_changed", children=[child], by=screener.user, summary="Half done")
        raise RuntimeError("the rule said no")

    before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuntimeError):
        fail_after_recording()
    # then
    assert CaseEvent.objects.count() == before


def test_an_event_written_by_a_nested_action_counts_for_the_outer_one() -> None:
    # given an outer action whose only event is written by the action it calls
    screener = given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))
    child = given_child(by=screener)

    @action
    def inner() -> None:
        record_event("people.details_changed", children=[child], by=screener.user, summary="Inner")

    @action
    def outer() -> Team:
        inner()
        return administration.add_team(name="Made by outer", kind=TeamKind.ASSESSMENT)

    before = (Team.objects.count(), CaseEvent.objects.count())
    # when
    outer()
    # then
    assert (Team.objects.count(), CaseEvent.objects.count()) == (before[0] + 1, before[1] + 1)


def test_without_enforcement_an_action_may_write_no_event(settings: object) -> None:
    # given
    settings.KITH_ENFORCE_ACTION_EVENTS = False  # type: ignore[attr-defined]

    @action
    def set_up_team_quietly() -> Team:
        return administration.add_team(name="Quiet but allowed", kind=TeamKind.ASSESSMENT)

    before = Team.objects.count()
    # when
    set_up_team_quietly()
    # then
    assert Team.objects.count() == before + 1


def test_decorated_functions_are_registered_and_marked() -> None:
    # given
    def change_something() -> None:
        return None

    # when
    decorated: Callable[[], None] = action(change_something)
    # then
    key = f"{change_something.__module__}.{change_something.__qualname__}"
    assert (actions_module.REGISTERED_ACTIONS[key], decorated.is_kith_action, decorated.__name__) == (  # type: ignore[attr-defined]
        decorated,
        True,
        "change_something",
    )
