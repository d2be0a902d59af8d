"""The work every placement brings: the placement plan and notifications within days, and the social
worker's statutory visits (reg 28 of the Care Planning Regulations; reg 36 of the Adoption Agencies
Regulations for a child placed for adoption).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from kith.children_in_care.actions import agree_placement_plan, record_placement_notification
from kith.children_in_care.queries import current_placement
from kith.platform import clock
from kith.synthetic.generator import visiting
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.synthetic.postcodes import Postcode


def postcode_away_from(world: World, home: Postcode, postcodes: Sequence[Postcode]) -> Postcode:
    """A placement's postcode: never the family's own, which only a placement with parents has (903 rule 392d)."""
    placed_at = world.pick(postcodes)
    while placed_at.code == home.code:
        placed_at = world.pick(postcodes)
    return placed_at


def settle_in(world: World, case: Case, stage: int) -> None:
    """After a move: a visit within the week (a new chain of visits) and the placement's paperwork."""
    today = clock.today()
    case.notes["visits"] += 1
    world.on(today + timedelta(days=world.between(1, 6)), at(17, 0), visit, case, stage, case.notes["visits"])
    world.on(world.working_days_after(today, world.between(1, 5)), at(16, 0), paperwork, case, stage)


def paperwork(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    placement = current_placement(case.period)
    assert placement is not None
    agree_placement_plan(
        placement,
        agreed_on=today,
        arrangements="School transport, family time and health appointments arranged",
        delegated_authority="Haircuts, school trips and sleepovers with friends the carers know",
        child_views="Likes their room",
        by=case.worker.user,
    )
    record_placement_notification(
        placement,
        notified_on=today,
        recipients="The child, the parents, the GP, the school and the IRO",
        health_team_notified_on=today,
        host_authority_notified_on=None if placement.in_area else today,
        by=case.worker.user,
    )


def visit(world: World, case: Case, stage: int, chain: int) -> None:
    if stage != case.stage or chain != case.notes["visits"]:
        return
    assert case.worker is not None
    visiting.visit(world, case, where="At the placement", bedroom=False, seen_chance=0.96)
    # Weekly until the first review for a child placed with relatives or on an interim care order, then
    # four-weekly; six-weekly for others (reg 28). Weekly for a child placed for adoption until the first
    # adoption review after the move. A few visits are late.
    placement = current_placement(case.period)
    close_watch = case.notes["legal_status"] == "C1" or (placement is not None and placement.placement_type == "U3")
    settling_in = (close_watch and not case.notes.get("reviewed")) or (
        case.notes.get("placed_for_adoption") and not case.notes.get("adoption_reviews_after")
    )
    if settling_in:
        days = world.between(4, 7)
    else:
        limit = 28 if close_watch else 42
        days = world.between(limit - 14, limit) if world.chance(0.92) else world.between(limit + 1, limit + 14)
    world.on(clock.today() + timedelta(days=days), at(world.between(9, 17), 0), visit, case, stage, chain)
