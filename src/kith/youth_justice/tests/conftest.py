"""Fixtures for youth justice: the shared synthetic authority on 1 November 2027, and Kai Morgan (14), Priya Shah's,
looked after since 1 February 2027."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.children_in_care.models import PeriodOfCare
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_child, add_staff, authority, sign_in  # noqa: F401
from kith.youth_justice.actions import open_youth_justice_involvement
from kith.youth_justice.models import Involvement
from tests.casework import given_looked_after_child

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def iro(authority: Authority) -> StaffMember:  # noqa: F811 - the shared fixture, by name
    return add_staff("Irene Walsh", Role.IRO, authority.service)


@pytest.fixture
def kai(authority: Authority) -> Person:  # noqa: F811 - the shared fixture, by name
    """Kai Morgan (14, born 1 January 2013), Priya Shah's since 4 January 2027, in care since 1 February 2027."""
    child = add_child("Kai", "Morgan", aged=14, by=authority.business_support)
    allocate_case(
        child,
        team=authority.north,
        worker=authority.social_worker,
        reason="Referral accepted",
        started_on=date(2027, 1, 4),
        by=authority.front_door_manager.user,
    )
    return child


@pytest.fixture
def period(authority: Authority, kai: Person) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    return given_looked_after_child(kai, authority.social_worker, on=date(2027, 2, 1))


@pytest.fixture
def involvement(authority: Authority, kai: Person) -> Involvement:  # noqa: F811 - the shared fixture, by name
    """The YJS opened Kai's case on 1 March 2027."""
    return open_youth_justice_involvement(
        kai,
        opened_on=date(2027, 3, 1),
        yos_worker="Dan Price",
        yos_team="Hartlepool Youth Justice Service",
        reason="Arrested with older boys carrying cannabis for sale",
        by=authority.social_worker.user,
    )
