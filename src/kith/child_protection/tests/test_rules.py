"""Child protection's rules, as pure functions (no database)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.child_protection.rules import (
    MemberDetails,
    before_strategy_discussion,
    member_problems,
    plan_end_problem,
    quorum_of,
    review_too_early,
)
from kith.platform.reference.agencies import Agency

SOCIAL_CARE, FAMILY, HEALTH, EDUCATION = Agency.SOCIAL_CARE, Agency.FAMILY, Agency.HEALTH, Agency.EDUCATION


@pytest.mark.requirement("R-065")
@pytest.mark.parametrize(
    ("attendance", "in_words"),
    [
        ([(SOCIAL_CARE, True), (FAMILY, True), (HEALTH, True)], "Quorate"),
        ([(SOCIAL_CARE, True), (FAMILY, True), (HEALTH, False)], "Not quorate: no other agency attended"),
        ([(SOCIAL_CARE, True), (FAMILY, False), (EDUCATION, True)], "Not quorate: no parent or carer attended"),
        ([(FAMILY, True), (EDUCATION, True)], "Not quorate: no social worker attended"),
        (
            [(SOCIAL_CARE, True)],
            "Not quorate: no parent or carer attended; no other agency attended",
        ),
        ([], "Not quorate: no social worker attended; no parent or carer attended; no other agency attended"),
    ],
)
def test_a_core_group_is_quorate_with_the_social_worker_a_parent_and_another_agency(
    attendance: list[tuple[str, bool]], in_words: str
) -> None:
    quorum = quorum_of(attendance)
    assert (quorum.in_words, quorum.quorate) == (in_words, in_words == "Quorate")


@given(st.lists(st.tuples(st.sampled_from(Agency.values), st.booleans())))
def test_quorum_depends_only_on_who_attended(attendance: list[tuple[str, bool]]) -> None:
    came = [(agency, True) for agency, attended in attendance if attended]
    assert quorum_of(attendance) == quorum_of(came)


def test_a_conference_on_the_day_of_the_strategy_discussion_or_after_is_fine() -> None:
    assert before_strategy_discussion(date(2027, 1, 5), discussed_on=date(2027, 1, 5)) is None
    assert before_strategy_discussion(date(2027, 1, 6), discussed_on=date(2027, 1, 5)) is None
    assert before_strategy_discussion(date(2027, 1, 6), discussed_on=None) is None


def test_a_conference_before_the_strategy_discussion_names_both_dates() -> None:
    assert before_strategy_discussion(date(2027, 1, 4), discussed_on=date(2027, 1, 5)) == (
        "The conference on 4 January 2027 is before the strategy discussion on 5 January 2027. "
        "A conference is held after its strategy discussion"
    )


@pytest.mark.parametrize(
    ("ended_on", "problem"),
    [
        (date(2027, 1, 14), None),
        (date(2027, 1, 12), "The plan cannot end on 12 January 2027, before it started on 13 January 2027"),
        (
            date(2027, 1, 13),
            "The plan cannot end on the day it started (13 January 2027); the children in need census does not "
            "accept a plan that starts and ends on the same day",
        ),
    ],
)
def test_a_plan_ends_after_it_starts(ended_on: date, problem: str | None) -> None:
    assert plan_end_problem(started_on=date(2027, 1, 13), ended_on=ended_on) == problem


def test_a_review_is_after_the_plan_started_and_not_before_the_last_conference() -> None:
    started = date(2027, 1, 13)
    assert review_too_early(date(2027, 4, 8), plan_started_on=started, last_conference_on=started) is None
    assert review_too_early(date(2027, 4, 8), plan_started_on=started, last_conference_on=date(2027, 4, 9)) == (
        "The review on 8 April 2027 is before the last conference on 9 April 2027"
    )


@pytest.mark.requirement("R-062")
def test_someone_not_invited_is_fine_but_an_invitation_after_the_conference_is_not() -> None:
    members = [
        MemberDetails("Jo Pike", HEALTH, invited_on=None),
        MemberDetails("Dr Lowe", HEALTH, invited_on=date(2027, 1, 14)),
        MemberDetails("", "nowhere"),
    ]
    assert member_problems(members, held_on=date(2027, 1, 13)) == [
        "Dr Lowe: the invitation on 14 January 2027 is after the conference on 13 January 2027",
        "Person 3: enter their name",
        "Person 3: select their agency",
    ]
