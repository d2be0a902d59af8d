"""Starting, reviewing, sharing and ending child in need plans: what is stored, and what is refused whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kith.child_in_need.actions import (
    end_child_in_need_plan,
    record_plan_shared_with_family,
    review_child_in_need_plan,
    start_child_in_need_plan,
)
from kith.child_in_need.models import ChildInNeedPlan, ChildInNeedReview
from kith.child_in_need.tests.builders import DENTIST, FIRST_REVIEW, PLAN_STARTS, REFERRED_ON, SCHOOL, given_plan
from kith.front_door.models import Referral
from kith.plans.models import Objective, ProgressUpdate
from kith.plans.records import open_objectives
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.cin_census import ReasonForClosure
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_cp_plan, given_referral

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "plans": ChildInNeedPlan.objects.count(),
        "objectives": Objective.objects.count(),
        "reviews": ChildInNeedReview.objects.count(),
        "progress": ProgressUpdate.objects.count(),
        "deadlines": Deadline.objects.count(),
        "events": CaseEvent.objects.count(),
    }


def _start(referral: Referral, authority: Authority, **overrides: object) -> ChildInNeedPlan:
    values: dict[str, object] = {
        "started_on": PLAN_STARTS,
        "summary_for_family": "Ava has missed a lot of school.",
        "contingency": "A meeting to decide whether more help is needed.",
        "lead_professional": "Priya Shah",
        "first_review_on": FIRST_REVIEW,
        "objectives": [SCHOOL],
        **overrides,
    }
    return start_child_in_need_plan(referral, by=authority.social_worker.user, **values)  # type: ignore[arg-type]


def _refused(call: object) -> dict[str, list[str]]:
    assert callable(call)
    with pytest.raises(RuleBroken) as refused:
        call()
    return refused.value.problems


# -- starting a plan ----------------------------------------------------------------------------


@pytest.mark.requirement("R-043")
@pytest.mark.requirement("R-044")
def test_a_plan_starts_with_its_objectives_owners_and_target_dates(authority: Authority, referral: Referral) -> None:
    # when
    plan = given_plan(referral, authority.social_worker)
    # then
    assert (plan.child, plan.referral, plan.started_on, plan.ended_on, plan.next_review_on) == (
        authority.own_child,
        referral,
        PLAN_STARTS,
        None,
        FIRST_REVIEW,
    )
    assert list(
        plan.objectives.values_list("outcome", "action", "owner", "owner_agency", "target_date", "added_on")
    ) == [
        (DENTIST.outcome, DENTIST.action, "Priya Shah", "Children's social care", date(2027, 2, 26), PLAN_STARTS),
        (SCHOOL.outcome, SCHOOL.action, "Kerry Thompson (mum)", "Parent", date(2027, 3, 31), PLAN_STARTS),
    ]


def test_starting_a_plan_starts_the_visit_clock_due_20_working_days_later(
    authority: Authority, referral: Referral
) -> None:
    # when the plan starts on Monday 1 February 2027
    plan = given_plan(referral, authority.social_worker)
    # then the first visit is due 20 working days later, on Monday 1 March 2027
    deadline = Deadline.objects.get(timescale_code="child_in_need.visit")
    assert (deadline.child, deadline.subject, deadline.started_on, deadline.due_on, deadline.met_on) == (
        authority.own_child,
        plan,
        PLAN_STARTS,
        date(2027, 3, 1),
        None,
    )


def test_starting_a_plan_is_a_key_event_in_the_chronology(authority: Authority, referral: Referral) -> None:
    # when
    plan = given_plan(referral, authority.social_worker)
    # then
    assert [
        (event.event_type, event.occurred_on, event.summary, event.subject)
        for event in chronology_of(authority.own_child, key_only=True, event_types=["child_in_need.plan_started"])
    ] == [
        (
            "child_in_need.plan_started",
            PLAN_STARTS,
            "Child in need plan started with 2 objectives; lead professional Priya Shah, social worker",
            plan,
        )
    ]


def test_a_plan_is_refused_while_a_child_protection_plan_is_open_naming_its_start(
    authority: Authority, referral: Referral
) -> None:
    # given Ava has been on a child protection plan since 20 January 2027
    given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 20))
    before = _counts()
    # when / then
    assert _refused(lambda: _start(referral, authority)) == {
        "started_on": [
            "Ava Thompson has been on a child protection plan since 20 January 2027: a child in need plan cannot "
            "be open at the same time. The child protection plan must end first."
        ]
    }
    assert _counts() == before


def test_a_plan_may_start_on_the_day_a_child_protection_plan_ended_but_not_before(
    authority: Authority, referral: Referral
) -> None:
    # given a child protection plan from 5 January to 1 February 2027
    cp = given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 5))
    cp.ended_on = PLAN_STARTS
    cp.save()
    before = _counts()
    # when a plan is started the day before it ended, it is refused
    assert _refused(lambda: _start(referral, authority, started_on=date(2027, 1, 29))) == {
        "started_on": [
            "Ava Thompson was on a child protection plan from 5 January 2027 to 1 February 2027: a child in need "
            "plan can start on 1 February 2027 at the earliest"
        ]
    }
    assert _counts() == before
    # and on the day it ended, it starts (a step-down)
    assert _start(referral, authority).started_on == PLAN_STARTS


def test_a_second_plan_is_refused_while_one_is_open(authority: Authority, referral: Referral) -> None:
    # given
    given_plan(referral, authority.social_worker)
    before = _counts()
    # when / then
    assert _refused(lambda: _start(referral, authority, started_on=date(2027, 3, 1))) == {
        "started_on": [
            "Ava Thompson already has a child in need plan, open since 1 February 2027: end it before starting another"
        ]
    }
    assert _counts() == before


def test_a_plan_is_refused_on_a_closed_referral_and_before_the_referral_date(authority: Authority) -> None:
    # given a referral of 4 January 2027 closed on 20 January 2027
    referral = given_referral(authority.own_child, authority.social_worker, on=REFERRED_ON)
    Referral.objects.filter(pk=referral.pk).update(
        closed_on=date(2027, 1, 20), closure_reason=ReasonForClosure.SERVICES_CEASED
    )
    referral.refresh_from_db()
    before = _counts()
    # when / then
    assert _refused(lambda: _start(referral, authority, started_on=date(2027, 1, 2))) == {
        "referral": [
            "The referral of 4 January 2027 was closed on 20 January 2027: a child in need plan can only start on "
            "an open referral"
        ],
        "started_on": ["The plan's start date (2 January 2027) is before the referral (4 January 2027)"],
    }
    assert _counts() == before


@pytest.mark.requirement("R-043")
def test_a_plan_without_objectives_or_with_incomplete_ones_is_refused(authority: Authority, referral: Referral) -> None:
    # given
    before = _counts()
    no_owner = replace(SCHOOL, owner=" ", target_date=date(2027, 1, 31))
    # when / then
    assert _refused(lambda: _start(referral, authority, objectives=[])) == {
        "objectives": [
            "Add at least one objective: what needs to change, what will be done, who will do it and by when"
        ]
    }
    assert _refused(lambda: _start(referral, authority, objectives=[SCHOOL, no_owner])) == {
        "objective_2_owner": ["Objective 2: name who is responsible"],
        "objective_2_target_date": [
            "Objective 2: the target date (31 January 2027) is before the plan starts (1 February 2027)"
        ],
    }
    assert _counts() == before


def test_a_plan_needs_words_for_the_family_a_lead_professional_and_a_review_date(
    authority: Authority, referral: Referral
) -> None:
    # given
    before = _counts()
    # when / then
    assert _refused(
        lambda: _start(
            referral,
            authority,
            summary_for_family="",
            contingency=" ",
            lead_professional="",
            first_review_on=PLAN_STARTS,
            started_on=date(2027, 4, 16),
        )
    ) == {
        "started_on": ["The plan's start date (16 April 2027) must be today or in the past"],
        "summary_for_family": ["Enter what we are worried about, for the family to read"],
        "contingency": ["Enter what will happen if things do not change"],
        "lead_professional": ["Name the lead professional"],
        "first_review_on": ["The first review (1 February 2027) must be after the plan starts (16 April 2027)"],
        "objective_1_target_date": [
            "Objective 1: the target date (31 March 2027) is before the plan starts (16 April 2027)"
        ],
    }
    assert _counts() == before


def test_a_plan_cannot_start_after_the_childs_death(authority: Authority, referral: Referral) -> None:
    # given Ava died on 30 January 2027
    child = authority.own_child
    child.date_of_death = date(2027, 1, 30)
    child.save()
    referral.child.refresh_from_db()
    # when / then
    assert _refused(lambda: _start(referral, authority))["started_on"] == [
        "The plan's start date (1 February 2027) is after Ava Thompson's death (30 January 2027)"
    ]


def test_someone_who_cannot_record_on_the_child_is_refused(authority: Authority, referral: Referral) -> None:
    # given the South worker, whose scope does not reach Ava
    before = _counts()
    # when / then
    with pytest.raises(NotAllowed):
        start_child_in_need_plan(
            referral,
            started_on=PLAN_STARTS,
            summary_for_family="x",
            contingency="y",
            lead_professional="z",
            first_review_on=FIRST_REVIEW,
            objectives=[SCHOOL],
            by=authority.south_worker.user,
        )
    assert _counts() == before


# -- reviewing it -----------------------------------------------------------------------------


def _progress(plan: ChildInNeedPlan, value: str = "on_track") -> list[tuple[Objective, str, str]]:
    return [(objective, value, f"Notes on {objective.owner}") for objective in open_objectives(plan)]


@pytest.mark.requirement("R-021")
@pytest.mark.requirement("R-004")
def test_a_review_records_views_decisions_progress_on_each_objective_and_the_next_review(
    authority: Authority, referral: Referral
) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    dentist, school = list(open_objectives(plan))
    # when
    review = review_child_in_need_plan(
        plan,
        held_on=date(2027, 4, 12),
        attendees="Kerry Thompson (mum); Priya Shah (social worker); Ms Lane (class teacher)",
        child_views="Ava drew her family and said school is 'OK now'.",
        parents_views="Kerry says mornings are easier.",
        decisions="Continue the plan for three more months.",
        progress=[(dentist, "achieved", "Seen on 20 February"), (school, "some_progress", "Two late marks")],
        plan_continues=True,
        next_review_on=date(2027, 7, 12),
        by=authority.social_worker.user,
    )
    # then
    plan.refresh_from_db()
    assert (review.held_on, review.child_views, review.parents_views, review.plan_continues) == (
        date(2027, 4, 12),
        "Ava drew her family and said school is 'OK now'.",
        "Kerry says mornings are easier.",
        True,
    )
    assert plan.next_review_on == date(2027, 7, 12)
    assert list(
        ProgressUpdate.objects.values_list("objective", "progress", "notes", "recorded_on", "recorded_at_kind")
    ) == [
        (dentist.pk, "achieved", "Seen on 20 February", date(2027, 4, 12), "child in need review"),
        (school.pk, "some_progress", "Two late marks", date(2027, 4, 12), "child in need review"),
    ]
    assert list(open_objectives(plan)) == [school]
    assert chronology_of(authority.own_child, event_types=["child_in_need.plan_reviewed"]).get().summary == (
        "Child in need review: plan continues; next review 12 July 2027. Decisions: Continue the plan for three "
        "more months."
    )


@pytest.mark.requirement("R-021")
def test_a_review_without_views_progress_or_next_date_is_refused(authority: Authority, referral: Referral) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    dentist, school = list(open_objectives(plan))
    before = _counts()
    # when / then
    assert _refused(
        lambda: review_child_in_need_plan(
            plan,
            held_on=date(2027, 1, 29),
            attendees="",
            child_views="",
            parents_views=" ",
            decisions="",
            progress=[(dentist, "on_track", "")],
            plan_continues=True,
            next_review_on=None,
            by=authority.social_worker.user,
        )
    ) == {
        "held_on": ["The date of the review (29 January 2027) is before the plan started (1 February 2027)"],
        "attendees": ["Enter who came to the review"],
        "child_views": ["Record Ava's views, or why they could not be given"],
        "parents_views": ["Record the parents' or carers' views, or why they were not given"],
        "decisions": ["Enter what the review decided"],
        "next_review_on": ["Enter the date of the next review"],
        f"progress_{school.pk}": [f"Say how '{school.action}' is progressing"],
    }
    assert _counts() == before


# -- sharing and ending -----------------------------------------------------------------------


@pytest.mark.requirement("R-047")
def test_sharing_the_plan_with_the_family_is_recorded_with_its_date(authority: Authority, referral: Referral) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    # when
    record_plan_shared_with_family(plan, shared_on=date(2027, 2, 3), by=authority.social_worker.user)
    # then
    plan.refresh_from_db()
    assert plan.shared_with_family_on == date(2027, 2, 3)
    assert chronology_of(authority.own_child, event_types=["child_in_need.plan_shared_with_family"]).get().summary == (
        "Child in need plan shared with the family on 3 February 2027"
    )


def test_a_plan_cannot_be_shared_before_it_started(authority: Authority, referral: Referral) -> None:
    plan = given_plan(referral, authority.social_worker)
    before = _counts()
    assert _refused(
        lambda: record_plan_shared_with_family(plan, shared_on=date(2027, 1, 29), by=authority.social_worker.user)
    ) == {"shared_on": ["The date the plan was shared (29 January 2027) is before the plan started (1 February 2027)"]}
    assert _counts() == before


def test_ending_the_plan_records_the_end_and_closes_its_visit_clock(authority: Authority, referral: Referral) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    # when
    end_child_in_need_plan(
        plan,
        ended_on=date(2027, 4, 1),
        end_reason="Needs met: Ava is at school every day",
        by=authority.social_worker.user,
    )
    # then
    plan.refresh_from_db()
    deadline = Deadline.objects.get(timescale_code="child_in_need.visit")
    assert (plan.ended_on, plan.end_reason, plan.next_review_on) == (
        date(2027, 4, 1),
        "Needs met: Ava is at school every day",
        None,
    )
    assert (deadline.cancelled_on, deadline.cancel_reason, deadline.met_on) == (date(2027, 4, 1), "plan ended", None)
    assert chronology_of(authority.own_child, event_types=["child_in_need.plan_ended"]).get().summary == (
        "Child in need plan ended (it started on 1 February 2027): Needs met: Ava is at school every day"
    )


def test_a_plan_ending_before_it_starts_is_refused_naming_both_dates(authority: Authority, referral: Referral) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    before = _counts()
    # when / then
    assert _refused(
        lambda: end_child_in_need_plan(
            plan, ended_on=date(2027, 1, 25), end_reason="Moved", by=authority.social_worker.user
        )
    ) == {"ended_on": ["The plan cannot end (25 January 2027) before it started (1 February 2027)"]}
    plan.refresh_from_db()
    assert (plan.ended_on, _counts()) == (None, before)


def test_a_plan_cannot_end_twice_nor_without_a_reason(authority: Authority, referral: Referral) -> None:
    # given a plan ended on 1 April 2027
    plan = given_plan(referral, authority.social_worker)
    end_child_in_need_plan(plan, ended_on=date(2027, 4, 1), end_reason="Needs met", by=authority.social_worker.user)
    before = _counts()
    # when / then
    assert _refused(
        lambda: end_child_in_need_plan(plan, ended_on=date(2027, 4, 2), end_reason="", by=authority.social_worker.user)
    ) == {
        "ended_on": ["The child in need plan ended on 1 April 2027"],
        "end_reason": ["Enter why the plan is ending"],
    }
    assert _counts() == before
