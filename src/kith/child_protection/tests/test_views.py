"""The child protection pages: the conference form with check your answers, the plan, core groups, the family's copy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from kith.child_protection.actions import end_child_protection_plan
from kith.child_protection.models import ChildProtectionPlan, Conference
from kith.child_protection.queries import record_summary
from kith.child_protection.tests.builders import ICPC_ON, Case, initial_conference, plan_from_conference
from kith.plans.records import open_objectives
from kith.platform.access.models import AccessLogEntry
from kith.platform.chronology.models import CaseEvent
from kith.platform.drafts.store import save_draft
from kith.platform.reference.agencies import Agency
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _management(prefix: str, total: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _member(number: int, name: str, agency: str, attendance: str, invited: date | None, **extra: str) -> dict[str, str]:
    row = {
        f"members-{number}-name": name,
        f"members-{number}-agency": agency,
        f"members-{number}-attendance": attendance,
    }
    if invited is not None:
        row.update(date_fields(f"members-{number}-invited_on", invited))
    row.update({f"members-{number}-{key}": value for key, value in extra.items()})
    return row


def _conference_post(case: Case, chair: StaffMember, **overrides: str) -> dict[str, str]:
    return {
        "section_47_enquiry": str(case.enquiry.pk),
        **date_fields("held_on", ICPC_ON),
        "chair": str(chair.pk),
        **_management("members", 6),
        **_member(0, "Priya Shah", Agency.SOCIAL_CARE, "attended", date(2027, 1, 6)),
        **_member(1, "Kerry Bennett", Agency.FAMILY, "attended", date(2027, 1, 6)),
        **_member(2, "Dr Anna Lowe", Agency.HEALTH, "apologies", date(2027, 1, 11), role="GP", report_submitted="on"),
        **_member(3, "Jo Pike", Agency.HEALTH, "absent", None, role="Health visitor"),
        **date_fields("report_shared_with_parents_on", date(2027, 1, 8)),
        "child_participation": "through_worker",
        "child_views": "Ava likes school",
        "parents_views": "",
        "decision": "plan",
        "category": "NEG",
        "decision_rationale": "Continuing neglect",
        "how_risks_will_be_reduced": "Daily checks",
        "contingency": "Legal planning meeting",
        "identity_actions": "",
        "summary_for_family": "We want Ava safe and in school.",
        **_management("objectives", 3),
        "objectives-0-outcome": "Ava is in school every day",
        "objectives-0-action": "Walk Ava to school",
        "objectives-0-owner": "Kerry Bennett",
        "objectives-0-owner_agency": "Mother",
        **date_fields("objectives-0-target_date", date(2027, 3, 1)),
        **overrides,
    }


@pytest.fixture
def iro_client(iro: StaffMember, sign_in: SignIn) -> Client:
    return sign_in(iro)


# -- recording a conference -------------------------------------------------------------------------


def test_the_conference_form_has_its_sections_and_blank_rows(case: Case, iro: StaffMember, iro_client: Client) -> None:
    response = iro_client.get(reverse("child_protection:new_initial_conference", args=[case.child.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert [
        heading in html
        for heading in (
            "1. The conference",
            "2. Invitations and attendance",
            "3. Reports shared",
            "4. The child's participation and views",
            "5. Decision and category",
            "6. The plan",
        )
    ] == [True] * 6
    assert response.context["members"].total_form_count() == 6
    assert response.context["form"]["section_47_enquiry"].value() == case.enquiry.pk
    assert response.context["form"]["chair"].value() == iro.pk
    assert 'data-kith-draft="child_protection.initial_conference:' in html


@pytest.mark.requirement("R-062")
@pytest.mark.requirement("R-064")
def test_answers_are_checked_then_recorded_and_the_conference_page_shows_attendance_by_agency(
    case: Case, iro: StaffMember, iro_client: Client
) -> None:
    url = reverse("child_protection:new_initial_conference", args=[case.child.pk])
    # when the chair continues to check the answers
    checking = iro_client.post(url, _conference_post(case, iro, **{"continue": "1"}))
    # then nothing is recorded yet and the answers are shown with everything carried in hidden fields
    assert checking.status_code == 200
    assert checking.context["stage"] == "check"
    assert Conference.objects.count() == 0
    assert table_rows(checking.content.decode(), "check-members") == [
        ["Priya Shah", "Children's social care", "6 January 2027", "Attended"],
        ["Kerry Bennett", "Family", "6 January 2027", "Attended"],
        ["Dr Anna Lowe, GP", "Health", "11 January 2027", "Sent apologies; sent a report"],
        ["Jo Pike, Health visitor", "Health", "Not invited", "Did not attend"],
    ]
    carried = dict(checking.context["posted"])
    # when they confirm
    recorded = iro_client.post(url, {**carried, "confirm": "1"})
    # then the conference is recorded and its page opens
    conference = Conference.objects.get()
    assert recorded.status_code == 302
    assert recorded["Location"] == reverse("child_protection:conference", args=[conference.pk])
    assert conference.plan is not None
    assert list(conference.plan.objectives.values_list("action", "owner")) == [("Walk Ava to school", "Kerry Bennett")]
    page = iro_client.get(recorded["Location"]).content.decode()
    assert table_rows(page, "members") == [
        ["Priya Shah", "Children's social care", "6 January 2027 (5 working days before)", "Attended", "No report"],
        ["Kerry Bennett", "Family", "6 January 2027 (5 working days before)", "Attended", "No report"],
        ["Dr Anna Lowe, GP", "Health", "11 January 2027 (2 working days before)", "Sent apologies", "Sent a report"],
        ["Jo Pike, Health visitor", "Health", "Not invited", "Not invited", "No report"],
    ]
    assert table_rows(page, "by-agency") == [
        ["Children's social care", "1", "1", "0", "0"],
        ["Health", "1", "0", "1", "1"],
        ["Family", "1", "1", "0", "0"],
    ]
    assert summary_list(page, "reports-shared") == {
        "With the parents": "8 January 2027 (3 working days before)",
        "With the child": "Not shared",
    }


def test_change_your_answers_goes_back_to_the_form_with_everything_kept(
    case: Case, iro: StaffMember, iro_client: Client
) -> None:
    url = reverse("child_protection:new_initial_conference", args=[case.child.pk])
    checking = iro_client.post(url, _conference_post(case, iro, **{"continue": "1"}))
    response = iro_client.post(url, {**dict(checking.context["posted"]), "change": "1"})
    assert response.context["stage"] == "form"
    assert response.context["form"].errors == {}
    assert "Continuing neglect</textarea>" in response.content.decode()


def test_add_more_people_adds_rows_without_complaining(case: Case, iro: StaffMember, iro_client: Client) -> None:
    url = reverse("child_protection:new_initial_conference", args=[case.child.pk])
    response = iro_client.post(url, _conference_post(case, iro, decision="", add_members="1"))
    assert response.context["members"].total_form_count() == 9
    assert response.context["form"].errors == {}
    assert '<h2 class="govuk-error-summary__title">' not in response.content.decode()
    assert Conference.objects.count() == 0


def test_a_draft_is_restored_without_error_messages(case: Case, iro: StaffMember, iro_client: Client) -> None:
    save_draft(
        iro.user, f"child_protection.initial_conference:{case.child.pk}", _conference_post(case, iro, decision="")
    )
    response = iro_client.get(reverse("child_protection:new_initial_conference", args=[case.child.pk]))
    assert response.context["form"].errors == {}
    assert response.context["form"]["decision_rationale"].value() == "Continuing neglect"


def test_missing_answers_are_shown_and_nothing_is_recorded(case: Case, iro: StaffMember, iro_client: Client) -> None:
    url = reverse("child_protection:new_initial_conference", args=[case.child.pk])
    posted = _conference_post(case, iro, decision="", child_participation="", **{"members-3-agency": ""})
    response = iro_client.post(url, {**posted, "continue": "1"})
    assert response.context["stage"] == "form"
    assert response.context["form"].errors == {
        "child_participation": ["Select how the child took part in the conference"],
        "decision": ["Select whether the child is to be made subject to a child protection plan"],
    }
    assert response.context["members"].forms[3].errors == {"agency": ["Select their agency"]}
    assert Conference.objects.count() == 0


def test_a_refusal_from_the_rules_keeps_the_answers_and_names_the_dates(
    case: Case, iro: StaffMember, iro_client: Client
) -> None:
    url = reverse("child_protection:new_initial_conference", args=[case.child.pk])
    posted = _conference_post(case, iro, **date_fields("held_on", date(2027, 1, 4)))
    posted = {key: value for key, value in posted.items() if "invited_on" not in key}
    response = iro_client.post(url, {**posted, "confirm": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["held_on"] == [
        "The conference on 4 January 2027 is before the strategy discussion on 5 January 2027. "
        "A conference is held after its strategy discussion",
        "The conference on 4 January 2027 is before the section 47 enquiry started on 5 January 2027",
    ]
    assert (Conference.objects.count(), ChildProtectionPlan.objects.count()) == (0, 0)


def test_a_child_with_no_open_referral_gets_an_explanation(authority: Authority, iro_client: Client) -> None:
    response = iro_client.get(reverse("child_protection:new_initial_conference", args=[authority.own_child.pk]))
    assert response.status_code == 200
    assert "There is no open referral" in response.content.decode()


def test_a_review_conference_can_end_the_plan(case: Case, iro: StaffMember, iro_client: Client) -> None:
    plan = plan_from_conference(case, chair=iro)
    url = reverse("child_protection:new_review_conference", args=[plan.pk])
    posted = {
        **date_fields("held_on", date(2027, 4, 8)),
        "chair": str(iro.pk),
        **_management("members", 6),
        **_member(0, "Priya Shah", Agency.SOCIAL_CARE, "attended", date(2027, 3, 25)),
        "child_participation": "attended",
        "decision": "end",
        "latest_category": "NEG",
        "decision_rationale": "Risks reduced",
        "end_reason": "no_longer_at_risk",
        "step_down_plan": "Child in need plan",
        **_management("objectives", 3),
    }
    checking = iro_client.post(url, {**posted, "continue": "1"})
    assert checking.context["stage"] == "check"
    recorded = iro_client.post(url, {**dict(checking.context["posted"]), "confirm": "1"})
    assert recorded.status_code == 302
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason, plan.step_down_plan) == (
        date(2027, 4, 8),
        "no_longer_at_risk",
        "Child in need plan",
    )


# -- the plan page ------------------------------------------------------------------------------------


@pytest.mark.requirement("R-044")
def test_the_plan_page_shows_objectives_owners_dates_progress_and_what_is_due(
    case: Case, iro: StaffMember, authority: Authority, sign_in: SignIn
) -> None:
    plan = plan_from_conference(case, chair=iro)
    client = sign_in(authority.social_worker)
    page = client.get(reverse("child_protection:plan", args=[plan.pk])).content.decode()
    assert table_rows(page, "objectives") == [
        [
            "The home is safe and warm",
            "Housing officer arranges repairs to the heating",
            "Sam Patel (Housing)",
            "15 February 2027",
            "None recorded yet",
        ],
        [
            "Ava is in school every day, fed and clean",
            "Walk Ava to school each morning and check she has had breakfast",
            "Kerry Bennett (Family)",
            "1 March 2027",
            "None recorded yet",
        ],
    ]
    assert "First core group due 27 January 2027" in page
    assert "Review conference due 13 April 2027" in page
    assert "Next visit due 27 January 2027" in page
    assert summary_list(page, "plan")["Category"] == "Neglect"


@pytest.mark.requirement("R-065")
def test_a_core_group_recorded_on_the_form_shows_on_the_plan_with_its_quorum(
    case: Case, iro: StaffMember, authority: Authority, sign_in: SignIn
) -> None:
    plan = plan_from_conference(case, chair=iro)
    objectives = list(open_objectives(plan))
    client = sign_in(authority.social_worker)
    url = reverse("child_protection:new_core_group", args=[plan.pk])
    form = client.get(url)
    assert [objective.pk for _row, objective in form.context["progress_rows"]] == [o.pk for o in objectives]
    posted = {
        **date_fields("held_on", date(2027, 1, 20)),
        **_management("members", 6),
        "members-0-name": "Priya Shah",
        "members-0-agency": "social_care",
        "members-0-attended": "on",
        "members-1-name": "Kerry Bennett",
        "members-1-agency": "family",
        "members-1-attended": "on",
        "members-2-name": "Mr Singh",
        "members-2-agency": "education",
        **_management("progress", 2),
        "progress-0-objective": str(objectives[0].pk),
        "progress-0-progress": "on_track",
        "progress-1-objective": str(objectives[1].pk),
        "progress-1-progress": "no_progress",
        "progress-1-notes": "Still late twice a week",
        **_management("new_actions", 3),
        "child_views": "Ava is happier",
    }
    recorded = client.post(url, posted)
    assert recorded.status_code == 302
    page = client.get(reverse("child_protection:plan", args=[plan.pk])).content.decode()
    assert table_rows(page, "core-groups") == [["20 January 2027", "Not quorate: no other agency attended", "2"]]
    assert table_rows(page, "objectives")[1][4] == "No progress, 20 January 2027: Still late twice a week"
    assert "Next core group due 20 February 2027" in page


# -- the family's copy ----------------------------------------------------------------------------


@pytest.mark.requirement("R-045")
def test_the_family_copy_is_in_plain_words_with_who_does_what_by_when_and_logs_the_print(
    case: Case, iro: StaffMember, authority: Authority, sign_in: SignIn
) -> None:
    plan = plan_from_conference(case, chair=iro)
    client = sign_in(authority.social_worker)
    response = client.get(reverse("child_protection:family_plan", args=[plan.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for heading in (
        "What we are worried about",
        "What needs to change",
        "Who will do what, by when",
        "What happens if things don't change",
        "When we will meet again",
    ):
        assert heading in page
    assert (
        "Ava&#x27;s basic needs, such as food, warmth, safety, health care or school, are not always being met" in page
    )
    assert table_rows(page, "who-will-do-what") == [
        ["Housing officer arranges repairs to the heating", "Sam Patel (Housing)", "15 February 2027"],
        ["Walk Ava to school each morning and check she has had breakfast", "Kerry Bennett (Family)", "1 March 2027"],
    ]
    assert "If Ava misses school or the home is unsafe again, a legal planning meeting is held." in page
    assert "will be held by 13 April 2027" in page
    assert "govuk-service-navigation" not in page
    assert list(
        AccessLogEntry.objects.filter(person=case.child, what=AccessLogEntry.What.PRINT).values_list("page", flat=True)
    ) == [reverse("child_protection:family_plan", args=[plan.pk])]


@pytest.mark.requirement("R-045")
def test_the_family_copy_downloads_as_a_tagged_pdf_saying_the_same(
    case: Case, iro: StaffMember, authority: Authority, sign_in: SignIn
) -> None:
    plan = plan_from_conference(case, chair=iro)
    response = sign_in(authority.social_worker).get(reverse("child_protection:family_plan_pdf", args=[plan.pk]))
    document = PdfReader(BytesIO(response.content))
    assert (response["Content-Type"], document.trailer["/Root"]["/MarkInfo"]["/Marked"]) == ("application/pdf", True)
    assert document.metadata is not None
    assert document.metadata.title == "Ava Thompson's child protection plan"
    text = " ".join(" ".join(page.extract_text() for page in document.pages).split())
    assert "Walk Ava to school each morning and check she has had breakfast" in text
    assert "will be held by 13 April 2027" in text


# -- ending, sharing, feedback --------------------------------------------------------------------


def test_ending_a_plan_before_it_started_is_refused_on_the_form(
    case: Case, iro: StaffMember, iro_client: Client
) -> None:
    plan = plan_from_conference(case, chair=iro)
    response = iro_client.post(
        reverse("child_protection:end_plan", args=[plan.pk]),
        {**date_fields("ended_on", date(2027, 1, 10)), "end_reason": "moved_away", "step_down_plan": ""},
    )
    assert response.context["form"].errors == {
        "ended_on": ["The plan cannot end on 10 January 2027, before it started on 13 January 2027"]
    }
    plan.refresh_from_db()
    assert plan.ended_on is None


def test_the_date_the_family_got_the_plan_is_recorded_from_its_page(
    case: Case, iro: StaffMember, authority: Authority, sign_in: SignIn
) -> None:
    plan = plan_from_conference(case, chair=iro)
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("child_protection:plan_shared", args=[plan.pk]), date_fields("shared_on", date(2027, 1, 15))
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.shared_with_family_on == date(2027, 1, 15)


@pytest.mark.requirement("R-066")
def test_feedback_and_its_follow_up_through_the_pages(
    case: Case, iro: StaffMember, authority: Authority, sign_in: SignIn
) -> None:
    conference = initial_conference(case, chair=iro)
    chair = sign_in(iro)
    form = chair.get(reverse("child_protection:chair_feedback", args=[conference.pk]))
    # a team manager of the child's team is offered first (Dana Reid comes before Tom Hughes)
    assert form.context["form"]["to"].value() == authority.north_deputy.pk
    chair.post(
        reverse("child_protection:chair_feedback", args=[conference.pk]),
        {"to": str(authority.team_manager.pk), "feedback": "GP invited late"},
    )
    manager = sign_in(authority.team_manager)
    manager.post(
        reverse("child_protection:feedback_follow_up", args=[conference.pk]),
        {**date_fields("followed_up_on", date(2027, 1, 20)), "notes": "Invitations now sent the same day"},
    )
    page = manager.get(reverse("child_protection:conference", args=[conference.pk])).content.decode()
    assert summary_list(page, "chair-feedback") == {
        "From Irene Walsh to": "Tom Hughes",
        "Feedback": "GP invited late",
        "Follow-up": "20 January 2027: Invitations now sent the same day",
    }


# -- the case summary panel -----------------------------------------------------------------------


def test_the_record_panel_says_where_child_protection_stands_and_what_is_due(case: Case, iro: StaffMember) -> None:
    # before the conference: the conference is due
    before = record_summary(case.child)
    assert (before["plan"], before["conference_due"].words, before["conference_due"].due_on) == (
        None,
        "Initial child protection conference",
        date(2027, 1, 26),
    )
    # after it: the plan, its category and what is due, with previous plans counted
    plan = plan_from_conference(case, chair=iro)
    summary = record_summary(case.child)
    html = render_to_string("child_protection/_record_panel.html", {"summary": summary, "child": case.child})
    assert (summary["plan"], summary["category"], summary["previous_plans"]) == (plan, "Neglect", 0)
    assert [(due.words, due.due_on) for due in summary["due"]] == [
        ("NHS number for CP-IS", date(2027, 1, 13)),
        ("First core group", date(2027, 1, 27)),
        ("Next visit", date(2027, 1, 27)),
        ("Review conference", date(2027, 4, 13)),
    ]
    assert (
        "On a child protection plan since <strong>13 January 2027</strong>, category <strong>neglect</strong>." in html
    )
    assert "First core group due 27 January 2027" in html


def test_a_social_worker_cannot_open_the_conference_form(case: Case, authority: Authority, sign_in: SignIn) -> None:
    events = CaseEvent.objects.count()
    client = sign_in(authority.social_worker)
    response = client.get(reverse("child_protection:new_initial_conference", args=[case.child.pk]))
    assert response.status_code == 404
    assert CaseEvent.objects.count() == events


def test_after_the_plan_ends_the_panel_points_to_it_and_counts_the_plans(case: Case, iro: StaffMember) -> None:
    plan = plan_from_conference(case, chair=iro)
    end_child_protection_plan(plan, ended_on=date(2027, 3, 1), end_reason="moved_away", by=iro.user)
    summary = record_summary(case.child)
    html = render_to_string("child_protection/_record_panel.html", {"summary": summary, "child": case.child})
    assert (summary["plan"], summary["last_plan"], summary["previous_plans"], summary["due"]) == (None, plan, 1, [])
    assert "Not on a child protection plan. The last plan ended on 1 March 2027" in html
    assert "1 plan in all." in html
