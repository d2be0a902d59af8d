"""Worked examples of working-day counting in England (pure: no database).

The holidays these examples cross:
- Christmas 2026: Fri 25 Dec (Christmas Day), Sat 26 Dec (Boxing Day), Mon 28 Dec
  (Boxing Day, substitute), Fri 1 Jan 2027 (New Year's Day).
- Christmas 2025: Thu 25 Dec, Fri 26 Dec, Thu 1 Jan 2026.
- Easter 2027: Fri 26 Mar (Good Friday), Mon 29 Mar (Easter Monday).
- 2024 is a leap year: Thu 29 Feb 2024 is an ordinary working day.
"""

from __future__ import annotations

from datetime import date

import pytest

from kith.platform.calendar import (
    COVERED_FROM,
    COVERED_TO,
    CalendarNotCovered,
    add_calendar_days,
    add_months,
    add_weeks,
    add_working_days,
    bank_holidays_between,
    is_working_day,
    working_days_between,
)

# -- is_working_day --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "day", "expected"),
    [
        ("an ordinary Thursday", date(2026, 12, 17), True),
        ("a Saturday", date(2026, 12, 19), False),
        ("a Sunday", date(2026, 12, 20), False),
        ("Christmas Day on a Friday", date(2026, 12, 25), False),
        ("Boxing Day's substitute, a Monday", date(2026, 12, 28), False),
        ("the day after the substitute", date(2026, 12, 29), True),
        ("New Year's Day on a Friday", date(2027, 1, 1), False),
        ("Good Friday 2027", date(2027, 3, 26), False),
        ("Easter Monday 2027", date(2027, 3, 29), False),
        ("the leap day 2024, a Thursday", date(2024, 2, 29), True),
        ("the Queen's state funeral", date(2022, 9, 19), False),
        ("the coronation", date(2023, 5, 8), False),
        ("Christmas Day's substitute in 2022", date(2022, 12, 27), False),
        ("the first day covered, a Saturday", date(2000, 1, 1), False),
        ("New Year's Day 2000's substitute", date(2000, 1, 3), False),
        ("the last day covered, a Monday", date(2040, 12, 31), True),
    ],
)
def test_is_working_day(_case: str, day: date, expected: bool) -> None:
    # given a day in the covered range
    # when
    working = is_working_day(day)
    # then
    assert working is expected


# -- add_working_days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "start", "n", "expected"),
    [
        ("15 across Christmas and New Year 2026-27", date(2026, 12, 18), 15, date(2027, 1, 13)),
        ("15 across Christmas and New Year 2025-26", date(2025, 12, 18), 15, date(2026, 1, 13)),
        ("1 from Christmas Eve skips three days off and a weekend", date(2026, 12, 24), 1, date(2026, 12, 29)),
        ("4 from Wednesday 23 Dec 2026", date(2026, 12, 23), 4, date(2026, 12, 31)),
        ("1 from the Thursday before Good Friday 2027", date(2027, 3, 25), 1, date(2027, 3, 30)),
        ("5 across Easter 2027", date(2027, 3, 24), 5, date(2027, 4, 2)),
        ("1 from the day before the 2024 leap day", date(2024, 2, 28), 1, date(2024, 2, 29)),
        ("3 across the 2024 leap day", date(2024, 2, 27), 3, date(2024, 3, 1)),
        ("1 from a Saturday", date(2026, 12, 19), 1, date(2026, 12, 21)),
        ("1 from a Sunday", date(2026, 12, 20), 1, date(2026, 12, 21)),
        ("1 from Christmas Day", date(2026, 12, 25), 1, date(2026, 12, 29)),
        ("1 from Easter Monday", date(2027, 3, 29), 1, date(2027, 3, 30)),
        ("0 from a working day", date(2026, 12, 18), 0, date(2026, 12, 18)),
        ("0 from a Saturday", date(2026, 12, 26), 0, date(2026, 12, 26)),
        ("0 from a bank holiday", date(2026, 12, 25), 0, date(2026, 12, 25)),
        ("-15 back across Christmas and New Year 2026-27", date(2027, 1, 13), -15, date(2026, 12, 18)),
        ("-15 back from a Friday before Christmas", date(2026, 12, 18), -15, date(2026, 11, 27)),
        ("-1 from the Tuesday after Easter 2027", date(2027, 3, 30), -1, date(2027, 3, 25)),
        ("-1 from Easter Monday", date(2027, 3, 29), -1, date(2027, 3, 25)),
        ("-1 from a Sunday", date(2026, 12, 20), -1, date(2026, 12, 18)),
        ("20 working days, a looked-after child's first review", date(2027, 3, 22), 20, date(2027, 4, 21)),
    ],
)
def test_add_working_days(_case: str, start: date, n: int, expected: date) -> None:
    # given a start date (day 0) and a number of working days
    # when
    due = add_working_days(start, n)
    # then
    assert due == expected


# -- working_days_between and bank_holidays_between ------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "a", "b", "expected"),
    [
        ("Christmas and New Year 2026-27", date(2026, 12, 18), date(2027, 1, 13), 15),
        ("the same span backwards", date(2027, 1, 13), date(2026, 12, 18), -15),
        ("the same day", date(2026, 12, 18), date(2026, 12, 18), 0),
        ("the same bank holiday", date(2026, 12, 25), date(2026, 12, 25), 0),
        ("Christmas Day to its Monday: days off only", date(2026, 12, 25), date(2026, 12, 28), 0),
        ("Christmas Eve to the Tuesday after", date(2026, 12, 24), date(2026, 12, 29), 1),
        ("a Friday to the Monday after", date(2026, 12, 11), date(2026, 12, 14), 1),
        ("a Saturday to the Sunday after", date(2026, 12, 12), date(2026, 12, 13), 0),
        ("Easter 2027, Thursday to Tuesday", date(2027, 3, 25), date(2027, 3, 30), 1),
        ("February 2024, with its leap day", date(2024, 1, 31), date(2024, 2, 29), 21),
        ("the whole of 2026", date(2025, 12, 31), date(2026, 12, 31), 253),
        ("the whole of 2022, with a jubilee and a state funeral", date(2021, 12, 31), date(2022, 12, 31), 250),
        ("the first day covered, from the day before it", date(1999, 12, 31), date(2000, 1, 4), 1),
    ],
)
def test_working_days_between(_case: str, a: date, b: date, expected: int) -> None:
    # given two dates
    # when
    counted = working_days_between(a, b)
    # then
    assert counted == expected


def test_the_bank_holidays_a_count_skipped_are_the_weekday_ones_with_their_names() -> None:
    # given the span of 15 working days from Friday 18 December 2026
    # when
    skipped = bank_holidays_between(date(2026, 12, 18), date(2027, 1, 13))
    # then Boxing Day, a Saturday, is left out and its substitute day is named
    assert skipped == [
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 28), "Boxing Day (observed)"),
        (date(2027, 1, 1), "New Year's Day"),
    ]


def test_bank_holidays_between_takes_the_end_but_not_the_start() -> None:
    # given a span starting on Christmas Day and ending on New Year's Day
    # when
    skipped = bank_holidays_between(date(2026, 12, 25), date(2027, 1, 1))
    # then
    assert skipped == [(date(2026, 12, 28), "Boxing Day (observed)"), (date(2027, 1, 1), "New Year's Day")]


def test_bank_holidays_between_dates_given_backwards_lists_them_oldest_first() -> None:
    # given Easter 2027, end date first
    # when
    skipped = bank_holidays_between(date(2027, 3, 31), date(2027, 3, 24))
    # then
    assert skipped == [(date(2027, 3, 26), "Good Friday"), (date(2027, 3, 29), "Easter Monday")]


def test_bank_holidays_between_the_same_day_is_empty() -> None:
    # given / when
    skipped = bank_holidays_between(date(2026, 12, 25), date(2026, 12, 25))
    # then
    assert skipped == []


def test_christmas_2021_lists_both_substitute_days() -> None:
    # given Christmas Day on a Saturday and Boxing Day on a Sunday
    # when
    skipped = bank_holidays_between(date(2021, 12, 24), date(2021, 12, 31))
    # then
    assert skipped == [
        (date(2021, 12, 27), "Christmas Day (observed)"),
        (date(2021, 12, 28), "Boxing Day (observed)"),
    ]


# -- calendar days, weeks and months ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "start", "n", "expected"),
    [
        ("across Christmas, bank holidays counted", date(2026, 12, 18), 15, date(2027, 1, 2)),
        ("into the 2024 leap day", date(2024, 2, 28), 1, date(2024, 2, 29)),
        ("0", date(2026, 12, 25), 0, date(2026, 12, 25)),
        ("backwards", date(2027, 1, 2), -15, date(2026, 12, 18)),
    ],
)
def test_add_calendar_days(_case: str, start: date, n: int, expected: date) -> None:
    # given / when
    later = add_calendar_days(start, n)
    # then
    assert later == expected


@pytest.mark.parametrize(
    ("_case", "start", "n", "expected"),
    [
        ("6 weeks, the same weekday", date(2026, 12, 18), 6, date(2027, 1, 29)),
        ("0", date(2026, 12, 18), 0, date(2026, 12, 18)),
        ("backwards", date(2027, 1, 29), -6, date(2026, 12, 18)),
    ],
)
def test_add_weeks(_case: str, start: date, n: int, expected: date) -> None:
    # given / when
    later = add_weeks(start, n)
    # then
    assert later == expected


@pytest.mark.parametrize(
    ("_case", "start", "n", "expected"),
    [
        ("the same day of the month", date(2026, 12, 18), 3, date(2027, 3, 18)),
        ("31 January to the end of February", date(2027, 1, 31), 1, date(2027, 2, 28)),
        ("31 January to the leap day", date(2028, 1, 31), 1, date(2028, 2, 29)),
        ("29 February 2028 plus 12 months", date(2028, 2, 29), 12, date(2029, 2, 28)),
        ("29 February 2028 plus 48 months", date(2028, 2, 29), 48, date(2032, 2, 29)),
        ("31 August plus 1 month, a 30-day month", date(2026, 8, 31), 1, date(2026, 9, 30)),
        ("into the next year", date(2026, 11, 15), 2, date(2027, 1, 15)),
        ("0", date(2027, 1, 31), 0, date(2027, 1, 31)),
        ("backwards across a year", date(2027, 1, 31), -2, date(2026, 11, 30)),
        ("backwards a whole year", date(2027, 3, 31), -12, date(2026, 3, 31)),
    ],
)
def test_add_months(_case: str, start: date, n: int, expected: date) -> None:
    # given / when
    later = add_months(start, n)
    # then
    assert later == expected


# -- the covered range -----------------------------------------------------------------------------


def test_the_calendar_covers_whole_years_from_2000_to_2040() -> None:
    # given the committed bank-holiday file
    # when
    covered = (COVERED_FROM, COVERED_TO)
    # then
    assert covered == (date(2000, 1, 1), date(2040, 12, 31))


def test_a_day_outside_the_calendar_is_refused_with_the_covered_range() -> None:
    # given a day after the last year covered
    # when
    with pytest.raises(CalendarNotCovered) as refused:
        is_working_day(date(2041, 3, 3))
    # then
    assert str(refused.value) == (
        "Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
        "3 March 2041 is outside it. Regenerate it with `make calendar`."
    )
    assert (refused.value.day, refused.value.covered_from, refused.value.covered_to) == (
        date(2041, 3, 3),
        date(2000, 1, 1),
        date(2040, 12, 31),
    )


def test_calendar_not_covered_is_a_value_error() -> None:
    # given / when / then
    assert issubclass(CalendarNotCovered, ValueError)


def test_a_day_before_the_calendar_is_refused() -> None:
    # given / when
    with pytest.raises(CalendarNotCovered) as refused:
        is_working_day(date(1999, 12, 31))
    # then
    assert str(refused.value) == (
        "Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
        "31 December 1999 is outside it. Regenerate it with `make calendar`."
    )


def test_counting_past_the_last_day_names_the_first_day_it_could_not_look_at() -> None:
    # given the last day covered, a Monday
    # when
    with pytest.raises(CalendarNotCovered) as refused:
        add_working_days(date(2040, 12, 31), 1)
    # then
    assert refused.value.day == date(2041, 1, 1)


def test_counting_from_a_start_outside_the_calendar_names_the_start() -> None:
    # given a start date after the last day covered
    # when
    with pytest.raises(CalendarNotCovered) as refused:
        add_working_days(date(2041, 3, 3), 1)
    # then
    assert str(refused.value) == (
        "Kith's bank-holiday calendar covers 1 January 2000 to 31 December 2040; "
        "3 March 2041 is outside it. Regenerate it with `make calendar`."
    )


def test_counting_from_two_days_before_the_calendar_names_the_start() -> None:
    # given / when
    with pytest.raises(CalendarNotCovered) as refused:
        add_working_days(date(1999, 12, 30), 1)
    # then
    assert refused.value.day == date(1999, 12, 30)


def test_counting_back_before_the_first_day_is_refused() -> None:
    # given Tuesday 4 January 2000, after a weekend and New Year's Day's substitute
    # when
    with pytest.raises(CalendarNotCovered) as refused:
        add_working_days(date(2000, 1, 4), -1)
    # then
    assert refused.value.day == date(1999, 12, 31)


def test_counting_that_ends_inside_the_calendar_may_start_outside_it() -> None:
    # given the day before the first day covered (day 0 is never looked at)
    # when
    due = add_working_days(date(1999, 12, 31), 1)
    # then
    assert due == date(2000, 1, 4)


def test_zero_working_days_from_outside_the_calendar_is_the_start_date() -> None:
    # given / when
    due = add_working_days(date(2041, 3, 3), 0)
    # then
    assert due == date(2041, 3, 3)


def test_working_days_between_past_the_last_day_names_that_date() -> None:
    # given / when
    with pytest.raises(CalendarNotCovered) as refused:
        working_days_between(date(2026, 12, 18), date(2041, 3, 3))
    # then
    assert refused.value.day == date(2041, 3, 3)


def test_working_days_between_from_before_the_first_day_names_that_date() -> None:
    # given / when
    with pytest.raises(CalendarNotCovered) as refused:
        working_days_between(date(2026, 12, 18), date(1999, 12, 30))
    # then
    assert refused.value.day == date(1999, 12, 30)


def test_bank_holidays_between_past_the_last_day_is_refused() -> None:
    # given / when
    with pytest.raises(CalendarNotCovered) as refused:
        bank_holidays_between(date(2040, 12, 1), date(2041, 1, 31))
    # then
    assert refused.value.day == date(2041, 1, 31)
