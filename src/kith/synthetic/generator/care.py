"""Children in care: coming into care, placements and moves, the IRO and reviews, visits, the care
plan, health, a change of legal status and leaving care.

Children come into care after an assessment, from a child protection plan, or (for the opening
caseload) in an emergency. A quarter go home within six months; others stay longer, leave on a
special guardianship or child arrangements order, or stay until 18; most of those who go home on a
care order are placed with their parents first. About one child in nine is unsettled and moves
several times a year; with the others' occasional moves, the share with 3+ placements in a year
aims at the national 10%, a noisy rate over the small authority's 150 or so children in care.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kith.care_planning.actions import agree_care_plan
from kith.care_planning.rules import CarePlanDetails
from kith.care_reviews.actions import allocate_iro, hold_review
from kith.care_reviews.rules import DecisionDetails
from kith.children_in_care.actions import (
    change_legal_status,
    end_period_of_care,
    move_placement,
    start_period_of_care,
)
from kith.children_in_care.queries import current_placement
from kith.children_in_care.rules import PlacementDetails
from kith.health.actions import record_health_assessment, record_sdq
from kith.legal.models import Order
from kith.people.actions import PersonDetails, change_person_details
from kith.plans.records import ObjectiveDetails
from kith.platform import clock
from kith.platform.calendar.working_days import add_months
from kith.quality.actions import record_management_decision
from kith.synthetic.generator import (
    adoption,
    assessments,
    care_leavers,
    child_protection,
    court,
    education,
    missing,
    placement_work,
    uasc,
)
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.population import school_upn
from kith.synthetic.generator.world import World, at
from kith.synthetic.postcodes import miles_between
from kith.workforce.actions import allocate_case
from kith.workforce.models import TeamKind

MOVE_REASONS = {"CARPL": 40, "CREQB": 12, "CREQO": 9, "CHILD": 5, "LAREQ": 2, "STAND": 2, "OTHER": 30}


def enter(world: World, case: Case, *, emergency: bool = False) -> None:
    """The child becomes looked after on a manager's decision, in their first placement."""
    if case.period is not None or case.referral is None or case.referral.closed_on is not None:
        return
    today = _today()
    age = case.child.age_on(today)
    if age is None or age >= 18 or (case.child.date_of_birth and case.child.date_of_birth >= today):
        return
    if case.team is None or case.team.kind != TeamKind.CHILDREN_IN_CARE:
        team = world.staff.team(world, TeamKind.CHILDREN_IN_CARE)
        worker = world.staff.worker(world, team)
        allocate_case(
            case.child,
            team=team,
            worker=worker,
            reason="Coming into care",
            started_on=today,
            by=world.staff.service_manager.user,
        )
        case.team, case.worker = team, worker
    assert case.worker is not None
    assert case.team is not None
    _school_number(world, case)
    manager = world.staff.manager(case.team)
    decision = record_management_decision(
        case.child,
        kind="entry_to_care",
        decision="The child should be looked after",
        rationale="The family network cannot keep the child safe; no relative can care for the child now",
        decided_on=today,
        by=manager.user,
    )
    # A child in pre-proceedings comes into care because the manager decided to issue proceedings.
    by_court = court.in_pre_proceedings(case) or (not emergency and world.chance(0.6 if age < 5 else 0.4))
    # Courts are asked to protect most babies and toddlers taken into care in an emergency.
    legal_status = "C1" if by_court else ("L2" if emergency and world.chance(0.5 if age < 5 else 0.2) else "V2")
    if case.path.uasc:
        by_court, legal_status = False, "V2"  # accommodated under section 20: there is no parent to agree
    route = "court_order" if by_court else ("emergency" if emergency and legal_status == "L2" else "voluntary")
    first = _placement(world, case, age=age, first=True)
    case.period = start_period_of_care(
        case.child,
        started_on=today,
        route=route,
        legal_status=legal_status,
        category_of_need=case.referral.primary_need or "N1",
        reason_for_care="Arrived in the UK alone, with no parent or carer, and claimed asylum"
        if case.path.uasc
        else "The parents could not keep the child safe despite the support offered",
        alternatives_considered="No parent or relative in the UK; the young person's views on where to live were heard"
        if case.path.uasc
        else "A family group conference; relatives were assessed and could not care for the child",
        decision=decision,
        placement=first,
        # Few children come into care from a permanence order (none in the generated authority).
        previous_permanence="Z1",
        by=case.worker.user,
    )
    if legal_status == "C1":
        court.interim_care_order(world, case)
    elif legal_status == "L2":
        court.emergency_protection_order(world, case)
    if case.cp_plan is not None:
        child_protection.end_for_care(world, case)
    stage = case.next_stage()
    if case.path.uasc:
        uasc.on_entering_care(world, case, stage)
    case.notes.update(visits=0, legal_status=legal_status, placed_out_of_area=education.far_from_school(first))
    adoption.draw_the_plan(world, case, age=age, legal_status=legal_status, placement_type=first.placement_type)
    _plan_the_stay(world, case, stage, today, age=age, court=by_court or legal_status == "L2")


def enter_from_plan(world: World, case: Case, stage: int) -> None:
    if stage == case.stage and case.cp_plan is not None:
        enter(world, case)


def _plan_the_stay(world: World, case: Case, stage: int, today: date, *, age: int, court: bool) -> None:
    if case.notes["adoption"]:
        _leave_if_not_adopted(world, case, stage)
    else:
        _plan_leaving(world, case, stage, today, age=age)
    leaves_on = case.notes["leaves_on"]
    world.on(today + timedelta(days=world.between(0, 3)), at(15, 30), _allocate_iro, case, stage)
    world.on(
        world.working_days_after(today, world.between(1, 5) if world.chance(0.92) else world.between(6, 9)),
        at(16, 0),
        placement_work.paperwork,
        case,
        stage,
    )
    first_review = world.working_days_after(
        today, world.between(12, 20) if world.chance(0.92) else world.between(21, 26)
    )
    world.on(first_review, at(10, 0), _review, case, stage, 1)
    world.on(today + timedelta(days=world.between(2, 6)), at(17, 0), placement_work.visit, case, stage, 0)
    health = world.working_days_after(today, world.between(10, 20) if world.chance(0.75) else world.between(21, 40))
    world.on(health, at(11, 0), _health, case, stage)
    if case.notes.get("legal_status") == "L2":
        # An emergency protection order lasts 8 days at most (Children Act 1989 s45); the court then
        # makes an interim care order.
        world.on(today + timedelta(days=world.between(3, 8)), at(12, 30), _interim_order, case, stage)
    if case.notes["adoption"]:
        adoption.plan_for(world, case, stage)
    elif court:
        # The final hearing: a third of care cases end within the 26 weeks, and on average they take 40
        # (Family Court Statistics Quarterly, July to September 2024).
        weeks_26 = 26 * 7
        days = world.between(120, weeks_26) if world.chance(0.34) else world.between(weeks_26 + 1, 480)
        world.on(today + timedelta(days=days), at(12, 0), _final_order, case, stage)
    _next_move(world, case, stage, today)
    missing.plan_for(world, case, stage, age=age)
    education.plan_for(world, case, stage, age=age)

    care_leavers.plan_support(world, case, stage, entered_on=case.period.started_on, leaves_on=leaves_on)


def _plan_leaving(world: World, case: Case, stage: int, today: date, *, age: int) -> None:
    """When and how the child will leave care."""
    born = case.child.date_of_birth
    assert born is not None
    eighteenth = _birthday(born, 18)
    if case.path.uasc:
        stay = 10_000  # until 18
    elif case.opening:
        # Most young people in care at 16 stay until 18.
        until_18 = world.chance(0.8 if age >= 15 else 0.5)
        stay = 10_000 if until_18 else int(world.rng.expovariate(1 / 900))
        stay += (world.start - today).days
    else:
        length = world.weighted({"short": 25, "medium": 30, "long": 45})
        stay = {
            "short": world.between(30, 180),
            "medium": world.between(181, 720),
            "long": int(world.rng.expovariate(1 / 1800)) + 365,
        }[length]
    leaves_on = min(today + timedelta(days=stay), eighteenth)
    case.notes["leaves_on"] = leaves_on
    how = "E17" if leaves_on == eighteenth else world.weighted({"E4A": 60, "E47": 15, "E45": 10, "E41": 10, "E13": 5})
    case.notes["leaves_how"] = how
    world.on(leaves_on, at(11, 0), _leave, case, stage, how)


def _leave_if_not_adopted(world: World, case: Case, stage: int) -> None:
    """A child whose plan is adoption leaves care by the adoption order, within about three years; if no
    adopters are found, they stay in long-term foster care, most until a special guardianship order."""
    born = case.child.date_of_birth
    assert born is not None
    leaves_on = min(case.period.started_on + timedelta(days=world.between(1100, 3000)), _birthday(born, 18))
    how = world.weighted({"E45": 50, "E47": 20, "E41": 15, "E4A": 15})
    case.notes.update(leaves_on=leaves_on, leaves_how=how)
    world.on(leaves_on, at(11, 0), _leave, case, stage, how)


def _placement(world: World, case: Case, *, age: int, first: bool = False) -> PlacementDetails:
    # Foster care for most younger children; children's homes and supported accommodation for many
    # teenagers: about 68% of looked-after children are fostered nationally (SSDA903).
    if case.path.uasc:
        # No relatives here: foster carers, or supported accommodation for most at 16 or 17.
        kind = world.weighted({"U6": 35, "K3": 65} if age >= 16 else {"U6": 85, "K2": 15})
    elif age >= 16:
        kind = world.weighted({"U6": 25, "U3": 5, "K2": 25, "K3": 45})
    elif age >= 11:
        kind = world.weighted({"U6": 40, "U3": 12, "U4": 0 if first else 5, "K2": 40})
    else:
        kind = world.weighted({"U6": 64, "U3": 22, "U4": 0 if first else 6, "K2": 8})
    provider = {
        "U6": "PR1" if world.chance(0.55) else "PR4",
        "U4": "PR1" if world.chance(0.6) else "PR4",
        "U3": "PR1",
        "K2": "PR4" if world.chance(0.8) else "PR1",
        "K3": world.pick(("PR4", "PR5")),
    }[kind]
    fake = world.fake
    carer = {
        "K2": f"{fake.last_name()} House (children's home)",
        "K3": f"{fake.last_name()} Court (supported accommodation)",
        "U3": f"{fake.first_name()} {case.child.family_name} (relative)",
    }.get(kind, f"{fake.first_name()} and {fake.first_name()} {fake.last_name()} (foster carers)")
    # Supported accommodation is found in the area; the council's own homes are in it (903 rules 241, 1015).
    out_of_area = kind != "K3" and world.chance(0.15 if kind == "K2" else 0.07)
    if out_of_area and kind == "K2" and provider == "PR1":
        provider = "PR4"
    home = world.postcode(case.household.address.postcode)
    placed_at = placement_work.postcode_away_from(
        world, home, world.neighbouring_postcodes if out_of_area else world.home_postcodes
    )
    return PlacementDetails(
        placement_type=kind,
        carer=carer,
        provider=provider,
        postcode=placed_at.code,
        home_postcode=home.code,
        in_area=not out_of_area,
        host_authority=world.profile.neighbouring_council if out_of_area else "",
        distance_miles=miles_between(home, placed_at),
        urn=f"SC{world.between(100000, 999999)}" if kind in ("K2", "K3") else "",
        planned=True,
        matching="Matched on the child's needs, school and family time",
    )


def _allocate_iro(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.team is not None
    iro = world.staff.one(world, TeamKind.IRO, "iro")
    case.notes["iro"] = iro
    allocate_iro(case.period, iro=iro, allocated_on=_today(), by=world.staff.manager(case.team).user)
    lag = world.between(2, 8) if world.chance(0.9) else world.between(9, 14)
    world.on(world.working_days_after(case.period.started_on, lag), at(16, 30), _care_plan, case, stage)


def _care_plan(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = _today()
    agree_care_plan(
        case.period,
        agreed_on=max(today, case.period.started_on),
        details=CarePlanDetails(
            why_looked_after="The parents could not keep the child safe despite support",
            why_remains="",
            permanence_plan=world.weighted(
                {"return_home": 45, "long_term_fostering": 30, "special_guardianship": 15, "to_be_decided": 10}
            ),
            permanence_target_on=today + timedelta(days=world.between(120, 365)),
            contingency="If a return home is not safe, a family or long-term foster placement is found",
            family_time="Family time twice a week, supervised at the family centre",
            sibling_contact="Weekly with brothers and sisters"
            if len(case.household.children) > 1
            else "No brothers or sisters",
            sibling_contact_assessed=len(case.household.children) > 1,
            child_views="Wants to see their family often",
        ),
        objectives=[
            ObjectiveDetails(
                outcome="The child is settled and safe",
                action="The carers and the worker review how the child is settling",
                owner=case.worker.full_name,
                owner_agency="Social care",
                target_date=today + timedelta(days=90),
            ),
        ],
        by=case.worker.user,
    )


def _review(world: World, case: Case, stage: int, number: int) -> None:
    if stage != case.stage:
        return
    iro = case.notes.get("iro")
    if iro is None:
        world.on(_today() + timedelta(days=3), at(10, 0), _review, case, stage, number)
        return
    today = _today()
    age = case.child.age_on(today) or 0
    met = today - timedelta(days=world.between(0, 10)) if world.chance(0.85) else None
    hold_review(
        case.period,
        held_on=today,
        participation="PN0" if age < 4 else world.weighted({"PN1": 55, "PN2": 10, "PN6": 20, "PN7": 15}),
        iro_met_child_on=met,
        why_iro_did_not_meet_child="" if met else "The child chose not to meet before the review",
        reports_received="The carers, the school and health sent reports",
        previous_decisions_checked=True if number > 1 else None,
        previous_decisions_notes="Done" if number > 1 else "",
        child_views="Settled; wants to keep seeing family",
        progress="The child is doing well at school and at home",
        care_plan_meets_needs=True,
        decisions=[
            DecisionDetails(
                decision="Keep family time going weekly", owner="The social worker", due_on=today + timedelta(days=28)
            )
        ],
        by=iro.user,
    )
    if not case.notes.get("reviewed"):
        case.notes["reviewed"] = True
    following = add_months(today, 3 if number == 1 else 6) - timedelta(days=world.between(0, 14))
    if world.chance(0.04):
        following += timedelta(days=world.between(15, 30))
    world.on(following, at(10, 0), _review, case, stage, number + 1)


def _health(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = _today()
    age = case.child.age_on(today) or 0
    first = not case.notes.get("health")
    record_health_assessment(
        case.period,
        assessed_on=today,
        assessor_name=f"Dr {world.fake.last_name()}"
        if first
        else f"{world.fake.first_name()} {world.fake.last_name()}",
        assessor_role="paediatrician" if first else "lac_nurse",
        child_seen=True,
        outcomes="Healthy; immunisations and dental care up to date",
        health_plan="Register with a dentist; annual review",
        risk_discussion="Talked about healthy relationships and smoking" if age >= 11 else "",
        substance_misuse=False if age >= 11 else None,
        by=case.worker.user,
    )
    case.notes["health"] = True
    _school_number(world, case)
    if 4 <= age <= 16 and _sdq_due(case, today):
        # The carer's Strengths and Difficulties Questionnaire, yearly (903 SDQ_SCORE); most scores are
        # in the normal range, some high.
        record_sdq(
            case.period,
            completed_on=today,
            score=min(40, max(0, round(world.rng.gauss(13, 6)))),
            completed_by="The carer",
            by=case.worker.user,
        )
        case.notes["sdq"] = today
    months = 6 if age < 5 else 12
    following = add_months(today, months) - timedelta(days=world.between(0, 30))
    if world.chance(0.08):
        following += timedelta(days=world.between(31, 60))
    world.on(following, at(11, 0), _health, case, stage)


def _interim_order(world: World, case: Case, stage: int) -> None:
    if stage != case.stage or case.notes["legal_status"] != "L2":
        return
    assert case.worker is not None
    change_legal_status(case.period, changed_on=_today(), legal_status="C1", by=case.worker.user)
    case.notes["legal_status"] = "C1"
    court.interim_care_order(world, case)
    placement = current_placement(case.period)
    assert placement is not None
    adoption.draw_the_plan(
        world, case, age=case.child.age_on(_today()) or 0, legal_status="C1", placement_type=placement.placement_type
    )
    if case.notes["adoption"]:
        _leave_if_not_adopted(world, case, stage)
        adoption.plan_for(world, case, stage)


def _school_number(world: World, case: Case) -> None:
    """A looked-after child of school age has a unique pupil number from their school: the worker
    records it when the child's record has none (the 903 expects one, rule 210)."""
    assert case.worker is not None
    child = case.child
    child.refresh_from_db()
    if child.upn or (child.age_on(_today()) or 0) < 4:
        return
    current = {name: getattr(child, name) for name in PersonDetails.__dataclass_fields__ if name != "disabilities"}
    current["disabilities"] = list(child.disabilities.values_list("code", flat=True))
    current["upn"] = school_upn(world)
    change_person_details(child, PersonDetails(**current), by=case.worker.user, version=child.version)


def _sdq_due(case: Case, today: date) -> bool:
    last = case.notes.get("sdq")
    return last is None or (today - last).days >= 300


def _final_order(world: World, case: Case, stage: int) -> None:
    if stage != case.stage or case.notes["adoption"]:
        return  # for a child whose plan is adoption, the final order is the placement order
    assert case.worker is not None
    today = _today()
    change_legal_status(case.period, changed_on=today, legal_status="C2", by=case.worker.user)
    case.notes["legal_status"] = "C2"
    court.final_hearing(world, case, Order.CARE_ORDER)
    # Many children who go home from care on a care order are placed with their parents first, for
    # six months to a year and more before the order is discharged (about 6% of looked-after children
    # are placed with parents, returns.md §6.2). Never under section 20 (903 rule 378).
    leaves_on: date = case.notes["leaves_on"]
    if case.notes.get("leaves_how") == "E4A" and (leaves_on - today).days > 120 and world.chance(0.7):
        soonest = today + timedelta(days=world.between(20, 60))
        home_on = max(soonest, leaves_on - timedelta(days=world.between(150, 450)))
        world.on(world.next_working_day(home_on), at(13, 0), _home_on_order, case, stage)


def _home_on_order(world: World, case: Case, stage: int) -> None:
    """Placed with parents (P1) under the care order, at the family's own home."""
    if stage != case.stage or case.notes["legal_status"] != "C2" or _today() >= case.notes["leaves_on"]:
        return
    assert case.worker is not None
    today = _today()
    home = case.household.address.postcode
    move_placement(
        case.period,
        moved_on=today,
        reason_for_change="CARPL",
        placement=PlacementDetails(
            placement_type="P1",
            carer=f"{case.child.given_name}'s parents at home",
            provider="PR0",
            postcode=home,
            home_postcode=home,
            in_area=True,
            distance_miles=Decimal("0.0"),
            planned=True,
            matching="Return home on the care plan, with support from the family's network and school",
        ),
        by=case.worker.user,
    )
    case.notes["placed_with_parents"] = True
    placement_work.settle_in(world, case, stage)


def _next_move(world: World, case: Case, stage: int, after: date) -> None:
    unsettled = case.notes.setdefault("unsettled", world.chance(0.11))
    days = world.between(50, 140) if unsettled else int(world.rng.expovariate(1 / 1500)) + 30
    world.on(after + timedelta(days=days), at(14, 0), _move, case, stage)


def _move(world: World, case: Case, stage: int) -> None:
    if stage != case.stage or case.notes.get("placed_with_parents") or case.notes["adoption"]:
        return  # children at home on the care order, or waiting for adopters, are not moved
    assert case.worker is not None
    today = _today()
    age = case.child.age_on(today) or 0
    reason = world.weighted(MOVE_REASONS)
    placement = _placement(world, case, age=age)
    move_placement(
        case.period,
        moved_on=today,
        reason_for_change=reason,
        placement=placement,
        planned=reason in ("CARPL", "OTHER"),
        by=case.worker.user,
    )
    education.after_move(world, case, stage, placement=placement)
    placement_work.settle_in(world, case, stage)
    _next_move(world, case, stage, today)


def _leave(world: World, case: Case, stage: int, how: str) -> None:
    if stage != case.stage or _today() != case.notes["leaves_on"] or case.notes.get("placed_for_adoption"):
        return  # the plan changed (adoption), or the child placed for adoption leaves by the adoption order
    assert case.worker is not None
    today = _today()
    placement = current_placement(case.period)
    assert placement is not None
    fostered = placement.placement_type.startswith("U")
    if how == "E17":
        how = "E17" if fostered else "E5"
    elif how == "E45" and not fostered:
        how = "E47"  # special guardians who were not the foster carers (903 rule 516)
    court.on_leaving_care(world, case, how)
    end_period_of_care(case.period, ended_on=today, reason_ceased=how, by=case.worker.user)
    stage = case.next_stage()
    reason = {"E45": "RC4", "E47": "RC4", "E41": "RC3"}.get(how, "RC7")
    world.on(world.working_days_after(today, world.between(1, 4)), at(15, 0), assessments.close, case, reason, stage)
    if how in ("E17", "E5"):
        care_leavers.after_care(world, case, today)


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February
        return date(born.year + years, 3, 1)


def _today() -> date:
    return clock.today()
