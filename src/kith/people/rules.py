"""Rules about a person's details, as pure functions returning the messages to show.

Forms show these messages next to the field; actions check them again so that no
other route (the API, the synthetic authority, a script) can store what a form refuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kith.platform.reference.dfe import Disability

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
# Pregnancies are recorded from the first weeks; an expected date further ahead is a typing slip.
LATEST_EXPECTED_BIRTH_WEEKS = 44


@dataclass(frozen=True)
class Problems:
    """Field name → messages. Empty when everything is acceptable."""

    by_field: dict[str, list[str]] = field(default_factory=dict)

    def add(self, field_name: str, message: str) -> None:
        self.by_field.setdefault(field_name, []).append(message)

    def __bool__(self) -> bool:
        return bool(self.by_field)


def check_birth_dates(
    *, is_child: bool, date_of_birth: date | None, expected_date_of_birth: date | None, today: date
) -> Problems:
    problems = Problems()
    if date_of_birth and expected_date_of_birth:
        problems.add("expected_date_of_birth", "Enter a date of birth or an expected date of birth, not both")
    if date_of_birth is not None:
        if date_of_birth > today:
            problems.add("date_of_birth", "Date of birth must be today or in the past")
        if date_of_birth < EARLIEST_BIRTH_DATE:
            problems.add("date_of_birth", "Date of birth must be after 1 January 1900")
    if expected_date_of_birth is not None:
        if expected_date_of_birth < today:
            problems.add(
                "expected_date_of_birth",
                "Expected date of birth must be today or in the future: "
                "once the baby is born, record the date of birth",
            )
        elif (expected_date_of_birth - today).days > LATEST_EXPECTED_BIRTH_WEEKS * 7:
            problems.add("expected_date_of_birth", "Expected date of birth must be within 44 weeks of today")
    if is_child and date_of_birth is None and expected_date_of_birth is None:
        problems.add(
            "date_of_birth", "Enter the child's date of birth, or an expected date of birth for an unborn child"
        )
    return problems


def check_disabilities(codes: Iterable[str]) -> list[str]:
    """CIN census rule 8790: "No disability" cannot be recorded alongside a disability."""
    chosen = set(codes)
    unknown = chosen - set(Disability.values)
    if unknown:
        return [f"Choose disabilities from the list ({', '.join(sorted(unknown))} is not one)"]
    if Disability.NONE in chosen and len(chosen) > 1:
        return ["Select 'No disability' on its own, or select the child's disabilities"]
    return []


def check_sex_for_unborn(*, sex: str, is_unborn: bool) -> list[str]:
    """CIN census rule 8750: an unborn child's sex is recorded as not known."""
    if is_unborn and sex != "U":
        return ["Record an unborn child's sex as 'Not known' until the birth"]
    return []


def check_death_date(
    *, date_of_death: date | None, date_of_birth: date | None, expected_date_of_birth: date | None, today: date
) -> list[str]:
    """A date of death is a real date after the birth, and never for a child not yet born."""
    if date_of_death is None:
        return []
    if expected_date_of_birth is not None:
        return ["An unborn child has no date of death: record the date of birth first"]
    if date_of_death > today:
        return ["Date of death must be today or in the past"]
    if date_of_birth is not None and date_of_death < date_of_birth:
        return ["Date of death must be the same as or after the date of birth"]
    return []
