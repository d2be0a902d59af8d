"""A statutory visit under whatever plan the child is on: child protection, child in need or care."""

from __future__ import annotations

from kith.plans.records import open_objectives
from kith.platform import clock
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World
from kith.visits.actions import record_visit
from kith.visits.queries import open_plan_for, plan_with_objectives


def visit(world: World, case: Case, *, where: str, bedroom: bool, seen_chance: float) -> None:
    """Most children are seen, and those aged 4 or more usually seen alone; the rest say why not."""
    assert case.worker is not None
    today = clock.today()
    age = case.child.age_on(today) or 0
    seen = world.chance(seen_chance)
    alone = seen and age >= 4 and world.chance(0.9)
    plan = open_plan_for(case.child)
    with_objectives = plan_with_objectives(plan) if plan is not None else None
    progress = (
        [(objective, "on_track", "") for objective in open_objectives(with_objectives)] if with_objectives else []
    )
    record_visit(
        case.child,
        visited_on=today,
        where=where,
        child_seen=seen,
        seen_alone=alone,
        spoken_to_alone=alone,
        bedroom_seen=seen if bedroom else None,
        why_not_seen="" if seen else "Nobody was in; another visit was booked for later in the week",
        why_not_alone=""
        if not seen or alone
        else ("Too young to be seen alone" if age < 4 else "Wanted a parent or carer there"),
        observations="The home was warm and there was food in; the child was relaxed with the adults",
        child_views="Happy at school; wants more time with family and friends",
        direct_work="Three houses: worries, good things and dreams",
        analysis="The plan is working; the child's needs are being met",
        outcome="The plan continues",
        progress=progress,
        by=case.worker.user,
    )
