"""Assessments, strategy discussions and section 47 enquiries, and closing a referral.

A manager names a worker; the worker assesses the child and a manager signs the assessment
off, most within 45 working days of the referral (national 86%), some late. A third of
referrals lead to a strategy discussion and a section 47 enquiry, a third of those to an
initial child protection conference.
"""

from __future__ import annotations

from datetime import date

from kith.assessments.actions import (
    authorise_assessment,
    complete_assessment,
    complete_section_47,
    record_strategy_discussion,
    save_assessment,
    start_assessment,
    start_section_47,
)
from kith.front_door.actions import close_referral
from kith.platform import clock
from kith.synthetic.generator import care, child_in_need, child_protection, oversight
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at
from kith.workforce.actions import allocate_case
from kith.workforce.models import Allocation

FACTORS = {
    "3B": 20,
    "4B": 14,
    "16A": 12,
    "17A": 9,
    "2B": 8,
    "1B": 7,
    "5B": 3,
    "6B": 3,
    "4A": 5,
    "15A": 3,
    "10A": 3,
    "24A": 2,
    "11A": 2,
    "21": 6,
}


def name_worker(world: World, case: Case) -> None:
    """The team manager names a social worker, who starts the work."""
    assert case.team is not None
    manager = world.staff.manager(case.team)
    case.worker = world.staff.worker(world, case.team)
    allocate_case(
        case.child,
        team=case.team,
        worker=case.worker,
        reason="Allocated for the assessment",
        started_on=_today(),
        by=manager.user,
    )
    case.assessment = start_assessment(
        case.referral, kind="child_and_family", started_on=_today(), worker=case.worker, by=case.worker.user
    )
    oversight.begin(world, case)
    if case.path.route == "care" and (case.opening or case.path.uasc):
        care.enter(world, case, emergency=True)
    if case.path.route == "s47":
        lag = world.weighted({0: 50, 1: 45, 2: 5})
        world.on(world.working_days_after(_today(), lag), at(11 if lag else 15, 0), _strategy_discussion, case)
    signed_off = max(world.working_days_after(case.referral_date, case.path.assessment_days), _today())
    if case.path.route == "s47":
        case.notes["signed_off"] = signed_off
        return
    world.on(signed_off, at(12, 0), _complete, case, case.stage)


def _strategy_discussion(world: World, case: Case) -> None:
    assert case.team is not None
    assert case.worker is not None
    chair = world.staff.manager(case.team)
    case.discussion = record_strategy_discussion(
        case.referral,
        held_at=clock.now(),
        mode=world.pick(("meeting", "discussion")),
        out_of_hours=False,
        chair=chair,
        participants=[
            (chair.full_name, "social_care", "Chair"),
            (f"DC {world.fake.last_name()}", "police", "Child abuse investigation"),
            (f"{world.fake.first_name()} {world.fake.last_name()}", "health", "Named nurse"),
        ],
        information_shared="Police and health records shared; the school reported what the child said",
        risk_analysis="Reasonable cause to suspect the child is suffering, or likely to suffer, significant harm",
        decision=world.weighted({"joint_s47": 70, "single_agency_s47": 30}),
        rationale="The concerns meet the threshold for a section 47 enquiry",
        by=chair.user,
    )
    case.enquiry = start_section_47(
        case.discussion, started_on=_today(), worker=case.worker, assessment=case.assessment, by=case.worker.user
    )
    held = case.discussion.held_on
    if case.path.enquiry_outcome == "icpc":
        # National: 81% of initial conferences within 15 working days of the strategy discussion.
        lag = world.between(8, 15) if world.chance(0.81) else world.between(16, 25)
        conference_on = world.working_days_after(held, lag)
        ends_on = world.working_days_after(held, max(1, lag - world.between(1, 4)))
        case.notes["conference_on"] = conference_on
    else:
        ends_on = world.working_days_after(held, world.between(4, 15))
        conference_on = ends_on
    world.on(ends_on, at(12, 0), _complete_enquiry, case)
    signed_off = max(case.notes["signed_off"], conference_on)
    world.on(signed_off, at(16, 0), _complete, case, case.stage)


def _complete_enquiry(world: World, case: Case) -> None:

    assert case.worker is not None
    outcome = case.path.enquiry_outcome
    young = (case.child.age_on(_today()) or 0) < 4
    complete_section_47(
        case.enquiry,
        ended_on=_today(),
        outcome=outcome,
        findings={
            "icpc": "The child has suffered significant harm and the risk continues",
            "cin": "The concerns were substantiated but the family is working with us to reduce the risk",
            "nfa": "The concerns were not substantiated; the family has support from universal services",
        }[outcome],
        child_seen=True,
        child_seen_alone=not young,
        why_not_seen="Too young to be seen alone; seen with the parent" if young else "",
        outcome_rationale="The enquiry's findings and the family's response",
        by=case.worker.user,
    )
    if outcome == "icpc":
        child_protection.schedule_initial_conference(world, case, case.notes["conference_on"])


def _complete(world: World, case: Case, stage: int) -> None:
    """The worker completes the assessment and a manager signs it off; what follows depends on the path."""
    # Not tied to the stage: a conference or a move into care does not stop the assessment being finished.
    if case.assessment is None or case.assessment.completed_on is not None:
        return
    _finish_assessment(world, case)
    _after_assessment(world, case)


def _finish_assessment(world: World, case: Case) -> None:
    assert case.worker is not None
    assert case.team is not None
    child = case.child
    young = (child.age_on(_today()) or 0) < 4
    assessment = case.assessment
    assessment.refresh_from_db()
    factors = sorted({world.weighted(FACTORS) for _ in range(world.between(1, 3))})
    if "21" in factors:
        factors = ["21"]
    save_assessment(
        assessment,
        answers={
            "child_seen": True,
            "child_seen_alone": not young,
            "child_spoken_to_alone": not young,
            "why_not_seen": "Too young to be seen or spoken to alone; observed with the parent" if young else "",
            "child_views": "Observed playing and with the parent" if young else "Talked about home, school and friends",
            "child_issues_follow_up": "Nothing further raised"
            if young
            else "The worries the child raised are in the plan",
            "parents_views": "The parents accept help and want things to improve",
            "professionals_views": "School and health share the concerns",
            "history_and_analysis": "Concerns have built over the past year",
            "analysis": "The child's needs and the risks are weighed against the family's strengths",
            "risk_factors": "Parental stress, domestic abuse and mental health",
            "protective_factors": "A caring grandparent and a supportive school",
            "steps_to_reduce_risk": "Parenting support, a safety plan and regular school checks",
            "identity_needs": "Ethnicity, language, religion and disability considered",
            "identity_actions": "Keep the child connected to family, culture and community",
            "factors": factors,
        },
        version=assessment.version,
        by=case.worker.user,
    )
    outcome = _assessment_outcome(case)
    case.assessment = complete_assessment(
        case.assessment,
        completed_on=_today(),
        outcome=outcome,
        outcome_rationale="The assessment's analysis supports this outcome",
        by=case.worker.user,
    )
    manager = world.staff.manager(case.team)
    authorise_assessment(
        case.assessment, authorised_on=_today(), rationale="Clear analysis of risk and need", by=manager.user
    )


def _assessment_outcome(case: Case) -> str:
    path = case.path
    if path.route == "s47":
        return {"icpc": "cin_plan", "cin": "cin_plan", "nfa": "nfa"}[path.enquiry_outcome]
    return {"nfa": "nfa", "early_help": "early_help", "cin": "cin_plan", "care": "looked_after"}[path.route]


def _after_assessment(world: World, case: Case) -> None:

    path = case.path
    later = world.working_days_after(_today(), world.between(0, 3))
    if path.route == "nfa":
        world.on(later, at(15, 0), close, case, "RC8", case.stage)
    elif path.route == "s47" and path.enquiry_outcome == "nfa":
        # Not "closed after assessment" (RC8): the enquiry went further than an assessment (rule 2990).
        world.on(later, at(15, 0), close, case, "RC7", case.stage)
    elif path.route == "early_help":
        world.on(later, at(15, 0), close, case, "RC9", case.stage)
    elif path.route == "cin" or (path.route == "s47" and path.enquiry_outcome == "cin"):
        world.on(later, at(10, 0), child_in_need.start, case, case.stage)
    elif path.route == "care" and not case.opening:
        world.on(later, at(10, 0), care.enter, case)


def close(world: World, case: Case, reason: str, stage: int) -> None:
    """The team manager closes the referral; the child may come back (a re-referral)."""
    if stage != case.stage or case.referral is None or case.referral.closed_on is not None:
        return
    if case.assessment is not None and case.assessment.completed_on is None:
        _finish_assessment(world, case)
    # The manager of the team holding the child now (a care leaver has moved on to the leaving care team).
    holding = Allocation.objects.filter(child=case.child, ended_on__isnull=True).select_related("team").get()
    manager = world.staff.manager(holding.team)
    case.referral = close_referral(
        case.referral,
        closed_on=_today(),
        reason=reason,
        rationale={
            "RC8": "The assessment found no need for social care services",
            "RC9": "Needs can be met by early help; the family agreed",
            "RC7": "The plan's outcomes were met; services are no longer needed",
            "RC3": "The child lives with relatives under a child arrangements order",
            "RC4": "A special guardianship order was made",
            "RC6": "Now an adult; support continues from the leaving care service",
            "RC1": "Adopted: the adoption order was made",
        }[reason],
        stepped_down_to_early_help=reason == "RC9",
        step_down_reason="Family support through the family hub" if reason == "RC9" else "",
        by=manager.user,
    )
    case.next_stage()
    # Some come back (a re-referral); not an adopted child, whose family is now the adopters.
    if (case.child.age_on(_today()) or 0) < 17 and reason != "RC1":
        world.closed_cases.append((_today(), case))


def _today() -> date:
    return clock.today()
