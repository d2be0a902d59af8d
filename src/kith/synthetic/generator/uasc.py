"""Unaccompanied asylum-seeking children: young people who arrive in the UK alone, most aged 15 to 17.

Each is found in the area (by the police) or transferred from another council under the National
Transfer Scheme, is accommodated the day they arrive (section 20, V2), and is looked after until 18:
foster care for the younger ones, supported accommodation for most at 16 or 17. The worker records
the UASC facts at once; the asylum claim is lodged within weeks and decided months later (most
granted leave, some refused and appealing). About one in seven has their age disputed and assessed
(the generator's assessments all find the age they gave). At 18 they are care leavers like any other.

In England 7,380 of the 83,630 children looked after on 31 March 2024 were UASC, 8.8% (shared/domain/
returns.md §6.2): arrivals are drawn so that the authority's share sits near that. Their names are
invented from common names of the countries most arrive from; no real person is meant.
"""

from __future__ import annotations

from datetime import timedelta

from kith.platform import clock
from kith.synthetic.generator.case import Case, Path
from kith.synthetic.generator.world import World, at
from kith.uasc.actions import record_age_assessment, record_immigration_status, record_uasc

UASC_SHARE = 0.088
# The years an unaccompanied child arriving at these ages spends in care before turning 18, on average.
YEARS_IN_CARE = 1.8
ARRIVAL_AGES = {14: 8, 15: 20, 16: 40, 17: 32}
TRANSFERRED = 0.45
# Councils that transfer children under the National Transfer Scheme (the ports of entry and their neighbours).
TRANSFERRING_COUNCILS = ("Kent County Council", "Portsmouth City Council", "London Borough of Hillingdon")
GIVEN_NAMES = ("Ahmad", "Mohammad", "Abdul", "Yonas", "Dawit", "Haben", "Ali", "Hassan", "Omid", "Samir", "Kidane")
FAMILY_NAMES = ("Ahmadi", "Rahimi", "Hosseini", "Tesfay", "Gebremariam", "Abdullah", "Haile", "Karimi", "Noori")
# Ethnicity, first language and religion together, as they go.
ORIGINS = (
    ("AOTH", "Pashto", "muslim", 30),
    ("AOTH", "Dari", "muslim", 10),
    ("BAFR", "Tigrinya", "christian", 25),
    ("BAFR", "Arabic", "muslim", 15),
    ("OOTH", "Kurdish", "muslim", 12),
    ("OOTH", "Vietnamese", "no_religion", 8),
)


def arrivals_today(world: World) -> int:
    """How many unaccompanied children arrive today: Poisson around the number that keeps the share of
    looked-after children near the national one."""
    looked_after = world.profile.children * world.profile.looked_after_per_10k / 10_000
    mean = looked_after * UASC_SHARE / YEARS_IN_CARE / 253
    return world.poisson(mean)


def draw_path(world: World) -> Path:
    return Path(route="care", uasc="transferred" if world.chance(TRANSFERRED) else "arrived")


def arrival_age(world: World) -> int:
    age: int = world.weighted(ARRIVAL_AGES)
    return age


def draw_origin(world: World) -> tuple[str, str, str]:
    ethnicity, language, religion, _ = world.weighted({origin: origin[3] for origin in ORIGINS})
    return ethnicity, language, religion


def draw_name(world: World) -> tuple[str, str]:
    return world.pick(GIVEN_NAMES), world.pick(FAMILY_NAMES)


def on_entering_care(world: World, case: Case, stage: int) -> None:
    """The UASC facts recorded the day the child is accommodated; the claim and any age assessment follow."""
    assert case.worker is not None
    today = clock.today()
    transferred = case.path.uasc == "transferred"
    case.notes["uasc"] = record_uasc(
        case.child,
        became_uasc_on=today,
        home_office_reference=f"U{world.between(1000000, 9999999)}",
        transferred_from=world.pick(TRANSFERRING_COUNCILS) if transferred else "",
        transferred_on=today if transferred else None,
        by=case.worker.user,
    )
    world.on(today + timedelta(days=world.between(14, 60)), at(11, 0), _claim_lodged, case, stage)
    if world.chance(0.15):
        world.on(today + timedelta(days=world.between(20, 70)), at(14, 0), _age_assessed, case, stage)


def _claim_lodged(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    _status(case, "claim_lodged", "Screening interview held; the claim is with the Home Office")
    world.on(clock.today() + timedelta(days=world.between(150, 480)), at(11, 0), _decided, case, stage)


def _decided(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    outcome = world.weighted({"refugee": 60, "humanitarian": 5, "other_leave": 10, "refused": 25})
    _status(case, outcome, "The Home Office's decision letter has been explained with an interpreter")
    if outcome == "refused":
        world.on(clock.today() + timedelta(days=world.between(5, 14)), at(11, 0), _appealed, case, stage)


def _appealed(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    _status(case, "appeal_lodged", "The solicitor lodged the appeal")


def _status(case: Case, status: str, notes: str) -> None:
    assert case.worker is not None
    record_immigration_status(
        case.notes["uasc"], status=status, changed_on=clock.today(), notes=notes, by=case.worker.user
    )


def _age_assessed(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    case.notes["uasc"] = record_age_assessment(
        case.notes["uasc"],
        assessed_on=clock.today(),
        outcome="as_claimed",
        notes="Two social workers trained in age assessment met the young person three times with an interpreter",
        by=case.worker.user,
    )
