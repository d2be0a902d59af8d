"""GovukDateField: GOV.UK's date input messages, limits, and keeping what was typed."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import engines

from kith.platform.ui.forms import GovukDateField, GovukDateWidget

LONDON = ZoneInfo("Europe/London")


class DateOfBirthForm(forms.Form):
    date_of_birth = GovukDateField(label="Date of birth")


class OptionalDateForm(forms.Form):
    date_of_birth = GovukDateField(label="Date of birth", required=False)


class LimitsForm(forms.Form):
    seen_on = GovukDateField(label="Date seen", not_in_future=True, not_before=date(1900, 1, 1))
    review_on = GovukDateField(label="Review date", not_in_past=True)


class ErrorLabelForm(forms.Form):
    date_of_birth = GovukDateField(label="Date of birth", error_label="the child's date of birth")


def typed(day: str, month: str, year: str, name: str = "date_of_birth") -> dict[str, str]:
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def render_field(form: forms.Form, name: str) -> str:
    return engines["django"].from_string("{% load kith_ui %}{% govuk_field field %}").render({"field": form[name]})


@pytest.fixture
def today_is_5_january_2026(time_machine):
    time_machine.move_to(datetime(2026, 1, 5, 12, 0, tzinfo=LONDON), tick=False)


def test_a_whole_date_is_cleaned_to_a_date():
    # given
    form = DateOfBirthForm(data=typed("5", "01", "2016"))

    # when
    valid = form.is_valid()

    # then
    assert valid
    assert form.cleaned_data["date_of_birth"] == date(2016, 1, 5)


def test_an_empty_required_date_asks_for_it_by_its_label():
    # given
    form = DateOfBirthForm(data=typed("", "", ""))

    # when
    errors = form.errors["date_of_birth"]

    # then
    assert errors == ["Enter Date of birth"]


def test_an_empty_optional_date_is_none():
    # given
    form = OptionalDateForm(data=typed(" ", "", ""))

    # when
    valid = form.is_valid()

    # then
    assert valid
    assert form.cleaned_data["date_of_birth"] is None


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "1", "2016", "Date of birth must include a day"),
        ("5", "", "2016", "Date of birth must include a month"),
        ("5", "1", "", "Date of birth must include a year"),
        ("", "", "2016", "Date of birth must include a day and month"),
        ("", "1", "", "Date of birth must include a day and year"),
        ("5", "", "", "Date of birth must include a month and year"),
    ],
)
def test_a_part_date_says_what_is_missing(day, month, year, message):
    # given
    form = DateOfBirthForm(data=typed(day, month, year))

    # when
    errors = form.errors["date_of_birth"]

    # then
    assert errors == [message]


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("31", "2", "2026"),  # no 31 February
        ("29", "2", "2025"),  # not a leap year
        ("5", "13", "2016"),
        ("0", "1", "2016"),
        ("five", "1", "2016"),
        ("5", "feb", "2016"),
        ("5", "1", "20x6"),
        ("1.5", "1", "2016"),
    ],
)
def test_a_date_that_cannot_exist_must_be_a_real_date(day, month, year):
    # given
    form = DateOfBirthForm(data=typed(day, month, year))

    # when
    errors = form.errors["date_of_birth"]

    # then
    assert errors == ["Date of birth must be a real date"]


@pytest.mark.parametrize("year", ["16", "216", "20160"])
def test_a_year_without_4_numbers_says_so(year):
    # given
    form = DateOfBirthForm(data=typed("5", "1", year))

    # when
    errors = form.errors["date_of_birth"]

    # then
    assert errors == ["Year must include 4 numbers"]


def test_a_future_date_must_be_today_or_in_the_past(today_is_5_january_2026):
    # given
    form = LimitsForm(data={**typed("6", "1", "2026", "seen_on"), **typed("5", "1", "2026", "review_on")})

    # when
    errors = form.errors

    # then
    assert errors == {"seen_on": ["Date seen must be today or in the past"]}


def test_a_past_date_must_be_today_or_in_the_future(today_is_5_january_2026):
    # given
    form = LimitsForm(data={**typed("5", "1", "2026", "seen_on"), **typed("4", "1", "2026", "review_on")})

    # when
    errors = form.errors

    # then
    assert errors == {"review_on": ["Review date must be today or in the future"]}


def test_today_is_neither_in_the_future_nor_in_the_past(today_is_5_january_2026):
    # given
    form = LimitsForm(data={**typed("5", "1", "2026", "seen_on"), **typed("5", "1", "2026", "review_on")})

    # when
    valid = form.is_valid()

    # then
    assert valid
    assert form.cleaned_data == {"seen_on": date(2026, 1, 5), "review_on": date(2026, 1, 5)}


def test_a_date_before_the_earliest_must_be_after_it(today_is_5_january_2026):
    # given
    form = LimitsForm(data={**typed("31", "12", "1899", "seen_on"), **typed("5", "1", "2026", "review_on")})

    # when
    errors = form.errors

    # then
    assert errors == {"seen_on": ["Date seen must be after 1 January 1900"]}


def test_the_earliest_date_itself_is_allowed(today_is_5_january_2026):
    # given
    form = LimitsForm(data={**typed("1", "1", "1900", "seen_on"), **typed("5", "1", "2026", "review_on")})

    # when
    valid = form.is_valid()

    # then
    assert valid
    assert form.cleaned_data["seen_on"] == date(1900, 1, 1)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter the child's date of birth"),
        ("5", "", "2016", "The child's date of birth must include a month"),
        ("31", "2", "2016", "The child's date of birth must be a real date"),
    ],
)
def test_an_error_label_words_the_messages(day, month, year, message):
    # given
    form = ErrorLabelForm(data=typed(day, month, year))

    # when
    errors = form.errors["date_of_birth"]

    # then
    assert errors == [message]


def test_a_date_field_needs_a_label_to_word_its_messages():
    # when / then
    with pytest.raises(TypeError, match="needs a label"):
        GovukDateField()


def test_what_was_typed_is_shown_again_after_an_error():
    # given
    form = DateOfBirthForm(data=typed("31", "feb", "20x6"))
    form.is_valid()

    # when
    html = render_field(form, "date_of_birth")

    # then
    assert 'id="id_date_of_birth_day" name="date_of_birth_day" type="text" inputmode="numeric" value="31"' in html
    assert 'id="id_date_of_birth_month" name="date_of_birth_month" type="text" inputmode="numeric" value="feb"' in html
    assert 'id="id_date_of_birth_year" name="date_of_birth_year" type="text" inputmode="numeric" value="20x6"' in html


def test_only_the_boxes_a_message_is_about_are_marked_as_errors():
    # given
    form = DateOfBirthForm(data=typed("5", "", "2016"))
    form.is_valid()

    # when
    html = render_field(form, "date_of_birth")

    # then
    assert '<input class="govuk-input govuk-date-input__input govuk-input--width-2" id="id_date_of_birth_day"' in html
    assert (
        '<input class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error"'
        ' id="id_date_of_birth_month"'
    ) in html
    assert '<input class="govuk-input govuk-date-input__input govuk-input--width-4" id="id_date_of_birth_year"' in html


def test_an_impossible_date_marks_all_three_boxes():
    # given
    form = DateOfBirthForm(data=typed("31", "2", "2016"))
    form.is_valid()

    # when
    html = render_field(form, "date_of_birth")

    # then
    assert html.count("govuk-input--error") == 3


def test_the_date_group_shows_the_error_and_is_described_by_it():
    # given
    form = DateOfBirthForm(data=typed("", "", ""))
    form.is_valid()

    # when
    html = render_field(form, "date_of_birth")

    # then
    assert '<div class="govuk-form-group govuk-form-group--error">' in html
    assert '<fieldset class="govuk-fieldset" role="group" aria-describedby="id_date_of_birth-error">' in html
    assert (
        '<p id="id_date_of_birth-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter Date of birth</p>'
    ) in html


def test_an_initial_date_fills_the_three_boxes():
    # given
    form = DateOfBirthForm(initial={"date_of_birth": date(2016, 1, 5)})

    # when
    html = render_field(form, "date_of_birth")

    # then
    assert 'name="date_of_birth_day" type="text" inputmode="numeric" value="5"' in html
    assert 'name="date_of_birth_month" type="text" inputmode="numeric" value="1"' in html
    assert 'name="date_of_birth_year" type="text" inputmode="numeric" value="2016"' in html


def test_a_date_of_birth_can_ask_the_browser_to_autofill():
    # given
    class BirthForm(forms.Form):
        born_on = GovukDateField(label="Date of birth", widget=GovukDateWidget(autocomplete="bday"))

    # when
    html = render_field(BirthForm(), "born_on")

    # then
    assert 'name="born_on_day" type="text" inputmode="numeric" autocomplete="bday-day"' in html
    assert 'name="born_on_month" type="text" inputmode="numeric" autocomplete="bday-month"' in html
    assert 'name="born_on_year" type="text" inputmode="numeric" autocomplete="bday-year"' in html


def test_a_month_too_large_for_the_machine_is_simply_not_a_real_date():
    # given a date field, and a month of ten digits (found by the bad-input property test)
    field = GovukDateField(label="Date moved in")
    # when it is cleaned
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(["1", "2200000000", "2026"])
    # then the usual message is given, not a server error
    assert refused.value.messages == ["Date moved in must be a real date"]
