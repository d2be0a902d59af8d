"""Synthetic NHS numbers: valid check digits in the 999 range, which is never issued to patients."""

from __future__ import annotations

from collections.abc import Iterator

from kith.people.identifiers import nhs_check_digit


class SyntheticNhsNumbers(Iterator[str]):
    """The valid numbers from 999 ``start`` upwards, in order.

    A class rather than a generator function so that it can be pickled with the rest of a generation
    run's state (``kith generate --resumable``) and carry on where it left off.
    """

    def __init__(self, start: int = 0) -> None:
        self.serial = start

    def __next__(self) -> str:
        while self.serial < 1_000_000:
            first_nine = f"999{self.serial:06d}"
            self.serial += 1
            check = nhs_check_digit(first_nine)
            if check is not None:
                return first_nine + check
        raise StopIteration


def synthetic_nhs_numbers(start: int = 0) -> Iterator[str]:
    return SyntheticNhsNumbers(start)
