"""The pre-proceedings tracker, the child's legal page and the forms (bad input is kept and explained)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from kith.legal import actions
from kith.legal.models import ApplicationKind, HearingKind, MeetingKind, Order, PreProceedings, PreProceedingsOutcome
from kith.platform import clock
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.models import CaseEvent
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_child, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _days_ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


def _enter(authority: Authority, child: object, days_ago: int) -> PreProceedings:
    return actions.start_pre_proceedings(
        child,  # type: ignore[arg-type]
        entered_on=_days_ago(days_ago),
        reason="Neglect despite a child protection plan",
        by=authority.team_manager.user,
    )


def test_the_tracker_lists_children_longest_first_and_flags_those_past_16_weeks(
    authority: Authority, sign_in: SignIn
) -> None:
    # given Ava in pre-proceedings for 30 days, and Noah (also North's) for 120 days with a letter and a meeting
    noah = add_child("Noah", "Price", aged=4, by=authority.business_support)
    allocate_case(
        noah,
        team=authority.north,
        worker=None,
        reason="Held",
        started_on=_days_ago(200),
        by=authority.front_door_manager.user,
    )
    _enter(authority, authority.own_child, 30)
    long_running = _enter(authority, noah, 120)
    actions.send_letter_before_proceedings(
        long_running,
        sent_on=_days_ago(115),
        risks="r",
        changes_expected="c",
        support_offered="s",
        by=authority.team_manager.user,
    )
    actions.record_pre_proceedings_meeting(
        long_running,
        kind=MeetingKind.INITIAL,
        held_on=_days_ago(100),
        attendees="Parents",
        summary="Agreed",
        next_review_on=_days_ago(40),
        by=authority.team_manager.user,
    )
    client = sign_in(authority.team_manager)
    # when
    page = client.get(reverse("legal:tracker"))
    # then
    over_since = long_date(_days_ago(120) + timedelta(weeks=16))
    assert table_rows(page.content.decode(), "pre-proceedings") == [
        [
            "Noah Price",
            long_date(_days_ago(120)),
            "17",
            long_date(_days_ago(115)),
            long_date(_days_ago(100)),
            long_date(_days_ago(40)),
            f"Over the limit since {over_since}",
        ],
        [
            "Ava Thompson",
            long_date(_days_ago(30)),
            "4",
            "Not sent",
            "None",
            "Not set",
            f"Decision due by {long_date(_days_ago(30) + timedelta(weeks=16))}",
        ],
    ]


def test_the_tracker_leaves_out_children_whose_pre_proceedings_ended(authority: Authority, sign_in: SignIn) -> None:
    # given
    period = _enter(authority, authority.own_child, 30)
    actions.end_pre_proceedings(
        period,
        ended_on=_days_ago(1),
        outcome=PreProceedingsOutcome.NO_FURTHER_ACTION,
        rationale="Safe now",
        by=authority.team_manager.user,
    )
    client = sign_in(authority.team_manager)
    # when
    page = client.get(reverse("legal:tracker"))
    # then
    assert page.context["rows"] == []
    assert "No child you can see is in pre-proceedings." in page.content.decode()


def test_the_tracker_shows_open_applications_past_26_weeks(authority: Authority, sign_in: SignIn) -> None:
    # given a care order application issued 200 days ago, with a hearing
    made = actions.make_care_application(
        authority.own_child,
        application_kind=ApplicationKind.CARE_ORDER,
        application_made_on=_days_ago(200),
        court="Family Court at Leeds",
        reason="Neglect",
        by=authority.team_manager.user,
    )
    actions.record_hearing(
        made,
        kind=HearingKind.FIRST,
        held_on=_days_ago(190),
        order_made=Order.INTERIM_CARE_ORDER,
        next_hearing_on=clock.today() + timedelta(days=10),
        by=authority.social_worker.user,
    )
    client = sign_in(authority.team_manager)
    # when
    page = client.get(reverse("legal:tracker"))
    # then
    assert table_rows(page.content.decode(), "court") == [
        [
            "Ava Thompson",
            "Care order",
            long_date(_days_ago(200)),
            "28",
            long_date(_days_ago(190)),
            long_date(clock.today() + timedelta(days=10)),
            f"Past 26 weeks since {long_date(_days_ago(200) + timedelta(weeks=26))}",
        ]
    ]


def test_the_exit_decision_is_shown_with_its_reasons_and_the_manager(authority: Authority, sign_in: SignIn) -> None:
    # given
    period = _enter(authority, authority.own_child, 30)
    actions.end_pre_proceedings(
        period,
        ended_on=_days_ago(2),
        outcome=PreProceedingsOutcome.STEP_DOWN_CP,
        rationale="Mother engaging; risks manageable on a plan",
        by=authority.team_manager.user,
    )
    client = sign_in(authority.social_worker)
    # when
    page = client.get(reverse("legal:child", args=[authority.own_child.pk]))
    # then
    summary = summary_list(page.content.decode(), f"period-{period.pk}-summary")
    assert summary["Exit decision"] == (
        f"Step down to a child protection plan, {long_date(_days_ago(2))}, Tom Hughes: "
        "Mother engaging; risks manageable on a plan"
    )
    assert summary["Decision to enter"] == (
        f"{long_date(_days_ago(30))}, Tom Hughes: Neglect despite a child protection plan"
    )


def test_recording_the_letter_redirects_to_the_legal_page_with_a_message(authority: Authority, sign_in: SignIn) -> None:
    # given
    period = _enter(authority, authority.own_child, 30)
    client = sign_in(authority.social_worker)
    # when
    response = client.post(
        reverse("legal:send_letter", args=[period.pk]),
        {
            "risks": "Ava is often hungry",
            "changes_expected": "Regular meals",
            "support_offered": "Family support",
            **date_fields("sent_on", _days_ago(25)),
        },
    )
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("legal:child", args=[authority.own_child.pk])
    assert [str(message) for message in get_messages(response.wsgi_request)] == ["Letter before proceedings recorded"]
    period.refresh_from_db()
    assert (period.letter_sent_on, period.letter_changes_expected) == (_days_ago(25), "Regular meals")


def test_a_meeting_dated_before_entry_is_refused_naming_the_dates_and_what_was_typed_is_kept(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    period = _enter(authority, authority.own_child, 30)
    client = sign_in(authority.social_worker)
    events_before = CaseEvent.objects.count()
    # when
    response = client.post(
        reverse("legal:record_meeting", args=[period.pk]),
        {
            "kind": MeetingKind.INITIAL,
            "attendees": "Kerry and her solicitor",
            "summary": "Plan agreed",
            **date_fields("held_on", _days_ago(31)),
            **date_fields("next_review_on", _days_ago(32)),
        },
    )
    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "held_on": [
            f"The date of the meeting ({long_date(_days_ago(31))}) cannot be before the date pre-proceedings "
            f"started ({long_date(_days_ago(30))})"
        ],
        "next_review_on": [
            f"The next review ({long_date(_days_ago(32))}) must be after the meeting ({long_date(_days_ago(31))})"
        ],
    }
    assert "Kerry and her solicitor</textarea>" in response.content.decode()
    assert (period.meetings.count(), CaseEvent.objects.count()) == (0, events_before)


def test_a_hearing_before_the_application_is_refused_on_the_form(authority: Authority, sign_in: SignIn) -> None:
    # given
    made = actions.make_care_application(
        authority.own_child,
        application_kind=ApplicationKind.CARE_ORDER,
        application_made_on=_days_ago(10),
        court="Family Court at Leeds",
        reason="Neglect",
        by=authority.team_manager.user,
    )
    client = sign_in(authority.social_worker)
    # when
    response = client.post(
        reverse("legal:record_hearing", args=[made.pk]),
        {"kind": HearingKind.FIRST, "order_made": Order.NONE, **date_fields("held_on", _days_ago(11))},
    )
    # then
    assert response.context["form"].errors == {
        "held_on": [
            f"The date of the hearing ({long_date(_days_ago(11))}) cannot be before the date of the application "
            f"({long_date(_days_ago(10))})"
        ]
    }
    assert made.hearings.count() == 0


def test_the_legal_page_offers_managers_the_decisions_and_workers_the_recording(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    period = _enter(authority, authority.own_child, 30)
    # when
    as_worker = sign_in(authority.social_worker).get(reverse("legal:child", args=[authority.own_child.pk]))
    as_manager = sign_in(authority.team_manager).get(reverse("legal:child", args=[authority.own_child.pk]))
    # then
    end_link = reverse("legal:end_pre_proceedings", args=[period.pk])
    meeting_link = reverse("legal:record_meeting", args=[period.pk])
    assert (end_link in as_worker.content.decode(), meeting_link in as_worker.content.decode()) == (False, True)
    assert (end_link in as_manager.content.decode(), meeting_link in as_manager.content.decode()) == (True, True)
