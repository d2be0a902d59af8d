"""Pre-proceedings and care proceedings recorded through the actions: rows, clocks and chronology (R-001)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.legal import actions
from kith.legal.models import (
    ApplicationKind,
    CareProceedings,
    Hearing,
    HearingKind,
    MeetingKind,
    Order,
    PreProceedings,
    PreProceedingsMeeting,
    PreProceedingsOutcome,
)
from kith.legal.queries import census_pre_proceedings
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


def _enter(authority: Authority, *, days_ago: int = 70) -> PreProceedings:
    return actions.start_pre_proceedings(
        authority.own_child,
        entered_on=_days_ago(days_ago),
        reason="Neglect persists despite a year on a child protection plan",
        by=authority.team_manager.user,
    )


def test_entering_pre_proceedings_records_the_decision_maker_and_starts_the_16_week_clock(
    authority: Authority,
) -> None:
    # given / when
    period = _enter(authority)
    # then
    assert (period.decision_maker, period.entered_on, period.ended_on) == (
        authority.team_manager,
        _days_ago(70),
        None,
    )
    assert list(Deadline.objects.values_list("timescale_code", "started_on", "due_on")) == [
        ("legal.pre_proceedings_review", _days_ago(70), _days_ago(70) + timedelta(weeks=16))
    ]
    started = chronology_of(authority.own_child, event_types=["legal.pre_proceedings_started"]).get()
    assert (started.event_type, started.occurred_on, started.summary) == (
        "legal.pre_proceedings_started",
        _days_ago(70),
        "Entered pre-proceedings, decided by Tom Hughes: Neglect persists despite a year on a child protection plan",
    )


def test_a_social_worker_cannot_decide_entry_and_nothing_is_saved(authority: Authority) -> None:
    # given
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(NotAllowed):
        actions.start_pre_proceedings(
            authority.own_child, entered_on=_days_ago(1), reason="Neglect", by=authority.social_worker.user
        )
    # then
    assert (PreProceedings.objects.count(), Deadline.objects.count(), CaseEvent.objects.count()) == (
        0,
        0,
        events_before,
    )


def test_a_second_open_pre_proceedings_is_refused_and_nothing_changes(authority: Authority) -> None:
    # given
    _enter(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        _enter(authority, days_ago=3)
    # then
    assert refused.value.problems == {
        "entered_on": [
            f"The child is already in pre-proceedings, since {_long(_days_ago(70))}: end that before starting again"
        ]
    }
    assert (PreProceedings.objects.count(), Deadline.objects.count(), CaseEvent.objects.count()) == (
        1,
        1,
        events_before,
    )


def _long(day: date) -> str:
    from kith.platform.calendar.working_days import long_date

    return long_date(day)


@pytest.mark.requirement("R-001")
def test_the_whole_pre_proceedings_story_is_kept_and_meets_the_clock_on_the_exit_decision(
    authority: Authority,
) -> None:
    # given a child in pre-proceedings
    period = _enter(authority)
    worker = authority.social_worker.user
    # when the letter, meetings, family meeting and exit decision are recorded
    actions.send_letter_before_proceedings(
        period,
        sent_on=_days_ago(65),
        risks="Ava is often hungry and unwashed",
        changes_expected="Regular meals and school attendance",
        support_offered="Family support worker twice a week",
        by=worker,
    )
    actions.record_pre_proceedings_meeting(
        period,
        kind=MeetingKind.INITIAL,
        held_on=_days_ago(60),
        attendees="Kerry (mother) and her solicitor; Priya Shah",
        summary="Plan agreed",
        next_review_on=_days_ago(30),
        by=worker,
    )
    actions.record_pre_proceedings_meeting(
        period,
        kind=MeetingKind.REVIEW,
        held_on=_days_ago(30),
        attendees="Kerry and her solicitor",
        summary="Good progress",
        by=worker,
    )
    actions.record_family_group_decision_making(period, offered_on=_days_ago(64), held_on=_days_ago(50), by=worker)
    ended = actions.end_pre_proceedings(
        period,
        ended_on=_days_ago(10),
        outcome=PreProceedingsOutcome.STEP_DOWN_CIN,
        rationale="Meals and attendance are now regular",
        by=authority.team_manager.user,
    )
    # then
    assert (ended.outcome, ended.exit_decided_by, ended.exit_rationale) == (
        "step_down_cin",
        authority.team_manager,
        "Meals and attendance are now regular",
    )
    assert list(Deadline.objects.values_list("timescale_code", "met_on")) == [
        ("legal.pre_proceedings_review", _days_ago(10))
    ]
    assert [event.event_type for event in chronology_of(authority.own_child, event_types=_LEGAL_EVENTS)] == [
        "legal.pre_proceedings_ended",
        "legal.pre_proceedings_meeting_held",
        "legal.family_group_meeting_recorded",
        "legal.pre_proceedings_meeting_held",
        "legal.letter_before_proceedings_sent",
        "legal.pre_proceedings_started",
    ]
    assert census_pre_proceedings(ended) == {
        "PPStartDate": _days_ago(70),
        "LBPSentDate": _days_ago(65),
        "FGDMMeetingOffer": 1,
        "FGDMMeetingFac": 1,
        "InitialPPMeetingDate": _days_ago(60),
        "ReviewMeetingsCount": 1,
        "StepDecisionDate": _days_ago(10),
        "PPOutcome": "step_down_cin",
        "CourtAppDate": None,
        "LetterInitCPDate": None,
    }


_LEGAL_EVENTS = [
    "legal.pre_proceedings_started",
    "legal.letter_before_proceedings_sent",
    "legal.pre_proceedings_meeting_held",
    "legal.family_group_meeting_recorded",
    "legal.pre_proceedings_ended",
    "legal.care_application_made",
    "legal.hearing_recorded",
    "legal.care_proceedings_concluded",
]


def test_a_meeting_dated_before_entry_is_refused_naming_the_dates_and_nothing_is_saved(
    authority: Authority,
) -> None:
    # given
    period = _enter(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.record_pre_proceedings_meeting(
            period,
            kind=MeetingKind.INITIAL,
            held_on=_days_ago(71),
            attendees="Parents",
            summary="Plan agreed",
            by=authority.social_worker.user,
        )
    # then
    assert refused.value.problems == {
        "held_on": [
            f"The date of the meeting ({_long(_days_ago(71))}) cannot be before the date pre-proceedings started "
            f"({_long(_days_ago(70))})"
        ]
    }
    assert (PreProceedingsMeeting.objects.count(), CaseEvent.objects.count()) == (0, events_before)


def _issue(authority: Authority) -> CareProceedings:
    period = _enter(authority, days_ago=200)
    actions.end_pre_proceedings(
        period,
        ended_on=_days_ago(190),
        outcome=PreProceedingsOutcome.ISSUE_PROCEEDINGS,
        rationale="No change despite support",
        letter_of_issue_sent_on=_days_ago(189),
        by=authority.team_manager.user,
    )
    return actions.make_care_application(
        authority.own_child,
        application_kind=ApplicationKind.CARE_ORDER,
        application_made_on=_days_ago(185),
        court="Family Court at Middlesbrough",
        reason="Significant harm through neglect",
        by=authority.team_manager.user,
    )


def test_a_care_order_application_is_linked_to_the_decision_to_issue_and_starts_26_weeks(authority: Authority) -> None:
    # given / when
    proceedings = _issue(authority)
    # then
    assert proceedings.pre_proceedings is not None
    assert census_pre_proceedings(proceedings.pre_proceedings)["CourtAppDate"] == _days_ago(185)
    assert census_pre_proceedings(proceedings.pre_proceedings)["LetterInitCPDate"] == _days_ago(189)
    assert list(
        Deadline.objects.filter(timescale_code="legal.care_proceedings").values_list("started_on", "due_on", "met_on")
    ) == [(_days_ago(185), _days_ago(185) + timedelta(weeks=26), None)]


def test_a_placement_order_application_starts_no_26_week_clock(authority: Authority) -> None:
    # given / when
    actions.make_care_application(
        authority.own_child,
        application_kind=ApplicationKind.PLACEMENT_ORDER,
        application_made_on=_days_ago(5),
        court="Family Court at Middlesbrough",
        reason="The plan is adoption",
        by=authority.team_manager.user,
    )
    # then
    assert Deadline.objects.filter(timescale_code="legal.care_proceedings").count() == 0


def test_a_hearing_before_the_application_is_refused_naming_the_dates_and_nothing_is_saved(
    authority: Authority,
) -> None:
    # given
    proceedings = _issue(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.record_hearing(
            proceedings, kind=HearingKind.FIRST, held_on=_days_ago(186), by=authority.social_worker.user
        )
    # then
    assert refused.value.problems == {
        "held_on": [
            f"The date of the hearing ({_long(_days_ago(186))}) cannot be before the date of the application "
            f"({_long(_days_ago(185))})"
        ]
    }
    assert (Hearing.objects.count(), CaseEvent.objects.count()) == (0, events_before)


def test_hearings_and_a_late_final_order_with_reasons_for_delay_meet_the_26_week_clock_late(
    authority: Authority,
) -> None:
    # given proceedings issued 185 days ago (26 weeks ended 3 days ago)
    proceedings = _issue(authority)
    worker = authority.social_worker.user
    actions.record_hearing(
        proceedings,
        kind=HearingKind.FIRST,
        held_on=_days_ago(180),
        order_made=Order.INTERIM_CARE_ORDER,
        next_hearing_on=_days_ago(100),
        by=worker,
    )
    actions.record_hearing(
        proceedings,
        kind=HearingKind.ISSUES_RESOLUTION,
        held_on=_days_ago(100),
        next_hearing_on=_days_ago(2),
        delay_cause="Psychological assessment of the mother filed late",
        by=worker,
    )
    # when the final order is made 2 days ago, with the reasons
    concluded = actions.conclude_care_proceedings(
        proceedings,
        ended_on=_days_ago(2),
        final_order=Order.CARE_ORDER,
        outcome_summary="Ava to stay with her foster carers; rehabilitation home ruled out",
        delay_reasons="Psychological assessment filed late",
        by=worker,
    )
    # then
    assert (concluded.ended_on, concluded.final_order) == (_days_ago(2), "care_order")
    deadline = Deadline.objects.get(timescale_code="legal.care_proceedings")
    assert (deadline.met_on, deadline.status_on(clock.today()).value) == (_days_ago(2), "met_late")
    assert chronology_of(authority.own_child, event_types=["legal.care_proceedings_concluded"]).get().summary == (
        "Proceedings concluded after 26 weeks: Care order"
    )


def test_a_late_final_order_without_reasons_for_delay_is_refused_and_nothing_changes(authority: Authority) -> None:
    # given
    proceedings = _issue(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.conclude_care_proceedings(
            proceedings, ended_on=_days_ago(1), final_order=Order.CARE_ORDER, by=authority.social_worker.user
        )
    # then
    due = _days_ago(185) + timedelta(weeks=26)
    assert refused.value.problems == {
        "delay_reasons": [
            f"Give the reasons for the delay: the proceedings ended on {_long(_days_ago(1))}, after the 26 weeks "
            f"that ended on {_long(due)}"
        ]
    }
    proceedings.refresh_from_db()
    assert (proceedings.ended_on, proceedings.final_order, CaseEvent.objects.count()) == (None, "", events_before)
    assert Deadline.objects.get(timescale_code="legal.care_proceedings").met_on is None


def test_applying_while_in_pre_proceedings_is_refused(authority: Authority) -> None:
    # given
    _enter(authority)
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.make_care_application(
            authority.own_child,
            application_kind=ApplicationKind.CARE_ORDER,
            application_made_on=_days_ago(1),
            court="Family Court",
            reason="Harm",
            by=authority.team_manager.user,
        )
    # then
    assert list(refused.value.problems) == ["application_made_on"]
    assert CareProceedings.objects.count() == 0
