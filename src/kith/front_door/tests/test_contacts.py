"""Contacts at the front door: recorded, consent agreed, screened, decided, followed up.

Tests run at 11am on Wednesday 2 December 2026. Ava Thompson (6) is held by North
Safeguarding; Leo Brennan (9) by South. Fran Lee screens; Gita Patel manages the front door.
"""

from __future__ import annotations

from datetime import date

import pytest

from kith.front_door.actions import (
    close_referral,
    decide_contact,
    record_contact,
    record_early_help_follow_up,
    screen_contact,
    sign_off_consent_dispensed,
)
from kith.front_door.models import Consent, Contact, ContactDecision, Priority, Referral, ThresholdLevel
from kith.front_door.tests.builders import (
    TODAY,
    at,
    deadlines,
    given_contact,
    given_decided_contact,
    given_screened_contact,
)
from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.cin_census import PrimaryNeed, ReasonForClosure, ReferralSource
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.quality.models import ManagementDecision
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_referral

pytestmark = pytest.mark.django_db

DECISION_DUE = date(2026, 12, 3)


def _events(child: Person, event_type: str) -> list[tuple[date, str]]:
    return [(event.occurred_on, event.summary) for event in chronology_of(child, event_types=[event_type])]


def _nothing_more_saved(contacts: int, referrals: int, deadline_rows: int, events: int) -> None:
    assert (Contact.objects.count(), Referral.objects.count(), Deadline.objects.count(), CaseEvent.objects.count()) == (
        contacts,
        referrals,
        deadline_rows,
        events,
    )


# --- record_contact ------------------------------------------------------------------------------------------


def test_a_contact_is_recorded_with_its_children_and_adults_and_starts_the_decision_clock(
    authority: Authority,
) -> None:
    # given
    ava, leo = authority.own_child, authority.other_child
    # when
    contact = record_contact(
        [ava, leo],
        received_at=at(TODAY, 9, 15),
        source=ReferralSource.POLICE,
        referrer_name="PC Jo Bell",
        referrer_organisation="Cleveland Police",
        reason="Police called to a domestic abuse incident overnight; both children were in the house",
        consent=Consent.GIVEN,
        by=authority.screener.user,
    )
    # then
    contact.refresh_from_db()
    assert (contact.source, contact.consent, contact.is_repeat_contact, contact.recorded_by) == (
        "6",
        "given",
        False,
        authority.screener,
    )
    assert [child.pk for child in contact.children.order_by("pk")] == sorted([ava.pk, leo.pk])
    assert deadlines() == [("front_door.referral_decision", ava.pk, TODAY, DECISION_DUE, None, None)]
    assert _events(leo, "front_door.contact_received") == [
        (
            TODAY,
            "Contact from Police (PC Jo Bell, Cleveland Police): Police called to a domestic abuse incident "
            "overnight; both children were in the house",
        )
    ]


def test_the_first_child_named_carries_the_decision_clock(authority: Authority) -> None:
    # when
    given_contact([authority.other_child, authority.own_child], authority.screener)
    # then
    assert [row[1] for row in deadlines()] == [authority.other_child.pk]


def test_a_contact_within_12_months_of_another_about_the_same_child_is_a_repeat(authority: Authority) -> None:
    # given a contact about Ava in January, and one about Leo in 2025
    given_contact([authority.own_child], authority.screener, received_at=at(date(2026, 1, 10)))
    given_contact([authority.other_child], authority.screener, received_at=at(date(2025, 11, 30)))
    # when
    about_ava = given_contact([authority.own_child], authority.screener)
    about_leo = given_contact([authority.other_child], authority.screener)
    # then
    assert (about_ava.is_repeat_contact, about_leo.is_repeat_contact) == (True, False)


@pytest.mark.requirement("R-016")
def test_consent_dispensed_with_and_no_reason_is_refused_and_nothing_is_saved(authority: Authority) -> None:
    # given
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        given_contact([authority.own_child], authority.screener, consent=Consent.DISPENSED_WITH)
    # then
    assert refused.value.problems == {
        "consent_rationale": ["Enter why consent is dispensed with to safeguard the child: a manager must agree it"]
    }
    _nothing_more_saved(0, 0, 0, events)


def test_a_contact_received_in_the_future_is_refused(authority: Authority) -> None:
    # given
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        given_contact([authority.own_child], authority.screener, received_at=at(TODAY, 14))
    # then
    assert refused.value.problems == {
        "received_at": ["The time the contact was received (2 December 2026 at 2pm) must be now or in the past"]
    }
    _nothing_more_saved(0, 0, 0, events)


def test_a_contact_about_a_child_outside_the_workers_reach_is_not_allowed(authority: Authority) -> None:
    # given
    events = CaseEvent.objects.count()
    # when / then
    with pytest.raises(NotAllowed):
        given_contact([authority.own_child, authority.other_child], authority.social_worker)
    _nothing_more_saved(0, 0, 0, events)


# --- consent (R-016) -------------------------------------------------------------------------------------------


@pytest.mark.requirement("R-016")
def test_a_manager_agrees_to_proceed_without_consent_on_each_childs_record(authority: Authority) -> None:
    # given
    contact = given_contact(
        [authority.own_child, authority.other_child],
        authority.screener,
        consent=Consent.DISPENSED_WITH,
        consent_rationale="Asking the parents first could put the children at risk",
    )
    # when
    sign_off_consent_dispensed(
        contact, rationale="The risk of harm outweighs asking first", by=authority.front_door_manager.user
    )
    # then
    contact.refresh_from_db()
    assert (contact.consent_signed_off_by, contact.consent_signed_off_at) == (
        authority.front_door_manager,
        at(TODAY, 11),
    )
    assert sorted(
        ManagementDecision.objects.values_list("child_id", "kind", "decision", "rationale", "decided_on", "decided_by")
    ) == sorted(
        (
            child.pk,
            "consent_dispensed",
            "Proceed without the parents' consent to safeguard the child",
            "The risk of harm outweighs asking first",
            TODAY,
            authority.front_door_manager.pk,
        )
        for child in (authority.own_child, authority.other_child)
    )
    assert _events(authority.own_child, "front_door.consent_dispensed_signed_off") == [
        (TODAY, "Gita Patel agreed to proceed without parental consent: The risk of harm outweighs asking first")
    ]


@pytest.mark.requirement("R-016")
def test_there_is_nothing_to_agree_when_consent_was_given_and_a_screener_cannot_agree(authority: Authority) -> None:
    # given
    given = given_contact([authority.own_child], authority.screener)
    dispensed = given_contact(
        [authority.own_child], authority.screener, consent=Consent.DISPENSED_WITH, consent_rationale="Risk"
    )
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        sign_off_consent_dispensed(given, rationale="Agreed", by=authority.front_door_manager.user)
    with pytest.raises(NotAllowed):
        sign_off_consent_dispensed(dispensed, rationale="Agreed", by=authority.screener.user)
    # then
    assert refused.value.problems == {"rationale": ["Consent is recorded as given: there is nothing to agree"]}
    assert ManagementDecision.objects.count() == 0
    assert CaseEvent.objects.count() == events


# --- screening (R-007) -----------------------------------------------------------------------------------------


@pytest.mark.requirement("R-007")
def test_screening_records_the_history_checks_their_findings_the_analysis_and_the_priority(
    authority: Authority,
) -> None:
    # given a contact recorded before the history checks were made
    contact = given_contact([authority.own_child], authority.screener, history_checks="", history_findings="")
    # when
    screen_contact(
        contact,
        history_checks="Kith, police national database, school and GP",
        history_findings="Two police call-outs in 2026; school attendance 82%",
        screening_analysis="A pattern of incidents; Ava has been present at both",
        priority=Priority.RED,
        by=authority.screener.user,
    )
    # then
    contact.refresh_from_db()
    assert (contact.history_checks, contact.history_findings, contact.screening_analysis, contact.priority) == (
        "Kith, police national database, school and GP",
        "Two police call-outs in 2026; school attendance 82%",
        "A pattern of incidents; Ava has been present at both",
        "red",
    )
    assert _events(authority.own_child, "front_door.contact_screened") == [
        (TODAY, "Screened as red: A pattern of incidents; Ava has been present at both")
    ]


@pytest.mark.requirement("R-007")
def test_screening_without_the_history_checks_is_refused(authority: Authority) -> None:
    # given
    contact = given_contact([authority.own_child], authority.screener, history_checks="", history_findings="")
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        screen_contact(contact, screening_analysis="Worrying", priority=Priority.AMBER, by=authority.screener.user)
    # then
    assert refused.value.problems == {
        "history_checks": ["Enter the history checks made (R-007)"],
        "history_findings": ["Enter what the history checks found (R-007)"],
    }
    contact.refresh_from_db()
    assert (contact.screening_analysis, contact.priority, CaseEvent.objects.count()) == ("", "", events)


# --- decisions -----------------------------------------------------------------------------------------------------


def test_a_referral_decision_makes_a_referral_for_each_child_and_starts_their_assessment_clocks(
    authority: Authority,
) -> None:
    # given
    ava, leo = authority.own_child, authority.other_child
    contact = given_screened_contact([ava, leo], authority.screener, source=ReferralSource.POLICE)
    # when
    decide_contact(
        contact,
        decision=ContactDecision.REFERRAL,
        rationale="Repeated domestic abuse with the children present",
        threshold_level=ThresholdLevel.TARGETED,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        by=authority.front_door_manager.user,
    )
    # then
    contact.refresh_from_db()
    assert (contact.decision, contact.decided_at, contact.decided_by) == (
        "referral",
        at(TODAY, 11),
        authority.front_door_manager,
    )
    assert sorted(
        Referral.objects.values_list(
            "child_id",
            "contact_id",
            "referral_date",
            "source",
            "primary_need",
            "threshold_level",
            "no_further_action",
            "is_re_referral",
            "closed_on",
        )
    ) == sorted((child.pk, contact.pk, TODAY, "6", "N1", "3", False, False, None) for child in (ava, leo))
    event = CaseEvent.objects.get(event_type="front_door.contact_decided")
    assert deadlines() == [
        ("front_door.referral_decision", ava.pk, TODAY, DECISION_DUE, TODAY, None),
        ("assessments.single_assessment", ava.pk, TODAY, date(2027, 2, 8), None, None),
        ("assessments.single_assessment", leo.pk, TODAY, date(2027, 2, 8), None, None),
    ]
    assert Deadline.objects.get(timescale_code="front_door.referral_decision").met_by_event == event
    assert event.summary == (
        "Referral to children's social care, decided by Gita Patel: Repeated domestic abuse with the children present"
    )
    assert sorted(ManagementDecision.objects.values_list("child_id", "kind", "decision")) == sorted(
        (child.pk, "contact_decision", "Referral to children's social care") for child in (ava, leo)
    )


def test_a_decision_to_go_straight_to_a_strategy_discussion_starts_that_clock_too(authority: Authority) -> None:
    # when
    given_decided_contact(
        [authority.own_child],
        authority.screener,
        authority.front_door_manager,
        decision=ContactDecision.STRATEGY_DISCUSSION,
    )
    # then
    ava = authority.own_child.pk
    assert deadlines() == [
        ("front_door.referral_decision", ava, TODAY, DECISION_DUE, TODAY, None),
        ("assessments.single_assessment", ava, TODAY, date(2027, 2, 8), None, None),
        ("assessments.strategy_discussion", ava, TODAY, DECISION_DUE, None, None),
    ]


def test_a_referral_with_no_further_action_is_closed_the_same_day_with_no_assessment_clock(
    authority: Authority,
) -> None:
    # given
    contact = given_screened_contact([authority.own_child], authority.screener)
    # when
    decide_contact(
        contact,
        decision=ContactDecision.REFERRAL,
        rationale="The school has dealt with it; no role for social care",
        threshold_level=ThresholdLevel.UNIVERSAL,
        no_further_action=True,
        by=authority.front_door_manager.user,
    )
    # then
    assert list(Referral.objects.values_list("no_further_action", "primary_need", "closed_on", "closure_reason")) == [
        (True, "", TODAY, ReasonForClosure.SERVICES_CEASED)
    ]
    assert [row[0] for row in deadlines()] == ["front_door.referral_decision"]
    assert _events(authority.own_child, "front_door.contact_decided") == [
        (
            TODAY,
            "Referral to children's social care with no further action, decided by Gita Patel: The school has dealt "
            "with it; no role for social care",
        )
    ]


def test_a_child_referred_within_12_months_of_the_last_referral_closing_is_a_re_referral(authority: Authority) -> None:
    # given Ava's referral of March 2026, closed in June
    earlier = given_referral(authority.own_child, authority.social_worker, on=date(2026, 3, 2))
    close_referral(
        earlier,
        closed_on=date(2026, 6, 1),
        reason=ReasonForClosure.SERVICES_CEASED,
        rationale="Needs met",
        by=authority.team_manager.user,
    )
    # when
    given_decided_contact([authority.own_child], authority.screener, authority.front_door_manager)
    # then
    assert Referral.objects.get(closed_on__isnull=True).is_re_referral is True


@pytest.mark.requirement("R-016")
def test_a_referral_is_refused_while_consent_is_dispensed_with_and_not_agreed(authority: Authority) -> None:
    # given
    contact = given_screened_contact(
        [authority.own_child], authority.screener, consent=Consent.DISPENSED_WITH, consent_rationale="Risk"
    )
    before = (Contact.objects.count(), Referral.objects.count(), Deadline.objects.count(), CaseEvent.objects.count())
    # when
    with pytest.raises(RuleBroken) as refused:
        decide_contact(
            contact,
            decision=ContactDecision.REFERRAL,
            rationale="Needs assessment",
            threshold_level=ThresholdLevel.TARGETED,
            primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
            by=authority.front_door_manager.user,
        )
    # then
    assert refused.value.problems == {
        "decision": [
            "Consent is dispensed with but no manager has agreed it yet: agree it before making a referral (R-016)"
        ]
    }
    _nothing_more_saved(*before)
    assert Deadline.objects.get().met_on is None


def test_a_contact_cannot_be_decided_twice(authority: Authority) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.ADVICE
    )
    before = (Contact.objects.count(), Referral.objects.count(), Deadline.objects.count(), CaseEvent.objects.count())
    # when
    with pytest.raises(RuleBroken) as refused:
        decide_contact(
            contact,
            decision=ContactDecision.ADVICE,
            rationale="Again",
            advice_given="Leaflet",
            by=authority.front_door_manager.user,
        )
    # then
    assert refused.value.problems == {
        "decision": ["The contact was decided on 2 December 2026 at 11am: it cannot be decided twice"]
    }
    _nothing_more_saved(*before)


def test_a_referral_is_refused_for_a_child_with_an_open_referral_naming_it(authority: Authority) -> None:
    # given Leo's referral open since 2 November 2026
    given_referral(authority.other_child, authority.south_worker, on=date(2026, 11, 2))
    contact = given_screened_contact([authority.own_child, authority.other_child], authority.screener)
    before = (Contact.objects.count(), Referral.objects.count(), Deadline.objects.count(), CaseEvent.objects.count())
    # when
    with pytest.raises(RuleBroken) as refused:
        decide_contact(
            contact,
            decision=ContactDecision.REFERRAL,
            rationale="Needs assessment",
            threshold_level=ThresholdLevel.TARGETED,
            primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
            by=authority.front_door_manager.user,
        )
    # then
    assert refused.value.problems == {
        "decision": [
            "Leo Brennan already has an open referral, since 2 November 2026: record the work on that referral, "
            "or close it first"
        ]
    }
    _nothing_more_saved(*before)


def test_a_decision_by_a_screener_is_not_allowed(authority: Authority) -> None:
    # given
    contact = given_screened_contact([authority.own_child], authority.screener)
    events = CaseEvent.objects.count()
    # when / then
    with pytest.raises(NotAllowed):
        decide_contact(
            contact, decision=ContactDecision.ADVICE, rationale="x", advice_given="y", by=authority.screener.user
        )
    contact.refresh_from_db()
    assert (contact.decided_at, CaseEvent.objects.count()) == (None, events)


# --- early help follow-up (R-152) --------------------------------------------------------------------------------


@pytest.mark.requirement("R-152")
def test_a_family_signposted_to_early_help_is_followed_up_within_20_working_days(authority: Authority) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.EARLY_HELP
    )
    due = date(2027, 1, 4)  # 20 working days, not counting 25 and 28 December and 1 January
    assert contact.early_help_follow_up_due_on == due
    # when
    record_early_help_follow_up(
        contact,
        followed_up_on=TODAY,
        family_got_help=True,
        notes="Kerry has started the parenting course at the family hub",
        by=authority.screener.user,
    )
    # then
    contact.refresh_from_db()
    assert (contact.early_help_followed_up_on, contact.family_got_help, contact.early_help_follow_up_notes) == (
        TODAY,
        True,
        "Kerry has started the parenting course at the family hub",
    )
    ava = authority.own_child.pk
    assert deadlines() == [
        ("front_door.referral_decision", ava, TODAY, DECISION_DUE, TODAY, None),
        ("front_door.early_help_follow_up", ava, TODAY, due, TODAY, None),
    ]
    assert _events(authority.own_child, "front_door.early_help_followed_up") == [
        (TODAY, "Early help followed up: the family got help. Kerry has started the parenting course at the family hub")
    ]


@pytest.mark.requirement("R-152")
def test_a_family_who_did_not_get_help_needs_a_note_of_what_happens_next(authority: Authority) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.EARLY_HELP
    )
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        record_early_help_follow_up(
            contact, followed_up_on=TODAY, family_got_help=False, notes="", by=authority.screener.user
        )
    # then
    assert refused.value.problems == {"notes": ["Enter what happens next for a family who did not get help"]}
    contact.refresh_from_db()
    assert (contact.early_help_followed_up_on, CaseEvent.objects.count()) == (None, events)
    assert Deadline.objects.get(timescale_code="front_door.early_help_follow_up").met_on is None


def test_only_an_early_help_decision_is_followed_up(authority: Authority) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.ADVICE
    )
    # when
    with pytest.raises(RuleBroken) as refused:
        record_early_help_follow_up(contact, followed_up_on=TODAY, family_got_help=True, by=authority.screener.user)
    # then
    assert refused.value.problems == {
        "followed_up_on": ["Only a contact signposted or stepped down to early help is followed up"]
    }
