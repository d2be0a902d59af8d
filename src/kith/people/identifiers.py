"""Checking and tidying the identifiers children carry: NHS number, UPN, postcode.

Each function returns the identifier in its standard form, or raises
``InvalidIdentifier`` with a message a practitioner can act on.
"""

from __future__ import annotations

import re


class InvalidIdentifier(ValueError):
    pass


def normalise_nhs_number(raw: str) -> str:
    """Ten digits passing the NHS modulus 11 check, returned without spaces."""
    digits = re.sub(r"[\s-]", "", raw)
    if not re.fullmatch(r"\d{10}", digits):
        raise InvalidIdentifier("Enter an NHS number with 10 digits, like 943 476 5919")
    if nhs_check_digit(digits[:9]) != digits[9]:
        raise InvalidIdentifier("Enter a valid NHS number: the last digit does not match the check digit")
    return digits


def nhs_check_digit(first_nine: str) -> str | None:
    """The modulus 11 check digit for nine digits, or None when no valid number can end them."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return "0"
    if check == 10:
        return None
    return str(check)


def format_nhs_number(digits: str) -> str:
    """As people read it: 943 476 5919."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


# The DfE check-letter alphabet: I, O and S are never used, to avoid confusion with 1, 0 and 5.
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def normalise_upn(raw: str) -> str:
    """A Unique Pupil Number: check letter, 11 digits, and a digit or (temporary UPN) a letter."""
    upn = raw.strip().upper().replace(" ", "")
    if not re.fullmatch(rf"[{_UPN_LETTERS}]\d{{11}}[\d{_UPN_LETTERS}]", upn):
        raise InvalidIdentifier(
            "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or letter, like A123456789012"
        )
    if upn_check_letter(upn[1:]) != upn[0]:
        raise InvalidIdentifier("Enter a valid UPN: the first letter does not match the check letter")
    return upn


def upn_check_letter(last_twelve: str) -> str:
    """The check letter for the last 12 characters of a UPN (weights 2 to 13, modulus 23)."""
    total = 0
    for weight, character in enumerate(last_twelve, start=2):
        value = int(character) if character.isdigit() else _UPN_LETTERS.index(character)
        total += weight * value
    return _UPN_LETTERS[total % 23]


_POSTCODE = re.compile(
    r"(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y])[0-9][ABD-HJLNP-UW-Z]{2})"
)


def normalise_postcode(raw: str) -> str:
    """A UK postcode in capitals with one space before the last three characters."""
    compact = re.sub(r"\s+", "", raw).upper()
    if not _POSTCODE.fullmatch(compact):
        raise InvalidIdentifier("Enter a real UK postcode, like TS24 7AA")
    return f"{compact[:-3]} {compact[-3:]}"
