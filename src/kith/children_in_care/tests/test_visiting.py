"""Pure rules of care: which visit is due next (Care Planning Regulations 2010, reg 28), and an order before care."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from kith.children_in_care import visiting
from kith.children_in_care.rules import previous_permanence_problems
from kith.platform.reference.ssda903 import LegalStatus, PlacementType

STARTED = date(2027, 1, 4)


def _placement(kind: str, *, temporary_approval: bool = False, started_on: date = STARTED) -> SimpleNamespace:
    return SimpleNamespace(placement_type=kind, temporary_approval=temporary_approval, started_on=started_on)


@pytest.mark.parametrize(
    ("placement", "legal_status", "first_review_held", "expected"),
    [
        (
            _placement(PlacementType.WITH_PARENTS),
            LegalStatus.FULL_CARE_ORDER,
            False,
            visiting.WEEKLY_UNTIL_FIRST_REVIEW,
        ),
        (_placement(PlacementType.WITH_PARENTS), LegalStatus.FULL_CARE_ORDER, True, visiting.PLACED_WITH_PARENTS),
        (_placement(PlacementType.WITH_PARENTS), LegalStatus.INTERIM_CARE_ORDER, True, visiting.CONNECTED_PERSON),
        (
            _placement(PlacementType.RELATIVE_OTHER, temporary_approval=True),
            LegalStatus.SECTION_20,
            False,
            visiting.WEEKLY_UNTIL_FIRST_REVIEW,
        ),
        (
            _placement(PlacementType.RELATIVE_OTHER, temporary_approval=True),
            LegalStatus.SECTION_20,
            True,
            visiting.CONNECTED_PERSON,
        ),
        (_placement(PlacementType.RELATIVE_OTHER), LegalStatus.SECTION_20, False, visiting.FIRST_YEAR),
        (_placement(PlacementType.FOSTER_OTHER), LegalStatus.SECTION_20, False, visiting.FIRST_YEAR),
        (
            _placement(PlacementType.ADOPTION_ORDER_NEW_CARER),
            LegalStatus.PLACEMENT_ORDER,
            False,
            visiting.ADOPTION_WEEKLY_UNTIL_FIRST_REVIEW,
        ),
        (_placement(PlacementType.ADOPTION_ORDER_NEW_CARER), LegalStatus.PLACEMENT_ORDER, True, visiting.FIRST_YEAR),
    ],
    ids=[
        "with parents, before the first review: weekly",
        "with parents after it: 6 weeks",
        "with a parent under an interim care order after it: 4 weeks",
        "temporarily approved relative, before the first review: weekly",
        "temporarily approved relative after it: 4 weeks",
        "fully approved relative in the first year: 6 weeks",
        "foster carer in the first year: 6 weeks",
        "placed for adoption, before the first adoption review: weekly",
        "placed for adoption, after it: 6 weeks in the first year",
    ],
)
def test_the_regime_follows_the_placement_and_the_first_review(
    placement: SimpleNamespace, legal_status: str, first_review_held: bool, expected: str
) -> None:
    assert (
        visiting.next_visit_timescale(
            placement, legal_status=legal_status, visited_on=date(2027, 3, 1), first_review_held=first_review_held
        )
        == expected
    )


@pytest.mark.parametrize(
    ("kind", "visited_on", "expected"),
    [
        (PlacementType.FOSTER_LONG_TERM, date(2028, 1, 3), visiting.FIRST_YEAR),
        (PlacementType.FOSTER_LONG_TERM, date(2028, 1, 4), visiting.LONG_TERM),
        (PlacementType.RELATIVE_LONG_TERM, date(2028, 1, 4), visiting.LONG_TERM),
        (PlacementType.FOSTER_OTHER, date(2028, 1, 4), visiting.AFTER_FIRST_YEAR),
        (PlacementType.CHILDRENS_HOME, date(2028, 1, 4), visiting.AFTER_FIRST_YEAR),
    ],
)
def test_after_the_placements_first_year_a_long_term_placement_is_visited_every_3_months(
    kind: str, visited_on: date, expected: str
) -> None:
    assert (
        visiting.next_visit_timescale(
            _placement(kind), legal_status=LegalStatus.FULL_CARE_ORDER, visited_on=visited_on, first_review_held=True
        )
        == expected
    )


def test_a_placement_that_began_on_29_february_has_its_first_anniversary_on_1_march() -> None:
    placement = _placement(PlacementType.FOSTER_LONG_TERM, started_on=date(2028, 2, 29))
    on = {"legal_status": LegalStatus.FULL_CARE_ORDER, "first_review_held": True}
    assert visiting.next_visit_timescale(placement, visited_on=date(2029, 2, 28), **on) == visiting.FIRST_YEAR
    assert visiting.next_visit_timescale(placement, visited_on=date(2029, 3, 1), **on) == visiting.LONG_TERM


def test_an_order_before_care_names_the_council_and_a_date_before_care_began() -> None:
    started = date(2027, 2, 1)
    assert previous_permanence_problems("Z1", la="", on=None, started_on=started) == {}
    assert previous_permanence_problems("P4", la="", on=None, started_on=started) == {}
    assert previous_permanence_problems("P2", la="", on=date(2027, 3, 1), started_on=started) == {
        "previous_permanence_la": ["Enter the council that made the order"],
        "previous_permanence_on": ["The order (1 March 2027) is after the child came into care (1 February 2027)"],
    }
