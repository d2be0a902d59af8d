"""Fixtures for missing episodes: the shared synthetic authority on 1 November 2027, and Kai (14), Priya Shah's,
looked after since 1 February 2027 with the Rowleys (in-house foster carers)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.children_in_care.models import PeriodOfCare
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_child, add_staff, authority, sign_in  # noqa: F401
from tests.casework import a_placement, given_looked_after_child

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
IN_CARE_FROM = date(2027, 2, 1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def iro(authority: Authority) -> StaffMember:  # noqa: F811 - the shared fixture, by name
    return add_staff("Irene Walsh", Role.IRO, authority.service)


@pytest.fixture
def period(authority: Authority) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    """Kai Morgan (14, born 1 January 2013), Priya Shah's since 4 January 2027, in care since 1 February 2027."""
    kai = add_child("Kai", "Morgan", aged=14, by=authority.business_support)
    allocate_case(
        kai,
        team=authority.north,
        worker=authority.social_worker,
        reason="Referral accepted",
        started_on=date(2027, 1, 4),
        by=authority.front_door_manager.user,
    )
    return given_looked_after_child(
        kai, authority.social_worker, on=IN_CARE_FROM, placement=a_placement(carer="Sam and Alex Rowley")
    )
