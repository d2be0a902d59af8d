"""Youth justice actions: what each records and writes to the chronology; refusals name the dates and save nothing;
the 903 OC2 CONVICTED flag follows from the outcomes with nothing keyed twice."""

from __future__ import annotations

from datetime import date

import pytest

from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import RuleBroken
from kith.workforce.actions import allocate_case
from kith.workforce.tests.fixtures import Authority, add_child
from kith.youth_justice.actions import (
    agree_release_plan,
    close_youth_justice_involvement,
    end_custody,
    open_youth_justice_involvement,
    record_custody_visit,
    record_joint_supervision,
    record_youth_justice_outcome,
    start_custody,
)
from kith.youth_justice.models import CustodyEpisode, Involvement, Outcome
from kith.youth_justice.queries import convicted_between

pytestmark = pytest.mark.django_db

APRIL_2027, MARCH_2028 = date(2027, 4, 1), date(2028, 3, 31)


def _summaries(code: str) -> list[tuple[date, str]]:
    return list(
        CaseEvent.objects.filter(event_type=code).order_by("occurred_on", "pk").values_list("occurred_on", "summary")
    )


def _outcome(involvement: Involvement, authority: Authority, kind: str, on: date) -> Outcome:
    return record_youth_justice_outcome(
        involvement, kind=kind, outcome_on=on, offence="Robbery of a mobile phone", by=authority.social_worker.user
    )


def _remand(involvement: Involvement, authority: Authority, on: date, kind: str = "remand") -> CustodyEpisode:
    return start_custody(
        involvement,
        kind=kind,
        establishment="Tees Secure Children's Home",
        establishment_kind="sch",
        started_on=on,
        education="25 hours a week; GCSE English and maths with his school's coursework",
        by=authority.social_worker.user,
    )


def test_opening_records_the_yjs_worker_and_writes_a_key_event(involvement: Involvement) -> None:
    assert (involvement.yos_worker, involvement.yos_team, involvement.closed_on) == (
        "Dan Price",
        "Hartlepool Youth Justice Service",
        None,
    )
    assert _summaries("youth_justice.involvement_opened") == [
        (
            date(2027, 3, 1),
            "Youth justice involvement opened: Dan Price, Hartlepool Youth Justice Service. Arrested with older boys "
            "carrying cannabis for sale",
        )
    ]


def test_a_second_involvement_while_one_is_open_is_refused(authority: Authority, involvement: Involvement) -> None:
    with pytest.raises(RuleBroken) as refused:
        open_youth_justice_involvement(
            involvement.child,
            opened_on=date(2027, 6, 1),
            yos_worker="",
            yos_team="Hartlepool YJS",
            reason="Another arrest",
            by=authority.social_worker.user,
        )
    assert refused.value.problems == {
        "opened_on": ["Kai Morgan's youth justice involvement has been open since 1 March 2027: close it first"],
        "yos_worker": ["Enter the name of the YJS worker"],
    }
    assert Involvement.objects.count() == 1


@pytest.mark.requirement("R-123")
def test_diversion_does_not_set_the_903_conviction_flag_and_a_caution_does(
    authority: Authority, involvement: Involvement
) -> None:
    _outcome(involvement, authority, "police_triage", date(2027, 3, 20))
    assert convicted_between(involvement.child, date(2026, 4, 1), date(2027, 3, 31)) is False
    _outcome(involvement, authority, "youth_caution", date(2027, 4, 1))
    assert (
        convicted_between(involvement.child, date(2026, 4, 1), date(2027, 3, 31)),
        convicted_between(involvement.child, APRIL_2027, MARCH_2028),
    ) == (False, True)
    assert [summary for _, summary in _summaries("youth_justice.outcome_recorded")] == [
        "Police triage: diverted, no caution for Robbery of a mobile phone (not a conviction)",
        "Youth caution for Robbery of a mobile phone (counts as a conviction or caution for the 903)",
    ]


@pytest.mark.parametrize(
    ("kind", "counts"),
    [
        ("police_triage", False),
        ("community_resolution", False),
        ("youth_caution", True),
        ("youth_conditional_caution", True),
        ("referral_order", True),
        ("youth_rehabilitation_order", True),
        ("detention_and_training_order", True),
        ("other_sentence", True),
        ("other_not_counted", False),
    ],
)
def test_each_kind_of_outcome_counts_for_the_903_or_not(
    authority: Authority, involvement: Involvement, kind: str, counts: bool
) -> None:
    outcome = _outcome(involvement, authority, kind, date(2027, 5, 1))
    assert (outcome.counts_for_903, convicted_between(involvement.child, APRIL_2027, MARCH_2028)) == (counts, counts)


def test_an_outcome_before_the_involvement_or_for_a_child_under_10_is_refused(
    authority: Authority, involvement: Involvement
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _outcome(involvement, authority, "youth_caution", date(2027, 2, 27))
    assert refused.value.problems["outcome_on"] == [
        "The outcome (27 February 2027) is before the youth justice involvement opened (1 March 2027)"
    ]
    young = add_child("Ned", "Ross", aged=9, by=authority.business_support)
    allocate_case(
        young,
        team=authority.north,
        worker=None,
        reason="Referral accepted",
        started_on=date(2027, 9, 1),
        by=authority.front_door_manager.user,
    )
    involvement_of_young = open_youth_justice_involvement(
        young,
        opened_on=date(2027, 10, 1),
        yos_worker="Dan Price",
        yos_team="Hartlepool YJS",
        reason="Prevention work",
        by=authority.team_manager.user,
    )
    with pytest.raises(RuleBroken) as too_young:
        _outcome(involvement_of_young, authority, "community_resolution", date(2027, 10, 5))
    with pytest.raises(RuleBroken) as too_young_for_custody:
        _remand(involvement_of_young, authority, date(2027, 10, 5))
    assert (too_young.value.problems["outcome_on"], too_young_for_custody.value.problems["started_on"]) == (
        ["Ned Ross was 9 on 5 October 2027: no outcome can be recorded for a child under 10"],
        ["Ned Ross was 9 on 5 October 2027: no custody can be recorded for a child under 10"],
    )
    assert (Outcome.objects.count(), CustodyEpisode.objects.count()) == (0, 0)


def test_a_custodial_sentence_needs_a_detention_and_training_order_first(
    authority: Authority, involvement: Involvement
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _remand(involvement, authority, date(2027, 9, 6), kind="sentence")
    assert refused.value.problems["kind"] == [
        "No detention and training order is recorded on or before 6 September 2027: record the sentence first"
    ]
    _outcome(involvement, authority, "detention_and_training_order", date(2027, 9, 6))
    episode = _remand(involvement, authority, date(2027, 9, 6), kind="sentence")
    with pytest.raises(RuleBroken) as unplanned:
        end_custody(episode, ended_on=date(2027, 10, 20), reason="sentence_release", by=authority.social_worker.user)
    assert unplanned.value.problems["reason"] == ["Agree the release plan before recording a release from a sentence"]


@pytest.mark.requirement("R-119")
def test_a_remand_with_visits_a_release_plan_and_release_is_recorded_in_the_chronology(
    authority: Authority, involvement: Involvement
) -> None:
    worker = authority.social_worker.user
    episode = _remand(involvement, authority, date(2027, 9, 6))
    with pytest.raises(RuleBroken) as early:
        record_custody_visit(episode, visited_on=date(2027, 9, 5), child_seen_alone=True, notes="Fine", by=worker)
    assert early.value.problems["visited_on"] == [
        "The visit (5 September 2027) is before the child went into custody (6 September 2027)"
    ]
    record_custody_visit(
        episode, visited_on=date(2027, 9, 9), child_seen_alone=True, notes="Kai is scared but eating", by=worker
    )
    agree_release_plan(
        episode,
        agreed_on=date(2027, 9, 17),
        plan="Back to school the next day; YJS appointments twice a week",
        accommodation_on_release="Bev and Carl Hunt (foster carers)",
        by=worker,
    )
    end_custody(episode, ended_on=date(2027, 9, 20), reason="remand_ended", by=worker)
    assert [
        (code, summary)
        for code, summary in CaseEvent.objects.filter(event_type__startswith="youth_justice.custody")
        .order_by("occurred_on")
        .values_list("event_type", "summary")
    ] == [
        (
            "youth_justice.custody_started",
            "Remanded to youth detention accommodation: Tees Secure Children's Home (secure children's home)",
        ),
        ("youth_justice.custody_visited", "Priya Shah visited at Tees Secure Children's Home, seen alone"),
        (
            "youth_justice.custody_ended",
            "Left Tees Secure Children's Home after 14 days: remand ended at court (acquitted, or a community "
            "sentence)",
        ),
    ]


def test_a_second_custody_episode_while_one_is_open_and_closing_during_custody_are_refused(
    authority: Authority, involvement: Involvement
) -> None:
    _remand(involvement, authority, date(2027, 9, 6))
    with pytest.raises(RuleBroken) as second:
        _remand(involvement, authority, date(2027, 9, 8))
    with pytest.raises(RuleBroken) as closing:
        close_youth_justice_involvement(
            involvement, closed_on=date(2027, 9, 10), summary="Moved area", by=authority.social_worker.user
        )
    message = "has been in custody at Tees Secure Children's Home since 6 September 2027: record them leaving first"
    assert (second.value.problems["started_on"], closing.value.problems["closed_on"]) == (
        [f"Kai Morgan {message}"],
        [f"The child {message}"],
    )
    assert CustodyEpisode.objects.count() == 1


def test_joint_supervision_is_recorded_while_the_involvement_is_open_and_refused_after_it_closed(
    authority: Authority, involvement: Involvement
) -> None:
    worker = authority.social_worker.user
    record_joint_supervision(
        involvement,
        held_on=date(2027, 8, 9),
        attendees="Priya Shah, Dan Price (YJS), Tom Hughes",
        discussion="Kai's exploitation and the court date",
        decisions="Refer to the National Referral Mechanism; joint visits fortnightly",
        by=worker,
    )
    close_youth_justice_involvement(involvement, closed_on=date(2027, 10, 1), summary="Order completed", by=worker)
    with pytest.raises(RuleBroken) as refused:
        record_joint_supervision(
            involvement, held_on=date(2027, 10, 5), attendees="Priya", discussion="x", decisions="y", by=worker
        )
    assert refused.value.problems["held_on"] == [
        "The supervision (5 October 2027) is after the youth justice involvement closed (1 October 2027)"
    ]
    assert _summaries("youth_justice.joint_supervision_held") == [
        (
            date(2027, 8, 9),
            "Joint YJS and social care supervision (Priya Shah, Dan Price (YJS), Tom Hughes): Refer to the National "
            "Referral Mechanism; joint visits fortnightly",
        )
    ]
    assert _summaries("youth_justice.involvement_closed") == [
        (date(2027, 10, 1), "Youth justice involvement closed after 214 days: Order completed")
    ]


def test_an_opening_in_the_future_is_refused(authority: Authority, kai: Person) -> None:
    with pytest.raises(RuleBroken) as refused:
        open_youth_justice_involvement(
            kai,
            opened_on=date(2027, 12, 1),
            yos_worker="Dan",
            yos_team="YJS",
            reason="x",
            by=authority.social_worker.user,
        )
    assert refused.value.problems["opened_on"] == ["The opening (1 December 2027) must be today or in the past"]
