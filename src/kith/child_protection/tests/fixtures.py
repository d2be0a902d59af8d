"""Child protection's own fixtures (imported by the package's conftest)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.child_protection.tests.builders import Case, given_case
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def iro(authority: Authority) -> StaffMember:
    """An independent reviewing officer who chairs conferences across the service."""
    return add_staff("Irene Walsh", Role.IRO, authority.service)


@pytest.fixture
def case(authority: Authority) -> Case:
    """Ava's referral, strategy discussion and section 47 enquiry, with the conference clock running."""
    return given_case(authority.own_child, authority.social_worker)
