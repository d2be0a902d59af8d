"""Adoption: for some of the youngest children in care through the courts, the plan is adoption.

The agency decision maker decides the child should be placed for adoption; at the final hearing the
court makes a placement order (legal status E1), which gives the authority to place. Adoption
reviews follow (3 months after, then 6-monthly). The child is matched with adopters at panel and
moves in with them a few weeks later (A6: the generator's adopters are never the foster carers), and
the court makes the adoption order after the child has lived there for months (E11 or E12). A
few plans end without a match: the adopters cannot be found (RD3), the care order revives, and the
child stays in foster care.

In England about one child in eleven leaving care is adopted (2,980 of the 33,620 who left in 2023-24,
shared/domain/returns.md §6.2), nearly all of them young. The generator's timings (decision 5 to 9 months
after entry, the match 2 to 10 months after the placement order, the order 4 to 10 months after the move)
are assumptions that keep each step inside its rules; they are not calibrated on the adoption scorecard.
"""

from __future__ import annotations

from datetime import timedelta

from kith.adoption.actions import (
    record_adoption_decision,
    record_adoption_decision_ceased,
    record_adoption_match,
    record_adoption_order,
    record_adoption_review,
    record_authority_to_place,
    record_placed_for_adoption,
)
from kith.adoption.rules import MatchDetails
from kith.children_in_care.actions import change_legal_status, move_placement
from kith.children_in_care.queries import current_placement
from kith.children_in_care.rules import PlacementDetails
from kith.legal.models import Order
from kith.platform import clock
from kith.platform.calendar.working_days import add_months
from kith.synthetic.generator import assessments, court, placement_work
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.synthetic.postcodes import miles_between

# A child under this age coming into care through the courts may have adoption as the plan.
YOUNGEST = 4
# Foster placements, the only ones a placement for adoption follows (903 rule 336).
FOSTER_TYPES = ("U1", "U2", "U3", "U4", "U5", "U6")


def draw_the_plan(world: World, case: Case, *, age: int, legal_status: str, placement_type: str) -> None:
    """Once the child is on an interim care order: adoption is the plan for about six in ten of the
    under-fours in foster care (a placement for adoption follows a foster placement, 903 rule 336)."""
    eligible = legal_status == "C1" and age < YOUNGEST and placement_type in FOSTER_TYPES
    case.notes["adoption"] = eligible and world.chance(0.6)


def plan_for(world: World, case: Case, stage: int) -> None:
    """The decision comes before the final hearing, 5 to 9 months after the child came into care."""
    decided = world.next_working_day(case.period.started_on + timedelta(days=world.between(140, 260)))
    world.on(decided, at(11, 30), _decision, case, stage)


def _decision(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.team is not None
    today = clock.today()
    decision_maker = world.staff.service_manager
    case.notes["adoption_plan"] = record_adoption_decision(
        case.period,
        decided_on=today,
        decision_maker=f"{decision_maker.full_name}, agency decision maker",
        reasons="The parents cannot care for the child safely within the child's timescales; no relative can; "
        "adoption offers the permanence the child needs",
        panel_recommended_on=None,
        raa_notified_on=today,
        regional_adoption_agency="The regional adoption agency",
        by=world.staff.manager(case.team).user,
    )
    world.on(world.working_days_after(today, world.between(20, 60)), at(15, 0), _placement_order, case, stage)


def _placement_order(world: World, case: Case, stage: int) -> None:
    """The court makes the placement order at the final hearing: the authority to place."""
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    change_legal_status(case.period, changed_on=today, legal_status="E1", by=case.worker.user)
    case.notes["legal_status"] = "E1"
    court.final_hearing(world, case, Order.PLACEMENT_ORDER)
    record_authority_to_place(case.notes["adoption_plan"], basis="placement_order", given_on=today, by=case.worker.user)
    _review_after(world, case, stage, months=3)
    if world.chance(0.08):
        # No adopters are found: the plan changes, a year or so on.
        world.on(today + timedelta(days=world.between(330, 420)), at(11, 30), _no_adopters_found, case, stage)
        return
    matched = world.next_working_day(today + timedelta(days=world.between(60, 300)))
    world.on(matched, at(14, 0), _match, case, stage)


def _review_after(world: World, case: Case, stage: int, *, months: int = 0, days: int = 0) -> None:
    """The next adoption review, due ``months`` (or ``days``) from today: most a little early, a few late.
    Each booking starts a new chain, so a review booked before the child moved in is let go."""
    due = add_months(clock.today(), months) + timedelta(days=days)
    held = (
        due + timedelta(days=world.between(3, 20)) if world.chance(0.06) else due - timedelta(days=world.between(1, 7))
    )
    case.notes["adoption_reviews"] = chain = case.notes.get("adoption_reviews", 0) + 1
    world.on(world.next_working_day(held), at(10, 30), _review, case, stage, chain)


def _review(world: World, case: Case, stage: int, chain: int) -> None:
    plan = case.notes["adoption_plan"]
    if stage != case.stage or chain != case.notes["adoption_reviews"] or plan.ceased_on is not None:
        return
    assert case.worker is not None
    placed = plan.placed_on is not None
    record_adoption_review(
        plan,
        held_on=clock.today(),
        child_views="Too young to give views; settled and happy with the carers",
        progress="Settling well with the adopters; the adoption application is being prepared"
        if placed
        else "Family finding continues with the regional adoption agency",
        decisions="The plan continues",
        by=case.worker.user,
    )
    if not placed:
        _review_after(world, case, stage, months=6)
        return
    # After the move: the second review 3 months after the first, later ones every 6 months (reg 36).
    case.notes["adoption_reviews_after"] = after = case.notes.get("adoption_reviews_after", 0) + 1
    _review_after(world, case, stage, months=3 if after == 1 else 6)


def _match(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    fake = world.fake
    couple = world.chance(0.85)
    sex = world.weighted({"MF": 85, "FF": 8, "MM": 7}) if couple else world.weighted({"F1": 85, "M1": 15})
    case.notes["adoption_plan"] = record_adoption_match(
        case.notes["adoption_plan"],
        match=MatchDetails(
            matched_on=today,
            matching_panel_on=today - timedelta(days=world.between(0, 7)),
            adopters=f"{fake.first_name()} and {fake.first_name()} {fake.last_name()}"
            if couple
            else f"{fake.first_name()} {fake.last_name()}",
            number_of_adopters=2 if couple else 1,
            adopters_sex=sex,
            adopters_legal_status=("L11" if sex == "MF" else "L12") if couple else "L0",
            # Adopters who are the child's foster carers (A5) need the placement order made the day the
            # child is placed with them (903 rule 217); the generator's adopters are all new carers (A6).
            adopted_by_foster_carers=False,
            transition_plan="Introductions over two weeks: visits at the foster home, then at the adopters' home",
        ),
        by=case.worker.user,
    )
    moves = world.next_working_day(today + timedelta(days=world.between(14, 35)))
    world.on(moves, at(10, 0), _placed, case, stage)


def _placed(world: World, case: Case, stage: int) -> None:
    """The child moves in with the adopters and is placed for adoption."""
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    plan = case.notes["adoption_plan"]
    fostered = current_placement(case.period)
    assert fostered is not None
    assert fostered.placement_type in FOSTER_TYPES  # children waiting for adopters are not moved
    home = world.postcode(case.household.address.postcode)
    adopters_home = placement_work.postcode_away_from(world, home, world.home_postcodes)
    move_placement(
        case.period,
        moved_on=today,
        reason_for_change="CARPL",
        placement=PlacementDetails(
            placement_type="A6",
            carer=f"{plan.adopters} (prospective adopters)",
            provider="PR1",
            postcode=adopters_home.code,
            home_postcode=home.code,
            in_area=True,
            distance_miles=miles_between(home, adopters_home),
            planned=True,
            matching="Matched at the adoption panel; introductions went well",
        ),
        by=case.worker.user,
    )
    case.notes["adoption_plan"] = record_placed_for_adoption(plan, by=case.worker.user)
    case.notes["placed_for_adoption"] = True
    placement_work.settle_in(world, case, stage)
    _review_after(world, case, stage, days=28)
    # The adopters can apply once the child has lived with them for 10 weeks; the court takes months more.
    order = world.next_working_day(today + timedelta(days=world.between(120, 300)))
    world.on(order, at(12, 0), _adoption_order, case, stage)


def _adoption_order(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    record_adoption_order(
        case.notes["adoption_plan"],
        made_on=today,
        reason_ceased=world.weighted({"E11": 55, "E12": 45}),
        by=case.worker.user,
    )
    stage = case.next_stage()
    world.on(world.working_days_after(today, world.between(1, 4)), at(15, 0), assessments.close, case, "RC1", stage)


def _no_adopters_found(world: World, case: Case, stage: int) -> None:
    """The decision ceases (RD3); the court revokes the placement order and the care order revives (C2)."""
    plan = case.notes["adoption_plan"]
    if stage != case.stage or plan.matched_on is not None:
        return
    assert case.team is not None
    assert case.worker is not None
    today = clock.today()
    case.notes["adoption_plan"] = record_adoption_decision_ceased(
        plan,
        ceased_on=today,
        reason="RD3",
        why="No adopters could be found who could meet the child's needs; the plan is now long-term fostering",
        by=world.staff.manager(case.team).user,
    )
    change_legal_status(case.period, changed_on=today, legal_status="C2", by=case.worker.user)
    case.notes.update(legal_status="C2", adoption=False)
