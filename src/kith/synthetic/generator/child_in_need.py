"""Child in need plans: started after the assessment, visited, reviewed, ended, the case closed.

Visits are due every 20 working days (Kith's default local standard); most come sooner, a
few late. Plans are reviewed about every three months and last three months to a year.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.child_in_need.actions import (
    end_child_in_need_plan,
    record_plan_shared_with_family,
    review_child_in_need_plan,
    start_child_in_need_plan,
)
from kith.plans.records import ObjectiveDetails, open_objectives
from kith.platform import clock
from kith.synthetic.generator import assessments, visiting
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.workforce.actions import allocate_case
from kith.workforce.models import TeamKind


def start(world: World, case: Case, stage: int) -> None:
    if stage != case.stage or case.referral is None or case.referral.closed_on is not None:
        return
    today = _today()
    if case.team is None or case.team.kind != TeamKind.SAFEGUARDING:
        team = world.staff.team(world, TeamKind.SAFEGUARDING)
        worker = world.staff.worker(world, team)
        allocate_case(
            case.child,
            team=team,
            worker=worker,
            reason="Child in need plan",
            started_on=today,
            by=world.staff.service_manager.user,
        )
        case.team, case.worker = team, worker
    assert case.worker is not None
    first_review = today + timedelta(days=world.between(70, 90))
    case.cin_plan = start_child_in_need_plan(
        case.referral,
        started_on=today,
        summary_for_family="Help for the family so the children are safe, well and in school",
        contingency="If things do not improve, we will meet to decide whether the children need more help",
        lead_professional=case.worker.full_name,
        first_review_on=first_review,
        objectives=[
            ObjectiveDetails(
                outcome="The children are in school every day and on time",
                action="A parent takes the children to school; the school rings home by 9:30am if they are absent",
                owner=case.household.main_carer.full_name,
                owner_agency="Parent",
                target_date=today + timedelta(days=world.between(60, 120)),
            )
        ],
        by=case.worker.user,
    )
    stage = case.next_stage()
    ends_on = today + timedelta(days=case.path.cin_days)
    world.on(today + timedelta(days=world.between(2, 10)), at(16, 0), _shared, case, stage)
    _next_visit(world, case, stage, today)
    world.on(
        first_review if world.chance(0.9) else first_review + timedelta(days=world.between(3, 20)),
        at(10, 0),
        _review,
        case,
        stage,
        ends_on,
    )


def _shared(world: World, case: Case, stage: int) -> None:
    if stage == case.stage:
        assert case.worker is not None
        record_plan_shared_with_family(case.cin_plan, shared_on=_today(), by=case.worker.user)


def _next_visit(world: World, case: Case, stage: int, after: date) -> None:
    lag = world.between(10, 20) if world.chance(0.9) else world.between(21, 30)
    world.on(world.working_days_after(after, lag), at(world.between(9, 16), 30), _visit, case, stage)


def _visit(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    visiting.visit(world, case, where="At home", bedroom=False, seen_chance=0.94)
    _next_visit(world, case, stage, _today())


def _review(world: World, case: Case, stage: int, ends_on: date) -> None:

    if stage != case.stage:
        return
    assert case.worker is not None
    today = _today()
    plan = case.cin_plan
    plan.refresh_from_db()
    ending = today >= ends_on - timedelta(days=30)
    following = today + timedelta(days=world.between(80, 92))
    review_child_in_need_plan(
        plan,
        held_on=today,
        attendees=f"{case.household.main_carer.full_name}; {case.worker.full_name}; the school",
        child_views="Things are better at home",
        parents_views="The help has made a difference",
        decisions="Needs met; end the plan" if ending else "The plan continues",
        progress=[(objective, "achieved" if ending else "on_track", "") for objective in open_objectives(plan)],
        plan_continues=not ending,
        next_review_on=None if ending else following,
        by=case.worker.user,
    )
    if not ending:
        world.on(following, at(10, 0), _review, case, stage, ends_on)
        return
    end_child_in_need_plan(plan, ended_on=today, end_reason="Needs met at the review", by=case.worker.user)
    case.cin_plan = None
    stage = case.next_stage()
    world.on(world.working_days_after(today, world.between(1, 5)), at(15, 0), assessments.close, case, "RC7", stage)


def _today() -> date:
    return clock.today()
