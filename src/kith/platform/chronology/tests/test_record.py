"""Recording chronology events: at least one child, significance from the type, a link to the record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType

from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.platform.chronology import registry
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.record import EventNeedsAChild, record_event
from kith.platform.chronology.registry import EventType, Significance, UnknownEventType
from kith.workforce.models import StaffMember, TeamKind
from tests.factories import given_child, given_staff, given_team

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 14, 10, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def event_types(monkeypatch: pytest.MonkeyPatch) -> dict[str, EventType]:
    """The service's event types plus two throwaway ones, for this test only."""
    isolated = dict(registry._REGISTRY)
    monkeypatch.setattr(registry, "_REGISTRY", isolated)
    registry.register("testing.key_thing", "Key thing", significance=Significance.KEY, description="For the test.")
    registry.register("testing.small_thing", "Small thing", significance=Significance.STANDARD, description="Test.")
    return isolated


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def screener() -> StaffMember:
    return given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))


def test_an_event_must_name_a_child(event_types: dict[str, EventType], screener: StaffMember) -> None:
    # given
    before = CaseEvent.objects.count()
    # when
    with pytest.raises(EventNeedsAChild) as refused:
        record_event("testing.key_thing", children=[], by=screener.user, summary="About nobody")
    # then
    assert str(refused.value) == "A testing.key_thing event must name at least one child"
    assert CaseEvent.objects.count() == before


def test_an_unknown_event_type_is_refused(event_types: dict[str, EventType], screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    before = CaseEvent.objects.count()
    # when
    with pytest.raises(UnknownEventType):
        record_event("testing.not_registered", children=[child], by=screener.user, summary="Nothing")
    # then
    assert CaseEvent.objects.count() == before


@pytest.mark.parametrize(
    ("_case", "code", "significance"),
    [("key event", "testing.key_thing", "key"), ("standard event", "testing.small_thing", "standard")],
)
def test_significance_is_copied_from_the_event_type(
    event_types: dict[str, EventType], screener: StaffMember, _case: str, code: str, significance: str
) -> None:
    # given
    child = given_child(by=screener)
    # when
    event = record_event(code, children=[child], by=screener.user, summary="Something happened")
    # then
    event.refresh_from_db()
    assert (event.event_type, event.significance) == (code, significance)


def test_an_event_links_to_its_subject(event_types: dict[str, EventType], screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    # when
    event = record_event("testing.key_thing", children=[child], by=screener.user, summary="About", subject=child)
    # then
    event = CaseEvent.objects.get(pk=event.pk)
    assert (event.subject, event.subject_type, event.subject_id) == (
        child,
        ContentType.objects.get_for_model(Person),
        str(child.pk),
    )


def test_an_event_without_a_subject_has_no_link(event_types: dict[str, EventType], screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    # when
    event = record_event("testing.key_thing", children=[child], by=screener.user, summary="About")
    # then
    event = CaseEvent.objects.get(pk=event.pk)
    assert (event.subject, event.subject_type, event.subject_id) == (None, None, "")


def test_an_event_records_who_when_and_about_whom(
    frozen: None, event_types: dict[str, EventType], screener: StaffMember
) -> None:
    # given two siblings
    older, younger = given_child(by=screener), given_child(by=screener)
    # when
    event = record_event(
        "testing.key_thing", children=[older, younger], by=screener.user, summary="Seen together at school"
    )
    # then
    event = CaseEvent.objects.get(pk=event.pk)
    assert (set(event.children.all()), event.recorded_by, event.recorded_at, event.occurred_on, event.summary) == (
        {older, younger},
        screener.user,
        NOW,
        date(2025, 3, 14),
        "Seen together at school",
    )


@pytest.mark.requirement("R-001")
def test_an_event_recorded_after_the_day_it_happened_shows_as_entered_late(
    frozen: None, event_types: dict[str, EventType], screener: StaffMember
) -> None:
    # given
    child = given_child(by=screener)
    # when
    event = record_event(
        "testing.key_thing", children=[child], by=screener.user, summary="Home visit", occurred_on=date(2025, 3, 3)
    )
    # then
    assert (event.occurred_on, event.recorded_at, event.entered_late) == (date(2025, 3, 3), NOW, True)


def test_a_long_summary_is_cut_to_300_characters(event_types: dict[str, EventType], screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    # when
    event = record_event("testing.key_thing", children=[child], by=screener.user, summary="x" * 301)
    # then
    assert len(CaseEvent.objects.get(pk=event.pk).summary) == 300
