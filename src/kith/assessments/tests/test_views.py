"""The assessment, strategy discussion and section 47 pages: task list, sections, check answers, forms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from kith.assessments.actions import complete_assessment, start_section_47
from kith.assessments.models import Assessment, AssessmentOutcome, EnquiryOutcome, StrategyDiscussion
from kith.assessments.tests.builders import (
    FULL_ANSWERS,
    Case,
    given_assessment,
    given_case,
    given_clock,
    given_discussion,
)
from kith.platform.chronology.models import CaseEvent
from kith.platform.drafts.store import save_draft
from kith.workforce.tests.fixtures import date_fields, summary_list, table_rows
from tests.factories import signed_in_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def case() -> Case:
    return given_case()


@pytest.fixture
def browser(client: Client, case: Case) -> Client:
    return signed_in_client(client, case.worker)


def _text(response: Any) -> str:
    """The page's words, without markup."""
    return " ".join(strip_tags(response.content.decode()).split())


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- the assessment's task list -----------------------------------------------------------------------


@pytest.mark.requirement("R-037")
def test_the_task_list_shows_each_section_and_when_the_assessment_is_due(client: Client) -> None:
    # given a referral on 1 December 2026 and an assessment with the child's section written
    case = given_case(referred_on=date(2026, 12, 1))
    browser = signed_in_client(client, case.worker)
    given_clock("assessments.single_assessment", case.referral)
    assessment = given_assessment(
        case,
        started_on=date(2026, 12, 2),
        child_seen=True,
        child_seen_alone=True,
        child_spoken_to_alone=True,
        child_views="Views",
        child_issues_follow_up="Follow-up",
        risk_factors="Risks",
    )
    # when
    response = browser.get(reverse("assessments:assessment", args=[assessment.pk]))
    # then
    text = _text(response)
    assert (
        "Assessment due 5 February 2027 (45 working days after the referral on 1 December 2026, "
        "not counting 25 December, 28 December and 1 January)"
    ) in text
    statuses = [(status.section.title, status.status) for status in response.context["statuses"]]
    assert statuses == [
        ("The child: seen, and their views", "Completed"),
        ("Family's and professionals' views", "Not yet started"),
        ("History and analysis", "Not yet started"),
        ("Risks, protective factors and steps to reduce risk", "In progress"),
        ("Identity and the actions to meet identity needs", "Not yet started"),
        ("Factors identified", "Not yet started"),
    ]
    assert 'class="govuk-task-list"' in response.content.decode()


@pytest.mark.requirement("R-032")
def test_a_section_is_saved_and_the_worker_returns_to_the_task_list(case: Case, browser: Client) -> None:
    # given
    assessment = given_assessment(case)
    save_draft(case.worker.user, f"assessments.assessment_risk:{assessment.pk}", {"risk_factors": "typing…"})
    # when
    response = browser.post(
        reverse("assessments:section", args=[assessment.pk, "risk"]),
        {
            "version": "1",
            "risk_factors": "Mornings without breakfast",
            "protective_factors": "Warm relationship with mum",
            "steps_to_reduce_risk": "",
        },
    )
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:assessment", args=[assessment.pk])
    assessment.refresh_from_db()
    assert (assessment.risk_factors, assessment.protective_factors, assessment.version) == (
        "Mornings without breakfast",
        "Warm relationship with mum",
        2,
    )
    assert _messages(response) == ["Risks, protective factors and steps to reduce risk: saved"]
    # and the draft is gone
    page = browser.get(reverse("assessments:section", args=[assessment.pk, "risk"]))
    assert "unsaved draft" not in page.content.decode()


def test_a_section_left_as_a_draft_is_restored(case: Case, browser: Client) -> None:
    # given a draft of the identity section
    assessment = given_assessment(case)
    save_draft(
        case.worker.user,
        f"assessments.assessment_identity:{assessment.pk}",
        {"version": "1", "identity_needs": "Polish heritage on her father's side"},
    )
    # when
    response = browser.get(reverse("assessments:section", args=[assessment.pk, "identity"]))
    # then
    assert "Polish heritage on her father&#x27;s side" in response.content.decode()
    assert _messages(response)[0].startswith("You have an unsaved draft from")


def test_a_section_saved_over_someone_elses_save_keeps_the_typing_and_changes_nothing(
    case: Case, browser: Client
) -> None:
    # given the assessment was saved by someone else since version 1 was opened
    assessment = given_assessment(case, risk_factors="Colleague's risks")
    events_before = CaseEvent.objects.count()
    # when
    response = browser.post(
        reverse("assessments:section", args=[assessment.pk, "risk"]),
        {"version": "1", "risk_factors": "My risks", "protective_factors": "", "steps_to_reduce_risk": ""},
    )
    # then
    assert response.status_code == 200
    text = _text(response)
    assert "Someone else saved changes to this assessment while you were editing." in text
    assert "My risks" in text
    assert 'name="version" value="2"' in response.content.decode()
    assessment.refresh_from_db()
    assert (assessment.risk_factors, CaseEvent.objects.count()) == ("Colleague's risks", events_before)


def test_factors_no_factors_with_others_is_refused_on_the_page(case: Case, browser: Client) -> None:
    # given
    assessment = given_assessment(case)
    # when
    response = browser.post(
        reverse("assessments:section", args=[assessment.pk, "factors"]), {"version": "1", "factors": ["21", "16A"]}
    )
    # then
    assert response.status_code == 200
    assert "Select &#x27;No factors identified&#x27; on its own, or select the factors identified" in (
        response.content.decode()
    )
    assessment.refresh_from_db()
    assert assessment.factors == []


# --- check answers and complete --------------------------------------------------------------------


@pytest.mark.requirement("R-032")
def test_completing_with_sections_missing_lists_each_gap_and_saves_nothing(case: Case, browser: Client) -> None:
    # given an assessment with everything but the risks written
    answers = {k: v for k, v in FULL_ANSWERS.items() if k not in {"risk_factors", "protective_factors"}}
    assessment = given_assessment(case, **answers)
    # when
    response = browser.post(
        reverse("assessments:complete_assessment", args=[assessment.pk]),
        {"outcome": "cin_plan", "outcome_rationale": "Plan needed", **date_fields("completed_on", date(2027, 1, 6))},
    )
    # then
    assert response.status_code == 200
    summary = response.context["form"].non_field_errors()
    assert list(summary) == ["Enter the risk factors", "Enter the protective factors"]
    assert "Plan needed" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.completed_on is None


@pytest.mark.requirement("R-037")
def test_an_assessment_completed_before_it_started_is_refused_on_the_page_naming_the_dates(
    case: Case, browser: Client
) -> None:
    # given
    assessment = given_assessment(case, **FULL_ANSWERS)
    # when
    response = browser.post(
        reverse("assessments:complete_assessment", args=[assessment.pk]),
        {"outcome": "nfa", "outcome_rationale": "No needs", **date_fields("completed_on", date(2026, 11, 1))},
    )
    # then
    assert response.status_code == 200
    assert response.context["form"].errors["completed_on"] == [
        "The assessment cannot be completed on 1 November 2026, before it started on 5 November 2026"
    ]
    assessment.refresh_from_db()
    assert assessment.completed_on is None


@pytest.mark.requirement("R-039")
def test_completing_shows_the_outcome_on_the_assessment(case: Case, browser: Client) -> None:
    # given
    assessment = given_assessment(case, **FULL_ANSWERS)
    # when
    response = browser.post(
        reverse("assessments:complete_assessment", args=[assessment.pk]),
        {
            "outcome": "cin_plan",
            "outcome_rationale": "Needs met best by a plan",
            **date_fields("completed_on", date(2027, 1, 6)),
        },
        follow=True,
    )
    # then
    facts = summary_list(response.content.decode(), "assessment-facts")
    assert (facts["Completed"], facts["Outcome"], facts["Reasons for the outcome"]) == (
        "6 January 2027",
        "Child in need plan",
        "Needs met best by a plan",
    )
    assert summary_list(response.content.decode(), "answers-risk")["Risk factors"] == (
        "Mornings without breakfast; missed dental appointments."
    )


def test_a_manager_authorises_from_the_assessment(case: Case, client: Client) -> None:
    # given a completed assessment
    given_clock("assessments.single_assessment", case.referral)
    assessment = given_assessment(case, **FULL_ANSWERS)
    complete_assessment(
        assessment,
        completed_on=date(2027, 1, 6),
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        outcome_rationale="Plan",
        by=case.worker.user,
    )
    manager = signed_in_client(client, case.manager)
    # when
    page = manager.get(reverse("assessments:assessment", args=[assessment.pk]))
    response = manager.post(
        reverse("assessments:authorise_assessment", args=[assessment.pk]),
        {"rationale": "Clear analysis", **date_fields("authorised_on", date(2027, 1, 8))},
        follow=True,
    )
    # then
    assert reverse("assessments:authorise_assessment", args=[assessment.pk]) in page.content.decode()
    assert summary_list(response.content.decode(), "assessment-facts")["Authorised"] == ("8 January 2027 by Tom Hughes")


def test_starting_an_assessment_without_an_open_referral_explains_why(client: Client) -> None:
    # given a child whose referral is closed
    case = given_case()
    case.referral.closed_on = date(2026, 12, 1)
    case.referral.closure_reason = "RC8"
    case.referral.save()
    browser = signed_in_client(client, case.worker)
    # when
    response = browser.get(reverse("assessments:start_assessment", args=[case.child.pk]))
    # then
    assert response.status_code == 302
    assert _messages(response) == [
        "Ava Thompson has no open referral. Assessments, strategy discussions and section 47 enquiries are "
        "recorded under a referral from the front door."
    ]


def test_starting_an_assessment_from_the_page(case: Case, browser: Client) -> None:
    # when
    response = browser.post(
        reverse("assessments:start_assessment", args=[case.child.pk]),
        {
            "kind": "child_and_family",
            "worker": str(case.worker.pk),
            "connected_person": "",
            **date_fields("started_on", date(2026, 11, 3)),
        },
    )
    # then the start before the referral is refused, naming both dates
    assert response.status_code == 200
    assert response.context["form"].errors["started_on"] == [
        "The assessment cannot start on 3 November 2026, before the referral on 4 November 2026"
    ]
    assert Assessment.objects.count() == 0


# --- strategy discussions ---------------------------------------------------------------------------


def _discussion_form(**overrides: object) -> dict[str, object]:
    form: dict[str, object] = {
        **date_fields("held_on", date(2026, 12, 18)),
        "held_time": "9:30",
        "mode": "meeting",
        "chair": "",
        "participants-TOTAL_FORMS": "4",
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "0",
        "participants-MAX_NUM_FORMS": "40",
        "participants-0-name": "DC Sam Reed",
        "participants-0-agency": "police",
        "participants-0-role": "Child abuse investigation team",
        "participants-1-name": "Priya Shah",
        "participants-1-agency": "social_care",
        "participants-1-role": "Social worker",
        "information_shared": "School saw bruising.",
        "risk_analysis": "Unexplained injury.",
        "decision": "joint_s47",
        "rationale": "Reasonable cause to suspect significant harm.",
        "immediate_protection": "",
        "actions": "Joint visit today",
    }
    form.update(overrides)
    return form


@pytest.mark.requirement("R-060")
@pytest.mark.requirement("R-062")
def test_a_strategy_discussion_is_recorded_and_its_page_names_everyone_and_flags_health(
    case: Case, browser: Client
) -> None:
    # when
    response = browser.post(
        reverse("assessments:record_strategy_discussion", args=[case.child.pk]),
        _discussion_form(chair=str(case.worker.pk)),
        follow=True,
    )
    # then
    [discussion] = StrategyDiscussion.objects.all()
    assert response.redirect_chain == [(reverse("assessments:strategy_discussion", args=[discussion.pk]), 302)]
    page = response.content.decode()
    assert table_rows(page, "participants") == [
        ["DC Sam Reed", "Police", "Child abuse investigation team"],
        ["Priya Shah", "Children's social care", "Social worker"],
    ]
    assert summary_list(page, "discussion")["Health took part"] == "No"
    assert "No one from health took part in this strategy discussion." in _text(response)
    assert discussion.held_at.isoformat() == "2026-12-18T09:30:00+00:00"


def test_add_another_person_shows_one_more_row_and_keeps_what_was_typed(case: Case, browser: Client) -> None:
    # when
    response = browser.post(
        reverse("assessments:record_strategy_discussion", args=[case.child.pk]),
        _discussion_form(add_participant="1", information_shared="Typed so far"),
    )
    # then
    assert response.status_code == 200
    assert len(response.context["participants"].forms) == 5
    page = response.content.decode()
    assert "Typed so far" in page
    assert "DC Sam Reed" in page
    assert "There is a problem" not in page
    assert StrategyDiscussion.objects.count() == 0


@pytest.mark.requirement("R-060")
def test_a_person_without_an_agency_is_named_in_the_error_summary(case: Case, browser: Client) -> None:
    # when
    response = browser.post(
        reverse("assessments:record_strategy_discussion", args=[case.child.pk]),
        _discussion_form(**{"chair": str(case.worker.pk), "participants-2-name": "Dr Anna Lowe"}),
    )
    # then
    assert response.status_code == 200
    assert list(response.context["form"].non_field_errors()) == ["Person 3: Select Dr Anna Lowe's agency"]
    assert StrategyDiscussion.objects.count() == 0


@pytest.mark.requirement("R-060")
def test_a_discussion_with_one_agency_is_refused_on_the_page(case: Case, browser: Client) -> None:
    # when
    response = browser.post(
        reverse("assessments:record_strategy_discussion", args=[case.child.pk]),
        _discussion_form(**{"chair": str(case.worker.pk), "participants-0-agency": "social_care"}),
    )
    # then
    assert list(response.context["form"].non_field_errors()) == [
        "A strategy discussion involves more than one agency: name people from at least two agencies"
    ]
    assert StrategyDiscussion.objects.count() == 0


def test_a_discussion_before_the_referral_is_refused_beside_its_date(case: Case, browser: Client) -> None:
    # when
    response = browser.post(
        reverse("assessments:record_strategy_discussion", args=[case.child.pk]),
        _discussion_form(chair=str(case.worker.pk), **date_fields("held_on", date(2026, 11, 2))),
    )
    # then
    assert response.context["form"].errors["held_on"] == [
        "The strategy discussion cannot be held on 2 November 2026, before the referral on 4 November 2026"
    ]


# --- section 47 enquiries -------------------------------------------------------------------------------


@pytest.mark.requirement("R-061")
def test_an_enquiry_is_started_and_completed_from_its_pages(case: Case, browser: Client) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    # when it is started
    started = browser.post(
        reverse("assessments:start_section_47", args=[discussion.pk]),
        {"worker": str(case.worker.pk), "assessment": "", **date_fields("started_on", date(2026, 12, 18))},
    )
    enquiry = discussion.enquiries.get()
    # and completed
    ended = browser.post(
        reverse("assessments:complete_section_47", args=[enquiry.pk]),
        {
            "findings": "Bruise from a fall at school",
            "child_seen": "yes",
            "child_seen_alone": "yes",
            "why_not_seen": "",
            "medical_examination": "",
            "outcome": "nfa",
            "outcome_rationale": "No further concerns",
            **date_fields("ended_on", date(2027, 1, 8)),
        },
        follow=True,
    )
    # then
    assert started["Location"] == reverse("assessments:section_47", args=[enquiry.pk])
    facts = summary_list(ended.content.decode(), "enquiry")
    assert (facts["Started"], facts["Ended"], facts["Outcome"], facts["Child seen"]) == (
        "18 December 2026",
        "8 January 2027",
        "No further action",
        "Yes, alone",
    )


def test_the_outcome_form_keeps_what_was_typed_when_refused(case: Case, browser: Client) -> None:
    # given
    discussion = given_discussion(case, on=date(2026, 12, 18))
    enquiry = start_section_47(discussion, started_on=date(2026, 12, 21), worker=case.worker, by=case.worker.user)
    # when
    response = browser.post(
        reverse("assessments:complete_section_47", args=[enquiry.pk]),
        {
            "findings": "Bruise from a fall",
            "child_seen": "yes",
            "child_seen_alone": "no",
            "why_not_seen": "",
            "outcome": EnquiryOutcome.NO_FURTHER_ACTION,
            "outcome_rationale": "No concerns",
            **date_fields("ended_on", date(2026, 12, 20)),
        },
    )
    # then
    assert response.context["form"].errors == {
        "ended_on": ["The section 47 enquiry cannot end on 20 December 2026, before it started on 21 December 2026"],
        "why_not_seen": ["Enter why the child was not seen, or not seen alone"],
    }
    assert "Bruise from a fall" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.ended_on is None


def test_every_page_opens_for_the_worker(case: Case, browser: Client) -> None:
    # given an assessment, a discussion and an enquiry
    assessment = given_assessment(case)
    discussion = given_discussion(case, on=date(2026, 12, 18))
    enquiry = start_section_47(discussion, started_on=date(2026, 12, 18), worker=case.worker, by=case.worker.user)
    pages = [
        reverse("assessments:child", args=[case.child.pk]),
        reverse("assessments:start_assessment", args=[case.child.pk]),
        reverse("assessments:record_strategy_discussion", args=[case.child.pk]),
        reverse("assessments:assessment", args=[assessment.pk]),
        *[reverse("assessments:section", args=[assessment.pk, slug]) for slug in ("child", "views", "history")],
        *[reverse("assessments:section", args=[assessment.pk, slug]) for slug in ("risk", "identity", "factors")],
        reverse("assessments:complete_assessment", args=[assessment.pk]),
        reverse("assessments:strategy_discussion", args=[discussion.pk]),
        reverse("assessments:section_47", args=[enquiry.pk]),
        reverse("assessments:complete_section_47", args=[enquiry.pk]),
    ]
    # when
    statuses = {page: browser.get(page).status_code for page in pages}
    # then
    assert set(statuses.values()) == {200}


def test_a_section_the_kind_of_assessment_does_not_have_is_not_found(case: Case, browser: Client) -> None:
    # given a child and family assessment (the rights section is for homeless 16 and 17 year olds)
    assessment = given_assessment(case)
    # when
    response = browser.get(reverse("assessments:section", args=[assessment.pk, "rights"]))
    # then
    assert response.status_code == 404


@pytest.mark.requirement("R-007")
@pytest.mark.requirement("R-021")
@pytest.mark.requirement("R-024")
@pytest.mark.requirement("R-038")
def test_a_completed_assessment_shows_the_history_views_identity_and_research_used(case: Case, browser: Client) -> None:
    # given a completed assessment
    assessment = given_assessment(case, **FULL_ANSWERS)
    complete_assessment(
        assessment,
        completed_on=date(2027, 1, 6),
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        outcome_rationale="Plan",
        by=case.worker.user,
    )
    # when
    page = browser.get(reverse("assessments:assessment", args=[assessment.pk])).content.decode()
    # then
    history = summary_list(page, "answers-history")
    views = summary_list(page, "answers-views")
    identity = summary_list(page, "answers-identity")
    assert history == {
        "History and chronology": "Two earlier contacts in 2025 about missed health appointments.",
        "Analysis": "Neglect of routines, not of warmth; risk is moderate and reducing.",
        "Research used to inform the judgement": "Research in Practice: neglect and its impact on development.",
    }
    assert views == {
        "Parents' and carers' views": "Mum agrees help with routines would make mornings easier.",
        "Other professionals' views and information": "School reports improved attendance since October.",
    }
    assert identity["Actions to meet the child's identity needs"] == (
        "Polish Saturday school place to be found; father to share family photos."
    )
    assert summary_list(page, "answers-factors") == {
        "Factors identified at assessment": "Mental health: a parent or carer; Neglect"
    }
