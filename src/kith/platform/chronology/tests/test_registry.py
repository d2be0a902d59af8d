"""The registry of chronology event types (pure, no database)."""

from __future__ import annotations

import pytest

from kith.platform.chronology import registry
from kith.platform.chronology.registry import (
    DuplicateEventType,
    EventType,
    Significance,
    UnknownEventType,
    all_event_types,
    register,
)


@pytest.fixture
def empty_registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, EventType]:
    """A registry of its own for the test, so throwaway codes never reach the service's."""
    isolated: dict[str, EventType] = {}
    monkeypatch.setattr(registry, "_REGISTRY", isolated)
    return isolated


def test_register_declares_an_event_type(empty_registry: dict[str, EventType]) -> None:
    # given / when
    declared = register(
        "testing.thing_happened", "Thing happened", significance=Significance.KEY, description="For the test."
    )
    # then
    assert (
        registry.get("testing.thing_happened")
        == declared
        == EventType(
            code="testing.thing_happened",
            title="Thing happened",
            significance=Significance.KEY,
            description="For the test.",
        )
    )


def test_a_code_is_registered_once(empty_registry: dict[str, EventType]) -> None:
    # given
    first = register("testing.thing_happened", "Thing happened", significance=Significance.KEY, description="First.")
    # when
    with pytest.raises(DuplicateEventType) as refused:
        register("testing.thing_happened", "Other title", significance=Significance.STANDARD, description="Second.")
    # then
    assert str(refused.value) == "Event type 'testing.thing_happened' is already registered"
    assert (registry.get("testing.thing_happened"), len(empty_registry)) == (first, 1)


def test_the_services_own_codes_cannot_be_registered_again() -> None:
    # given a code an area registered when the apps loaded
    existing = registry.get("people.person_added")
    # when
    with pytest.raises(DuplicateEventType):
        register("people.person_added", "Imposter", significance=Significance.KEY, description="Must not replace.")
    # then
    assert registry.get("people.person_added") is existing


@pytest.mark.parametrize(("_case", "code"), [("never registered", "testing.never_registered"), ("empty", "")])
def test_an_unknown_code_raises(_case: str, code: str) -> None:
    # given / when / then
    with pytest.raises(UnknownEventType):
        registry.get(code)


def test_unknown_event_type_is_a_key_error() -> None:
    # given / when / then
    assert issubclass(UnknownEventType, KeyError)


def test_all_event_types_are_listed_by_title(empty_registry: dict[str, EventType]) -> None:
    # given
    moved = register("testing.moved", "Moved address", significance=Significance.KEY, description=".")
    added = register("testing.added", "Added to Kith", significance=Significance.STANDARD, description=".")
    # when / then
    assert all_event_types() == [added, moved]


def test_the_areas_register_their_event_types_when_the_apps_load() -> None:
    # given the apps loaded by the test settings
    # when
    codes = {event_type.code for event_type in all_event_types()}
    # then
    assert {
        "people.person_added",
        "people.address_changed",
        "workforce.case_allocated",
        "quality.management_decision_recorded",
    } <= codes
