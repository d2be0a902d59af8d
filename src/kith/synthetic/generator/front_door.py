"""The front door: contacts arrive, are screened and decided; referrals go to an assessment team.

About three in five contacts become referrals (the rest get advice or are signposted to early
help); about one referral in five is of a child referred in the previous year (a re-referral,
national 22%). Most decisions are made the day the contact comes in; a few take longer.
"""

from __future__ import annotations

from datetime import timedelta

from kith.front_door.actions import (
    decide_contact,
    record_contact,
    record_early_help_follow_up,
    screen_contact,
    sign_off_consent_dispensed,
)
from kith.front_door.models import Contact
from kith.people.models import Person
from kith.platform import clock
from kith.synthetic.generator import assessments, uasc
from kith.synthetic.generator.case import Case, Path
from kith.synthetic.generator.population import REFERRAL_AGES, Household, People
from kith.synthetic.generator.world import World, at
from kith.workforce.actions import allocate_case
from kith.workforce.models import Allocation, TeamKind

# National shares of referral sources (CIN census): police, schools and health bring most.
SOURCES = {
    "6": 29,
    "2A": 20,
    "3A": 4,
    "3B": 3,
    "3E": 3,
    "3F": 5,
    "5A": 4,
    "5B": 3,
    "5D": 4,
    "1A": 5,
    "1C": 1,
    "1D": 2,
    "4": 3,
    "7": 3,
    "8": 6,
    "9": 2,
    "10": 3,
}
REASONS = {
    "6": "Police attended a domestic abuse incident overnight; the children were in the house",
    "2A": "The school reports the child is often hungry, tired and in unwashed clothes",
    "3A": "The GP saw unexplained bruising during a routine appointment",
    "3B": "The health visitor is worried about the home conditions and the baby's weight",
    "3E": "The child attended A&E with an injury the explanation did not fit",
    "3F": "Mother disclosed low mood and drinking to the community mental health team",
    "5A": "Adult services are supporting a parent whose care of the children is slipping",
    "5B": "Housing officers found the family living in one damp room",
    "5D": "The early help worker says the family's needs have grown beyond what early help can do",
    "1A": "A grandparent is worried the children are left alone in the evenings",
    "1C": "The young person rang to say they are frightened to go home",
    "1D": "A neighbour hears shouting and a child crying most nights",
    "4": "The family is about to be evicted and has nowhere to go",
    "7": "Probation say a man with offences against children has moved into the home",
    "8": "The children's centre is worried about the child's development and the parents' drinking",
    "9": "An anonymous caller says the children are left alone",
    "10": "Concerns passed on without a named source",
}
UASC_SOURCES = {
    "arrived": ("6", "Police found a young person alone at the services on the motorway, speaking little English"),
    "transferred": ("5C", "A transfer under the National Transfer Scheme of a young person who arrived alone"),
}
PRIMARY_NEEDS = {"N1": 57, "N2": 4, "N3": 6, "N4": 9, "N5": 15, "N6": 3, "N7": 1, "N8": 5}
# Of the contacts: what the front door decides.
DECISIONS = {"referral": 58, "strategy_discussion": 4, "early_help": 20, "advice": 18}
RE_REFERRAL_SHARE = 0.22
# The assessment's length (working days from the referral to sign-off): most within 45, some late.
WITHIN_45 = 0.86


def contacts_today(world: World) -> int:
    """How many contacts reach the front door today: Poisson around the authority's mean."""
    per_year = world.profile.children * 0.052 / ((DECISIONS["referral"] + DECISIONS["strategy_discussion"]) / 100)
    mean = per_year / 253
    return world.poisson(mean)


def draw_path(world: World, *, straight_to_strategy: bool = False) -> Path:
    days = world.between(8, 45) if world.chance(WITHIN_45) else world.between(46, 70)
    if straight_to_strategy or world.chance(0.33):
        outcome = world.weighted({"icpc": 33, "cin": 27, "nfa": 40})
        plan = outcome == "icpc" and world.chance(0.86)
        plan_days = _plan_days(world) if plan else 0
        care_after = world.between(30, max(31, plan_days - 1)) if plan and world.chance(0.15) else None
        return Path(
            route="s47",
            enquiry_outcome=outcome,
            plan=plan,
            plan_days=plan_days,
            care_after_days=care_after,
            assessment_days=days,
        )
    route = world.weighted({"nfa": 44, "early_help": 15, "cin": 35, "care": 6})
    return Path(route=route, assessment_days=days, cin_days=world.between(90, 400))


def _plan_days(world: World) -> int:
    """A child protection plan's length, as plans ending nationally last (D7, 2025)."""
    band = world.weighted({(60, 92): 16, (93, 182): 11, (183, 365): 43, (366, 730): 25, (731, 900): 5})
    return world.between(*band)


def contact_arrives(world: World, people: People, path: Path | None = None, child_age: int | None = None) -> None:
    """A contact about a child: someone new to the service, or a child referred before (a re-referral)."""
    screener = world.staff.screener
    decision = world.weighted(DECISIONS)
    consent = world.weighted({"given": 86, "dispensed_with": 9, "refused": 5})
    if path is not None:
        decision, consent = "referral", "given"
    elif consent == "refused":
        decision = "advice"
    returning = None
    if path is None and decision in ("referral", "strategy_discussion") and world.chance(RE_REFERRAL_SHARE):
        returning = _returning_child(world)
    today = world.next_working_day(clock.today())
    if returning is not None:
        child, household = returning
    elif path is not None and path.uasc:
        household = people.unaccompanied(
            child_age or uasc.arrival_age(world),
            on=today,
            name=uasc.draw_name(world),
            origin=uasc.draw_origin(world),
            by=screener,
        )
        child = household.children[0]
    else:
        household = people.household(
            child_age=world.weighted(REFERRAL_AGES) if child_age is None else child_age, on=today, by=screener
        )
        child = household.children[0]
    source = world.weighted(SOURCES)
    reason = REASONS[source]
    if path is not None and path.uasc:
        source, reason = UASC_SOURCES[path.uasc]
    contact = record_contact(
        [child],
        received_at=clock.now(),
        source=source,
        reason=reason,
        consent=consent,
        consent_rationale="Asking the parents first could put the child at greater risk"
        if consent == "dispensed_with"
        else "",
        adults=household.adults,
        referrer_name=f"{world.fake.first_name()} {world.fake.last_name()}" if source not in ("9", "10") else "",
        history_checks="Kith, police and school records",
        history_findings="Known to the service before" if returning else "Not known to children's social care",
        by=screener.user,
    )
    case = Case(
        child=child,
        household=household,
        path=path or draw_path(world, straight_to_strategy=decision == "strategy_discussion"),
        opening=path is not None,
    )
    world.on(today, at(12, 30), _screen, case, contact, decision)


def _returning_child(world: World) -> tuple[Person, Household] | None:
    """A child whose last referral closed in the past year and who is still under 17."""
    cutoff = clock.today() - timedelta(days=365)
    world.closed_cases[:] = [(closed, case) for closed, case in world.closed_cases if closed >= cutoff]
    candidates = [
        (closed, case)
        for closed, case in world.closed_cases
        if (case.child.age_on(clock.today()) or 0) < 17 and closed < clock.today()
    ]
    if not candidates:
        return None
    closed, case = world.pick(candidates)
    world.closed_cases.remove((closed, case))
    return case.child, case.household


def _screen(world: World, case: Case, contact: Contact, decision: str) -> None:
    screen_contact(
        contact,
        screening_analysis="Risks and strengths weighed against the threshold document",
        priority="amber" if decision in ("referral", "strategy_discussion") else "green",
        by=world.staff.screener.user,
    )
    manager = world.staff.front_door_manager
    if contact.consent == "dispensed_with":
        sign_off_consent_dispensed(
            contact, rationale="The risk to the child outweighs asking the parents first", by=manager.user
        )
    # Most decisions the same day; some the next working day; a few late. Never late for a child who
    # arrived alone, who has nowhere to stay tonight.
    lag = 0 if case.path.uasc else world.weighted({0: 85, 1: 10, 2: 5})
    world.on(world.working_days_after(clock.today(), lag), at(14, 0), _decide, case, contact, decision)


def _decide(world: World, case: Case, contact: Contact, decision: str) -> None:

    manager = world.staff.front_door_manager
    refers = decision in ("referral", "strategy_discussion")
    contact = decide_contact(
        contact,
        decision=decision,
        rationale={
            "referral": "The child's needs meet the threshold for a social work assessment",
            "strategy_discussion": "Reasonable cause to suspect the child is suffering significant harm",
            "early_help": "The family's needs can be met by early help with their agreement",
            "advice": "Advice given to the referrer; no role for social care",
        }[decision],
        advice_given="Advice given to the referrer about support in the community" if decision == "advice" else "",
        threshold_level={"referral": "3", "strategy_discussion": "4"}.get(decision, ""),
        # Absent parenting (N8) for a child who came alone.
        primary_need=("N8" if case.path.uasc else world.weighted(PRIMARY_NEEDS)) if refers else "",
        by=manager.user,
    )
    if decision == "early_help":
        lag = world.between(10, 19) if world.chance(0.85) else world.between(21, 30)
        world.on(world.working_days_after(clock.today(), lag), at(11, 0), _follow_up_early_help, contact)
        return
    if not refers:
        return
    case.referral = contact.referrals.get(child=case.child)
    team = world.staff.team(world, TeamKind.ASSESSMENT)
    current = Allocation.objects.filter(child=case.child, ended_on__isnull=True).first()
    if current is None or current.team_id != team.pk or current.worker_id is not None:
        allocate_case(
            case.child,
            team=team,
            worker=None,
            reason="Referred for a social work assessment",
            started_on=clock.today(),
            by=manager.user,
        )
    case.team = team
    if case.path.route == "s47" or (case.path.route == "care" and (case.opening or case.path.uasc)):
        # A worker is named at once when a child may be suffering harm, or has nowhere to stay tonight.
        assessments.name_worker(world, case)
        return
    # A worker is usually named the next working day; a few children wait.
    wait = 1 if world.chance(0.92) else world.between(3, 8)
    world.on(world.working_days_after(clock.today(), wait), at(9, 30), assessments.name_worker, case)


def _follow_up_early_help(world: World, contact: Contact) -> None:
    got_help = world.chance(0.8)
    record_early_help_follow_up(
        contact,
        followed_up_on=clock.today(),
        family_got_help=got_help,
        notes="" if got_help else "The family did not take up the offer; the school keeps in touch",
        by=world.staff.screener.user,
    )
