"""Child protection: the initial conference, then the plan's visits, core groups and reviews until it ends.

Plans last as plans ending nationally do (D7 2025: a sixth under three months, two in five
six months to a year, a quarter one to two years). Visits are due every 10 working days,
core groups monthly (the first within 10 working days) and review conferences at three
months, then six-monthly; most are on time, a few late.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.child_protection.actions import (
    CoreGroupMemberDetails,
    MemberDetails,
    ObjectiveProgress,
    PlanDetails,
    end_child_protection_plan,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    record_child_protection_plan_shared,
)
from kith.plans.records import ObjectiveDetails, open_objectives
from kith.platform import clock
from kith.platform.calendar.working_days import add_months
from kith.synthetic.generator import assessments, care, child_in_need, court, visiting
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.workforce.actions import allocate_case
from kith.workforce.models import TeamKind

# National categories of abuse for children on plans: neglect and emotional abuse lead.
CATEGORIES = {"NEG": 48, "EMO": 37, "PHY": 7, "SAB": 4, "MUL": 4}


def schedule_initial_conference(world: World, case: Case, held_on: date) -> None:
    world.on(held_on, at(13, 0), _initial_conference, case)


def _members(world: World, case: Case, invited_on: date, *, with_police: bool = True) -> list[MemberDetails]:
    assert case.worker is not None
    parent = case.household.main_carer
    members = [
        MemberDetails(
            name=case.worker.full_name,
            agency="social_care",
            role="Social worker",
            invited_on=invited_on,
            attended=True,
            report_submitted=True,
        ),
        MemberDetails(
            name=parent.full_name, agency="family", role="Parent", invited_on=invited_on, attended=world.chance(0.9)
        ),
        MemberDetails(
            name=f"{world.fake.first_name()} {world.fake.last_name()}",
            agency="education",
            role="Designated safeguarding lead",
            invited_on=invited_on,
            attended=True,
            report_submitted=True,
        ),
    ]
    if with_police:
        gp_attends = world.chance(0.3)
        members.append(
            MemberDetails(
                name=f"Dr {world.fake.last_name()}",
                agency="health",
                role="GP",
                invited_on=invited_on,
                attended=gp_attends,
                sent_apologies=not gp_attends,
                report_submitted=world.chance(0.7),
            )
        )
        members.append(
            MemberDetails(
                name=f"DC {world.fake.last_name()}",
                agency="police",
                role="Police",
                invited_on=invited_on,
                attended=True,
            )
        )
    return members


def _participation(case: Case) -> str:
    age = case.child.age_on(_today()) or 0
    return "too_young" if age < 5 else ("through_worker" if age < 11 else "attended_part")


def _objectives(world: World, start: date) -> tuple[ObjectiveDetails, ...]:
    return (
        ObjectiveDetails(
            outcome="The child is safe at home",
            action="Parents follow the safety plan; the worker checks at each visit",
            owner="Parents",
            owner_agency="Family",
            target_date=start + timedelta(days=world.between(60, 120)),
        ),
        ObjectiveDetails(
            outcome="The child is in school every day",
            action="The school rings home by 9:30am when the child is absent",
            owner="Designated safeguarding lead",
            owner_agency="School",
            target_date=start + timedelta(days=world.between(60, 120)),
        ),
    )


def _initial_conference(world: World, case: Case) -> None:

    iro = world.staff.one(world, TeamKind.IRO, "iro")
    today = _today()
    invited = today - timedelta(days=world.between(5, 10))
    invited = max(invited, case.discussion.held_on)
    plan = case.path.plan
    conference = hold_initial_conference(
        case.referral,
        section_47_enquiry=case.enquiry,
        held_on=today,
        chair=iro,
        members=_members(world, case, invited),
        report_shared_with_parents_on=max(invited, today - timedelta(days=2)) if world.chance(0.8) else None,
        child_participation=_participation(case),
        parents_views="The parents want the children to stay at home and will work with the plan",
        decision="plan" if plan else "no_plan",
        category=world.weighted(CATEGORIES) if plan else "",
        decision_rationale="The child is likely to suffer significant harm"
        if plan
        else "Risks can be managed through a child in need plan",
        plan=PlanDetails(
            how_risks_will_be_reduced="A safety plan agreed with the parents; weekly checks by the school",
            contingency="If the risks grow, a legal planning meeting is held",
            identity_actions="Keep the child's family, culture and faith part of daily life",
            summary_for_family="We are worried about the children's safety; this is what will change",
            objectives=_objectives(world, today),
        )
        if plan
        else None,
        by=iro.user,
    )
    stage = case.next_stage()
    if not plan:
        world.on(world.working_days_after(today, world.between(1, 5)), at(10, 0), child_in_need.start, case, stage)
        return
    case.cp_plan = conference.plan
    # The plan passes to a safeguarding team; its manager names the worker who keeps the child.
    team = world.staff.team(world, TeamKind.SAFEGUARDING)
    worker = world.staff.worker(world, team)
    allocate_case(
        case.child,
        team=team,
        worker=worker,
        reason="Child protection plan",
        started_on=today,
        by=world.staff.service_manager.user,
    )
    case.team, case.worker = team, worker
    world.on(today + timedelta(days=world.between(1, 4)), at(16, 0), _share_plan, case, stage)
    _next_visit(world, case, stage, today)
    first_core = world.working_days_after(today, world.between(5, 10) if world.chance(0.9) else world.between(11, 14))
    world.on(first_core, at(14, 0), _core_group, case, stage)
    ends_on = today + timedelta(days=case.path.plan_days)
    first_review = add_months(today, 3) - timedelta(days=world.between(0, 14))
    if case.path.care_after_days is not None:
        world.on(today + timedelta(days=case.path.care_after_days), at(11, 0), care.enter_from_plan, case, stage)
    court.plan_pre_proceedings(world, case, stage, plan_started_on=today)
    world.on(min(first_review, max(ends_on, today + timedelta(days=45))), at(10, 0), _review, case, stage, ends_on)


def _share_plan(world: World, case: Case, stage: int) -> None:
    if stage == case.stage:
        assert case.worker is not None
        record_child_protection_plan_shared(case.cp_plan, shared_on=_today(), by=case.worker.user)


def _next_visit(world: World, case: Case, stage: int, after: date) -> None:
    lag = world.between(6, 10) if world.chance(0.93) else world.between(11, 15)
    world.on(world.working_days_after(after, lag), at(world.between(9, 16), 0), _visit, case, stage)


def _visit(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    visiting.visit(world, case, where="At home", bedroom=True, seen_chance=0.95)
    _next_visit(world, case, stage, _today())


def _core_group(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    plan = case.cp_plan
    plan.refresh_from_db()
    hold_core_group(
        plan,
        held_on=_today(),
        members=[
            CoreGroupMemberDetails(
                name=case.worker.full_name, agency="social_care", role="Social worker", attended=True
            ),
            CoreGroupMemberDetails(
                name=case.household.main_carer.full_name, agency="family", role="Parent", attended=True
            ),
            CoreGroupMemberDetails(
                name="Designated safeguarding lead", agency="education", role="School", attended=True
            ),
        ],
        progress=[ObjectiveProgress(objective=objective, progress="on_track") for objective in open_objectives(plan)],
        child_views="Says things are calmer at home",
        by=case.worker.user,
    )
    days = world.between(21, 30) if world.chance(0.9) else world.between(32, 40)
    world.on(_today() + timedelta(days=days), at(14, 0), _core_group, case, stage)


def _review(world: World, case: Case, stage: int, ends_on: date) -> None:

    if stage != case.stage:
        return
    iro = world.staff.one(world, TeamKind.IRO, "iro")
    today = _today()
    ending = today >= ends_on - timedelta(days=45)
    plan = case.cp_plan
    plan.refresh_from_db()
    hold_review_conference(
        plan,
        held_on=today,
        chair=iro,
        members=_members(world, case, today - timedelta(days=world.between(10, 15)), with_police=False),
        child_participation=_participation(case),
        decision="end" if ending else "continue",
        decision_rationale="The risks have reduced and the family sustains the changes"
        if ending
        else "Risks remain; the plan continues",
        end_reason="no_longer_at_risk" if ending else "",
        step_down_plan="Support continues through a child in need plan" if ending else "",
        by=iro.user,
    )
    if ending:
        to_child_in_need = world.chance(0.55)
        court.end_with_the_plan(world, case, to_child_in_need=to_child_in_need)
        stage = case.next_stage()
        case.cp_plan = None
        if to_child_in_need:
            world.on(world.working_days_after(today, world.between(1, 5)), at(10, 0), child_in_need.start, case, stage)
        else:
            world.on(
                world.working_days_after(today, world.between(1, 5)), at(15, 0), assessments.close, case, "RC7", stage
            )
        return
    following = add_months(today, 6) - timedelta(days=world.between(0, 14))
    if world.chance(0.05):
        following = add_months(today, 6) + timedelta(days=world.between(1, 10))
    world.on(min(following, max(ends_on, today + timedelta(days=45))), at(10, 0), _review, case, stage, ends_on)


def end_for_care(world: World, case: Case) -> None:
    """The child came into care: the plan ends, its risks managed through the care plan."""
    iro = world.staff.one(world, TeamKind.IRO, "iro")
    end_child_protection_plan(case.cp_plan, ended_on=_today(), end_reason="looked_after", by=iro.user)
    case.cp_plan = None


def _today() -> date:
    return clock.today()
