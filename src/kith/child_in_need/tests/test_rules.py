"""The child in need rules as pure functions: one plan at a time, dates in order, named in the messages."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from kith.child_in_need import rules
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.front_door.models import Referral

AVA = SimpleNamespace(full_name="Ava Thompson", given_name="Ava", date_of_birth=date(2021, 1, 1), date_of_death=None)
TODAY = date(2027, 4, 15)
days = st.integers(min_value=0, max_value=400)


def _plan(started_on: date, ended_on: date | None = None) -> ChildInNeedPlan:
    return ChildInNeedPlan(started_on=started_on, ended_on=ended_on)


@given(cp_start=days, cp_length=st.one_of(st.none(), days), cin_start=days)
def test_a_child_in_need_plan_overlaps_a_child_protection_plan_unless_it_starts_when_that_ends(
    cp_start: int, cp_length: int | None, cin_start: int
) -> None:
    # given a child protection plan and a child in need plan starting on some day
    base = date(2026, 1, 1)
    cp_ended = None if cp_length is None else base + timedelta(days=cp_start + cp_length)
    cp = ChildProtectionPlan(started_on=base + timedelta(days=cp_start), ended_on=cp_ended)
    starting = base + timedelta(days=cin_start)
    overlapping = [cp] if cp.ended_on is None or cp.ended_on > starting else []
    # when
    problems = rules.overlap_problems(
        AVA, started_on=starting, child_protection_plans=overlapping, child_in_need_plans=[]
    )
    # then it is refused exactly when the CP plan is open or ends after the CIN plan starts
    assert bool(problems) == (cp_ended is None or cp_ended > starting)


def test_a_child_protection_plan_starting_after_the_date_given_is_named() -> None:
    # given a CP plan open since 1 March 2027
    cp = ChildProtectionPlan(started_on=date(2027, 3, 1), ended_on=None)
    # when a CIN plan would start on 1 February 2027
    problems = rules.overlap_problems(
        AVA, started_on=date(2027, 2, 1), child_protection_plans=[cp], child_in_need_plans=[]
    )
    # then
    assert problems == {
        "started_on": [
            "Ava Thompson has been on a child protection plan since 1 March 2027, after the start date given "
            "(1 February 2027): the two plans cannot be open at the same time"
        ]
    }


def test_an_earlier_child_in_need_plan_still_running_on_the_start_date_is_named() -> None:
    problems = rules.overlap_problems(
        AVA,
        started_on=date(2027, 2, 1),
        child_protection_plans=[],
        child_in_need_plans=[_plan(date(2026, 11, 2), date(2027, 2, 15))],
    )
    assert problems == {
        "started_on": [
            "Ava Thompson had a child in need plan from 2 November 2026 to 15 February 2027: a new plan can start on "
            "15 February 2027 at the earliest"
        ]
    }


def test_a_referral_for_no_further_action_takes_no_plan() -> None:
    referral = Referral(referral_date=date(2027, 1, 4), no_further_action=True)
    assert rules.referral_problems(referral, started_on=date(2027, 2, 1)) == {
        "referral": ["The referral of 4 January 2027 was for no further action: no plan can start on it"]
    }


def test_the_end_cannot_be_before_the_last_visit_or_after_a_child_protection_plan_started() -> None:
    # given a plan from 1 February 2027 with a visit on 10 March, and a CP plan from 20 March
    plan = _plan(date(2027, 2, 1))
    cp = ChildProtectionPlan(started_on=date(2027, 3, 20))
    # when it would end on 5 March
    early = rules.end_problems(
        plan,
        child=AVA,
        ended_on=date(2027, 3, 5),
        today=TODAY,
        end_reason="x",
        last_recorded_on=date(2027, 3, 10),
        child_protection_plan_started=None,
    )
    late = rules.end_problems(
        plan,
        child=AVA,
        ended_on=date(2027, 3, 25),
        today=TODAY,
        end_reason="x",
        last_recorded_on=None,
        child_protection_plan_started=cp,
    )
    # then
    assert early == {
        "ended_on": ["The end date (5 March 2027) is before the last review or visit under the plan (10 March 2027)"]
    }
    assert late == {
        "ended_on": [
            "A child protection plan started on 20 March 2027: the child in need plan must end on or before that "
            "day, not 25 March 2027"
        ]
    }


@given(before=st.integers(min_value=1, max_value=300))
def test_an_end_before_the_start_always_names_both_dates(before: int) -> None:
    plan = _plan(date(2027, 2, 1))
    ended = plan.started_on - timedelta(days=before)
    problems = rules.end_problems(
        plan,
        child=AVA,
        ended_on=ended,
        today=TODAY,
        end_reason="x",
        last_recorded_on=None,
        child_protection_plan_started=None,
    )
    assert problems["ended_on"][-1] == (
        f"The plan cannot end ({ended.day} {ended:%B %Y}) before it started (1 February 2027)"
    )


def test_the_next_review_comes_after_the_review() -> None:
    problems = rules.review_problems(
        _plan(date(2027, 2, 1)),
        child=AVA,
        held_on=date(2027, 4, 12),
        today=TODAY,
        attendees="a",
        child_views="b",
        parents_views="c",
        decisions="d",
        plan_continues=True,
        next_review_on=date(2027, 4, 12),
    )
    assert problems == {"next_review_on": ["The next review (12 April 2027) must be after this review (12 April 2027)"]}


def test_a_review_of_an_ended_plan_is_refused() -> None:
    problems = rules.review_problems(
        _plan(date(2027, 2, 1), date(2027, 3, 1)),
        child=AVA,
        held_on=date(2027, 3, 1),
        today=TODAY,
        attendees="a",
        child_views="b",
        parents_views="c",
        decisions="d",
        plan_continues=False,
        next_review_on=None,
    )
    assert problems == {"held_on": ["The child in need plan ended on 1 March 2027"]}
