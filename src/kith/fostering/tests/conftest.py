"""Fixtures for the fostering service: the shared synthetic authority on 1 November 2027, with a fostering and
adoption team (Fay Dunmore, supervising social worker; Gwen Hale, team manager and agency decision maker), and
carers added as adults."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.children_in_care.models import PeriodOfCare
from kith.fostering.actions import approve_foster_carers, record_fostering_enquiry, start_fostering_assessment
from kith.fostering.models import Household
from kith.fostering.rules import Terms
from kith.people.actions import PersonDetails, add_person
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.administration import add_team
from kith.workforce.models import StaffMember, Team, TeamKind
from kith.workforce.tests.fixtures import Authority, add_child, add_staff, authority, sign_in  # noqa: F401
from tests.casework import a_placement, given_looked_after_child

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
TEENAGERS = Terms(places=2, age_from=11, age_to=17, kind_of_care="emergency")


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def fostering_team(authority: Authority) -> Team:  # noqa: F811 - the shared fixture, by name
    return add_team(name="Fostering and Adoption", kind=TeamKind.FOSTERING_AND_ADOPTION, parent=authority.service)


@pytest.fixture
def fay(fostering_team: Team) -> StaffMember:
    return add_staff("Fay Dunmore", Role.SOCIAL_WORKER, fostering_team)


@pytest.fixture
def gwen(fostering_team: Team) -> StaffMember:
    return add_staff("Gwen Hale", Role.TEAM_MANAGER, fostering_team)


def an_adult(given: str, family: str, *, by: StaffMember) -> Person:
    return add_person(
        PersonDetails(kind="adult", given_name=given, family_name=family, date_of_birth=date(1980, 6, 1)), by=by.user
    )


@pytest.fixture
def hunts(fay: StaffMember) -> Household:
    """Bev and Carl Hunt asked to foster on 1 February 2026; their assessment started on 2 March 2026."""
    household = record_fostering_enquiry(
        name="Bev and Carl Hunt",
        postcode="ts26 0aa",
        kind="mainstream",
        carers=[an_adult("Bev", "Hunt", by=fay), an_adult("Carl", "Hunt", by=fay)],
        enquiry_on=date(2026, 2, 1),
        by=fay.user,
    )
    return start_fostering_assessment(household, started_on=date(2026, 3, 2), assessor="Fay Dunmore", by=fay.user)


@pytest.fixture
def approved_hunts(hunts: Household, gwen: StaffMember) -> Household:
    """Approved on 17 September 2026 for two children aged 11 to 17, after the panel on 10 September."""
    return approve_foster_carers(
        hunts,
        panel_recommended_on=date(2026, 9, 10),
        approved_on=date(2026, 9, 17),
        decision_maker="Gwen Hale (agency decision maker)",
        terms=TEENAGERS,
        by=gwen.user,
    )


@pytest.fixture
def kai(authority: Authority) -> Person:  # noqa: F811 - the shared fixture, by name
    """Kai Morgan (14, born 1 January 2013), Priya Shah's since 4 January 2027."""
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
def kais_care(authority: Authority, kai: Person) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    """Kai in care since 1 February 2027, placed with the Hunts (U6)."""
    return given_looked_after_child(
        kai, authority.social_worker, on=date(2027, 2, 1), placement=a_placement(carer="Bev and Carl Hunt")
    )
