"""Which statutory visit is due next for a child in care: the regime of the Care Planning Regulations, reg 28.

A social worker visits every child in care within a week of each placement starting. After
that the interval depends on the placement: every week until the first review for a child
placed with parents or with a temporarily approved relative or friend, then every 6 or 4
weeks; otherwise every 6 weeks in the placement's first year, and afterwards every 3 months
where the placement is meant to last until the child is 18 (long-term fostering), every 6
weeks where it is not. A child placed for adoption is visited every week until the first
adoption review after the placement (Adoption Agencies Regulations 2005, reg 36), then as any
other placement in its first year. Each visit meets the clock running and starts the one for
the next.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.children_in_care.rules import anniversary
from kith.platform.reference.ssda903 import (
    ADOPTIVE_PLACEMENTS,
    LONG_TERM_FOSTER_PLACEMENTS,
    LegalStatus,
    PlacementType,
)

FIRST_WEEK = "children_in_care.visit_first_week"
FIRST_YEAR = "children_in_care.visit_first_year"
AFTER_FIRST_YEAR = "children_in_care.visit_after_first_year"
LONG_TERM = "children_in_care.visit_long_term"
WEEKLY_UNTIL_FIRST_REVIEW = "children_in_care.visit_weekly_until_first_review"
PLACED_WITH_PARENTS = "children_in_care.visit_placed_with_parents_after_first_review"
CONNECTED_PERSON = "children_in_care.visit_connected_person_after_first_review"
ADOPTION_WEEKLY_UNTIL_FIRST_REVIEW = "children_in_care.adoption_visit_weekly_until_first_review"
ADOPTION_FIRST_WEEK = "children_in_care.adoption_visit_first_week"

# Every visit clock a placement can have running: a visit meets whichever is open.
VISIT_CLOCKS = (
    FIRST_WEEK,
    ADOPTION_FIRST_WEEK,
    FIRST_YEAR,
    AFTER_FIRST_YEAR,
    LONG_TERM,
    WEEKLY_UNTIL_FIRST_REVIEW,
    PLACED_WITH_PARENTS,
    CONNECTED_PERSON,
    ADOPTION_WEEKLY_UNTIL_FIRST_REVIEW,
)


def first_week_clock(placement: Any) -> str:
    """The clock a new placement starts for its first visit: the adoption one for a placement for adoption."""
    return ADOPTION_FIRST_WEEK if placement.placement_type in ADOPTIVE_PLACEMENTS else FIRST_WEEK


def next_visit_timescale(placement: Any, *, legal_status: str, visited_on: date, first_review_held: bool) -> str:
    """The visit clock that runs from a visit on ``visited_on`` to the child in ``placement``.

    ``first_review_held``: for a placement for adoption, whether an adoption review has been held
    since the placement began; for any other, whether the child's first review has been held. A
    review held after the visit does not change the clock already running: the regime after the
    first review applies from the next visit on.
    """
    if placement.placement_type in ADOPTIVE_PLACEMENTS and not first_review_held:
        return ADOPTION_WEEKLY_UNTIL_FIRST_REVIEW
    with_parents = placement.placement_type == PlacementType.WITH_PARENTS
    under_interim_order = legal_status == LegalStatus.INTERIM_CARE_ORDER
    if (with_parents or placement.temporary_approval) and not first_review_held:
        return WEEKLY_UNTIL_FIRST_REVIEW
    if with_parents:
        # Living with a parent under an interim care order is visited as often as a temporary
        # approval (reg 28(3)(b)); otherwise a placement with parents is visited every 6 weeks.
        return CONNECTED_PERSON if under_interim_order else PLACED_WITH_PARENTS
    if placement.temporary_approval:
        return CONNECTED_PERSON
    if visited_on < anniversary(placement.started_on, years=1):
        return FIRST_YEAR
    if placement.placement_type in LONG_TERM_FOSTER_PLACEMENTS:
        return LONG_TERM
    return AFTER_FIRST_YEAR
