"""Fixtures for child in need: the shared synthetic authority, on a fixed day, and Ava's referral."""

from __future__ import annotations

import pytest
import time_machine

from kith.child_in_need.tests.builders import REFERRED_ON, TODAY
from kith.front_door.models import Referral
from kith.workforce.tests.fixtures import Authority, authority, sign_in  # noqa: F401 - shared fixtures
from tests.casework import given_referral


@pytest.fixture(autouse=True)
def _today_is_15_april_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def referral(authority: Authority) -> Referral:  # noqa: F811 - the shared fixture, by name
    """Ava's open referral of 4 January 2027."""
    return given_referral(authority.own_child, authority.social_worker, on=REFERRED_ON)
