"""Rules about a person's details: birth dates, disabilities, an unborn child's sex (pure, no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.people.rules import (
    EARLIEST_BIRTH_DATE,
    LATEST_EXPECTED_BIRTH_WEEKS,
    check_birth_dates,
    check_disabilities,
    check_sex_for_unborn,
)

TODAY = date(2025, 3, 14)
FUTURE_BIRTH = "Date of birth must be today or in the past"
BEFORE_1900 = "Date of birth must be after 1 January 1900"
EXPECTED_IN_PAST = (
    "Expected date of birth must be today or in the future: once the baby is born, record the date of birth"
)
EXPECTED_TOO_FAR = "Expected date of birth must be within 44 weeks of today"
BOTH_DATES = "Enter a date of birth or an expected date of birth, not both"
NEITHER_DATE = "Enter the child's date of birth, or an expected date of birth for an unborn child"
NONE_WITH_OTHERS = "Select 'No disability' on its own, or select the child's disabilities"
UNBORN_SEX = "Record an unborn child's sex as 'Not known' until the birth"


@pytest.mark.parametrize(
    ("_case", "is_child", "date_of_birth", "expected_date_of_birth", "problems"),
    [
        ("born in the future", True, TODAY + timedelta(days=1), None, {"date_of_birth": [FUTURE_BIRTH]}),
        ("born before 1900", False, date(1899, 12, 31), None, {"date_of_birth": [BEFORE_1900]}),
        (
            "expected date in the past",
            True,
            None,
            TODAY - timedelta(days=1),
            {"expected_date_of_birth": [EXPECTED_IN_PAST]},
        ),
        (
            "expected date more than 44 weeks away",
            True,
            None,
            TODAY + timedelta(weeks=LATEST_EXPECTED_BIRTH_WEEKS, days=1),
            {"expected_date_of_birth": [EXPECTED_TOO_FAR]},
        ),
        (
            "both dates set",
            True,
            TODAY - timedelta(days=30),
            TODAY + timedelta(days=30),
            {"expected_date_of_birth": [BOTH_DATES]},
        ),
        (
            "both dates set, and both wrong",
            True,
            TODAY + timedelta(days=1),
            TODAY - timedelta(days=1),
            {"expected_date_of_birth": [BOTH_DATES, EXPECTED_IN_PAST], "date_of_birth": [FUTURE_BIRTH]},
        ),
        ("a child with neither date", True, None, None, {"date_of_birth": [NEITHER_DATE]}),
    ],
)
def test_birth_date_problems(
    _case: str,
    is_child: bool,
    date_of_birth: date | None,
    expected_date_of_birth: date | None,
    problems: dict[str, list[str]],
) -> None:
    # given dates as entered
    # when
    found = check_birth_dates(
        is_child=is_child, date_of_birth=date_of_birth, expected_date_of_birth=expected_date_of_birth, today=TODAY
    )
    # then
    assert found.by_field == problems


@pytest.mark.parametrize(
    ("_case", "is_child", "date_of_birth", "expected_date_of_birth"),
    [
        ("born today", True, TODAY, None),
        ("born on 1 January 1900", False, EARLIEST_BIRTH_DATE, None),
        ("expected today", True, None, TODAY),
        ("expected exactly 44 weeks ahead", True, None, TODAY + timedelta(weeks=LATEST_EXPECTED_BIRTH_WEEKS)),
        ("an adult with no date of birth", False, None, None),
    ],
)
def test_acceptable_birth_dates(
    _case: str, is_child: bool, date_of_birth: date | None, expected_date_of_birth: date | None
) -> None:
    # given acceptable dates
    # when
    found = check_birth_dates(
        is_child=is_child, date_of_birth=date_of_birth, expected_date_of_birth=expected_date_of_birth, today=TODAY
    )
    # then
    assert (bool(found), found.by_field) == (False, {})


@given(st.dates(min_value=EARLIEST_BIRTH_DATE, max_value=TODAY), st.booleans())
def test_any_date_of_birth_from_1900_to_today_is_acceptable(date_of_birth: date, is_child: bool) -> None:
    # given a date of birth in the allowed range
    # when
    found = check_birth_dates(is_child=is_child, date_of_birth=date_of_birth, expected_date_of_birth=None, today=TODAY)
    # then
    assert found.by_field == {}


@pytest.mark.parametrize(
    ("_case", "codes", "messages"),
    [
        ("no disability on its own", ["NONE"], []),
        ("nothing recorded", [], []),
        ("several disabilities", ["MOB", "HAND", "AUT"], []),
        ("no disability with a disability (CIN rule 8790)", ["NONE", "MOB"], [NONE_WITH_OTHERS]),
        ("no disability twice is still on its own", ["NONE", "NONE"], []),
        ("a code not on the list", ["XYZ"], ["Choose disabilities from the list (XYZ is not one)"]),
        ("two codes not on the list", ["ZZ", "AA", "MOB"], ["Choose disabilities from the list (AA, ZZ is not one)"]),
    ],
)
def test_disabilities(_case: str, codes: list[str], messages: list[str]) -> None:
    # given the disability codes chosen
    # when / then
    assert check_disabilities(codes) == messages


@pytest.mark.parametrize(
    ("_case", "sex", "is_unborn", "messages"),
    [
        ("unborn, sex not known (CIN rule 8750)", "U", True, []),
        ("unborn, recorded as male", "M", True, [UNBORN_SEX]),
        ("unborn, recorded as female", "F", True, [UNBORN_SEX]),
        ("born, recorded as female", "F", False, []),
        ("born, sex not known", "U", False, []),
    ],
)
def test_sex_of_an_unborn_child(_case: str, sex: str, is_unborn: bool, messages: list[str]) -> None:
    # given a sex and whether the child is yet born
    # when / then
    assert check_sex_for_unborn(sex=sex, is_unborn=is_unborn) == messages
