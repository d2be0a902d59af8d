"""Reviews meet and restart their clocks; refusals name the dates and codes and save nothing."""

from __future__ import annotations

from datetime import date
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps as django_apps

from kith.care_reviews.actions import (
    allocate_iro,
    complete_review_decision,
    escalate_iro_challenge,
    hold_review,
    raise_iro_challenge,
    record_minutes_distributed,
    record_support_offer,
    resolve_iro_challenge,
)
from kith.care_reviews.models import IroAllocation, Review, SupportOffer
from kith.care_reviews.queries import current_iro
from kith.care_reviews.rules import DecisionDetails
from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import PeriodOfCare
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

SCHOOL = DecisionDetails(
    decision="Ask the school for a learning assessment", owner="Priya Shah", due_on=date(2027, 3, 1)
)


def _school_assessment(*, due_on: date) -> DecisionDetails:
    return DecisionDetails(decision=SCHOOL.decision, owner=SCHOOL.owner, due_on=due_on)


def _review(period: PeriodOfCare, iro: StaffMember, held_on: date, **changes: Any) -> Review:
    values: dict[str, Any] = {
        "held_on": held_on,
        "participation": "PN1",
        "iro_met_child_on": held_on,
        "child_views": "Ava likes her carers and wants to see her brother more",
        "progress": "Settled at home and at school",
        "care_plan_meets_needs": True,
        "decisions": [_school_assessment(due_on=max(held_on, SCHOOL.due_on or held_on))],
    }
    if Review.objects.filter(period=period).exists():
        values |= {"previous_decisions_checked": True, "previous_decisions_notes": "The assessment was done"}
    return hold_review(period, **(values | changes), by=iro.user)


def _review_clocks(period: PeriodOfCare) -> list[tuple[str, date, date | None]]:
    return list(
        Deadline.objects.filter(child=period.child, timescale_code__contains="review")
        .order_by("started_on", "pk")
        .values_list("timescale_code", "due_on", "met_on")
    )


def test_each_review_meets_the_clock_running_and_starts_the_next(period: PeriodOfCare, iro: StaffMember) -> None:
    # when the first review is held on day 19 and the second within three months
    _review(period, iro, date(2027, 1, 29))
    _review(period, iro, date(2027, 4, 20))
    # then the first met the 20-working-day clock, the second the 3-month one, and 6 months run from it
    assert _review_clocks(period) == [
        ("children_in_care.first_review", date(2027, 2, 1), date(2027, 1, 29)),
        ("children_in_care.second_review", date(2027, 4, 29), date(2027, 4, 20)),
        ("children_in_care.later_review", date(2027, 10, 20), None),
    ]


def test_a_review_before_the_child_came_into_care_is_refused_and_nothing_is_saved(
    period: PeriodOfCare, iro: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _review(period, iro, date(2027, 1, 3), iro_met_child_on=date(2027, 1, 3))
    assert refused.value.problems["held_on"] == [
        "The review (3 January 2027) is before Ava Thompson came into care (4 January 2027)"
    ]
    assert (Review.objects.count(), CaseEvent.objects.filter(event_type="care_reviews.review_held").count()) == (0, 0)


@pytest.mark.requirement("R-029")
def test_pn0_is_only_for_a_child_under_four(period: PeriodOfCare, iro: StaffMember) -> None:
    with pytest.raises(RuleBroken) as refused:
        _review(period, iro, date(2027, 1, 29), participation="PN0")
    assert refused.value.problems["participation"] == [
        "PN0 is for a child under 4; Ava Thompson was 6 on 29 January 2027"
    ]


@pytest.mark.requirement("R-073")
def test_every_decision_says_who_and_by_when_and_is_not_due_before_the_review(
    period: PeriodOfCare, iro: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _review(
            period,
            iro,
            date(2027, 1, 29),
            decisions=[
                DecisionDetails(decision="Life story work", owner="", due_on=None),
                DecisionDetails(decision="Dentist", owner="Carers", due_on=date(2027, 1, 20)),
            ],
        )
    assert (refused.value.problems["decision_1"], refused.value.problems["decision_2"]) == (
        ["Decision 1: say who will do it", "Decision 1: say by when"],
        ["Decision 2 is due on 20 January 2027, before the review (29 January 2027)"],
    )


@pytest.mark.requirement("R-069")
@pytest.mark.requirement("R-070")
def test_the_second_review_must_say_what_became_of_the_first_reviews_decisions(
    period: PeriodOfCare, iro: StaffMember
) -> None:
    _review(period, iro, date(2027, 1, 29))
    with pytest.raises(RuleBroken) as refused:
        hold_review(
            period,
            held_on=date(2027, 4, 20),
            participation="PN6",
            iro_met_child_on=None,
            child_views="Sent a drawing",
            progress="Steady",
            care_plan_meets_needs=True,
            decisions=[DecisionDetails(decision="Dentist", owner="Carers", due_on=date(2027, 5, 1))],
            by=iro.user,
        )
    assert refused.value.problems == {
        "why_iro_did_not_meet_child": ["Say when the IRO met the child before the review, or why they did not"],
        "previous_decisions_checked": ["Say whether the decisions of the review on 29 January 2027 were checked"],
        "previous_decisions_notes": ["Say what became of the decisions of the review on 29 January 2027"],
    }


def test_a_new_iro_ends_the_last_allocation(authority: Authority, period: PeriodOfCare, iro: StaffMember) -> None:
    second = add_staff("Omar Reid", Role.IRO, authority.service)
    allocate_iro(period, iro=iro, allocated_on=date(2027, 1, 5), by=authority.team_manager.user)
    allocate_iro(period, iro=second, allocated_on=date(2027, 6, 1), by=authority.team_manager.user)
    assert list(IroAllocation.objects.order_by("pk").values_list("iro__full_name", "allocated_on", "ended_on")) == [
        ("Irene Walsh", date(2027, 1, 5), date(2027, 6, 1)),
        ("Omar Reid", date(2027, 6, 1), None),
    ]


def test_the_iro_allocation_ends_with_the_period_and_the_same_iro_can_take_the_child_back(
    authority: Authority, period: PeriodOfCare, iro: StaffMember
) -> None:
    allocate_iro(period, iro=iro, allocated_on=date(2027, 1, 5), by=authority.team_manager.user)
    end_period_of_care(period, ended_on=date(2027, 3, 1), reason_ceased="E4A", by=authority.social_worker.user)
    assert current_iro(period.child) is None

    again = given_looked_after_child(authority.own_child, authority.social_worker, on=date(2027, 5, 3))
    allocate_iro(again, iro=iro, allocated_on=date(2027, 5, 4), by=authority.team_manager.user)

    assert list(IroAllocation.objects.order_by("pk").values_list("period", "allocated_on", "ended_on")) == [
        (period.pk, date(2027, 1, 5), date(2027, 3, 1)),
        (again.pk, date(2027, 5, 4), None),
    ]


def test_the_data_migration_ends_an_allocation_its_ended_period_left_open(
    authority: Authority, period: PeriodOfCare, iro: StaffMember
) -> None:
    # given an allocation as one stood before ending a period of care ended it: still open after the period
    allocate_iro(period, iro=iro, allocated_on=date(2027, 1, 5), by=authority.team_manager.user)
    end_period_of_care(period, ended_on=date(2027, 3, 1), reason_ceased="E4A", by=authority.social_worker.user)
    IroAllocation.objects.filter(period=period).update(ended_on=None)
    # and another child's allocation in a period still running
    running = given_looked_after_child(authority.other_child, authority.south_worker, on=date(2027, 1, 4))
    allocate_iro(running, iro=iro, allocated_on=date(2027, 1, 6), by=authority.service_manager.user)
    # when
    migration = import_module("kith.care_reviews.migrations.0003_end_iro_allocations_of_ended_periods")
    migration.end_with_their_periods(django_apps, None)
    # then the first ends on the day its period did, and the running one stays open
    assert list(IroAllocation.objects.order_by("pk").values_list("period", "ended_on")) == [
        (period.pk, date(2027, 3, 1)),
        (running.pk, None),
    ]


@pytest.mark.requirement("R-071")
@pytest.mark.requirement("R-073")
def test_a_decision_done_after_its_date_says_so_and_minutes_go_out_after_the_review(
    authority: Authority, period: PeriodOfCare, iro: StaffMember
) -> None:
    review = _review(period, iro, date(2027, 1, 29))
    decision = review.decisions.get()
    complete_review_decision(decision, completed_on=date(2027, 3, 4), by=authority.social_worker.user)
    with pytest.raises(RuleBroken) as refused:
        record_minutes_distributed(
            review, distributed_on=date(2027, 1, 28), recipients="Ava's mother", by=authority.social_worker.user
        )
    assert refused.value.problems["distributed_on"] == [
        "The minutes cannot go out (28 January 2027) before the review (29 January 2027)"
    ]
    assert CaseEvent.objects.filter(event_type="care_reviews.decision_completed").get().summary == (
        "Done late: Ask the school for a learning assessment (due 1 March 2027)"
    )


@pytest.mark.requirement("R-067")
@pytest.mark.requirement("R-068")
def test_a_challenge_moves_up_the_stages_and_is_resolved_with_what_was_agreed(
    period: PeriodOfCare, iro: StaffMember
) -> None:
    challenge = raise_iro_challenge(
        period, raised_on=date(2027, 3, 1), concern="No sibling contact for six weeks", by=iro.user
    )
    escalate_iro_challenge(
        challenge, escalated_on=date(2027, 3, 8), to_stage="service_manager", reason="No reply", by=iro.user
    )
    with pytest.raises(RuleBroken) as refused:
        escalate_iro_challenge(
            challenge, escalated_on=date(2027, 3, 9), to_stage="team_manager", reason="Wrong way", by=iro.user
        )
    assert refused.value.problems["to_stage"] == [
        "The challenge is already at stage 2: service manager: choose a later stage"
    ]
    resolve_iro_challenge(
        challenge, resolved_on=date(2027, 3, 12), agreed_actions="Fortnightly contact from 15 March", by=iro.user
    )
    challenge.refresh_from_db()
    assert (challenge.stage, challenge.resolved_on, list(challenge.escalations.values_list("to_stage", flat=True))) == (
        "service_manager",
        date(2027, 3, 12),
        ["service_manager"],
    )


@pytest.mark.requirement("R-134")
@pytest.mark.requirement("R-135")
def test_an_offer_declined_says_why_and_one_provided_says_by_whom(period: PeriodOfCare) -> None:
    worker = period.child.allocations.get().worker
    offer = {"period": period, "offered_on": date(2027, 2, 1), "by": worker.user}
    with pytest.raises(RuleBroken) as refused:
        record_support_offer(kind="independent_visitor", outcome="declined", **offer)
    assert refused.value.problems == {"reason_declined": ["Say why the child declined, in their words if you can"]}
    with pytest.raises(RuleBroken) as refused:
        record_support_offer(kind="advocate", outcome="provided", **offer)
    assert refused.value.problems == {"provider": ["Say who provides the advocate or visitor"]}
    record_support_offer(kind="independent_visitor", outcome="declined", reason_declined="Has her aunt", **offer)
    record_support_offer(kind="advocate", outcome="provided", provider="NYAS", purpose="A placement concern", **offer)
    assert list(SupportOffer.objects.order_by("pk").values_list("kind", "outcome", "reason_declined", "provider")) == [
        ("independent_visitor", "declined", "Has her aunt", ""),
        ("advocate", "provided", "", "NYAS"),
    ]
    assert sorted(e.summary for e in chronology_of(period.child) if e.event_type == "care_reviews.support_offered") == [
        "Advocate offered; provided by NYAS",
        "Independent visitor offered; declined: Has her aunt",
    ]
