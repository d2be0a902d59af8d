"""Cancelling one clock for a subject, leaving its other clocks running."""

from __future__ import annotations

from datetime import date

import pytest

from kith.people.models import Person
from kith.platform.timescales.clocks import cancel_clock, meet_clock, start_clock
from kith.platform.timescales.models import Deadline
from tests.factories import given_child

pytestmark = pytest.mark.django_db

ICPC = "child_protection.initial_conference"
ASSESSMENT = "assessments.single_assessment"


@pytest.fixture
def child() -> Person:
    return given_child()


def _rows(child: Person) -> list[tuple[str, date, date | None, date | None, str]]:
    return list(
        Deadline.objects.filter(child=child)
        .order_by("pk")
        .values_list("timescale_code", "started_on", "met_on", "cancelled_on", "cancel_reason")
    )


def test_cancelling_a_clock_leaves_the_subjects_other_clocks_running(child: Person) -> None:
    # given an assessment clock and a conference clock running for the same subject
    start_clock(ASSESSMENT, child=child, subject=child, started_on=date(2026, 12, 1))
    start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # when the conference clock is cancelled
    cancelled = cancel_clock(ICPC, subject=child, on=date(2027, 1, 6), reason="no conference needed")
    # then only that clock is cancelled, on that day and for that reason
    assert cancelled is not None
    assert (cancelled.timescale_code, cancelled.cancelled_on) == (ICPC, date(2027, 1, 6))
    assert _rows(child) == [
        (ASSESSMENT, date(2026, 12, 1), None, None, ""),
        (ICPC, date(2026, 12, 18), None, date(2027, 1, 6), "no conference needed"),
    ]


def test_cancelling_a_clock_that_is_not_running_changes_nothing(child: Person) -> None:
    # given a conference clock already met
    start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    meet_clock(ICPC, subject=child, met_on=date(2027, 1, 5))
    before = _rows(child)
    # when
    cancelled = cancel_clock(ICPC, subject=child, on=date(2027, 1, 6), reason="no conference needed")
    # then
    assert (cancelled, _rows(child)) == (None, before)
