"""Care leavers: leaving care support from 16, the pathway plan, and a personal adviser after 18.

A young person looked after for 13 weeks since 14 becomes eligible at 16: the worker starts
leaving care support, completes the needs assessment and agrees the pathway plan, reviewed
every six months. At 18 the leaving care team takes over: a personal adviser is allocated,
keeps in touch about every two months, records the 903 birthday information (national: about
55% in education, training or work, about 88% in suitable accommodation) and supports them to 21.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.care_leavers.access import can_record_leaving_care
from kith.care_leavers.actions import (
    agree_pathway_plan,
    allocate_personal_adviser,
    complete_needs_assessment,
    record_accommodation_change,
    record_birthday_contact,
    record_personal_adviser_contact,
    review_pathway_plan,
    start_leaving_care_support,
)
from kith.care_leavers.models import LeavingCareSupport, PathwayPlan
from kith.care_leavers.rules import NeedsDetails, PlanDetails
from kith.platform import clock
from kith.platform.access.roles import Role
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.workforce.actions import allocate_case
from kith.workforce.models import Allocation, StaffMember, TeamKind

EET = {"F2": 22, "F5": 12, "P5": 6, "F4": 6, "F1": 6, "P2": 3}
NEET = {"G5": 25, "G4": 8, "G6": 6}


def plan_support(world: World, case: Case, stage: int, *, entered_on: date, leaves_on: date) -> None:
    """Write in the start of leaving care support, if the child will be eligible before leaving care."""
    born = case.child.date_of_birth
    assert born is not None
    sixteenth = _birthday(born, 16)
    fourteenth = _birthday(born, 14)
    eligible_on = max(sixteenth, max(entered_on, fourteenth) + timedelta(days=91))
    starts_on = eligible_on + timedelta(days=world.between(1, 20))
    if starts_on < leaves_on and starts_on < _birthday(born, 18):
        case.notes["leaving_care"] = 0
        world.on(starts_on, at(12, 0), _start, case, stage)


def _start(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    worker = _worker(case)
    if worker is None:
        return
    if LeavingCareSupport.objects.filter(child=case.child).exists():
        return  # started in an earlier time in care, whose pathway plan work goes on
    support = start_leaving_care_support(case.child, on=_today(), by=worker.user)
    case.notes["support"] = support
    world.on(_today() + timedelta(days=world.between(20, 80)), at(12, 0), _needs_assessment, case)


def _worker(case: Case) -> StaffMember | None:
    """Who records the young person's support now: their adviser (or, before 18, their social worker)
    while they still hold the young person, else whoever the service has allocated since; None when
    nobody holds them (the support lapses, as it can in practice)."""
    named = case.notes.get("adviser") or case.worker
    if named is not None and can_record_leaving_care(named.user, case.child):
        return named
    current = Allocation.objects.filter(child=case.child, ended_on__isnull=True, worker__isnull=False).first()
    return current.worker if current is not None else None


def _support(case: Case) -> LeavingCareSupport:
    support: LeavingCareSupport = case.notes["support"]
    support.refresh_from_db()
    return support


def _needs_assessment(world: World, case: Case) -> None:
    worker = _worker(case)
    if worker is None:
        return
    complete_needs_assessment(
        _support(case),
        completed_on=_today(),
        details=NeedsDetails(
            young_person_views="Wants to stay where they are and finish college",
            health_and_development="Healthy; some worries about sleep",
            education_training_employment="Wants a college course next September",
            family_and_relationships="Sees their grandmother most weeks",
            practical_skills_and_money="Can cook simple meals; no bank account yet",
            accommodation="Wants to stay with the carers after 18 if they can",
        ),
        by=worker.user,
    )
    world.on(_today() + timedelta(days=world.between(7, 21)), at(12, 0), _pathway_plan, case)


def _plan_details() -> PlanDetails:
    return PlanDetails(
        young_person_views="Helped write the plan and agrees with it",
        accommodation="Stays with the carers; staying put discussed at 17",
        education_training_employment="College course from September",
        health_and_wellbeing="Registered with a GP and a dentist",
        finance="Bank account opened; 16-19 bursary",
        support_network="The carers, a grandparent and the college tutor",
        contingency="Supported lodgings through the leaving care team if the placement ends",
    )


def _pathway_plan(world: World, case: Case) -> None:
    worker = _worker(case)
    if worker is None:
        return
    agree_pathway_plan(
        _support(case), agreed_on=_today(), details=_plan_details(), copy_given_on=_today(), by=worker.user
    )
    _next_review(world, case)


def _next_review(world: World, case: Case) -> None:
    days = world.between(150, 182) if world.chance(0.9) else world.between(183, 215)
    world.on(_today() + timedelta(days=days), at(12, 0), _review, case)


def _review(world: World, case: Case) -> None:
    if _past_support(case):
        return
    worker = _worker(case)
    if worker is None:
        return
    plan = PathwayPlan.objects.get(child=case.child, replaced_on__isnull=True)
    review_pathway_plan(
        plan,
        reviewed_on=_today(),
        details=_plan_details(),
        what_changed="Progress at college reviewed; the plan carries on",
        copy_given_on=_today(),
        by=worker.user,
    )
    _next_review(world, case)


def after_care(world: World, case: Case, left_on: date) -> None:
    """The young person left care at 18: the leaving care team and a personal adviser take over."""
    if "support" not in case.notes:
        return
    team = world.staff.team(world, TeamKind.CARE_LEAVERS)
    adviser = world.pick(world.staff.members(team, Role.PERSONAL_ADVISER))
    allocate_case(
        case.child,
        team=team,
        worker=adviser,
        reason="Left care at 18; the leaving care team supports them",
        started_on=left_on,
        by=world.staff.service_manager.user,
    )
    allocate_personal_adviser(_support(case), adviser=adviser, allocated_on=left_on, by=world.staff.manager(team).user)
    case.notes["adviser"] = adviser
    world.on(left_on + timedelta(days=world.between(3, 20)), at(13, 0), _contact, case)
    world.on(left_on + timedelta(days=world.between(5, 28)), at(14, 0), _birthday_contact, case, 18)
    if world.chance(0.4):
        world.on(left_on + timedelta(days=world.between(60, 400)), at(11, 0), _move, case)


def _past_support(case: Case) -> bool:
    born = case.child.date_of_birth
    assert born is not None
    return _today() >= _birthday(born, 21)


def _contact(world: World, case: Case) -> None:
    if _past_support(case):
        return
    worker = _worker(case)
    if worker is None:
        return
    seen = world.chance(0.85)
    record_personal_adviser_contact(
        _support(case),
        contact_on=_today(),
        kind="seen" if seen else "spoken_to",
        where="At home" if seen else "",
        young_person_views="Doing all right; money is tight",
        notes="Talked about college, money and the flat",
        by=worker.user,
    )
    days = world.between(30, 56) if world.chance(0.88) else world.between(57, 80)
    world.on(_today() + timedelta(days=days), at(13, 0), _contact, case)


def _birthday_contact(world: World, case: Case, birthday: int) -> None:
    worker = _worker(case)
    if worker is None:
        return
    in_touch = world.chance(0.92)
    eet = world.chance(0.56)
    suitable = world.chance(0.88)
    record_birthday_contact(
        _support(case),
        birthday=birthday,
        contact_on=_today(),
        in_touch="YES" if in_touch else "NO",
        activity=(world.weighted(EET) if eet else world.weighted(NEET)) if in_touch else "0",
        accommodation=world.pick(("B", "D", "E", "U", "T")) if in_touch else "",
        accommodation_suitable=suitable if in_touch else None,
        by=worker.user,
    )
    if birthday < 21:
        born = case.child.date_of_birth
        assert born is not None
        following = _birthday(born, birthday + 1) + timedelta(days=world.between(-30, 25))
        world.on(following, at(14, 0), _birthday_contact, case, birthday + 1)


def _move(world: World, case: Case) -> None:
    if _past_support(case):
        return
    worker = _worker(case)
    if worker is None:
        return
    record_accommodation_change(
        _support(case),
        moved_on=_today(),
        accommodation=world.pick(("D", "E", "U")),
        suitable=True,
        description="Moved to a supported flat near college",
        by=worker.user,
    )


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February
        return date(born.year + years, 3, 1)


def _today() -> date:
    return clock.today()
