"""NHS number, UPN and postcode: checking and tidying what practitioners type (pure, no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.people.identifiers import (
    InvalidIdentifier,
    format_nhs_number,
    nhs_check_digit,
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    upn_check_letter,
)

NHS_FORMAT_MESSAGE = "Enter an NHS number with 10 digits, like 943 476 5919"
NHS_CHECK_MESSAGE = "Enter a valid NHS number: the last digit does not match the check digit"
UPN_FORMAT_MESSAGE = "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or letter, like A123456789012"
UPN_CHECK_MESSAGE = "Enter a valid UPN: the first letter does not match the check letter"
POSTCODE_MESSAGE = "Enter a real UK postcode, like TS24 7AA"
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"

# The first nine digits of synthetic NHS numbers (999 range, reserved by NHS England for testing)
# whose modulus 11 check digit exists.
nine_digits_with_a_check_digit = (
    st.integers(min_value=0, max_value=999_999)
    .map(lambda serial: f"999{serial:06d}")
    .filter(lambda first_nine: nhs_check_digit(first_nine) is not None)
)
valid_nhs_numbers = nine_digits_with_a_check_digit.map(lambda first_nine: f"{first_nine}{nhs_check_digit(first_nine)}")


# -- NHS number ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "typed", "expected"),
    [
        ("ten digits", "9997654323", "9997654323"),
        ("spaced as printed", "999 765 4323", "9997654323"),
        ("with dashes", "999-765-4323", "9997654323"),
        ("with stray spaces round it", "  999 100 2006 ", "9991002006"),
        ("check digit 0 (remainder 0)", "9990001030", "9990001030"),
    ],
)
def test_valid_nhs_numbers_are_returned_as_ten_digits(_case: str, typed: str, expected: str) -> None:
    # given a number as a practitioner might type it
    # when
    normalised = normalise_nhs_number(typed)
    # then
    assert normalised == expected


@pytest.mark.parametrize(
    ("_case", "typed", "message"),
    [
        ("nine digits", "999765432", NHS_FORMAT_MESSAGE),
        ("eleven digits", "99976543231", NHS_FORMAT_MESSAGE),
        ("a letter in it", "99976543A3", NHS_FORMAT_MESSAGE),
        ("empty", "", NHS_FORMAT_MESSAGE),
        ("slashes are not separators", "999/765/4323", NHS_FORMAT_MESSAGE),
        ("wrong check digit", "9997654324", NHS_CHECK_MESSAGE),
        ("check digit would be 10", "9990000000", NHS_CHECK_MESSAGE),
    ],
)
def test_invalid_nhs_numbers_are_refused_with_a_message(_case: str, typed: str, message: str) -> None:
    # given a mistyped number
    # when / then
    with pytest.raises(InvalidIdentifier) as refused:
        normalise_nhs_number(typed)
    assert str(refused.value) == message


def test_the_example_in_the_message_is_itself_valid() -> None:
    # given the number the format message shows as an example
    # when
    normalised = normalise_nhs_number("943 476 5919")
    # then
    assert normalised == "9434765919"


@pytest.mark.parametrize("last", list("0123456789"))
def test_when_the_check_digit_would_be_10_no_tenth_digit_makes_a_valid_number(last: str) -> None:
    # given nine digits whose modulus 11 check comes out as 10
    first_nine = "999000000"
    # when / then
    with pytest.raises(InvalidIdentifier) as refused:
        normalise_nhs_number(first_nine + last)
    assert str(refused.value) == NHS_CHECK_MESSAGE


@pytest.mark.parametrize(
    ("_case", "first_nine", "check"),
    [
        ("remainder 0 gives 0", "999000103", "0"),
        ("ordinary", "999765432", "3"),
        ("another", "999100200", "6"),
        ("remainder 1 gives no digit", "999123456", None),
    ],
)
def test_nhs_check_digit(_case: str, first_nine: str, check: str | None) -> None:
    # given nine digits
    # when / then
    assert nhs_check_digit(first_nine) == check


@given(valid_nhs_numbers)
def test_every_number_with_a_valid_check_digit_normalises_to_itself(number: str) -> None:
    # given a synthetic NHS number with a correct check digit
    # when / then
    assert normalise_nhs_number(number) == number


@given(valid_nhs_numbers, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
def test_changing_any_one_digit_makes_the_number_invalid(number: str, position: int, change: int) -> None:
    # given a valid number with one digit changed
    changed_digit = str((int(number[position]) + change) % 10)
    mistyped = number[:position] + changed_digit + number[position + 1 :]
    # when / then
    with pytest.raises(InvalidIdentifier) as refused:
        normalise_nhs_number(mistyped)
    assert str(refused.value) == NHS_CHECK_MESSAGE


@given(valid_nhs_numbers)
def test_formatting_round_trips(number: str) -> None:
    # given a valid number, printed as people read it
    printed = format_nhs_number(number)
    # when / then
    assert (printed[3], printed[7], len(printed)) == (" ", " ", 12)
    assert normalise_nhs_number(printed) == number


# -- UPN --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "typed", "expected"),
    [
        ("the documented example", "B801200005001", "B801200005001"),
        ("lower case and spaces", " b801 2000 05001 ", "B801200005001"),
        ("temporary UPN ending in a letter", "M80120000500A", "M80120000500A"),
        ("temporary UPN ending in Z", "Y80120000500Z", "Y80120000500Z"),
    ],
)
def test_valid_upns_are_returned_in_capitals_without_spaces(_case: str, typed: str, expected: str) -> None:
    # given a UPN as typed
    # when
    normalised = normalise_upn(typed)
    # then
    assert normalised == expected


@pytest.mark.parametrize(
    ("_case", "typed", "message"),
    [
        ("check letter I is never used", "I801200005001", UPN_FORMAT_MESSAGE),
        ("check letter O is never used", "O801200005001", UPN_FORMAT_MESSAGE),
        ("check letter S is never used", "S801200005001", UPN_FORMAT_MESSAGE),
        ("temporary letter I is never used", "M80120000500I", UPN_FORMAT_MESSAGE),
        ("temporary letter O is never used", "M80120000500O", UPN_FORMAT_MESSAGE),
        ("temporary letter S is never used", "M80120000500S", UPN_FORMAT_MESSAGE),
        ("twelve characters", "B80120000500", UPN_FORMAT_MESSAGE),
        ("fourteen characters", "B8012000050011", UPN_FORMAT_MESSAGE),
        ("starts with a digit", "8801200005001", UPN_FORMAT_MESSAGE),
        ("a letter in the middle", "B8012A0005001", UPN_FORMAT_MESSAGE),
        ("wrong check letter", "C801200005001", UPN_CHECK_MESSAGE),
        ("one digit mistyped", "B801200005002", UPN_CHECK_MESSAGE),
    ],
)
def test_invalid_upns_are_refused_with_a_message(_case: str, typed: str, message: str) -> None:
    # given a mistyped UPN
    # when / then
    with pytest.raises(InvalidIdentifier) as refused:
        normalise_upn(typed)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("_case", "last_twelve", "letter"),
    [
        ("the documented example B801200005001", "801200005001", "B"),
        ("the example in the format message", "123456789012", "A"),
        ("a temporary UPN", "80120000500A", "M"),
    ],
)
def test_upn_check_letter(_case: str, last_twelve: str, letter: str) -> None:
    # given the last twelve characters of a UPN
    # when / then
    assert upn_check_letter(last_twelve) == letter


@given(
    st.text(alphabet="0123456789", min_size=11, max_size=11),
    st.sampled_from(list("0123456789" + UPN_LETTERS)),
)
def test_upn_check_letter_round_trips(eleven_digits: str, last: str) -> None:
    # given any permanent or temporary UPN body, with its check letter in front
    body = eleven_digits + last
    upn = upn_check_letter(body) + body
    # when / then
    assert normalise_upn(upn) == upn


@given(
    st.tuples(st.text(alphabet="0123456789", min_size=12, max_size=12), st.sampled_from(list(UPN_LETTERS))).filter(
        lambda body_and_letter: upn_check_letter(body_and_letter[0]) != body_and_letter[1]
    )
)
def test_any_other_check_letter_is_refused(body_and_letter: tuple[str, str]) -> None:
    # given a UPN body with a letter in front that is not its check letter
    body, letter = body_and_letter
    # when / then
    with pytest.raises(InvalidIdentifier) as refused:
        normalise_upn(letter + body)
    assert str(refused.value) == UPN_CHECK_MESSAGE


# -- postcode --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "typed", "expected"),
    [
        ("lower case without a space", "ts247aa", "TS24 7AA"),
        ("already tidy", "TS24 7AA", "TS24 7AA"),
        ("extra spaces", "  TS24   7AA ", "TS24 7AA"),
        ("A9 9AA", "m1 1ae", "M1 1AE"),
        ("A99 9AA", "B338TH", "B33 8TH"),
        ("AA9 9AA", "cr2 6xh", "CR2 6XH"),
        ("AA99 9AA", "dn551pt", "DN55 1PT"),
        ("A9A 9AA", "w1a 0ax", "W1A 0AX"),
        ("AA9A 9AA", "ec1a1bb", "EC1A 1BB"),
        ("Girobank", "GIR 0AA", "GIR 0AA"),
        ("Girobank, lower case", "gir0aa", "GIR 0AA"),
    ],
)
def test_valid_postcodes_are_normalised(_case: str, typed: str, expected: str) -> None:
    # given a postcode as typed
    # when
    normalised = normalise_postcode(typed)
    # then
    assert normalised == expected


@pytest.mark.parametrize(
    ("_case", "typed"),
    [
        ("outward code only", "TS24"),
        ("digits", "12345"),
        ("empty", ""),
        ("Q is never a first letter", "QS24 7AA"),
        ("V is never a first letter", "VS24 7AA"),
        ("X is never a first letter", "XS24 7AA"),
        ("C is never in the last two letters", "TS24 7AC"),
        ("inward code with no digit", "TS24 AAA"),
        ("too long", "TS245 7AA"),
        ("punctuation", "TS24-7AA"),
    ],
)
def test_invalid_postcodes_are_refused_with_a_message(_case: str, typed: str) -> None:
    # given something that is not a UK postcode
    # when / then
    with pytest.raises(InvalidIdentifier) as refused:
        normalise_postcode(typed)
    assert str(refused.value) == POSTCODE_MESSAGE
