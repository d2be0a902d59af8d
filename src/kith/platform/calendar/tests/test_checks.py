"""The start-up check warns a year before the bank-holiday calendar runs out, and fails after it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from kith.platform.calendar.checks import HINT, check_calendar_covers_today

LONDON = ZoneInfo("Europe/London")


def test_more_than_a_year_left_passes() -> None:
    # given today is 31 December 2039, 366 days before the calendar ends (2040 is a leap year)
    with time_machine.travel(datetime(2039, 12, 31, 12, 0, tzinfo=LONDON), tick=False):
        # when
        found = check_calendar_covers_today()
    # then
    assert found == []


def test_a_year_left_is_a_warning() -> None:
    # given today is 1 January 2040, 365 days before the calendar ends
    with time_machine.travel(datetime(2040, 1, 1, 12, 0, tzinfo=LONDON), tick=False):
        # when
        found = check_calendar_covers_today()
    # then
    assert [(message.id, message.level, message.msg, message.hint) for message in found] == [
        (
            "kith.W010",
            30,
            "Kith's bank-holiday calendar ends on 31 December 2040, in 365 days: "
            "due dates counted in working days beyond it cannot be worked out.",
            HINT,
        )
    ]


def test_the_last_day_is_still_a_warning() -> None:
    # given today is the last day covered
    with time_machine.travel(datetime(2040, 12, 31, 12, 0, tzinfo=LONDON), tick=False):
        # when
        found = check_calendar_covers_today()
    # then
    assert [(message.id, message.msg) for message in found] == [
        (
            "kith.W010",
            "Kith's bank-holiday calendar ends on 31 December 2040, today: "
            "due dates counted in working days beyond it cannot be worked out.",
        )
    ]


def test_after_the_last_day_is_an_error() -> None:
    # given it is a few minutes into 1 January 2041 in London
    with time_machine.travel(datetime(2041, 1, 1, 0, 5, tzinfo=LONDON), tick=False):
        # when
        found = check_calendar_covers_today()
    # then
    assert [(message.id, message.level, message.msg, message.hint) for message in found] == [
        (
            "kith.E010",
            40,
            "Kith's bank-holiday calendar ended on 31 December 2040 and today is 1 January 2041: "
            "due dates counted in working days cannot be worked out.",
            HINT,
        )
    ]


def test_the_hint_says_how_to_extend_the_calendar() -> None:
    # given / when / then
    assert HINT == (
        "Raise LAST_YEAR in src/kith/platform/calendar/generate.py, run `make calendar` "
        "and deploy the regenerated data/bank_holidays_england_and_wales.csv."
    )
