"""The opening caseload: children already in care, or on a child protection plan, when the run begins.

A real authority does not start empty. So that the figures at the as-of date are those of a
service in its steady state even after a single year, children who were already looked after
(for up to five years) or on a plan (for up to a year) when the run begins are written into the
diary at the day their story began, and their lives before the run are lived through the real
actions like any other: visits, reviews and health assessments included.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.synthetic.generator.case import Path
from kith.synthetic.generator.front_door import contact_arrives, draw_path
from kith.synthetic.generator.population import People
from kith.synthetic.generator.world import World, at

# Ages of looked-after children on a census day (Redcar 2012: 28% under 5, 59% 5–15, 13% 16+).
CARE_AGES = {range(0, 5): 28, range(5, 16): 59, range(16, 18): 13}
CP_PLANS_PER_10K = 40


def lead_in_start(world: World) -> date:
    """The first day the opening caseload's stories reach back to."""
    return world.start - timedelta(days=world.profile.opening_years * 365)


def write_in(world: World, people: People) -> None:
    children = world.profile.children
    longest = world.profile.opening_years * 365
    looked_after = round(children * world.profile.looked_after_per_10k / 10_000)
    # The oldest band first, rounded up: every authority has a young person about to leave care.
    teenagers = max(1, round(looked_after * CARE_AGES[range(16, 18)] / 100))
    for number in range(looked_after):
        band: range = world.weighted(CARE_AGES)
        age_now = 17 if number < teenagers else world.pick(band)
        days_old = age_now * 365 + world.between(30, 364)
        in_care_for = world.between(20, min(days_old - 10, longest))
        came_in = world.next_working_day(world.start - timedelta(days=in_care_for))
        age_then = max(0, (days_old - in_care_for) // 365)
        path = Path(route="care", assessment_days=world.between(10, 40))
        world.on(came_in, at(9, world.between(0, 50)), contact_arrives, people, path, age_then)
    for _ in range(round(children * CP_PLANS_PER_10K / 10_000)):
        began = world.next_working_day(world.start - timedelta(days=world.between(40, 330)))
        path = draw_path(world, straight_to_strategy=True)
        path.enquiry_outcome, path.plan = "icpc", True
        path.plan_days = max(path.plan_days, (world.start - began).days + world.between(30, 400))
        path.care_after_days = None
        world.on(began, at(9, world.between(0, 50)), contact_arrives, people, path, None)
