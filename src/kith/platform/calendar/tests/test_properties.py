"""Properties of working-day counting that hold for every date in the calendar (hypothesis)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kith.platform.calendar import (
    add_calendar_days,
    add_months,
    add_weeks,
    add_working_days,
    bank_holidays_between,
    is_working_day,
    working_days_between,
)

# Far enough inside 2000–2040 that 400 working days either way (about 19 months) stay covered.
starts = st.dates(min_value=date(2002, 1, 1), max_value=date(2039, 1, 1))
counts = st.integers(min_value=-400, max_value=400)
forward_counts = st.integers(min_value=0, max_value=400)
any_covered_day = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(start=starts, n=st.integers(min_value=1, max_value=400))
def test_counting_forwards_always_lands_on_a_working_day(start: date, n: int) -> None:
    # given a start date and n > 0
    # when
    due = add_working_days(start, n)
    # then
    assert is_working_day(due)


@given(start=starts, n=st.integers(min_value=-400, max_value=-1))
def test_counting_backwards_always_lands_on_a_working_day(start: date, n: int) -> None:
    # given a start date and n < 0
    # when
    due = add_working_days(start, n)
    # then
    assert is_working_day(due)


@given(start=starts, n=st.integers(min_value=-400, max_value=399))
def test_one_more_working_day_is_always_later(start: date, n: int) -> None:
    # given / when
    due, next_due = add_working_days(start, n), add_working_days(start, n + 1)
    # then
    assert due < next_due


@given(start=starts, n=forward_counts)
def test_working_days_between_undoes_add_working_days(start: date, n: int) -> None:
    # given / when
    counted = working_days_between(start, add_working_days(start, n))
    # then
    assert counted == n


@given(a=any_covered_day, b=any_covered_day)
def test_working_days_between_is_antisymmetric(a: date, b: date) -> None:
    # given / when / then
    assert working_days_between(a, b) == -working_days_between(b, a)


@given(a=starts, span=st.integers(min_value=0, max_value=400))
def test_working_days_between_counts_each_working_day_after_the_start(a: date, span: int) -> None:
    # given a span of calendar days
    b = add_calendar_days(a, span)
    # when
    counted = working_days_between(a, b)
    # then it agrees with looking at each day in turn
    assert counted == sum(is_working_day(add_calendar_days(a, k)) for k in range(1, span + 1))


@given(a=starts, span=st.integers(min_value=0, max_value=400))
def test_the_weekday_holidays_in_a_span_are_the_days_it_lost(a: date, span: int) -> None:
    # given a span of calendar days
    b = add_calendar_days(a, span)
    weekdays = sum(add_calendar_days(a, k).weekday() < 5 for k in range(1, span + 1))
    # when
    skipped = bank_holidays_between(a, b)
    # then
    assert working_days_between(a, b) == weekdays - len(skipped)
    assert all(a < day <= b and day.weekday() < 5 and not is_working_day(day) for day, _ in skipped)


@given(start=any_covered_day, n=st.integers(min_value=-480, max_value=480))
def test_add_months_lands_in_the_right_month_on_the_same_or_last_day(start: date, n: int) -> None:
    # given / when
    later = add_months(start, n)
    # then
    assert later.year * 12 + later.month == start.year * 12 + start.month + n
    assert later.day == min(start.day, monthrange(later.year, later.month)[1])


@given(start=any_covered_day, n=st.integers(min_value=-2000, max_value=2000))
def test_add_weeks_keeps_the_weekday(start: date, n: int) -> None:
    # given / when
    later = add_weeks(start, n)
    # then
    assert (later.weekday(), (later - start).days) == (start.weekday(), 7 * n)
