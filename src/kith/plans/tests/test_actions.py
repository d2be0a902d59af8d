"""Adding an objective to a plan after it started, and withdrawing one, for child in need and CP plans."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kith.child_in_need.actions import end_child_in_need_plan
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import SCHOOL, given_plan
from kith.front_door.models import Referral
from kith.plans.actions import add_objective, withdraw_objective
from kith.plans.models import Objective
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_cp_plan

pytestmark = pytest.mark.django_db

HOUSING = replace(
    SCHOOL,
    outcome="The family has a home with a bedroom for Ava",
    action="Support Kerry's housing application",
    owner="Sam Green",
    owner_agency="Housing",
    target_date=date(2027, 6, 30),
)


def _counts() -> tuple[int, int, int]:
    return (
        Objective.objects.count(),
        Objective.objects.filter(withdrawn_on__isnull=False).count(),
        CaseEvent.objects.count(),
    )


@pytest.fixture
def plan(authority: Authority, referral: Referral) -> ChildInNeedPlan:
    return given_plan(referral, authority.social_worker)


@pytest.mark.requirement("R-043")
@pytest.mark.requirement("R-044")
def test_an_objective_is_added_to_an_open_plan_with_an_event(authority: Authority, plan: ChildInNeedPlan) -> None:
    # when
    added = add_objective(plan, HOUSING, by=authority.social_worker.user, added_on=date(2027, 3, 15))
    # then
    assert (
        added.child_in_need_plan,
        added.action,
        added.owner,
        added.owner_agency,
        added.target_date,
        added.added_on,
    ) == (
        plan,
        "Support Kerry's housing application",
        "Sam Green",
        "Housing",
        date(2027, 6, 30),
        date(2027, 3, 15),
    )
    assert [
        (event.occurred_on, event.summary, event.subject)
        for event in chronology_of(authority.own_child, event_types=["plans.objective_added"])
    ] == [
        (
            date(2027, 3, 15),
            "Objective added to the child in need plan: Support Kerry's housing application "
            "(Sam Green, by 30 June 2027)",
            added,
        )
    ]


def test_an_objective_is_added_to_a_child_protection_plan_too(authority: Authority, referral: Referral) -> None:
    cp = given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 20))
    added = add_objective(cp, HOUSING, by=authority.social_worker.user)
    assert (added.child_protection_plan, added.child_in_need_plan, added.added_on) == (cp, None, date(2027, 4, 15))
    assert (
        chronology_of(authority.own_child, event_types=["plans.objective_added"])
        .get()
        .summary.startswith("Objective added to the child protection plan:")
    )


def test_an_incomplete_objective_or_one_due_before_it_is_added_is_refused(
    authority: Authority, plan: ChildInNeedPlan
) -> None:
    before = _counts()
    with pytest.raises(RuleBroken) as refused:
        add_objective(plan, replace(HOUSING, owner="", target_date=date(2027, 3, 1)), by=authority.social_worker.user)
    assert refused.value.problems == {
        "owner": ["Name who is responsible"],
        "target_date": ["The target date (1 March 2027) is before the objective is added (15 April 2027)"],
    }
    assert _counts() == before


def test_no_objective_is_added_to_an_ended_plan(authority: Authority, plan: ChildInNeedPlan) -> None:
    end_child_in_need_plan(plan, ended_on=date(2027, 4, 1), end_reason="Needs met", by=authority.social_worker.user)
    before = _counts()
    with pytest.raises(RuleBroken) as refused:
        add_objective(plan, HOUSING, by=authority.social_worker.user)
    assert refused.value.problems == {
        "plan": ["The child in need plan ended on 1 April 2027: its objectives can no longer change"]
    }
    assert _counts() == before


def test_an_objective_is_withdrawn_with_the_reason_and_its_progress_kept(
    authority: Authority, plan: ChildInNeedPlan
) -> None:
    # given
    dentist = plan.objectives.get(owner="Priya Shah")
    # when
    withdraw_objective(
        dentist, on=date(2027, 2, 10), reason="Ava saw the school dentist", by=authority.social_worker.user
    )
    # then
    dentist.refresh_from_db()
    assert (dentist.withdrawn_on, dentist.withdrawn_reason) == (date(2027, 2, 10), "Ava saw the school dentist")
    assert chronology_of(authority.own_child, event_types=["plans.objective_withdrawn"]).get().summary == (
        "Objective withdrawn from the child in need plan: Book and take Ava to a dentist appointment. "
        "Reason: Ava saw the school dentist"
    )


def test_withdrawing_twice_before_the_plan_or_without_a_reason_is_refused(
    authority: Authority, plan: ChildInNeedPlan
) -> None:
    # given an objective withdrawn on 10 February 2027
    dentist = plan.objectives.get(owner="Priya Shah")
    withdraw_objective(dentist, on=date(2027, 2, 10), reason="Seen", by=authority.social_worker.user)
    school = plan.objectives.get(owner="Kerry Thompson (mum)")
    before = _counts()
    # when / then
    with pytest.raises(RuleBroken) as twice:
        withdraw_objective(dentist, on=date(2027, 2, 11), reason="Again", by=authority.social_worker.user)
    with pytest.raises(RuleBroken) as early:
        withdraw_objective(school, on=date(2027, 1, 29), reason="", by=authority.social_worker.user)
    assert twice.value.problems == {"on": ["This objective was already withdrawn on 10 February 2027"]}
    assert early.value.problems == {
        "on": [
            "The date of withdrawal (29 January 2027) is before the objective was added (1 February 2027)",
        ],
        "reason": ["Enter why the objective is withdrawn"],
    }
    assert _counts() == before


def test_someone_who_cannot_record_on_the_child_is_refused(authority: Authority, plan: ChildInNeedPlan) -> None:
    before = _counts()
    with pytest.raises(NotAllowed):
        add_objective(plan, HOUSING, by=authority.south_worker.user)
    with pytest.raises(NotAllowed):
        withdraw_objective(plan.objectives.first(), on=date(2027, 3, 1), reason="x", by=authority.analyst.user)  # type: ignore[arg-type]
    assert _counts() == before
