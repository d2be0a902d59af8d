"""Fixtures for adoption: the shared synthetic authority on 1 November 2027, and Ava (6) in care since
4 January 2027 under section 20, in foster care with the Rowleys."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.children_in_care.models import PeriodOfCare
from kith.workforce.tests.fixtures import Authority, authority, sign_in  # noqa: F401 - shared fixtures
from tests.casework import given_looked_after_child

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
IN_CARE_FROM = date(2027, 1, 4)


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def period(authority: Authority) -> PeriodOfCare:  # noqa: F811 - the shared fixture, by name
    """Ava (6), looked after since 4 January 2027 (V2), with the Rowleys (U6)."""
    return given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
