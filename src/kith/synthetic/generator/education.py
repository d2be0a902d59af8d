"""Education in care: the school, the personal education plan (PEP), its termly reviews, attendance and
suspensions, and a change of school when a move takes the child too far from it.

Every child aged 2 to 17 who comes into care has the PEP's two clocks started (10 working days to start
it, 20 to complete it at the first PEP meeting): most plans are started and completed in time, a few
late. The plan is then reviewed each term (Redcar kept 94% of PEPs up to date, inspection_findings M55),
and the virtual school rates the quality of most meetings (R-057). Attendance is recorded at the end of
each term. The shares of children suspended (about one secondary-age child in six a year) and with
special educational needs (half, a fifth with an education, health and care plan) are the generator's
assumptions, not calibrated.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kith.children_in_care.actions import PEP_AGES
from kith.children_in_care.rules import PlacementDetails
from kith.education import queries
from kith.education.actions import (
    hold_pep_meeting,
    rate_pep_quality,
    record_attendance,
    record_exclusion,
    record_school,
    start_pep,
)
from kith.education.models import PepMeeting, TermAttendance
from kith.education.terms import Term, term_dates, term_of
from kith.platform import clock
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at

# A school year's group by the child's age on 31 August before it starts.
YEAR_GROUP_BY_AGE = {2: "N", 3: "N", 4: "R"} | {age: str(age - 4) for age in range(5, 18)}
# Where a phase of schooling begins: nursery, reception, secondary school, the sixth form.
PHASE_STARTS = {"N": 3, "R": 4, "7": 11, "12": 16}
SEN = {"none": 50, "sen_support": 28, "ehcp": 22}
OFSTED = {"good": 60, "outstanding": 14, "requires_improvement": 18, "inadequate": 3, "not_inspected": 5}
QUALITY = {"good": 72, "requires_improvement": 23, "inadequate": 5}
SUSPENSION_REASONS = (
    "Persistent disruptive behaviour in lessons",
    "Verbal abuse of a member of staff",
    "A fight with another pupil at lunchtime",
    "Damage to school property",
)
# Someone for the virtual school at each PEP meeting: an advisory teacher for children placed out of area.
VIRTUAL_SCHOOL = ("the virtual school head", "an advisory teacher from the virtual school")


def plan_for(world: World, case: Case, stage: int, *, age: int) -> None:
    """At entry to care: the school and PEP for a child whose PEP clocks have started."""
    if age not in PEP_AGES:
        return
    entered = case.period.started_on
    case.notes["pep"] = None
    case.notes.setdefault("sen", world.weighted(SEN))
    on_time = world.chance(0.9)
    starts = world.working_days_after(entered, world.between(2, 10) if on_time else world.between(11, 16))
    world.on(starts, at(14, 30), _start, case, stage)
    # The first PEP meeting completes the plan: within 20 working days for most children.
    meets = world.working_days_after(entered, world.between(12, 20) if world.chance(0.85) else world.between(21, 32))
    world.on(max(meets, starts + timedelta(days=1)), at(13, 30), _first_meeting, case, stage)
    school_year, term = term_of(entered)
    world.on(
        world.next_working_day(term_dates(school_year, term)[1] + timedelta(days=1)),
        at(9, 30),
        _term_ends,
        case,
        stage,
        school_year,
        term,
    )


def _start(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    if queries.current_school(case.child) is None:
        _first_school(world, case, today)
    case.notes["pep"] = start_pep(case.period, started_on=today, by=case.worker.user)


def _first_school(world: World, case: Case, today: date) -> None:
    """The school (or nursery) the child already goes to, from the September they joined its phase."""
    assert case.worker is not None
    school_year, _ = term_of(today)
    year_group = _year_group(case, school_year)
    if year_group is None:
        return
    phase_start = _phase_start(year_group)
    joined = school_year - (_age_on_31_august(case, school_year) - phase_start)
    record_school(
        case.period,
        school_name=_school_name(world, year_group),
        urn=str(world.between(100000, 149999)),
        year_group=YEAR_GROUP_BY_AGE[phase_start],  # the year group the child joined in
        started_on=min(date(joined, 9, world.between(1, 7)), today),
        ofsted_judgement=world.weighted(OFSTED),
        sen_status=case.notes["sen"],
        by=case.worker.user,
    )


def _first_meeting(world: World, case: Case, stage: int) -> None:
    if stage != case.stage or case.notes.get("pep") is None:
        return
    _meeting(world, case, stage)


def _meeting(world: World, case: Case, stage: int) -> None:
    """A PEP meeting (the first completes the plan), rated by the virtual school, and the next one booked."""
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    placement_far = case.notes.get("placed_out_of_area", False)
    meeting = hold_pep_meeting(
        case.notes["pep"],
        held_on=today,
        designated_teacher=f"{world.fake.first_name()} {world.fake.last_name()}",
        virtual_school=f"{world.fake.first_name()} {world.fake.last_name()}, "
        f"{VIRTUAL_SCHOOL[1] if placement_far else VIRTUAL_SCHOOL[0]}",
        child_views="Likes their teachers; wants help with maths and to stay in the football team",
        targets="Reading age up by six months by the next PEP, checked by the class teacher's assessment",
        pupil_premium_plus="One-to-one tuition in maths, an hour a week",
        by=case.worker.user,
    )
    if world.chance(0.75):
        world.on(today + timedelta(days=world.between(3, 20)), at(12, 0), _rate, case, stage, meeting)
    following = today + timedelta(days=world.between(70, 110) if world.chance(0.94) else world.between(125, 160))
    world.on(_out_of_the_summer_holiday(world, following), at(13, 30), _meeting, case, stage)


def _rate(world: World, case: Case, stage: int, meeting: PepMeeting) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    rate_pep_quality(
        meeting,
        rating=world.weighted(QUALITY),
        rated_on=clock.today(),
        rated_by=f"{world.fake.first_name()} {world.fake.last_name()} (virtual school)",
        by=case.worker.user,
    )


def _term_ends(world: World, case: Case, stage: int, school_year: int, term: str) -> None:
    """The term's attendance; in September, the move up to a new school where a phase begins; and
    whether the child will be suspended next term."""
    if stage != case.stage:
        return
    assert case.worker is not None
    child = case.child
    if (
        _of_school_age(case, school_year)
        and not TermAttendance.objects.filter(child=child, school_year=school_year, term=term).exists()
    ):
        attendance = min(100.0, max(40.0, world.rng.gauss(93, 6)))
        record_attendance(
            case.period,
            school_year=school_year,
            term=term,
            attendance_percent=Decimal(f"{attendance:.1f}"),
            by=case.worker.user,
        )
    next_year, next_term = (
        (school_year + 1, Term.AUTUMN)
        if term == Term.SUMMER
        else (school_year, Term.SPRING if term == Term.AUTUMN else Term.SUMMER)
    )
    if next_term == Term.AUTUMN:
        _move_up(world, case, next_year)
    first_day, last_day = term_dates(next_year, next_term)
    age = _age_on_31_august(case, next_year)
    if age >= 5 and world.chance(0.045 if age >= 11 else 0.012):
        # On a school day well inside the term (the summer term's last weeks are the holiday).
        latest = min((last_day - first_day).days - 30, 100)
        suspended = world.next_working_day(first_day + timedelta(days=world.between(7, latest)))
        world.on(suspended, at(15, 0), _suspended, case, stage)
    world.on(
        world.next_working_day(last_day + timedelta(days=1)), at(9, 30), _term_ends, case, stage, next_year, next_term
    )


def _move_up(world: World, case: Case, school_year: int) -> None:
    """Into reception, secondary school or (for half of them) a sixth-form college, in September."""
    assert case.worker is not None
    year_group = _year_group(case, school_year)
    if year_group not in PHASE_STARTS or year_group == "N":
        return
    if year_group == "12" and world.chance(0.5):
        return  # stays on at the school's sixth form
    current = queries.current_school(case.child)
    started_on = clock.today()  # the first working day of September
    if current is not None and started_on <= current.started_on:
        return
    reason = {"R": "Started in reception", "7": "Moved up to secondary school", "12": "Started at sixth-form college"}
    record_school(
        case.period,
        school_name=_school_name(world, year_group),
        urn=str(world.between(100000, 149999)),
        year_group=year_group,
        started_on=started_on,
        reason_for_change=reason[year_group],
        ofsted_judgement=world.weighted(OFSTED),
        sen_status=case.notes["sen"],
        by=case.worker.user,
    )


def _suspended(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    record_exclusion(
        case.period,
        kind="suspension",
        starts_on=clock.today(),
        days=world.weighted({1: 45, 2: 25, 3: 15, 5: 15}),
        reason=world.pick(SUSPENSION_REASONS),
        by=case.worker.user,
    )


def after_move(world: World, case: Case, stage: int, *, placement: PlacementDetails) -> None:
    """A move too far from the school: most children change school a few weeks later."""
    far = far_from_school(placement)
    case.notes["placed_out_of_area"] = far
    if far and case.notes.get("pep") is not None and world.chance(0.6):
        world.on(clock.today() + timedelta(days=world.between(10, 30)), at(10, 0), _change_school, case, stage)


def _change_school(world: World, case: Case, stage: int) -> None:
    if stage != case.stage:
        return
    assert case.worker is not None
    today = clock.today()
    school_year, _ = term_of(today)
    year_group = _year_group(case, school_year)
    current = queries.current_school(case.child)
    if year_group is None or current is None or today <= current.started_on or year_group in ("12", "13"):
        return  # a college course is kept on; no school to leave
    record_school(
        case.period,
        school_name=_school_name(world, year_group),
        urn=str(world.between(100000, 149999)),
        year_group=year_group,
        started_on=today,
        reason_for_change="The new placement is too far from the old school",
        ofsted_judgement=world.weighted({"good": 75, "outstanding": 20, "requires_improvement": 5}),
        sen_status=case.notes["sen"],
        by=case.worker.user,
    )


def far_from_school(placement: PlacementDetails) -> bool:
    """Out of the area, or 15 miles or more from the family home (near which the school is)."""
    return not placement.in_area or (placement.distance_miles or 0) >= 15


# --- ages and names -----------------------------------------------------------------------------------


def _age_on_31_august(case: Case, school_year: int) -> int:
    return case.child.age_on(date(school_year, 8, 31)) or 0


def _of_school_age(case: Case, school_year: int) -> bool:
    return _age_on_31_august(case, school_year) >= 4


def _year_group(case: Case, school_year: int) -> str | None:
    return YEAR_GROUP_BY_AGE.get(_age_on_31_august(case, school_year))


def _phase_start(year_group: str) -> int:
    """The age on 31 August at which the child began the phase of schooling ``year_group`` is in."""
    age = {"N": 3, "R": 4}.get(year_group) or int(year_group) + 4
    return max(start for start in PHASE_STARTS.values() if start <= age)


def _school_name(world: World, year_group: str) -> str:
    name = world.fake.last_name()
    if year_group == "N":
        return f"{name} Nursery School"
    if year_group in ("12", "13"):
        return f"{name} Sixth Form College"
    if year_group == "R" or int(year_group) <= 6:
        return world.pick((f"{name} Primary School", f"St {world.fake.first_name()}'s Primary School"))
    return world.pick((f"{name} Academy", f"{name} High School"))


def _out_of_the_summer_holiday(world: World, day: date) -> date:
    """Schools are shut in August: a meeting that would fall then is held in early September."""
    if day.month == 8:
        day = date(day.year, 9, world.between(3, 12))
    return world.next_working_day(day)
