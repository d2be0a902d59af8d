"""Section 47 enquiries: started after a strategy discussion, ended with an outcome, and their clocks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kith.assessments.actions import complete_section_47, start_section_47
from kith.assessments.models import EnquiryOutcome, Section47Enquiry, StrategyDecision
from kith.assessments.tests.builders import Case, given_assessment, given_case, given_clock, given_discussion
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from tests.factories import given_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

ICPC = "child_protection.initial_conference"
CP_IS = "assessments.cp_is_nhs_number"


@pytest.fixture
def case() -> Case:
    return given_case()


def _deadlines() -> list[tuple[str, date, date, date | None, date | None, str]]:
    return list(
        Deadline.objects.order_by("pk").values_list(
            "timescale_code", "started_on", "due_on", "met_on", "cancelled_on", "cancel_reason"
        )
    )


def _snapshot() -> tuple[list[tuple[Any, ...]], int, list[tuple[Any, ...]]]:
    return (
        list(Section47Enquiry.objects.order_by("pk").values_list("pk", "ended_on", "outcome")),
        CaseEvent.objects.count(),
        _deadlines(),
    )


def _end(enquiry: Section47Enquiry, case: Case, **changes: Any) -> Section47Enquiry:
    values: dict[str, Any] = {
        "ended_on": date(2027, 1, 8),
        "outcome": EnquiryOutcome.CHILD_IN_NEED,
        "findings": "Bruise consistent with a fall at school; no other concerns found.",
        "child_seen": True,
        "child_seen_alone": True,
        "outcome_rationale": "Needs are met by a child in need plan.",
        **changes,
    }
    return complete_section_47(enquiry, by=case.worker.user, **values)


@pytest.mark.requirement("R-061")
def test_starting_an_enquiry_records_it_against_the_discussion_and_linked_assessment(case: Case) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    assessment = given_assessment(case)
    # when
    enquiry = start_section_47(
        discussion, started_on=date(2026, 12, 18), worker=case.worker, assessment=assessment, by=case.worker.user
    )
    # then
    assert (
        enquiry.referral,
        enquiry.child,
        enquiry.strategy_discussion,
        enquiry.assessment,
        enquiry.started_on,
        enquiry.ended_on,
    ) == (case.referral, case.child, discussion, assessment, date(2026, 12, 18), None)
    [event] = chronology_of(case.child, event_types=["assessments.section_47_started"])
    assert (event.occurred_on, event.summary, event.significance) == (
        date(2026, 12, 18),
        "Section 47 enquiry started by Priya Shah after the strategy discussion on 18 December 2026",
        "key",
    )
    # and the child has an NHS number, so no CP-IS clock is started
    assert not Deadline.objects.filter(timescale_code=CP_IS).exists()


def test_a_child_without_an_nhs_number_gets_a_cp_is_clock_from_the_start_of_the_enquiry() -> None:
    # given a child with no NHS number
    case = given_case(nhs_number="")
    discussion = given_discussion(case, on=date(2026, 12, 18))
    # when
    enquiry = start_section_47(discussion, started_on=date(2026, 12, 21), worker=case.worker, by=case.worker.user)
    # then
    [deadline] = Deadline.objects.filter(timescale_code=CP_IS)
    assert (deadline.subject, deadline.child, deadline.started_on, deadline.due_on) == (
        enquiry,
        case.child,
        date(2026, 12, 21),
        date(2026, 12, 21),
    )


START_REFUSALS = [
    (
        "before the discussion",
        {"started_on": date(2026, 12, 17)},
        {
            "started_on": [
                "The section 47 enquiry cannot start on 17 December 2026, before the strategy discussion on "
                "18 December 2026"
            ]
        },
    ),
    (
        "in the future",
        {"started_on": date(2027, 1, 21)},
        {"started_on": ["The start date (21 January 2027) must be today or in the past"]},
    ),
]


@pytest.mark.parametrize(("_case", "changes", "problems"), START_REFUSALS, ids=[r[0] for r in START_REFUSALS])
def test_starting_an_enquiry_is_refused_naming_the_dates(
    case: Case, _case: str, changes: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        start_section_47(discussion, worker=case.worker, by=case.worker.user, **changes)
    # then
    assert refused.value.problems == problems
    assert _snapshot() == before


def test_no_enquiry_when_the_discussion_decided_against_one(case: Case) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18), decision=StrategyDecision.NO_S47)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        start_section_47(discussion, started_on=date(2026, 12, 18), worker=case.worker, by=case.worker.user)
    # then
    assert refused.value.problems == {
        "started_on": [
            "The strategy discussion on 18 December 2026 decided not to make section 47 enquiries: "
            "hold a new strategy discussion first"
        ]
    }
    assert _snapshot() == before


def test_one_open_enquiry_at_a_time(case: Case) -> None:
    # given an open enquiry (census rule 8890)
    discussion = given_discussion(case, on=date(2026, 12, 18))
    start_section_47(discussion, started_on=date(2026, 12, 18), worker=case.worker, by=case.worker.user)
    later = given_discussion(case, on=date(2027, 1, 4))
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        start_section_47(later, started_on=date(2027, 1, 4), worker=case.worker, by=case.worker.user)
    # then
    assert refused.value.problems == {
        "started_on": [
            "The section 47 enquiry started on 18 December 2026 is still open: complete it before starting another"
        ]
    }
    assert _snapshot() == before


def test_a_worker_outside_the_childs_teams_cannot_start_an_enquiry(case: Case) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    stranger = given_staff(Role.SOCIAL_WORKER)
    before = _snapshot()
    # when / then
    with pytest.raises(NotAllowed):
        start_section_47(discussion, started_on=date(2026, 12, 18), worker=stranger, by=stranger.user)
    assert _snapshot() == before


@pytest.mark.requirement("R-061")
def test_an_enquiry_ending_in_a_child_in_need_plan_cancels_the_conference_clock_only(case: Case) -> None:
    # given the assessment clock from the referral and the conference clock from the discussion
    given_clock("assessments.single_assessment", case.referral)
    discussion = given_discussion(case, on=date(2026, 12, 18))
    enquiry = start_section_47(discussion, started_on=date(2026, 12, 18), worker=case.worker, by=case.worker.user)
    # when
    ended = _end(enquiry, case)
    # then
    ended.refresh_from_db()
    assert (ended.ended_on, ended.outcome, ended.findings, ended.child_seen, ended.child_seen_alone) == (
        date(2027, 1, 8),
        EnquiryOutcome.CHILD_IN_NEED,
        "Bruise consistent with a fall at school; no other concerns found.",
        True,
        True,
    )
    assert _deadlines() == [
        ("assessments.single_assessment", date(2026, 11, 4), date(2027, 1, 11), None, None, ""),
        (
            ICPC,
            date(2026, 12, 18),
            date(2027, 1, 13),
            None,
            date(2027, 1, 8),
            "section 47 enquiry ended without an initial conference",
        ),
    ]
    [event] = chronology_of(case.child, event_types=["assessments.section_47_completed"])
    assert (event.occurred_on, event.summary) == (date(2027, 1, 8), "Section 47 enquiry completed: child in need plan")


def test_an_enquiry_ending_in_a_conference_leaves_the_conference_clock_running(case: Case) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    enquiry = start_section_47(discussion, started_on=date(2026, 12, 18), worker=case.worker, by=case.worker.user)
    # when
    _end(enquiry, case, outcome=EnquiryOutcome.INITIAL_CONFERENCE)
    # then the conference clock runs on, as does the referral's assessment clock
    assert _deadlines() == [
        ("assessments.single_assessment", date(2026, 11, 4), date(2027, 1, 11), None, None, ""),
        (ICPC, date(2026, 12, 18), date(2027, 1, 13), None, None, ""),
    ]


END_REFUSALS = [
    (
        "before it started",
        {"ended_on": date(2026, 12, 17)},
        {"ended_on": ["The section 47 enquiry cannot end on 17 December 2026, before it started on 18 December 2026"]},
    ),
    (
        "nothing written",
        {"outcome": "", "findings": "", "child_seen": None, "outcome_rationale": ""},
        {
            "outcome": [
                "Select the outcome: initial child protection conference, child in need plan or no further action"
            ],
            "findings": ["Enter the findings of the enquiry"],
            "child_seen": ["Say whether the child was seen"],
            "outcome_rationale": ["Enter the reasons for the outcome"],
        },
    ),
    (
        "not seen alone, with no reason",
        {"child_seen_alone": False},
        {"why_not_seen": ["Enter why the child was not seen, or not seen alone"]},
    ),
]


@pytest.mark.requirement("R-002")
@pytest.mark.parametrize(("_case", "changes", "problems"), END_REFUSALS, ids=[r[0] for r in END_REFUSALS])
def test_ending_an_enquiry_is_refused_with_clear_messages_and_nothing_saved(
    case: Case, _case: str, changes: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    enquiry = start_section_47(discussion, started_on=date(2026, 12, 18), worker=case.worker, by=case.worker.user)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        _end(enquiry, case, **changes)
    # then
    assert refused.value.problems == problems
    assert _snapshot() == before
