"""Fixtures for the front door: the shared synthetic authority, on Wednesday 2 December 2026 at 11am."""

from __future__ import annotations

import pytest
import time_machine

from kith.front_door.tests.builders import NOW
from kith.workforce.tests.fixtures import authority, sign_in  # noqa: F401 - the shared synthetic authority


@pytest.fixture(autouse=True)
def _now_is_2_december_2026_at_11am(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(NOW, tick=False)
