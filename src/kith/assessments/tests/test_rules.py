"""The pure rules: factors, participants, what completion needs, and how each section stands (no database)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.assessments.models import Assessment, AssessmentKind, StrategyDecision, StrategyDiscussion
from kith.assessments.rules import (
    Participant,
    completion_gaps,
    factor_problems,
    health_took_part,
    participant_problems,
    section_47_start_problems,
    section_statuses,
)
from kith.assessments.tests.builders import FULL_ANSWERS, LONDON
from kith.front_door.models import Referral
from kith.platform.reference.cin_census import AssessmentFactor

FACTORS = [code for code in AssessmentFactor.values if code != AssessmentFactor.NO_FACTORS]


@given(st.lists(st.sampled_from(FACTORS), min_size=1, unique=True))
def test_any_set_of_factors_from_the_census_list_is_accepted(factors: list[str]) -> None:
    assert factor_problems(factors) == []


@given(st.lists(st.sampled_from(FACTORS), min_size=1, unique=True))
def test_no_factors_identified_never_goes_with_another_factor(factors: list[str]) -> None:
    # census rule 8869
    assert factor_problems([*factors, "21"]) == [
        "Select 'No factors identified' on its own, or select the factors identified"
    ]


def test_no_factors_identified_alone_is_accepted() -> None:
    assert factor_problems(["21"]) == []


@pytest.mark.requirement("R-060")
@pytest.mark.parametrize(
    ("people", "messages"),
    [
        ([Participant("A", "police"), Participant("B", "health")], []),
        ([Participant("A", "police")], ["Name at least two people who took part, each with their agency"]),
        (
            [Participant("A", "police"), Participant("B", "police")],
            ["A strategy discussion involves more than one agency: name people from at least two agencies"],
        ),
        (
            [Participant("A", "police"), Participant("B", "nowhere"), Participant("C", "health")],
            ["Person 2: select B's agency"],
        ),
        ([Participant("", "", ""), Participant("A", "police"), Participant("B", "education")], []),
    ],
)
def test_participants_are_named_with_their_agency_from_two_agencies_or_more(
    people: list[Participant], messages: list[str]
) -> None:
    assert participant_problems(people) == messages


@pytest.mark.requirement("R-062")
def test_health_took_part_when_anyone_is_from_health() -> None:
    assert (
        health_took_part([("A", "police", ""), ("B", "health", "")]),
        health_took_part([Participant("A", "police"), Participant("C", "education")]),
    ) == (True, False)


def _assessment(kind: str = AssessmentKind.CHILD_AND_FAMILY, **answers: object) -> Assessment:
    return Assessment(kind=kind, started_on=date(2026, 11, 5), **answers)  # type: ignore[misc]


@pytest.mark.requirement("R-032")
def test_a_fully_written_assessment_has_no_gaps() -> None:
    assert completion_gaps(_assessment(**FULL_ANSWERS)) == {}


@pytest.mark.requirement("R-002")
def test_a_child_not_seen_needs_a_reason_but_not_whether_seen_alone() -> None:
    # given
    assessment = _assessment(**{**FULL_ANSWERS, "child_seen": False, "child_seen_alone": None, "why_not_seen": ""})
    # then
    assert completion_gaps(assessment) == {
        "why_not_seen": ["Enter why the child was not seen, seen alone or spoken to alone"]
    }


@pytest.mark.requirement("R-002")
def test_a_child_seen_needs_to_say_whether_alone_and_spoken_to_alone() -> None:
    assessment = _assessment(**{**FULL_ANSWERS, "child_seen_alone": None, "child_spoken_to_alone": None})
    assert completion_gaps(assessment) == {
        "child_seen_alone": ["Say whether the child was seen alone"],
        "child_spoken_to_alone": ["Say whether the child was spoken to alone"],
    }


def test_each_section_says_whether_it_is_done() -> None:
    # given the child section written, the risks half written, nothing else
    assessment = _assessment(
        child_seen=True,
        child_seen_alone=True,
        child_spoken_to_alone=True,
        child_views="Views",
        child_issues_follow_up="Follow up",
        risk_factors="Risks",
    )
    # then
    assert [(status.section.slug, status.status) for status in section_statuses(assessment)] == [
        ("child", "Completed"),
        ("views", "Not yet started"),
        ("history", "Not yet started"),
        ("risk", "In progress"),
        ("identity", "Not yet started"),
        ("factors", "Not yet started"),
    ]


@pytest.mark.requirement("R-040")
def test_a_homeless_young_persons_assessment_has_a_section_on_their_rights() -> None:
    assessment = _assessment(
        kind=AssessmentKind.HOMELESS_16_17, advised_of_right_to_be_looked_after_on=date(2026, 11, 6)
    )
    assert section_statuses(assessment)[-1][1] == "Completed"
    assert section_statuses(assessment)[-1][0].slug == "rights"


def test_an_enquiry_cannot_start_before_its_discussion_naming_both_dates() -> None:
    # given a discussion at 9am London time on 18 December 2026
    discussion = StrategyDiscussion(
        held_at=datetime(2026, 12, 18, 9, 0, tzinfo=LONDON), decision=StrategyDecision.JOINT_S47
    )
    referral = Referral(pk=1, referral_date=date(2026, 11, 4))
    # when
    problems = section_47_start_problems(
        discussion=discussion,
        referral=referral,
        started_on=date(2026, 12, 17),
        open_enquiry=None,
        assessment=None,
        today=date(2027, 1, 20),
    )
    # then
    assert problems == {
        "started_on": [
            "The section 47 enquiry cannot start on 17 December 2026, before the strategy discussion on "
            "18 December 2026"
        ]
    }
