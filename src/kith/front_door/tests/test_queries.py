"""What the front door reads: the child's panel on the case summary and the front door's lists.

Tests run at 11am on Wednesday 2 December 2026.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.template.loader import render_to_string

from kith.front_door.actions import record_referral
from kith.front_door.models import Contact, ContactDecision, ThresholdLevel
from kith.front_door.queries import contacts_awaiting_decision, contacts_decided_on, record_summary
from kith.front_door.tests.builders import TODAY, at, given_contact, given_decided_contact, given_screened_contact
from kith.platform.reference.cin_census import PrimaryNeed, ReferralSource
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def test_the_panel_says_a_decision_is_due_for_a_contact_waiting(authority: Authority) -> None:
    # given
    contact = given_contact([authority.own_child], authority.screener)
    # when
    summary = record_summary(authority.own_child)
    # then
    assert (summary["open_referral"], summary["contacts_awaiting"]) == (None, [contact])
    assert [step["words"] for step in summary["next_steps"]] == ["Decision due 3 December 2026"]


def test_the_panel_shows_the_open_referral_and_the_assessment_due(authority: Authority) -> None:
    # given a referral of 2 November 2026
    referral = record_referral(
        authority.own_child,
        referral_date=date(2026, 11, 2),
        source=ReferralSource.SCHOOLS,
        threshold_level=ThresholdLevel.TARGETED,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        by=authority.screener.user,
    )
    # when
    summary = record_summary(authority.own_child)
    # then
    assert (summary["open_referral"], summary["days_open"], summary["referrals_in_last_year"]) == (referral, 30, 1)
    assert summary["next_steps"] == [
        {
            "code": "assessments.single_assessment",
            "due_on": date(2027, 1, 7),
            "words": "Assessment due 7 January 2027",
            "overdue": False,
        }
    ]


def test_the_panel_reads_the_siblings_contact_clock_too(authority: Authority) -> None:
    # given a contact naming Leo first (his clock) and Ava second
    given_contact([authority.other_child, authority.own_child], authority.screener)
    # when
    summary = record_summary(authority.own_child)
    # then
    assert [step["words"] for step in summary["next_steps"]] == ["Decision due 3 December 2026"]


def test_the_panel_renders_what_happens_next(authority: Authority) -> None:
    # given
    given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.EARLY_HELP
    )
    # when
    html = render_to_string(
        "front_door/_record_panel.html",
        {"summary": record_summary(authority.own_child), "child": authority.own_child, "can_record": True},
    )
    # then
    assert "Early help follow-up due 4 January 2027" in html
    assert "No referral recorded." in html


def test_the_front_door_lists_contacts_awaiting_oldest_first_with_their_due_dates(authority: Authority) -> None:
    # given one contact from Monday, one from this morning, and one decided today
    older = given_screened_contact([authority.other_child], authority.screener, received_at=at(date(2026, 11, 30), 16))
    newer = given_contact([authority.own_child], authority.screener, received_at=at(TODAY, 8))
    decided = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.ADVICE
    )
    # when
    awaiting = contacts_awaiting_decision(Contact.objects.all())
    today = contacts_decided_on(Contact.objects.all(), TODAY)
    # then
    assert [(row.contact, row.due_on, row.overdue) for row in awaiting] == [
        (older, date(2026, 12, 1), True),
        (newer, date(2026, 12, 3), False),
    ]
    assert [row.contact for row in today] == [decided]
