"""The case summary's assessments panel: what is in hand and what is due next, with why that day."""

from __future__ import annotations

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from kith.assessments.actions import AssessmentAnswers, complete_assessment, save_assessment, start_section_47
from kith.assessments.models import AssessmentOutcome
from kith.assessments.queries import Due, record_summary
from kith.assessments.tests.builders import (
    FULL_ANSWERS,
    Case,
    given_assessment,
    given_case,
    given_clock,
    given_discussion,
)
from kith.front_door.actions import close_referral
from kith.platform.reference.cin_census import ReasonForClosure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def case() -> Case:
    """Referred on 1 December 2026; a strategy discussion on 4 January 2027 decided a joint enquiry."""
    case = given_case(referred_on=date(2026, 12, 1))
    given_clock("assessments.single_assessment", case.referral)
    given_assessment(case, started_on=date(2026, 12, 2))
    discussion = given_discussion(case, on=date(2027, 1, 4))
    start_section_47(discussion, started_on=date(2027, 1, 5), worker=case.worker, by=case.worker.user)
    return case


def _panel(case: Case) -> str:
    html = render_to_string(
        "assessments/_record_panel.html", {"summary": record_summary(case.child), "child": case.child}
    )
    return " ".join(strip_tags(html).split())


@pytest.mark.requirement("R-037")
@pytest.mark.requirement("R-061")
def test_the_summary_says_what_is_due_next_and_why_that_day(case: Case) -> None:
    # when
    summary = record_summary(case.child)
    # then
    assert summary["due"] == [
        Due(
            "Initial conference",
            date(2027, 1, 25),
            "15 working days after the strategy discussion on 4 January 2027",
            False,
        ),
        Due(
            "Assessment",
            date(2027, 2, 5),
            "45 working days after the referral on 1 December 2026, not counting 25 December, 28 December and "
            "1 January",
            False,
        ),
    ]
    assert (summary["referral"], summary["open_enquiry"].started_on, summary["health_took_part"]) == (
        case.referral,
        date(2027, 1, 5),
        True,
    )


@pytest.mark.requirement("R-039")
@pytest.mark.requirement("R-062")
def test_the_panel_shows_the_due_dates_in_words_the_open_enquiry_and_the_work_in_hand(case: Case) -> None:
    # when
    text = _panel(case)
    # then
    assert (
        "Initial conference due 25 January 2027 (15 working days after the strategy discussion on 4 January 2027)"
    ) in text
    assert (
        "Assessment due 5 February 2027 (45 working days after the referral on 1 December 2026, not counting "
        "25 December, 28 December and 1 January)"
    ) in text
    assert "Section 47 enquiry open since 5 January 2027 (Priya Shah)." in text
    assert "Child and family assessment in progress since 2 December 2026 (Priya Shah)." in text
    assert "Last strategy discussion 4 January 2027: joint section 47 enquiry with the police." in text
    assert "Health did not take part" not in text


@pytest.mark.requirement("R-039")
def test_the_panel_shows_an_assessment_waiting_for_authorisation_and_its_outcome(case: Case) -> None:
    # given the assessment completed
    assessment = case.child.assessments.get()
    answers = AssessmentAnswers(**FULL_ANSWERS)  # type: ignore[typeddict-item]
    assessment = save_assessment(assessment, answers=answers, version=assessment.version, by=case.worker.user)
    complete_assessment(
        assessment,
        completed_on=date(2027, 1, 15),
        outcome=AssessmentOutcome.STRATEGY_DISCUSSION,
        outcome_rationale="Injury",
        by=case.worker.user,
    )
    # when
    text = _panel(case)
    # then
    assert "Child and family assessment completed on 15 January 2027: waiting for a manager to authorise it." in text
    assert "Child and family assessment 2 December 2026 Not yet Strategy discussion" in text


def test_the_summary_reads_in_a_few_queries(case: Case, django_assert_max_num_queries: object) -> None:
    # when / then
    with django_assert_max_num_queries(7):  # type: ignore[operator]
        _panel(case)


def test_a_child_with_nothing_recorded_has_a_quiet_panel() -> None:
    # given a referral closed with nothing recorded under it (while it is open, its assessment is due)
    case = given_case()
    close_referral(
        case.referral,
        closed_on=date(2027, 1, 20),
        reason=ReasonForClosure.SERVICES_CEASED,
        rationale="The family moved out of the area",
        by=case.manager.user,
    )
    # when
    text = _panel(case)
    # then
    assert "No assessments recorded." in text
