"""One story of the generator at a time, lived through the real actions in the tiny authority: what a
user would find recorded afterwards."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models import F

from kith.adoption.models import AdoptionPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.children_in_care.models import Placement
from kith.education.models import PersonalEducationPlan, SchoolPlace, TermAttendance
from kith.education.queries import PEP_CLOCKS, PEP_COMPLETED, PEP_STARTED
from kith.front_door.models import Referral
from kith.legal.models import CareProceedings, PreProceedings
from kith.platform import clock
from kith.platform.calendar.working_days import add_months, add_working_days
from kith.platform.timescales.models import OPEN, Deadline
from kith.quality.models import ManagementDecision
from kith.returns.ssda903 import build_903
from kith.returns.years import collection_year
from kith.synthetic.generator.authority import set_up_authority
from kith.synthetic.generator.case import Path
from kith.synthetic.generator.court import DELAYS
from kith.synthetic.generator.front_door import contact_arrives
from kith.synthetic.generator.population import People
from kith.synthetic.generator.sizes import PROFILES
from kith.synthetic.generator.uasc import TRANSFERRING_COUNCILS
from kith.synthetic.generator.world import World, at
from kith.uasc.models import UascRecord, eighteenth_birthday

LONDON = ZoneInfo("Europe/London")
ARRIVED = date(2025, 4, 2)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today_is_1_april_2026(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(datetime(2026, 4, 1, 9, 0, tzinfo=LONDON), tick=False)


def _live_until(world: World, last: date, *, first: date = ARRIVED) -> None:
    day = first
    while day <= last:
        world.live(day)
        day += timedelta(days=1)


def _tiny_world(seed: int) -> tuple[World, People]:
    world = World.begin(PROFILES["tiny"], seed=seed, start=date(2025, 4, 1), as_of=date(2026, 3, 31))
    with clock.recording_at(datetime(2025, 4, 1, 8, 0, tzinfo=LONDON)):
        world.authority = set_up_authority(world)
    return world, People(world)


def _likely_story_of_a_child_in_care(*, aged: int, came_in: date, until: date) -> None:
    """A child already known who comes into care (as the opening caseload does), lived to ``until`` in a world
    where every dice roll goes the likely way: an even chance or better happens, anything rarer does not."""
    world, people = _tiny_world(1)
    world.chance = lambda p: p >= 0.5  # type: ignore[method-assign]
    world.on(came_in, at(9, 0), contact_arrives, people, Path(route="care", assessment_days=20), aged)
    _live_until(world, until, first=came_in)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_unaccompanied_child_transferred_to_the_authority_is_looked_after_that_day_and_claims_asylum(
    seed: int,
) -> None:
    world, people = _tiny_world(seed)
    world.on(ARRIVED, at(10, 0), contact_arrives, people, Path(route="care", uasc="transferred"))

    _live_until(world, ARRIVED + timedelta(days=61))

    record = UascRecord.objects.select_related("child").get()
    child = record.child
    assert (child.is_uasc, child.immigration_status, child.interpreter_needed) == (True, "asylum_seeker", True)
    assert 14 <= (child.age_on(ARRIVED) or 0) <= 17
    assert (record.became_uasc_on, record.transferred_on) == (ARRIVED, ARRIVED)
    assert record.transferred_from in TRANSFERRING_COUNCILS
    referral = Referral.objects.get(child=child)
    assert (referral.referral_date, referral.source, referral.primary_need) == (ARRIVED, "5C", "N8")
    period = child.periods_of_care.get()
    first = period.episodes.order_by("started_on", "pk").first()
    assert first is not None
    assert (period.started_on, first.legal_status, first.category_of_need) == (ARRIVED, "V2", "N8")
    # No relatives to stay with: foster carers, a children's home, or supported accommodation.
    placed = set(Placement.objects.filter(period=period).values_list("placement_type", flat=True))
    assert placed <= {"U6", "K2", "K3"}
    # In the return: no home postcode (rule 406), and the 18th birthday as the date UASC status ceases even
    # while it is still to come (rule 205B).
    returned = build_903(collection_year(2026)).tables
    assert {row["HOME_POST"] for row in returned["episodes"] if row["CHILD"] == child.kith_id} == {""}
    assert [row["DUC"] for row in returned["uasc"] if row["CHILD"] == child.kith_id] == [
        f"{eighteenth_birthday(child.date_of_birth):%d/%m/%Y}"
    ]
    # The claim is lodged within 14 to 60 days of arriving.
    assert list(record.status_changes.values_list("status", flat=True)) == ["claim_lodged"]
    assert ARRIVED + timedelta(days=14) <= record.status_changes.get().changed_on <= ARRIVED + timedelta(days=60)


def test_a_toddler_whose_plan_is_adoption_is_placed_and_adopted_with_the_authoritys_steps_on_time() -> None:
    came_in = date(2023, 1, 4)
    _likely_story_of_a_child_in_care(aged=1, came_in=came_in, until=date(2026, 3, 31))

    plan = AdoptionPlan.objects.select_related("period", "child").get()
    period = plan.period
    assert came_in <= period.started_on <= add_working_days(came_in, 2)
    # An emergency protection order, the interim care order, then the placement order at the final hearing.
    statuses = list(period.episodes.order_by("started_on", "pk").values_list("legal_status", flat=True))
    assert statuses == ["L2", "C1", "E1", "E1"]
    assert period.started_on < plan.decided_on < plan.authority_given_on < plan.matched_on < plan.placed_on
    assert plan.placed_on < plan.adoption_order_on
    adopters = Placement.objects.get(period=period, placement_type="A6")
    assert (adopters.started_on, plan.placement_id, plan.adopted_by_foster_carers) == (
        plan.placed_on,
        adopters.pk,
        False,
    )
    assert (period.ended_on, period.reason_ceased in {"E11", "E12"}) == (plan.adoption_order_on, True)
    assert Referral.objects.get(child=plan.child).closure_reason == "RC1"
    reviews = list(plan.reviews.order_by("held_on").values_list("held_on", "after_placement"))
    assert reviews[0][0] <= add_months(plan.authority_given_on, 3)
    assert [after for _, after in reviews].count(True) >= 1
    # The team manager's oversight in supervision, never more than 50 days apart while the case was open.
    overseen = list(
        ManagementDecision.objects.filter(child=plan.child, kind="oversight")
        .order_by("decided_on")
        .values_list("decided_on", flat=True)
    )
    assert len(overseen) >= 15
    assert max((later - earlier).days for earlier, later in itertools.pairwise(overseen)) <= 50
    assert overseen[-1] <= plan.adoption_order_on
    # The court: the emergency protection order made and ended the day the child came into care; the care
    # application the day of the interim care order, ended by the placement order at the final hearing.
    emergency, care = CareProceedings.objects.filter(child=plan.child).order_by("application_made_on", "pk")
    assert (emergency.application_kind, emergency.application_made_on, emergency.ended_on, emergency.final_order) == (
        "emergency_protection_order",
        period.started_on,
        period.started_on,
        "emergency_protection_order",
    )
    interim_on = period.episodes.get(legal_status="C1").started_on
    assert (care.application_kind, care.application_made_on, care.ended_on, care.final_order) == (
        "care_order",
        interim_on,
        plan.authority_given_on,
        "placement_order",
    )
    hearings = list(care.hearings.order_by("held_on").values_list("kind", "order_made"))
    assert hearings[0] == ("first", "interim_care_order")
    assert hearings[-1] == ("final", "placement_order")
    # Every clock the authority's own work started was met in time, or closed when care ended. The court's
    # 26 weeks ran out, as most do (about 45 weeks on average nationally), and the delay is explained.
    late = Deadline.objects.filter(child=plan.child, met_on__gt=F("due_on"))
    assert list(late.values_list("timescale_code", flat=True)) == ["legal.care_proceedings"]
    assert (care.ended_on - care.application_made_on).days > 26 * 7
    assert care.delay_reasons in DELAYS
    assert not Deadline.objects.filter(OPEN, child=plan.child).exists()


def test_a_child_of_school_age_in_care_has_a_school_a_pep_in_time_reviewed_each_term_and_attendance() -> None:
    came_in = date(2024, 10, 1)
    _likely_story_of_a_child_in_care(aged=9, came_in=came_in, until=date(2025, 9, 30))

    plan = PersonalEducationPlan.objects.select_related("period", "child").get()
    # Looked after once the front door has decided: the same day or within two working days.
    entered = plan.period.started_on
    assert came_in <= entered <= add_working_days(came_in, 2)
    school = SchoolPlace.objects.get(child=plan.child)
    # The primary school the child already went to, joined in reception one September.
    assert (school.year_group, school.started_on.month, school.ended_on) == ("R", 9, None)
    assert plan.started_on <= add_working_days(entered, 10)
    assert plan.completed_on is not None
    assert plan.completed_on <= add_working_days(entered, 20)
    held = list(plan.meetings.order_by("held_on").values_list("held_on", flat=True))
    assert held[0] == plan.completed_on
    assert len(held) >= 4
    assert max((later - earlier).days for earlier, later in itertools.pairwise(held)) <= 160
    assert all(day.month != 8 for day in held)  # never in the summer holiday
    terms = list(TermAttendance.objects.filter(child=plan.child).values_list("school_year", "term"))
    assert sorted(terms) == [(2024, "autumn"), (2024, "spring"), (2024, "summer")]
    clocks = Deadline.objects.filter(child=plan.child, timescale_code__in=PEP_CLOCKS)
    assert sorted(clocks.values_list("timescale_code", "met_on")) == [
        (PEP_COMPLETED, plan.completed_on),
        (PEP_STARTED, plan.started_on),
    ]


def test_a_child_whose_protection_plan_ends_in_care_goes_through_pre_proceedings_to_an_interim_care_order() -> None:
    """A child protection plan that ends with care 200 days in: pre-proceedings under the public law outline
    first, then the decision to issue, the care application and the interim care order the same day."""
    world, people = _tiny_world(1)
    world.chance = lambda p: p >= 0.5  # type: ignore[method-assign]
    path = Path(route="s47", enquiry_outcome="icpc", plan=True, plan_days=400, care_after_days=200)
    world.on(ARRIVED, at(9, 0), contact_arrives, people, path, 6)

    _live_until(world, ARRIVED + timedelta(days=320))

    pre_proceedings = PreProceedings.objects.select_related("child").get()
    child = pre_proceedings.child
    period = child.periods_of_care.get()
    plan_started_on = ChildProtectionPlan.objects.get(child=child).started_on
    came_into_care = plan_started_on + timedelta(days=200)
    assert period.started_on == came_into_care
    # Entered 10 to 16 weeks before care; the letter, the initial meeting with the family meeting offered
    # there and held, at least one review, then the decision to issue the day the application was made.
    assert came_into_care - timedelta(days=116) <= pre_proceedings.entered_on <= came_into_care - timedelta(days=70)
    assert pre_proceedings.entered_on < pre_proceedings.letter_sent_on
    meetings = list(pre_proceedings.meetings.order_by("held_on").values_list("kind", "held_on"))
    assert meetings[0][0] == "initial"
    assert meetings[0][1] > pre_proceedings.letter_sent_on
    assert "review" in [kind for kind, _ in meetings]
    assert pre_proceedings.family_meeting_offered_on == meetings[0][1]
    assert pre_proceedings.family_meeting_held_on is not None
    assert (pre_proceedings.ended_on, pre_proceedings.outcome, pre_proceedings.letter_of_issue_sent_on) == (
        came_into_care,
        "issue_proceedings",
        came_into_care,
    )
    proceedings = CareProceedings.objects.get(child=child)
    assert (proceedings.application_kind, proceedings.application_made_on, proceedings.pre_proceedings_id) == (
        "care_order",
        came_into_care,
        pre_proceedings.pk,
    )
    assert proceedings.hearings.order_by("held_on").values_list("kind", "held_on", "order_made").first() == (
        "first",
        came_into_care,
        "interim_care_order",
    )
    assert period.episodes.order_by("started_on", "pk").first().legal_status == "C1"
    # The tracker's clock met when the manager decided to issue.
    assert list(
        Deadline.objects.filter(child=child, timescale_code="legal.pre_proceedings_review").values_list("met_on")
    ) == [(came_into_care,)]
