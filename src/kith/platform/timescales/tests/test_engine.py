"""The due-date engine: due dates, explanations in words, and where a deadline stands on a day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kith.platform.timescales import registry
from kith.platform.timescales.engine import DeadlineStatus, due_on, explain, is_no_looser, status_on
from kith.platform.timescales.types import CalendarDays, Limit, Months, Timescale, Weeks, WorkingDays

S = DeadlineStatus


def test_a_working_day_due_date_is_explained_with_the_bank_holidays_it_skipped() -> None:
    # given a strategy discussion on Friday 18 December 2026
    timescale = registry.get("child_protection.initial_conference", on=date(2026, 12, 18))
    due = due_on(timescale, date(2026, 12, 18))
    # when
    text = explain(timescale, date(2026, 12, 18), due)
    # then
    assert text == (
        "Due 13 January 2027: 15 working days after the strategy discussion on 18 December 2026, "
        "not counting 25 December, 28 December and 1 January."
    )


def test_a_month_due_date_is_explained_without_a_list_of_holidays() -> None:
    # given an initial conference on 18 December 2026, across Christmas
    timescale = registry.get("child_protection.first_review_conference", on=date(2026, 12, 18))
    due = due_on(timescale, date(2026, 12, 18))
    # when
    text = explain(timescale, date(2026, 12, 18), due)
    # then
    assert text == "Due 18 March 2027: 3 months after the initial child protection conference on 18 December 2026."


def test_a_working_day_due_date_with_no_bank_holiday_in_the_way_lists_none() -> None:
    # given
    timescale = registry.get("child_protection.first_core_group", on=date(2027, 1, 13))
    # when
    text = explain(timescale, date(2027, 1, 13), date(2027, 1, 27))
    # then
    assert (
        text == "Due 27 January 2027: 10 working days after the initial child protection conference on 13 January 2027."
    )


def test_a_single_skipped_bank_holiday_is_named_alone() -> None:
    # given a referral on the Thursday before Good Friday 2027
    timescale = registry.get("assessments.strategy_discussion", on=date(2027, 3, 25))
    # when
    text = explain(timescale, date(2027, 3, 25), date(2027, 3, 30))
    # then
    assert text == (
        "Due 30 March 2027: 1 working day after the referral giving reasonable cause to suspect significant harm "
        "on 25 March 2027, not counting 26 March and 29 March."
    )


def test_a_same_day_timescale_is_explained_as_the_same_day() -> None:
    # given
    timescale = registry.get("child_protection.cp_is_nhs_number", on=date(2027, 1, 13))
    # when
    text = explain(timescale, date(2027, 1, 13), date(2027, 1, 13))
    # then
    assert text == "Due 13 January 2027: the same day as the initial child protection conference on 13 January 2027."


def test_a_local_standard_says_so_and_names_the_statutory_limit() -> None:
    # given a council standard of 10 working days to the initial conference
    timescale = registry.get("child_protection.initial_conference", on=date(2026, 12, 18))
    # when
    text = explain(timescale, date(2026, 12, 18), date(2027, 1, 6), limit=WorkingDays(10))
    # then
    assert text == (
        "Due 6 January 2027: 10 working days after the strategy discussion on 18 December 2026, "
        "not counting 25 December, 28 December and 1 January. "
        "This is the council's local standard; the statutory limit is 15 working days."
    )


@pytest.mark.parametrize(
    ("limit", "started_on", "expected"),
    [
        (WorkingDays(15), date(2026, 12, 18), date(2027, 1, 13)),
        (WorkingDays(1), date(2027, 3, 25), date(2027, 3, 30)),
        (CalendarDays(10), date(2026, 12, 22), date(2027, 1, 1)),
        (Weeks(6), date(2028, 2, 22), date(2028, 4, 4)),
        (Months(1), date(2027, 1, 31), date(2027, 2, 28)),
        (Months(1), date(2028, 1, 31), date(2028, 2, 29)),
        (Months(12), date(2028, 2, 29), date(2029, 2, 28)),
    ],
)
def test_a_bare_limit_gives_its_due_date(limit: Limit, started_on: date, expected: date) -> None:
    # given / when
    due = due_on(limit, started_on)
    # then
    assert due == expected


@pytest.mark.parametrize(
    ("limit", "words"),
    [
        (WorkingDays(1), "1 working day"),
        (WorkingDays(15), "15 working days"),
        (CalendarDays(1), "1 calendar day"),
        (CalendarDays(0), "the same day"),
        (Weeks(1), "1 week"),
        (Weeks(6), "6 weeks"),
        (Months(1), "1 month"),
        (Months(3), "3 months"),
    ],
)
def test_a_limit_is_said_in_words(limit: Limit, words: str) -> None:
    # given / when / then
    assert limit.in_words == words


DUE = date(2027, 1, 13)  # a Wednesday; two working days before it is Monday 11 January

STATUS_TABLE = [
    # (met_on, cancelled_on, paused, today, status)
    (None, None, False, date(2027, 1, 8), S.DUE),
    (None, None, False, date(2027, 1, 10), S.DUE),  # Sunday: two working days later is the 12th
    (None, None, False, date(2027, 1, 11), S.DUE_SOON),
    (None, None, False, date(2027, 1, 12), S.DUE_SOON),
    (None, None, False, date(2027, 1, 13), S.DUE_SOON),
    (None, None, False, date(2027, 1, 14), S.OVERDUE),
    (date(2027, 1, 13), None, False, date(2027, 1, 20), S.MET_IN_TIME),
    (date(2027, 1, 5), None, False, date(2027, 1, 5), S.MET_IN_TIME),
    (date(2027, 1, 14), None, False, date(2027, 1, 20), S.MET_LATE),
    (date(2027, 1, 14), None, False, date(2027, 1, 13), S.DUE_SOON),  # not yet met on the 13th
    (None, date(2027, 1, 6), False, date(2027, 1, 20), S.CANCELLED),
    (None, date(2027, 1, 6), False, date(2027, 1, 5), S.DUE),  # not yet cancelled on the 5th
    (None, None, True, date(2027, 1, 20), S.PAUSED),
    (None, date(2027, 1, 6), True, date(2027, 1, 20), S.CANCELLED),
    (date(2027, 1, 14), None, True, date(2027, 1, 20), S.MET_LATE),
]


@pytest.mark.parametrize(("met_on", "cancelled_on", "paused", "today", "expected"), STATUS_TABLE)
def test_the_status_of_a_deadline_on_a_day(
    met_on: date | None, cancelled_on: date | None, paused: bool, today: date, expected: DeadlineStatus
) -> None:
    # given a deadline due on Wednesday 13 January 2027
    # when
    status = status_on(due_on=DUE, met_on=met_on, cancelled_on=cancelled_on, paused=paused, today=today)
    # then
    assert status == expected


def test_due_soon_can_be_set_wider() -> None:
    # given / when
    status = status_on(
        due_on=DUE, met_on=None, cancelled_on=None, paused=False, today=date(2027, 1, 6), due_soon_within=Weeks(1)
    )
    # then
    assert status == S.DUE_SOON


def test_statuses_have_labels_in_words() -> None:
    # given / when
    labels = [status.label for status in DeadlineStatus]
    # then
    assert labels == ["Due", "Due soon", "Overdue", "Met in time", "Met late", "Paused", "Cancelled"]


@pytest.mark.parametrize(
    ("candidate", "statutory", "no_looser"),
    [
        (WorkingDays(10), WorkingDays(15), True),
        (WorkingDays(15), WorkingDays(15), True),
        (WorkingDays(16), WorkingDays(15), False),
        (Weeks(2), WorkingDays(15), True),
        (Weeks(3), WorkingDays(15), True),  # both fall on the same days from the reference days
        (Weeks(4), WorkingDays(15), False),
        (Months(1), WorkingDays(20), False),
        (Weeks(4), Months(1), True),
        (Months(2), Weeks(6), False),
    ],
)
def test_a_limit_is_compared_from_the_two_reference_days(candidate: Limit, statutory: Limit, no_looser: bool) -> None:
    # given / when / then
    assert is_no_looser(candidate, statutory) is no_looser


@settings(max_examples=200, deadline=None)
@given(
    timescale=st.sampled_from(registry.all_timescales()),
    started_on=st.dates(min_value=date(2024, 1, 1), max_value=date(2039, 12, 31)),
)
def test_every_due_date_is_on_or_after_its_start_and_explains_itself(timescale: Timescale, started_on: date) -> None:
    # given any declared timescale started on any day the calendar covers
    # when
    due = due_on(timescale, started_on)
    # then
    assert due >= started_on
    assert explain(timescale, started_on, due).startswith(f"Due {due.day} {due:%B %Y}: ")
