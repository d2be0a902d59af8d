"""The opening caseload: children already in care, or on a child protection plan, when the run begins.

A real authority does not start empty. So that the figures at the as-of date are those of a
service in its steady state even after a single year, children who were already looked after
(for up to four years) or on a plan (for up to a year) when the run begins are written into the
diary at the day their story began, and their lives before the run are lived through the real
actions like any other: visits, reviews and health assessments included.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.synthetic.generator import uasc
from kith.synthetic.generator.case import Path
from kith.synthetic.generator.front_door import contact_arrives, draw_path
from kith.synthetic.generator.population import People
from kith.synthetic.generator.world import World, at

# Ages of looked-after children on a census day, as England's are (SSDA903, 31 March 2024, approximately:
# 18% under 5, 18% aged 5 to 9, 39% aged 10 to 15, 25% aged 16 or 17). Teenagers are most of the children
# in care, and most of those in children's homes and supported accommodation.
CARE_AGES = {range(0, 5): 18, range(5, 10): 18, range(10, 16): 39, range(16, 18): 25}
CP_PLANS_PER_10K = 40
# The share of looked-after 15 to 17-year-olds who are UASC that makes them 8.8% of all looked-after children.
UASC_AMONG_15_TO_17 = 0.24


def lead_in_start(world: World) -> date:
    """The first day the opening caseload's stories reach back to."""
    return world.start - timedelta(days=world.profile.opening_years * 365)


def write_in(world: World, people: People) -> None:
    children = world.profile.children
    longest = world.profile.opening_years * 365
    looked_after = round(children * world.profile.looked_after_per_10k / 10_000)
    for number in range(looked_after):
        band: range = world.weighted(CARE_AGES)
        # The first is 17: every authority, however small, has a young person about to leave care.
        age_now = 17 if number == 0 else world.pick(band)
        days_old = age_now * 365 + world.between(30, 364)
        # Of the 15 to 17-year-olds, about one in four came to the UK alone (UASC: 8.8% of all).
        arrived_alone = age_now >= 15 and world.chance(UASC_AMONG_15_TO_17)
        # An unaccompanied child arrived at 14 or later.
        earliest = days_old - 14 * 365 - 10 if arrived_alone else days_old - 10
        in_care_for = world.between(20, min(earliest, longest))
        came_in = world.next_working_day(world.start - timedelta(days=in_care_for))
        age_then = max(0, (days_old - in_care_for) // 365)
        path = uasc.draw_path(world) if arrived_alone else Path(route="care", assessment_days=world.between(10, 40))
        world.on(came_in, at(9, world.between(0, 50)), contact_arrives, people, path, age_then)
    for _ in range(round(children * CP_PLANS_PER_10K / 10_000)):
        began = world.next_working_day(world.start - timedelta(days=world.between(40, 330)))
        path = draw_path(world, straight_to_strategy=True)
        path.enquiry_outcome, path.plan = "icpc", True
        path.plan_days = max(path.plan_days, (world.start - began).days + world.between(30, 400))
        path.care_after_days = None
        world.on(began, at(9, world.between(0, 50)), contact_arrives, people, path, None)
