"""Fixtures for UASC: the shared synthetic authority on 1 November 2027, and Yonas (16, born 1 January 2011),
Priya Shah's, who arrived on 14 June 2027."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_child, add_staff, authority, sign_in  # noqa: F401

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
ARRIVED = date(2027, 6, 14)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def iro(authority: Authority) -> StaffMember:  # noqa: F811 - the shared fixture, by name
    return add_staff("Irene Walsh", Role.IRO, authority.service)


def priyas_child(authority: Authority, given: str, family: str, *, aged: int) -> Person:  # noqa: F811
    child = add_child(given, family, aged=aged, by=authority.business_support)
    allocate_case(
        child,
        team=authority.north,
        worker=authority.social_worker,
        reason="Arrived alone and claimed asylum",
        started_on=ARRIVED,
        by=authority.front_door_manager.user,
    )
    return child


@pytest.fixture
def yonas(authority: Authority) -> Person:  # noqa: F811 - the shared fixture, by name
    return priyas_child(authority, "Yonas", "Tesfaye", aged=16)
