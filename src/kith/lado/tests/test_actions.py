"""Allegations recorded through the actions: linked to every child's chronology, decisions with reasons (R-129)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.lado import actions
from kith.lado.models import Allegation, AllegationCategory, DecisionKind, LadoDecision, Outcome
from kith.people.models import Person
from kith.platform import clock
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


def _allegation(authority: Authority, lado: StaffMember, *children: Person, days_ago: int = 40) -> Allegation:
    return actions.record_allegation(
        list(children) or [authority.own_child, authority.other_child],
        received_on=_days_ago(days_ago),
        referrer_name="Mrs Ada Clark",
        referrer_agency="Oakfield Primary School (headteacher)",
        subject_name="Mark Ellis",
        subject_role="teaching assistant",
        subject_employer="Oakfield Primary School",
        category=AllegationCategory.HARMED,
        details="Grabbed two children by the arm in the playground, leaving marks",
        advice_given="Employer to consider suspension; do not investigate before the strategy discussion",
        by=lado.user,
    )


@pytest.mark.requirement("R-129")
def test_an_allegation_is_a_key_event_on_every_affected_childs_chronology_without_naming_the_person(
    authority: Authority, lado: StaffMember
) -> None:
    # given / when
    allegation = _allegation(authority, lado)
    # then
    summaries = [
        [event.summary for event in chronology_of(child, key_only=True, event_types=["lado.allegation_recorded"])]
        for child in (authority.own_child, authority.other_child)
    ]
    expected = (
        f"LADO allegation {allegation.reference} about a teaching assistant at Oakfield Primary School: "
        "behaved in a way that has harmed a child, or may have harmed a child"
    )
    assert summaries == [[expected], [expected]]
    assert sorted(child.full_name for child in allegation.children.all()) == ["Ava Thompson", "Leo Brennan"]


@pytest.mark.requirement("R-129")
def test_each_decision_keeps_its_rationale_and_reaches_every_childs_chronology(
    authority: Authority, lado: StaffMember
) -> None:
    # given
    allegation = _allegation(authority, lado)
    # when
    made = actions.record_lado_decision(
        allegation,
        decided_on=_days_ago(39),
        decision=DecisionKind.STRATEGY_DISCUSSION,
        rationale="Marks seen by the school nurse; possible assault, so police must be involved",
        by=lado.user,
    )
    # then
    assert (made.decided_by, made.rationale) == (
        lado,
        "Marks seen by the school nurse; possible assault, so police must be involved",
    )
    for child in (authority.own_child, authority.other_child):
        assert chronology_of(child, event_types=["lado.decision_recorded"]).get().summary == (
            f"LADO decision on {allegation.reference} by Nadia Osei: Hold a strategy discussion. "
            "Why: Marks seen by the school nurse; possible assault, so police must be involved"
        )


def test_a_decision_without_reasons_or_before_the_allegation_is_refused_and_nothing_is_saved(
    authority: Authority, lado: StaffMember
) -> None:
    # given
    allegation = _allegation(authority, lado)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.record_lado_decision(
            allegation, decided_on=_days_ago(41), decision=DecisionKind.REFER_TO_POLICE, rationale=" ", by=lado.user
        )
    # then
    assert refused.value.problems == {
        "decided_on": [
            f"The date of the decision ({long_date(_days_ago(41))}) cannot be before the date the allegation was "
            f"received ({long_date(_days_ago(40))})"
        ],
        "rationale": ["Enter the reasons for the decision"],
    }
    assert (LadoDecision.objects.count(), CaseEvent.objects.count()) == (0, events_before)


@pytest.mark.requirement("R-129")
def test_the_outcome_records_the_time_to_resolution(authority: Authority, lado: StaffMember) -> None:
    # given
    allegation = _allegation(authority, lado)
    actions.record_lado_decision(
        allegation,
        decided_on=_days_ago(39),
        decision=DecisionKind.EMPLOYER_INVESTIGATION,
        rationale="Police will not pursue; the employer investigates",
        by=lado.user,
    )
    # when
    closed = actions.close_allegation(
        allegation, closed_on=_days_ago(10), outcome=Outcome.SUBSTANTIATED, outcome_summary="Dismissed", by=lado.user
    )
    # then
    assert (closed.outcome, closed.days_to_resolution) == ("substantiated", 30)
    assert chronology_of(authority.own_child, event_types=["lado.allegation_closed"]).get().summary == (
        f"LADO allegation {allegation.reference} concluded: substantiated, 30 days after it was received"
    )


def test_an_allegation_cannot_be_concluded_without_a_decision_nor_before_it(
    authority: Authority, lado: StaffMember
) -> None:
    # given
    allegation = _allegation(authority, lado)
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.close_allegation(allegation, closed_on=_days_ago(45), outcome=Outcome.UNFOUNDED, by=lado.user)
    # then
    assert refused.value.problems == {
        "closed_on": [
            "Record the LADO's decision, with the reasons, before concluding the allegation",
            f"The date the allegation was concluded ({long_date(_days_ago(45))}) cannot be before the date it was "
            f"received ({long_date(_days_ago(40))})",
        ]
    }
    allegation.refresh_from_db()
    assert (allegation.closed_on, allegation.outcome) == (None, "")


def test_an_allegation_needs_a_child_the_details_and_a_date_not_in_the_future(
    authority: Authority, lado: StaffMember
) -> None:
    # given
    events_before = CaseEvent.objects.count()
    tomorrow = clock.today() + timedelta(days=1)
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.record_allegation(
            [],
            received_on=tomorrow,
            referrer_name="Police",
            referrer_agency="Police",
            subject_name="Mark Ellis",
            subject_role="coach",
            subject_employer="Town FC",
            category="gossip",
            details="",
            by=lado.user,
        )
    # then
    assert refused.value.problems == {
        "children": ["Enter at least one child the allegation affects"],
        "received_on": [f"The date the allegation was received ({long_date(tomorrow)}) must be today or in the past"],
        "category": ["Select what the allegation is"],
        "details": ["Enter what is alleged"],
    }
    assert (Allegation.objects.count(), CaseEvent.objects.count()) == (0, events_before)


@pytest.mark.parametrize("role", ["social_worker", "team_manager", "service_manager", "screener"])
def test_only_the_lado_records_allegations(authority: Authority, lado: StaffMember, role: str) -> None:
    # given / when
    with pytest.raises(NotAllowed):
        _allegation(authority, getattr(authority, role), authority.own_child)
    # then
    assert Allegation.objects.count() == 0


def test_the_lado_cannot_name_a_restricted_child_they_have_no_grant_for(
    authority: Authority, lado: StaffMember
) -> None:
    # given / when
    with pytest.raises(NotAllowed):
        _allegation(authority, lado, authority.own_child, authority.restricted_child)
    # then
    assert Allegation.objects.count() == 0
