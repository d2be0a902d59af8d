"""|govuk_date and |govuk_datetime: dates and times in GOV.UK style, in Europe/London."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kith.platform.ui.templatetags.kith_ui import govuk_date, govuk_datetime, govuk_time


def test_a_date_is_day_month_name_and_year():
    # when
    text = govuk_date(date(2026, 1, 5))

    # then
    assert text == "5 January 2026"


def test_a_datetime_is_shown_as_its_date_in_london():
    # given: 11:30pm on 30 June in UTC is already 1 July in London (BST)
    moment = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)

    # when
    text = govuk_date(moment)

    # then
    assert text == "1 July 2026"


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 1, 5, 14, 30, tzinfo=UTC), "5 January 2026 at 2:30pm"),
        (datetime(2026, 7, 5, 13, 30, tzinfo=UTC), "5 July 2026 at 2:30pm"),  # BST
        (datetime(2026, 1, 5, 9, 5, tzinfo=UTC), "5 January 2026 at 9:05am"),
        (datetime(2026, 1, 5, 14, 0, tzinfo=UTC), "5 January 2026 at 2pm"),
        (datetime(2026, 1, 5, 12, 0, tzinfo=UTC), "5 January 2026 at midday"),
        (datetime(2026, 1, 5, 0, 0, tzinfo=UTC), "5 January 2026 at midnight"),
        (datetime(2026, 1, 5, 0, 15, tzinfo=UTC), "5 January 2026 at 12:15am"),
        (datetime(2026, 1, 5, 12, 45, tzinfo=UTC), "5 January 2026 at 12:45pm"),
    ],
)
def test_a_datetime_is_shown_in_london_with_a_12_hour_clock(moment, text):
    # when
    shown = govuk_datetime(moment)

    # then
    assert shown == text


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 7, 5, 9, 42, tzinfo=UTC), "10:42am"),  # BST
        (datetime(2026, 1, 5, 14, 0, tzinfo=UTC), "2pm"),
        (datetime(2026, 1, 5, 12, 0, tzinfo=UTC), "midday"),
    ],
)
def test_a_time_alone_is_shown_in_london_in_the_same_style(moment, text):
    # when
    shown = govuk_time(moment)

    # then
    assert shown == text


def test_nothing_is_shown_for_no_date():
    # when
    texts = (govuk_date(None), govuk_datetime(None), govuk_time(None))

    # then
    assert texts == ("", "", "")
