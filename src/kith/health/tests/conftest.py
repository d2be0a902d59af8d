"""Fixtures for health: the shared synthetic authority on 1 November 2027, Ava (6) in care since 4 January
2027, and Noah (3) in care since 1 March 2027."""

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
from tests.casework import given_looked_after_child

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
IN_CARE_FROM = date(2027, 1, 4)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def iro(authority: Authority) -> StaffMember:  # noqa: F811 - the shared fixture, by name
    return add_staff("Irene Walsh", Role.IRO, authority.service)


@pytest.fixture
def period(authority: Authority) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    """Ava (6, born 1 January 2021), looked after since 4 January 2027."""
    return given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)


@pytest.fixture
def toddler_period(authority: Authority) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    """Noah (3, born 1 January 2024), Priya Shah's, looked after since 1 March 2027."""
    noah = add_child("Noah", "Price", aged=3, by=authority.business_support)
    allocate_case(
        noah,
        team=authority.north,
        worker=authority.social_worker,
        reason="Referral accepted",
        started_on=date(2027, 2, 1),
        by=authority.front_door_manager.user,
    )
    return given_looked_after_child(noah, authority.social_worker, on=date(2027, 3, 1))
