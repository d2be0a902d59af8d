from collections.abc import Iterator

import pytest
import time_machine

from kith.assessments.tests.builders import TODAY_AT
from kith.workforce.tests.fixtures import authority, sign_in  # noqa: F401 - the shared synthetic authority


@pytest.fixture
def frozen() -> Iterator[None]:
    """Wednesday 20 January 2027, 10am in London: the day the tests record on."""
    with time_machine.travel(TODAY_AT, tick=False):
        yield
