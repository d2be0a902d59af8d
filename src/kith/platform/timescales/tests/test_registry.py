"""The registry: one code, several versions over time, and the one in force on a date."""

from __future__ import annotations

from datetime import date

import pytest

from kith.platform.timescales.registry import DuplicateTimescale, Registry, TimescaleNotInForce, UnknownTimescale
from kith.platform.timescales.types import LegalSource, Months, Timescale, When, WorkingDays

SOURCE = LegalSource("A made-up guidance", "para 1")


def _version(limit: WorkingDays | Months, effective_from: date, effective_to: date | None = None) -> Timescale:
    return Timescale(
        code="tests.review",
        title="A review",
        limit=limit,
        source=SOURCE,
        starts_when=When("the last review"),
        met_when=When("the review is held"),
        effective_from=effective_from,
        effective_to=effective_to,
    )


OLD = _version(WorkingDays(20), date(2011, 4, 1), effective_to=date(2023, 12, 15))
NEW = _version(WorkingDays(15), date(2023, 12, 15))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2011, 4, 1), OLD),
        (date(2023, 12, 14), OLD),
        (date(2023, 12, 15), NEW),
        (date(2027, 1, 4), NEW),
    ],
)
def test_the_version_in_force_on_the_date_is_chosen(on: date, expected: Timescale) -> None:
    # given two versions of one timescale, the later replacing the earlier on 15 December 2023
    registry = Registry()
    registry.register(NEW)
    registry.register(OLD)
    # when
    chosen = registry.get("tests.review", on=on)
    # then
    assert chosen == expected


def test_before_the_first_version_nothing_is_in_force() -> None:
    # given
    registry = Registry()
    registry.register(OLD)
    # when / then
    with pytest.raises(TimescaleNotInForce, match=r"No version of timescale 'tests.review' was in force on 2011-03-31"):
        registry.get("tests.review", on=date(2011, 3, 31))


def test_an_unknown_code_is_refused() -> None:
    # given
    registry = Registry()
    # when / then
    with pytest.raises(UnknownTimescale):
        registry.get("tests.nothing", on=date(2027, 1, 4))


def test_a_second_declaration_in_force_at_the_same_time_is_refused() -> None:
    # given
    registry = Registry()
    registry.register(NEW)
    # when / then
    with pytest.raises(DuplicateTimescale, match=r"'tests.review' is already registered in force from 2023-12-15"):
        registry.register(_version(Months(3), date(2025, 1, 1)))
    assert registry.all_timescales() == [NEW]


def test_all_timescales_lists_every_version_by_date() -> None:
    # given
    registry = Registry()
    registry.register(NEW)
    registry.register(OLD)
    # when
    versions = registry.all_timescales()
    # then
    assert versions == [OLD, NEW]


def test_a_code_must_name_its_area() -> None:
    # given / when / then
    with pytest.raises(ValueError, match=r"A timescale code is '<area>.<milestone>' in lower case, not 'Review'"):
        Timescale(
            code="Review",
            title="A review",
            limit=Months(6),
            source=SOURCE,
            starts_when=When("the last review"),
            met_when=When("the review is held"),
            effective_from=date(2023, 12, 15),
        )


def test_a_limit_cannot_be_negative() -> None:
    # given / when / then
    with pytest.raises(ValueError, match=r"A limit is a whole number of zero or more, not -1"):
        WorkingDays(-1)
