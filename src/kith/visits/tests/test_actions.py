"""Recording statutory visits: what a visit must say, and how it moves the visit clocks."""

from __future__ import annotations

from datetime import date

import pytest

from kith.child_in_need.actions import end_child_in_need_plan
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import given_plan
from kith.child_protection.models import ChildProtectionPlan
from kith.front_door.models import Referral
from kith.plans.models import Objective, ProgressUpdate
from kith.plans.records import open_objectives
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.visits.actions import record_visit
from kith.visits.models import Visit, VisitUnder
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_cp_plan

pytestmark = pytest.mark.django_db

CIN_CLOCK = "child_in_need.visit"
CP_CLOCK = "child_protection.visit"


def _counts() -> dict[str, int]:
    return {
        "visits": Visit.objects.count(),
        "progress": ProgressUpdate.objects.count(),
        "deadlines": Deadline.objects.count(),
        "events": CaseEvent.objects.count(),
    }


def _progress(plan: object, value: str = "on_track") -> list[tuple[Objective, str, str]]:
    return [(objective, value, "") for objective in open_objectives(plan)]  # type: ignore[arg-type]


def _visit(authority: Authority, plan: object, **overrides: object) -> Visit:
    values: dict[str, object] = {
        "visited_on": date(2027, 3, 3),
        "where": "At home",
        "child_seen": True,
        "seen_alone": True,
        "spoken_to_alone": True,
        "bedroom_seen": True,
        "why_not_seen": "",
        "observations": "Ava showed me her reading book; the kitchen had food in.",
        "child_views": "Ava said she likes her new teacher.",
        "direct_work": "We did three houses: worries house empty.",
        "analysis": "Mornings are calmer; school attendance is improving.",
        "outcome": "Next visit in four weeks; Priya to ring school on Friday.",
        **overrides,
    }
    if "progress" not in values:
        values["progress"] = _progress(plan)
    return record_visit(authority.own_child, by=authority.social_worker.user, **values)  # type: ignore[arg-type]


def _refused(call: object) -> dict[str, list[str]]:
    assert callable(call)
    with pytest.raises(RuleBroken) as refused:
        call()
    return refused.value.problems


@pytest.fixture
def cin_plan(authority: Authority, referral: Referral) -> ChildInNeedPlan:
    """Ava's plan from 1 February 2027; its first visit was due 1 March 2027."""
    return given_plan(referral, authority.social_worker)


@pytest.fixture
def cp_plan(authority: Authority, referral: Referral) -> ChildProtectionPlan:
    """Ava's child protection plan from 20 January 2027, with its visit clock running (due 3 February 2027)."""
    return given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 20))


@pytest.mark.requirement("R-002")
@pytest.mark.requirement("R-003")
@pytest.mark.requirement("R-004")
@pytest.mark.requirement("R-027")
def test_a_visit_records_seen_alone_observations_analysis_outcome_and_progress(
    authority: Authority, cin_plan: ChildInNeedPlan
) -> None:
    # given
    dentist, school = list(open_objectives(cin_plan))
    # when
    visit = _visit(
        authority, cin_plan, progress=[(dentist, "achieved", "Seen 20 February"), (school, "some_progress", "")]
    )
    # then
    assert (
        visit.under,
        visit.child_in_need_plan,
        visit.child_protection_plan,
        visit.visited_by,
        visit.child_seen,
        visit.child_seen_alone,
        visit.child_spoken_to_alone,
        visit.bedroom_seen,
    ) == (VisitUnder.CHILD_IN_NEED_PLAN, cin_plan, None, authority.social_worker, True, True, True, True)
    assert (visit.analysis, visit.outcome, visit.child_views, visit.direct_work) == (
        "Mornings are calmer; school attendance is improving.",
        "Next visit in four weeks; Priya to ring school on Friday.",
        "Ava said she likes her new teacher.",
        "We did three houses: worries house empty.",
    )
    assert list(
        ProgressUpdate.objects.values_list("objective", "progress", "recorded_on", "recorded_at_kind", "recorded_at_id")
    ) == [
        (dentist.pk, "achieved", date(2027, 3, 3), "visit", visit.pk),
        (school.pk, "some_progress", date(2027, 3, 3), "visit", visit.pk),
    ]


def test_a_visit_where_the_child_was_seen_meets_the_clock_and_the_next_is_due_20_working_days_later(
    authority: Authority, cin_plan: ChildInNeedPlan
) -> None:
    # when Ava is seen on Wednesday 3 March 2027
    _visit(authority, cin_plan)
    # then the first clock is met (late: it was due 1 March), and the next is due 20 working days later,
    # on Friday 2 April 2027, not counting Good Friday (26 March) and Easter Monday (29 March)
    assert list(
        Deadline.objects.filter(timescale_code=CIN_CLOCK)
        .order_by("started_on")
        .values_list("started_on", "due_on", "met_on")
    ) == [(date(2027, 2, 1), date(2027, 3, 1), date(2027, 3, 3)), (date(2027, 3, 3), date(2027, 4, 2), None)]


def test_a_child_protection_visit_meets_the_cp_clock_and_the_next_is_due_10_working_days_later(
    authority: Authority, cp_plan: ChildProtectionPlan
) -> None:
    # when Ava is seen on Wednesday 10 February 2027
    visit = _visit(authority, cp_plan, visited_on=date(2027, 2, 10))
    # then the visit is under the CP plan; the clock due 3 February is met, the next is due 24 February
    assert (visit.under, visit.child_protection_plan) == (VisitUnder.CHILD_PROTECTION_PLAN, cp_plan)
    assert list(
        Deadline.objects.filter(timescale_code=CP_CLOCK)
        .order_by("started_on")
        .values_list("started_on", "due_on", "met_on")
    ) == [(date(2027, 1, 20), date(2027, 2, 3), date(2027, 2, 10)), (date(2027, 2, 10), date(2027, 2, 24), None)]
    assert Deadline.objects.get(met_on=date(2027, 2, 10)).met_by_event == CaseEvent.objects.get(
        event_type="visits.visit_recorded"
    )


@pytest.mark.requirement("R-002")
def test_when_the_child_is_not_seen_the_clock_keeps_running(authority: Authority, cin_plan: ChildInNeedPlan) -> None:
    # when nobody answered the door on 3 March 2027
    visit = _visit(
        authority,
        cin_plan,
        child_seen=False,
        seen_alone=False,
        spoken_to_alone=False,
        why_not_seen="No answer at the door; card left and Kerry rang back to rearrange for Friday.",
        child_views="",
    )
    # then the visit is kept with the reason, and the first clock is still open, due 1 March
    assert (visit.child_seen, visit.why_not_seen) == (
        False,
        "No answer at the door; card left and Kerry rang back to rearrange for Friday.",
    )
    assert list(Deadline.objects.filter(timescale_code=CIN_CLOCK).values_list("started_on", "due_on", "met_on")) == [
        (date(2027, 2, 1), date(2027, 3, 1), None)
    ]
    assert chronology_of(authority.own_child, event_types=["visits.visit_recorded"]).get().summary == (
        "Child in need visit (At home): Ava not seen (No answer at the door; card left and Kerry rang back to "
        "rearrange for Friday.). Outcome: Next visit in four weeks; Priya to ring school on Friday."
    )


def test_a_visit_entered_late_leaves_the_clock_of_a_later_visit_alone(
    authority: Authority, cin_plan: ChildInNeedPlan
) -> None:
    # given a visit on 3 March 2027 already recorded
    _visit(authority, cin_plan)
    # when an earlier visit, on 24 February, is entered afterwards
    _visit(authority, cin_plan, visited_on=date(2027, 2, 24))
    # then the clock from 3 March still runs, and nothing else moved
    assert list(
        Deadline.objects.filter(timescale_code=CIN_CLOCK)
        .order_by("started_on")
        .values_list("started_on", "due_on", "met_on")
    ) == [(date(2027, 2, 1), date(2027, 3, 1), date(2027, 3, 3)), (date(2027, 3, 3), date(2027, 4, 2), None)]
    assert Visit.objects.count() == 2


def test_a_visit_is_refused_when_there_is_no_open_plan(authority: Authority, referral: Referral) -> None:
    # given Ava has no plan
    before = _counts()
    # when / then
    assert _refused(lambda: _visit(authority, None, progress=[])) == {
        "plan": [
            "Ava Thompson is not looked after and has no open child in need or child protection plan to record a "
            "statutory visit against"
        ]
    }
    assert _counts() == before


@pytest.mark.requirement("R-002")
@pytest.mark.requirement("R-003")
@pytest.mark.requirement("R-004")
def test_a_visit_that_does_not_say_why_what_it_means_or_what_happens_next_is_refused(
    authority: Authority, cin_plan: ChildInNeedPlan
) -> None:
    # given
    before = _counts()
    dentist, school = list(open_objectives(cin_plan))
    # when / then
    assert _refused(
        lambda: _visit(
            authority,
            cin_plan,
            visited_on=date(2027, 1, 29),
            child_seen=False,
            seen_alone=False,
            spoken_to_alone=False,
            why_not_seen=" ",
            observations="",
            analysis="",
            outcome="",
            progress=[(dentist, "on_track", "")],
        )
    ) == {
        "visited_on": [
            "The date of the visit (29 January 2027) is before the child in need plan started (1 February 2027)"
        ],
        "why_not_seen": ["Say why Ava was not seen"],
        "observations": ["Enter what you saw and heard"],
        "analysis": ["Enter what the visit tells you about Ava's safety and needs"],
        "outcome": ["Enter the outcome of the visit and what happens next"],
        f"progress_{school.pk}": [f"Say how '{school.action}' is progressing"],
    }
    assert _counts() == before


@pytest.mark.requirement("R-002")
@pytest.mark.requirement("R-021")
def test_seen_but_not_alone_needs_the_reason_and_the_childs_views_are_needed(
    authority: Authority, cin_plan: ChildInNeedPlan
) -> None:
    before = _counts()
    assert _refused(lambda: _visit(authority, cin_plan, seen_alone=False, child_views="")) == {
        "why_not_alone": ["Say why Ava was not seen alone or spoken to alone"],
        "child_views": ["Record Ava's wishes and feelings, or why they could not be gathered"],
    }
    assert _counts() == before


def test_a_child_protection_visit_must_say_whether_the_bedroom_was_seen(
    authority: Authority, cp_plan: ChildProtectionPlan
) -> None:
    before = _counts()
    assert _refused(lambda: _visit(authority, cp_plan, visited_on=date(2027, 2, 10), bedroom_seen=None)) == {
        "bedroom_seen": ["Say whether Ava's bedroom was seen"]
    }
    assert _counts() == before


def test_a_child_in_need_visit_may_leave_the_bedroom_unanswered(
    authority: Authority, cin_plan: ChildInNeedPlan
) -> None:
    assert _visit(authority, cin_plan, bedroom_seen=None).bedroom_seen is None


def test_someone_who_cannot_record_on_the_child_is_refused(authority: Authority, cin_plan: ChildInNeedPlan) -> None:
    before = _counts()
    with pytest.raises(NotAllowed):
        record_visit(
            authority.own_child,
            visited_on=date(2027, 3, 3),
            where="Home",
            child_seen=True,
            seen_alone=True,
            spoken_to_alone=True,
            bedroom_seen=True,
            why_not_seen="",
            observations="o",
            child_views="v",
            direct_work="",
            analysis="a",
            outcome="x",
            progress=_progress(cin_plan),
            by=authority.analyst.user,
        )
    assert _counts() == before


def test_a_plan_cannot_end_before_its_last_visit(authority: Authority, cin_plan: ChildInNeedPlan) -> None:
    # given a visit on 3 March 2027
    _visit(authority, cin_plan)
    # when / then
    with pytest.raises(RuleBroken) as refused:
        end_child_in_need_plan(
            cin_plan, ended_on=date(2027, 3, 2), end_reason="Needs met", by=authority.social_worker.user
        )
    assert refused.value.problems == {
        "ended_on": ["The end date (2 March 2027) is before the last review or visit under the plan (3 March 2027)"]
    }
