"""The committed bank-holiday file: complete, in order, and exactly what ``make calendar`` writes."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pytest

from kith.platform.calendar import generate
from kith.platform.calendar.working_days import HOLIDAYS_CSV

THE_EIGHT = {
    "New Year's Day",
    "Good Friday",
    "Easter Monday",
    "May Day",
    "Spring Bank Holiday",
    "Late Summer Bank Holiday",
    "Christmas Day",
    "Boxing Day",
}
ONE_OFFS = [
    (date(2002, 6, 3), "Golden Jubilee of Elizabeth II"),
    (date(2011, 4, 29), "Wedding of William and Catherine"),
    (date(2012, 6, 5), "Diamond Jubilee of Elizabeth II"),
    (date(2022, 6, 3), "Platinum Jubilee of Elizabeth II"),
    (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
    (date(2023, 5, 8), "Coronation of Charles III"),
]
ONE_OFF_YEARS = {day.year for day, _ in ONE_OFFS}
ORDINARY_YEARS = [year for year in range(2000, 2041) if year not in ONE_OFF_YEARS]


def committed_rows() -> list[tuple[date, str]]:
    with HOLIDAYS_CSV.open(newline="", encoding="utf-8") as file:
        return [(date.fromisoformat(row["date"]), row["name"]) for row in csv.DictReader(file)]


def test_the_file_is_a_date_and_name_table() -> None:
    # given / when
    first_line = HOLIDAYS_CSV.read_text(encoding="utf-8").splitlines()[0]
    # then
    assert first_line == "date,name"


def test_the_dates_are_in_order_and_each_appears_once() -> None:
    # given / when
    days = [day for day, _ in committed_rows()]
    # then
    assert days == sorted(set(days))


def test_every_year_from_2000_to_2040_is_there() -> None:
    # given / when
    years = {day.year for day, _ in committed_rows()}
    # then
    assert years == set(range(2000, 2041))


@pytest.mark.parametrize("year", ORDINARY_YEARS)
def test_an_ordinary_year_has_the_eight_bank_holidays_on_eight_weekdays(year: int) -> None:
    # given a year without a one-off bank holiday
    rows = [(day, name) for day, name in committed_rows() if day.year == year]
    # when
    names = {name.removesuffix(" (observed)") for _, name in rows}
    days_off = [day for day, _ in rows if day.weekday() < 5]
    # then the eight, each on a weekday itself or on a substitute day ("observed")
    assert names == THE_EIGHT
    assert len(days_off) == 8


def test_the_one_off_bank_holidays_are_there() -> None:
    # given / when
    one_offs = [(day, name) for day, name in committed_rows() if name.removesuffix(" (observed)") not in THE_EIGHT]
    # then
    assert one_offs == ONE_OFFS


def test_the_years_with_a_one_off_have_that_many_more_days_off() -> None:
    # given / when
    days_off = Counter(day.year for day, _ in committed_rows() if day.weekday() < 5 and day.year in ONE_OFF_YEARS)
    # then (in 2002, 2012 and 2022 the spring bank holiday moved to make way for the jubilee)
    assert days_off == {2002: 9, 2011: 9, 2012: 9, 2022: 10, 2023: 9}


def test_easter_is_there_every_year() -> None:
    # given / when
    rows = committed_rows()
    # then
    assert Counter(day.year for day, name in rows if name == "Good Friday") == dict.fromkeys(range(2000, 2041), 1)
    assert Counter(day.year for day, name in rows if name == "Easter Monday") == dict.fromkeys(range(2000, 2041), 1)


def rows_between(first: date, last: date) -> list[tuple[date, str]]:
    return [(day, name) for day, name in committed_rows() if first <= day <= last]


def test_christmas_2021_has_both_substitute_days() -> None:
    # given Christmas Day on a Saturday and Boxing Day on a Sunday
    # when
    christmas = rows_between(date(2021, 12, 24), date(2021, 12, 31))
    # then
    assert christmas == [
        (date(2021, 12, 25), "Christmas Day"),
        (date(2021, 12, 26), "Boxing Day"),
        (date(2021, 12, 27), "Christmas Day (observed)"),
        (date(2021, 12, 28), "Boxing Day (observed)"),
    ]


def test_christmas_2022_has_its_substitute_day() -> None:
    # given Christmas Day on a Sunday and Boxing Day on the Monday
    # when
    christmas = rows_between(date(2022, 12, 24), date(2022, 12, 31))
    # then
    assert christmas == [
        (date(2022, 12, 25), "Christmas Day"),
        (date(2022, 12, 26), "Boxing Day"),
        (date(2022, 12, 27), "Christmas Day (observed)"),
    ]


def test_generate_writes_the_committed_file_byte_for_byte() -> None:
    # given the holidays package (a development dependency)
    # when
    written = generate.render(generate.bank_holidays()).encode("utf-8")
    # then
    assert written == HOLIDAYS_CSV.read_bytes()
