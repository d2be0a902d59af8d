"""The front door's pages: what they show, what a good post records, and how problems are shown.

Tests run at 11am on Wednesday 2 December 2026. Fran Lee screens; Gita Patel manages the front door.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kith.front_door.models import (
    Contact,
    ContactDecision,
    EarlyHelpAssessment,
    OutOfHoursRecord,
    PoliceProtection,
    ProfessionalDisagreement,
    Referral,
)
from kith.front_door.tests.builders import TODAY, at, given_contact, given_decided_contact, given_screened_contact
from kith.people.actions import PersonDetails, add_person, record_relationship
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _messages(response: object) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]  # type: ignore[attr-defined]


def _contact_form(authority: Authority, **overrides: object) -> dict[str, object]:
    return {
        **date_fields("received_on", TODAY),
        "received_time": "09:15",
        "source": "6",
        "referrer_name": "PC Jo Bell",
        "referrer_organisation": "Cleveland Police",
        "referrer_contact_details": "",
        "children": f"{authority.own_child.kith_id}, {authority.other_child.pk}",
        "adults": "",
        "reason": "Domestic abuse incident overnight",
        "consent": "given",
        "consent_rationale": "",
        "history_checks": "",
        "history_findings": "",
        **overrides,
    }


# --- the front door page ---------------------------------------------------------------------------------


def test_the_front_door_lists_contacts_awaiting_a_decision_with_due_date_and_priority(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    given_screened_contact([authority.own_child], authority.screener, received_at=at(TODAY, 9))
    given_decided_contact(
        [authority.other_child], authority.screener, authority.front_door_manager, decision=ContactDecision.ADVICE
    )
    client = sign_in(authority.screener)
    # when
    page = client.get(reverse("front_door:home"))
    # then
    html = page.content.decode()
    assert page.status_code == 200
    assert table_rows(html, "awaiting") == [
        ["2 December 2026 at 9am", "Ava Thompson", "Schools", "Amber", "3 December 2026"]
    ]
    assert table_rows(html, "decided-today") == [
        ["2 December 2026 at 9am", "Leo Brennan", "Advice or information given", "Gita Patel"]
    ]


def test_the_front_door_is_not_for_roles_that_record_no_case_work(authority: Authority, sign_in: SignIn) -> None:
    # when
    page = sign_in(authority.analyst).get(reverse("front_door:home"))
    # then
    assert page.status_code == 404


# --- a new contact -------------------------------------------------------------------------------------------


def test_a_new_contact_is_recorded_from_kith_ids_and_goes_to_its_page(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.screener)
    # when
    response = client.post(reverse("front_door:new_contact"), _contact_form(authority))
    # then
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("front_door:contact", args=[contact.pk])
    assert _messages(response) == ["Contact recorded. Decision due 3 December 2026"]
    assert (contact.received_at, sorted(contact.children.values_list("pk", flat=True))) == (
        at(TODAY, 9, 15),
        sorted([authority.own_child.pk, authority.other_child.pk]),
    )


def test_a_contact_from_the_childs_record_has_the_child_chosen_and_offers_the_family(
    authority: Authority, sign_in: SignIn
) -> None:
    # when
    page = sign_in(authority.screener).get(reverse("front_door:new_contact_for_child", args=[authority.own_child.pk]))
    # then
    assert page.status_code == 200
    assert page.context["form"]["children"].value() == authority.own_child.kith_id
    assert page.context["form"]["received_on"].value() == TODAY


def test_a_contact_started_from_the_front_door_sends_the_screener_to_find_the_child_first(
    authority: Authority, sign_in: SignIn
) -> None:
    client = sign_in(authority.screener)
    blank = client.get(reverse("front_door:new_contact")).content.decode()
    from_record = client.get(
        reverse("front_door:new_contact_for_child", args=[authority.own_child.pk])
    ).content.decode()
    assert f'href="{reverse("people:search")}"' in blank.split('id="find-first"')[1].split("</div>")[0]
    assert 'id="find-first"' not in from_record


def test_family_members_offered_on_the_childs_contact_form_are_added_as_adults(
    authority: Authority, sign_in: SignIn
) -> None:
    # given Ava's mother Kerry
    kerry = add_person(
        PersonDetails(kind="adult", given_name="Kerry", family_name="Thompson", date_of_birth=date(1994, 3, 3)),
        by=authority.screener.user,
    )
    record_relationship(
        kerry, authority.own_child, kind="parent", has_parental_responsibility=True, by=authority.screener.user
    )
    client = sign_in(authority.screener)
    url = reverse("front_door:new_contact_for_child", args=[authority.own_child.pk])
    # when
    page = client.get(url)
    response = client.post(url, _contact_form(authority, children=authority.own_child.kith_id, family=[str(kerry.pk)]))
    # then
    assert list(page.context["form"].fields["family"].choices) == [
        (str(kerry.pk), f"Kerry Thompson (Parent, {kerry.kith_id})")
    ]
    assert response.status_code == 302
    assert list(Contact.objects.get().adults.all()) == [kerry]


def test_the_front_door_page_reads_its_lists_in_a_fixed_number_of_queries(
    authority: Authority, sign_in: SignIn
) -> None:
    # given one contact in each list, and the page read once
    client = sign_in(authority.screener)
    ava, leo = authority.own_child, authority.other_child
    manager = authority.front_door_manager
    given_decided_contact([ava], authority.screener, manager, decision=ContactDecision.EARLY_HELP)
    given_screened_contact([leo], authority.screener)
    client.get(reverse("front_door:home"))
    with CaptureQueriesContext(connection) as one_each:
        client.get(reverse("front_door:home"))
    # when there are more in each list
    given_decided_contact([leo], authority.screener, manager, decision=ContactDecision.EARLY_HELP)
    given_screened_contact([ava, leo], authority.screener)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("front_door:home"))
    # then
    assert len(more.captured_queries) == len(one_each.captured_queries)


def test_a_kith_id_the_user_cannot_open_is_refused_without_saying_whether_it_exists(
    authority: Authority, sign_in: SignIn
) -> None:
    # given the restricted child, and a number nobody has
    client = sign_in(authority.screener)
    events = CaseEvent.objects.count()
    # when
    response = client.post(
        reverse("front_door:new_contact"),
        _contact_form(authority, children=f"{authority.restricted_child.kith_id} K9999999"),
    )
    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "children": [
            f"There is no record {authority.restricted_child.kith_id} that you can open: check the Kith ID",
            "There is no record K9999999 that you can open: check the Kith ID",
        ]
    }
    assert (Contact.objects.count(), CaseEvent.objects.count()) == (0, events)


@pytest.mark.requirement("R-016")
def test_the_actions_refusal_is_shown_on_the_form_and_what_was_typed_is_kept(
    authority: Authority, sign_in: SignIn
) -> None:
    # when
    response = sign_in(authority.screener).post(
        reverse("front_door:new_contact"), _contact_form(authority, consent="dispensed_with")
    )
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "consent_rationale": ["Enter why consent is dispensed with to safeguard the child: a manager must agree it"]
    }
    assert "Domestic abuse incident overnight</textarea>" in html
    assert Contact.objects.count() == 0


def test_a_time_that_is_not_a_time_is_explained(authority: Authority, sign_in: SignIn) -> None:
    # when
    response = sign_in(authority.screener).post(
        reverse("front_door:new_contact"), _contact_form(authority, received_time="25:10")
    )
    # then
    assert response.context["form"].errors == {
        "received_time": ["Enter the time the contact was received as a real time, like 14:30"]
    }


# --- the contact page -------------------------------------------------------------------------------------------


def test_the_contact_page_offers_screening_to_the_screener_and_the_decision_to_the_manager(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    contact = given_contact([authority.own_child], authority.screener)
    url = reverse("front_door:contact", args=[contact.pk])
    # when
    as_screener = sign_in(authority.screener).get(url)
    as_manager = sign_in(authority.front_door_manager).get(url)
    # then
    assert (as_screener.status_code, as_manager.status_code) == (200, 200)
    assert (as_screener.context["screening_form"] is not None, as_screener.context["decision_form"]) == (True, None)
    assert as_manager.context["decision_form"] is not None


@pytest.mark.requirement("R-007")
def test_screening_from_the_contact_page(authority: Authority, sign_in: SignIn) -> None:
    # given
    contact = given_contact([authority.own_child], authority.screener)
    # when
    response = sign_in(authority.screener).post(
        reverse("front_door:screen", args=[contact.pk]),
        {
            "history_checks": "Kith and police",
            "history_findings": "Nothing known",
            "screening_analysis": "A first concern",
            "priority": "green",
        },
    )
    # then
    contact.refresh_from_db()
    assert (response.status_code, _messages(response), contact.priority) == (302, ["Screening recorded"], "green")


def test_a_decision_the_rules_refuse_is_shown_on_the_contact_page(authority: Authority, sign_in: SignIn) -> None:
    # given a contact not yet screened
    contact = given_contact([authority.own_child], authority.screener)
    # when
    response = sign_in(authority.front_door_manager).post(
        reverse("front_door:decide", args=[contact.pk]), {"decision": "referral", "rationale": "Assess"}
    )
    # then
    assert response.status_code == 200
    assert response.context["decision_form"].errors == {
        "decision": ["Screen the contact first: the history checks, analysis and priority (R-007)"],
        "threshold_level": ["Select the threshold level"],
        "primary_need": ["Select the child's primary need (needed unless there is no further action)"],
    }
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in response.content.decode()


def test_a_referral_decision_says_who_was_referred(authority: Authority, sign_in: SignIn) -> None:
    # given
    contact = given_screened_contact([authority.own_child], authority.screener)
    # when
    response = sign_in(authority.front_door_manager).post(
        reverse("front_door:decide", args=[contact.pk]),
        {"decision": "referral", "rationale": "Assess", "threshold_level": "3", "primary_need": "N1"},
    )
    # then
    assert (response.status_code, _messages(response)) == (302, ["Decision recorded: referral made for Ava Thompson"])


@pytest.mark.requirement("R-016")
def test_a_manager_agrees_to_proceed_without_consent_from_the_contact_page(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    contact = given_contact(
        [authority.own_child], authority.screener, consent="dispensed_with", consent_rationale="Risk of harm"
    )
    client = sign_in(authority.front_door_manager)
    # when
    page = client.get(reverse("front_door:contact", args=[contact.pk]))
    response = client.post(reverse("front_door:sign_off_consent", args=[contact.pk]), {"rationale": "Agreed"})
    # then
    assert page.context["consent_form"] is not None
    assert (response.status_code, _messages(response)) == (302, ["Agreement to proceed without consent recorded"])


@pytest.mark.requirement("R-152")
def test_the_early_help_follow_up_from_the_contact_page(authority: Authority, sign_in: SignIn) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.EARLY_HELP
    )
    # when
    response = sign_in(authority.screener).post(
        reverse("front_door:follow_up", args=[contact.pk]),
        {**date_fields("followed_up_on", TODAY), "family_got_help": "yes", "notes": "At the family hub"},
    )
    # then
    contact.refresh_from_db()
    assert (response.status_code, contact.family_got_help) == (302, True)


def test_a_contact_that_does_not_exist_is_a_404(authority: Authority, sign_in: SignIn) -> None:
    # when
    page = sign_in(authority.screener).get(reverse("front_door:contact", args=[999999]))
    # then
    assert page.status_code == 404


# --- referrals ----------------------------------------------------------------------------------------------------


def test_the_referral_page_shows_the_episode_and_a_manager_closes_it(authority: Authority, sign_in: SignIn) -> None:
    # given
    given_decided_contact([authority.own_child], authority.screener, authority.front_door_manager)
    referral = Referral.objects.get()
    client = sign_in(authority.team_manager)
    # when
    page = client.get(reverse("front_door:referral", args=[referral.pk]))
    response = client.post(
        reverse("front_door:close_referral", args=[referral.pk]),
        {**date_fields("closed_on", TODAY), "reason": "RC7", "rationale": "Family moved to Scotland"},
    )
    # then
    assert page.status_code == 200
    assert "Open for 0 days" in page.content.decode()
    assert (response.status_code, _messages(response)) == (302, ["Case closed for Ava Thompson"])
    referral.refresh_from_db()
    assert referral.closure_reason == "RC7"


def test_a_social_worker_sees_the_referral_without_the_closure_form(authority: Authority, sign_in: SignIn) -> None:
    # given
    given_decided_contact([authority.own_child], authority.screener, authority.front_door_manager)
    referral = Referral.objects.get()
    client = sign_in(authority.social_worker)
    # when
    page = client.get(reverse("front_door:referral", args=[referral.pk]))
    posted = client.post(reverse("front_door:close_referral", args=[referral.pk]), {"reason": "RC7"})
    # then
    assert (page.status_code, page.context["closure_form"], posted.status_code) == (200, None, 404)


def test_a_referral_recorded_from_the_childs_record(authority: Authority, sign_in: SignIn) -> None:
    # when
    response = sign_in(authority.screener).post(
        reverse("front_door:new_referral", args=[authority.own_child.pk]),
        {
            **date_fields("referral_date", TODAY),
            "source": "6",
            "threshold_level": "3",
            "primary_need": "N4",
            "step_up_reason": "",
        },
    )
    # then
    referral = Referral.objects.get()
    assert response["Location"] == reverse("front_door:referral", args=[referral.pk])
    assert _messages(response) == ["Referral recorded for Ava Thompson"]


# --- professional disagreement (R-075) ------------------------------------------------------------------------------


@pytest.mark.requirement("R-075")
def test_a_disagreement_is_recorded_escalated_and_resolved_through_its_pages(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.EARLY_HELP
    )
    client = sign_in(authority.front_door_manager)
    # when
    raised = client.post(
        reverse("front_door:new_disagreement_on_contact", args=[contact.pk]),
        {
            **date_fields("raised_on", TODAY),
            "raised_by_name": "Lena Ford",
            "raised_by_agency": "education",
            "disagreement": "Ava needs an assessment",
        },
    )
    found = ProfessionalDisagreement.objects.get()
    escalated = client.post(
        reverse("front_door:escalate", args=[found.pk]),
        {"stage": "2", **date_fields("escalated_on", TODAY), "escalated_to": "Helen Marsh", "notes": ""},
    )
    resolved = client.post(
        reverse("front_door:resolve", args=[found.pk]),
        {**date_fields("resolved_on", TODAY), "outcome": "stood", "resolution": "Early help is right for now"},
    )
    page = client.get(reverse("front_door:disagreement", args=[found.pk]))
    # then
    assert [raised.status_code, escalated.status_code, resolved.status_code, page.status_code] == [302, 302, 302, 200]
    found.refresh_from_db()
    assert (found.stage, found.outcome, found.resolved_by) == ("2", "stood", authority.front_door_manager)


# --- police protection (R-122) --------------------------------------------------------------------------------------


@pytest.mark.requirement("R-122")
def test_police_protection_is_recorded_and_the_trends_page_counts_it(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.screener)
    # when
    response = client.post(
        reverse("front_door:new_police_protection", args=[authority.own_child.pk]),
        {
            **date_fields("started_on", date(2026, 11, 28)),
            "started_time": "02:30",
            "reason": "Found alone at home",
            "police_officer": "PC Jo Bell",
            "where_placed": "Emergency foster carers",
        },
    )
    trends = sign_in(authority.analyst).get(reverse("front_door:police_protections"))
    # then
    protection = PoliceProtection.objects.get()
    assert response["Location"] == reverse("front_door:police_protection", args=[protection.pk])
    assert (protection.in_office_hours, protection.social_worker) == (False, authority.screener)
    assert table_rows(trends.content.decode(), "by-month") == [["November 2026", "0", "1", "1"]]


def test_the_trends_page_is_for_those_who_look_across_teams(authority: Authority, sign_in: SignIn) -> None:
    # when
    page = sign_in(authority.social_worker).get(reverse("front_door:police_protections"))
    # then
    assert page.status_code == 404


def test_police_protection_is_ended_from_its_page(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.screener)
    client.post(
        reverse("front_door:new_police_protection", args=[authority.own_child.pk]),
        {
            **date_fields("started_on", date(2026, 11, 28)),
            "started_time": "02:30",
            "reason": "Found alone at home",
            "police_officer": "PC Jo Bell",
            "where_placed": "Emergency foster carers",
        },
    )
    protection = PoliceProtection.objects.get()
    # when
    response = client.post(
        reverse("front_door:end_police_protection", args=[protection.pk]),
        {**date_fields("ended_on", date(2026, 11, 29)), "ended_time": "10:00", "what_followed": "returned_home"},
    )
    # then
    protection.refresh_from_db()
    assert (response.status_code, protection.what_followed) == (302, "returned_home")


# --- out of hours ------------------------------------------------------------------------------------------------


def test_an_out_of_hours_call_is_handed_over_and_picked_up_by_the_day_team(
    authority: Authority, sign_in: SignIn
) -> None:
    # given the emergency duty team records a call for North Safeguarding
    recorded = sign_in(authority.screener).post(
        reverse("front_door:new_out_of_hours_call"),
        {
            **date_fields("received_on", date(2026, 11, 28)),
            "received_time": "23:40",
            "caller": "PC Jo Bell",
            "children": authority.own_child.kith_id,
            "responsible_authority": "",
            "what_happened": "Ava found alone at home",
            "advice_or_action": "Placed with her grandmother",
            "handed_over_to": str(authority.north.pk),
        },
    )
    call = OutOfHoursRecord.objects.get()
    client = sign_in(authority.social_worker)
    # when
    handovers = client.get(reverse("front_door:handovers"))
    picked_up = client.post(reverse("front_door:acknowledge", args=[call.pk]), {"day_team_action": "Visit today"})
    # then
    assert _messages(recorded) == ["Out-of-hours call recorded and handed over to North Safeguarding"]
    assert table_rows(handovers.content.decode(), "handovers") == [
        ["28 November 2026 at 11:40pm", "Ava Thompson", "PC Jo Bell", ""]
    ]
    assert (picked_up.status_code, picked_up["Location"]) == (302, reverse("front_door:handovers"))
    call.refresh_from_db()
    assert call.acknowledged_by == authority.social_worker


def test_another_team_cannot_pick_up_the_handover(authority: Authority, sign_in: SignIn) -> None:
    # given
    sign_in(authority.screener).post(
        reverse("front_door:new_out_of_hours_call"),
        {
            **date_fields("received_on", date(2026, 11, 28)),
            "received_time": "23:40",
            "caller": "PC Jo Bell",
            "children": authority.own_child.kith_id,
            "what_happened": "Ava found alone at home",
            "advice_or_action": "Placed with her grandmother",
            "handed_over_to": str(authority.north.pk),
        },
    )
    call = OutOfHoursRecord.objects.get()
    # when
    response = sign_in(authority.front_door_manager).post(
        reverse("front_door:acknowledge", args=[call.pk]), {"day_team_action": "Ours"}
    )
    # then
    call.refresh_from_db()
    assert (response.status_code, call.acknowledged_at) == (404, None)


# --- early help (R-042) --------------------------------------------------------------------------------------------


@pytest.mark.requirement("R-042")
def test_an_early_help_assessment_is_recorded_listed_for_audit_and_audited(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    recorded = sign_in(authority.screener).post(
        reverse("front_door:new_early_help_assessment", args=[authority.own_child.pk]),
        {
            "agency": "Seaton Primary School",
            "lead_professional": "Lena Ford",
            **date_fields("assessed_on", date(2026, 11, 16)),
            "level_of_need": "2",
            "needs_identified": "Poor attendance",
            "plan": "Breakfast club",
            "family_consented": "yes",
            "outcome": "continuing",
        },
    )
    assessment = EarlyHelpAssessment.objects.get()
    client = sign_in(authority.team_manager)
    # when
    listed = client.get(reverse("front_door:early_help"))
    audited = client.post(
        reverse("front_door:audit", args=[assessment.pk]),
        {**date_fields("audited_on", TODAY), "grade": "good", "findings": "A clear plan"},
    )
    # then
    assert recorded["Location"] == reverse("front_door:early_help_assessment", args=[assessment.pk])
    assert table_rows(listed.content.decode(), "to-audit") == [
        ["16 November 2026", "Ava Thompson", "Seaton Primary School", "Level 2: early help"]
    ]
    assert (audited.status_code, _messages(audited)) == (302, ["Audit recorded"])
    assessment.refresh_from_db()
    assert (assessment.audit_grade, assessment.family_consented) == ("good", True)
