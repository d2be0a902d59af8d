"""Fixtures for care leavers: the shared synthetic authority on 1 November 2027, and Kai Morgan, born on
15 September 2010, held by Priya Shah in North Safeguarding and looked after since 2 June 2025 (aged 14).

Kai is 16 on 15 September 2026, the day he becomes eligible; 17 on 15 September 2027; 18 on 15 September 2028.
Pat Lowry is a personal adviser in the North team, so he reaches Kai through the team's allocation.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.care_leavers.actions import start_leaving_care_support
from kith.care_leavers.models import LeavingCareSupport
from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import PeriodOfCare
from kith.people.actions import PersonDetails, add_person
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff, authority, sign_in  # noqa: F401 - shared fixtures
from tests.casework import given_looked_after_child

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
BORN = date(2010, 9, 15)
IN_CARE_FROM = date(2025, 6, 2)
ELIGIBLE_FROM = date(2026, 9, 15)
LEFT_CARE_ON = date(2027, 8, 1)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def kai(authority: Authority) -> Person:  # noqa: F811 - the shared fixture, by name
    person = add_person(
        PersonDetails(kind="child", given_name="Kai", family_name="Morgan", date_of_birth=BORN, sex="M"),
        by=authority.business_support.user,
    )
    allocate_case(
        person,
        team=authority.north,
        worker=authority.social_worker,
        reason="Kai asked for help at school",
        started_on=IN_CARE_FROM - timedelta(days=7),
        by=authority.front_door_manager.user,
    )
    return person


@pytest.fixture
def period(authority: Authority, kai: Person) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    return given_looked_after_child(kai, authority.social_worker, on=IN_CARE_FROM)


@pytest.fixture
def adviser(authority: Authority) -> StaffMember:  # noqa: F811 - the shared fixture, by name
    return add_staff("Pat Lowry", Role.PERSONAL_ADVISER, authority.north)


@pytest.fixture
def support(authority: Authority, kai: Person, period: PeriodOfCare) -> LeavingCareSupport:  # noqa: F811
    """Support started on 20 September 2026, while Kai is looked after and eligible."""
    return start_leaving_care_support(kai, on=date(2026, 9, 20), by=authority.social_worker.user)


@pytest.fixture
def left_care(authority: Authority, period: PeriodOfCare, support: LeavingCareSupport) -> LeavingCareSupport:  # noqa: F811
    """Kai left care for supported lodgings on 1 August 2027, at 16."""
    end_period_of_care(period, ended_on=LEFT_CARE_ON, reason_ceased="E5", by=authority.social_worker.user)
    return support
