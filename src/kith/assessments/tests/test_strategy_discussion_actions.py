"""Recording a strategy discussion: everyone named with their agency, the decision, and the conference clock."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from kith.assessments.actions import record_strategy_discussion
from kith.assessments.models import DiscussionMode, StrategyDecision, StrategyDiscussion, StrategyParticipant
from kith.assessments.tests.builders import LONDON, Case, given_case, given_clock, given_discussion
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.engine import DeadlineStatus
from kith.platform.timescales.models import Deadline
from tests.factories import given_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

ICPC = "child_protection.initial_conference"


@pytest.fixture
def case() -> Case:
    return given_case()


def _deadlines(code: str) -> list[tuple[date, date, date | None, date | None, str]]:
    return list(
        Deadline.objects.filter(timescale_code=code)
        .order_by("pk")
        .values_list("started_on", "due_on", "met_on", "cancelled_on", "cancel_reason")
    )


def _snapshot() -> tuple[int, int, int, list[tuple[Any, ...]]]:
    return (
        StrategyDiscussion.objects.count(),
        StrategyParticipant.objects.count(),
        CaseEvent.objects.count(),
        list(Deadline.objects.order_by("pk").values_list("timescale_code", "met_on", "cancelled_on")),
    )


def _record(case: Case, **changes: Any) -> StrategyDiscussion:
    values: dict[str, Any] = {
        "held_at": datetime(2026, 12, 18, 10, 0, tzinfo=LONDON),
        "mode": DiscussionMode.MEETING,
        "out_of_hours": False,
        "chair": case.manager,
        "participants": [
            ("DC Sam Reed", "police", "Child abuse investigation team"),
            ("Dr Anna Lowe", "health", "Named doctor for safeguarding"),
        ],
        "information_shared": "School saw bruising.",
        "risk_analysis": "Unexplained injury.",
        "decision": StrategyDecision.JOINT_S47,
        "rationale": "Reasonable cause to suspect significant harm.",
        **changes,
    }
    return record_strategy_discussion(case.referral, by=case.worker.user, **values)


@pytest.mark.requirement("R-060")
@pytest.mark.requirement("R-061")
@pytest.mark.requirement("R-062")
def test_a_strategy_discussion_names_everyone_with_their_agency_and_is_a_key_event(case: Case) -> None:
    # when
    discussion = given_discussion(case)
    # then
    assert list(discussion.participants.values_list("name", "agency", "role")) == [
        ("DC Sam Reed", "police", "Child abuse investigation team"),
        ("Dr Anna Lowe", "health", "Named doctor for safeguarding"),
        ("Priya Shah", "social_care", "Social worker"),
    ]
    assert (discussion.held_on, discussion.chair, discussion.decision, discussion.recorded_by) == (
        date(2026, 12, 18),
        case.manager,
        StrategyDecision.JOINT_S47,
        case.worker,
    )
    [event] = chronology_of(case.child, event_types=["assessments.strategy_discussion_held"])
    assert (event.occurred_on, event.summary, event.significance) == (
        date(2026, 12, 18),
        "Strategy meeting chaired by Tom Hughes: joint section 47 enquiry with the police. "
        "Agencies: Children's social care, Health, Police",
        "key",
    )


@pytest.mark.requirement("R-062")
def test_a_discussion_without_health_says_so_in_the_chronology(case: Case) -> None:
    # when
    given_discussion(case, participants=[("DC Sam Reed", "police", ""), ("Priya Shah", "social_care", "Social worker")])
    # then
    [event] = chronology_of(case.child, event_types=["assessments.strategy_discussion_held"])
    assert event.summary.endswith("Agencies: Children's social care, Police; health did not take part")


@pytest.mark.requirement("R-061")
def test_a_decision_to_make_section_47_enquiries_starts_the_conference_clock(case: Case) -> None:
    # when a strategy discussion on Friday 18 December 2026 decides a joint enquiry
    given_discussion(case, on=date(2026, 12, 18))
    # then the initial conference is due 15 working days later, skipping Christmas and New Year
    [deadline] = Deadline.objects.filter(timescale_code=ICPC)
    assert (deadline.subject, deadline.child, deadline.started_on, deadline.due_on, deadline.explanation) == (
        case.referral,
        case.child,
        date(2026, 12, 18),
        date(2027, 1, 13),
        "Due 13 January 2027: 15 working days after the strategy discussion on 18 December 2026, "
        "not counting 25 December, 28 December and 1 January.",
    )


@pytest.mark.requirement("R-061")
def test_a_new_strategy_discussion_restarts_the_conference_clock(case: Case) -> None:
    # given a discussion on 18 December 2026 deciding a joint enquiry
    given_discussion(case, on=date(2026, 12, 18))
    # when another is held on 4 January 2027 and decides a single-agency enquiry
    given_discussion(case, on=date(2027, 1, 4), decision=StrategyDecision.SINGLE_AGENCY_S47)
    # then the first deadline is cancelled as restarted and the new one counts from 4 January
    assert _deadlines(ICPC) == [
        (date(2026, 12, 18), date(2027, 1, 13), None, date(2027, 1, 4), "restarted"),
        (date(2027, 1, 4), date(2027, 1, 25), None, None, ""),
    ]


def test_a_discussion_recorded_late_does_not_move_a_later_discussions_clock(case: Case) -> None:
    # given the conference clock set by a discussion on 4 January 2027
    given_discussion(case, on=date(2027, 1, 4))
    # when an earlier discussion, on 18 December 2026, is recorded afterwards
    given_discussion(case, on=date(2026, 12, 18))
    # then the clock still runs from 4 January
    assert _deadlines(ICPC) == [(date(2027, 1, 4), date(2027, 1, 25), None, None, "")]


def test_a_decision_of_no_section_47_starts_no_conference_clock(case: Case) -> None:
    # when
    given_discussion(case, decision=StrategyDecision.NO_S47)
    # then
    assert _deadlines(ICPC) == []


def test_holding_the_discussion_meets_the_strategy_discussion_clock(case: Case) -> None:
    # given the front door decided on 17 December 2026 to go straight to a strategy discussion
    given_clock("assessments.strategy_discussion", case.referral, on=date(2026, 12, 17))
    # when it is held on 18 December
    given_discussion(case, on=date(2026, 12, 18))
    # then
    [deadline] = Deadline.objects.filter(timescale_code="assessments.strategy_discussion")
    [event] = chronology_of(case.child, event_types=["assessments.strategy_discussion_held"])
    assert (deadline.due_on, deadline.met_on, deadline.met_by_event, deadline.status_on(date(2027, 1, 20))) == (
        date(2026, 12, 18),
        date(2026, 12, 18),
        event,
        DeadlineStatus.MET_IN_TIME,
    )


REFUSALS = [
    (
        "one person",
        {"participants": [("DC Sam Reed", "police", "")]},
        {"participants": ["Name at least two people who took part, each with their agency"]},
    ),
    (
        "one agency",
        {"participants": [("Priya Shah", "social_care", ""), ("Tom Hughes", "social_care", "")]},
        {
            "participants": [
                "A strategy discussion involves more than one agency: name people from at least two agencies"
            ]
        },
    ),
    (
        "a name without an agency and an agency without a name",
        {
            "participants": [
                ("DC Sam Reed", "police", ""),
                ("Dr Anna Lowe", "", ""),
                ("", "education", "Head teacher"),
                ("", "", ""),
                ("Priya Shah", "social_care", ""),
            ]
        },
        {"participants": ["Person 2: select Dr Anna Lowe's agency", "Person 3: enter their name"]},
    ),
    (
        "before the referral",
        {"held_at": datetime(2026, 11, 3, 16, 0, tzinfo=LONDON)},
        {
            "held_at": [
                "The strategy discussion cannot be held on 3 November 2026, before the referral on 4 November 2026"
            ]
        },
    ),
    (
        "in the future",
        {"held_at": datetime(2027, 1, 21, 9, 0, tzinfo=LONDON)},
        {"held_at": ["The date of the strategy discussion (21 January 2027) must be today or in the past"]},
    ),
    (
        "later today",
        {"held_at": datetime(2027, 1, 20, 15, 0, tzinfo=LONDON)},
        {"held_at": ["The time of the strategy discussion must be in the past"]},
    ),
    (
        "nothing written",
        {"information_shared": " ", "risk_analysis": "", "decision": "", "rationale": ""},
        {
            "information_shared": ["Enter the information shared"],
            "risk_analysis": ["Enter the analysis of risk"],
            "decision": ["Select the decision: a section 47 enquiry (single-agency or joint), or none"],
            "rationale": ["Enter the reasons for the decision"],
        },
    ),
]


@pytest.mark.requirement("R-060")
@pytest.mark.parametrize(("_case", "changes", "problems"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_strategy_discussion_is_refused_with_clear_messages_and_nothing_saved(
    case: Case, _case: str, changes: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    # given
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        _record(case, **changes)
    # then
    assert refused.value.problems == problems
    assert _snapshot() == before


def test_no_strategy_discussion_on_a_closed_referral(case: Case) -> None:
    # given
    case.referral.closed_on = date(2026, 12, 10)
    case.referral.closure_reason = "RC8"
    case.referral.save()
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        _record(case)
    # then
    assert refused.value.problems == {
        "held_at": [
            "The referral of 4 November 2026 was closed on 10 December 2026: no new work can be recorded on a "
            "closed referral"
        ]
    }
    assert _snapshot() == before


def test_a_worker_outside_the_childs_teams_cannot_record_a_strategy_discussion(case: Case) -> None:
    # given
    stranger = given_staff(Role.SOCIAL_WORKER)
    before = _snapshot()
    # when / then
    with pytest.raises(NotAllowed):
        record_strategy_discussion(
            case.referral,
            held_at=datetime.combine(date(2026, 12, 18), time(10), tzinfo=LONDON),
            mode=DiscussionMode.MEETING,
            out_of_hours=False,
            chair=stranger,
            participants=[("DC Sam Reed", "police", ""), ("Sam", "social_care", "")],
            information_shared="x",
            risk_analysis="x",
            decision=StrategyDecision.NO_S47,
            rationale="x",
            by=stranger.user,
        )
    assert _snapshot() == before
