"""Synthetic NHS numbers: valid check digits in the 999 range, which is never issued to patients."""

from __future__ import annotations

from collections.abc import Iterator

from kith.people.identifiers import nhs_check_digit


def synthetic_nhs_numbers(start: int = 0) -> Iterator[str]:
    serial = start
    while serial < 1_000_000:
        first_nine = f"999{serial:06d}"
        serial += 1
        check = nhs_check_digit(first_nine)
        if check is not None:
            yield first_nine + check
