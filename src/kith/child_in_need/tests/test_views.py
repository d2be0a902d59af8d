"""The child in need pages: starting a plan with rows of objectives, the plan, its review, its end, the family copy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from kith.child_in_need.models import ChildInNeedPlan, ChildInNeedReview
from kith.child_in_need.queries import record_summary
from kith.child_in_need.tests.builders import FIRST_REVIEW, PLAN_STARTS, given_plan
from kith.front_door.models import Referral
from kith.plans.models import Objective
from kith.plans.records import open_objectives
from kith.platform.access.models import AccessLogEntry
from kith.platform.drafts.store import draft_for
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows
from tests.casework import given_cp_plan

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _plan_post(**overrides: object) -> dict[str, object]:
    return {
        "rows": "5",
        **date_fields("started_on", PLAN_STARTS),
        "lead_professional": "Priya Shah",
        "summary_for_family": "Ava has missed a lot of school.",
        "contingency": "A meeting to decide whether more help is needed.",
        **date_fields("first_review_on", FIRST_REVIEW),
        **overrides,
    }


def _row(number: int, *, outcome: str, action: str, owner: str, target: date) -> dict[str, str]:
    return {
        f"objective_{number}_outcome": outcome,
        f"objective_{number}_action": action,
        f"objective_{number}_owner": owner,
        f"objective_{number}_owner_agency": "",
        **date_fields(f"objective_{number}_target_date", target),
    }


def test_the_start_form_offers_five_blank_objective_rows_and_names_the_worker_as_lead(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.get(reverse("child_in_need:start_plan", args=[authority.own_child.pk]))
    # then
    form = response.context["form"]
    html = response.content.decode()
    assert response.status_code == 200
    assert [row["number"] for row in form.objective_rows()] == [1, 2, 3, 4, 5]
    assert form["lead_professional"].value() == "Priya Shah"
    assert "On the referral of 4 January 2027." in html
    assert '<button type="submit" name="add_row" value="1"' in html


def test_add_another_objective_shows_the_form_again_with_one_more_row_keeping_what_was_typed(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given a form with objective 3 typed and rows 1 and 2 left empty
    client = sign_in(authority.social_worker)
    typed = _plan_post(
        **_row(3, outcome="At school daily", action="Walk to school", owner="Kerry", target=date(2027, 3, 31))
    )
    # when "Add another objective" is pressed
    response = client.post(
        reverse("child_in_need:start_plan", args=[authority.own_child.pk]), {**typed, "add_row": "1"}
    )
    # then six rows are shown, the typed one first, with no error messages and nothing saved
    form = response.context["form"]
    assert [row["number"] for row in form.objective_rows()] == [1, 2, 3, 4, 5, 6]
    assert form["objective_1_outcome"].value() == "At school daily"
    assert form["objective_3_outcome"].value() is None
    assert form.errors == {}
    assert "There is a problem" not in response.content.decode()
    assert ChildInNeedPlan.objects.count() == 0


@pytest.mark.requirement("R-043")
@pytest.mark.requirement("R-044")
def test_starting_a_plan_keeps_the_filled_rows_in_order_and_goes_to_the_plan(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    client = sign_in(authority.social_worker)
    rows = {
        **_row(2, outcome="At school daily", action="Walk Ava to school", owner="Kerry", target=date(2027, 3, 31)),
        **_row(4, outcome="No toothache", action="Dentist appointment", owner="Priya", target=date(2027, 2, 26)),
    }
    # when
    response = client.post(reverse("child_in_need:start_plan", args=[authority.own_child.pk]), _plan_post(**rows))
    # then
    plan = ChildInNeedPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("child_in_need:plan", args=[plan.pk])
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Child in need plan started for Ava Thompson"
    ]
    assert list(Objective.objects.order_by("pk").values_list("action", "owner", "target_date")) == [
        ("Walk Ava to school", "Kerry", date(2027, 3, 31)),
        ("Dentist appointment", "Priya", date(2027, 2, 26)),
    ]


@pytest.mark.requirement("R-043")
def test_an_incomplete_objective_is_explained_beside_its_fields_and_nothing_is_saved(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    client = sign_in(authority.social_worker)
    half_typed = {"objective_1_outcome": "At school daily", "rows": "5"}
    # when
    response = client.post(reverse("child_in_need:start_plan", args=[authority.own_child.pk]), _plan_post(**half_typed))
    # then
    html = response.content.decode()
    assert response.context["form"].errors == {
        "objective_1_action": ["Objective 1: enter what will be done"],
        "objective_1_owner": ["Objective 1: name who is responsible"],
        "objective_1_target_date": ["Objective 1: enter the target date"],
    }
    assert "At school daily</textarea>" in html
    assert ChildInNeedPlan.objects.count() == 0


def test_a_plan_with_no_objectives_is_refused_with_a_message_at_the_top(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(reverse("child_in_need:start_plan", args=[authority.own_child.pk]), _plan_post())
    assert response.context["form"].non_field_errors() == [
        "Add at least one objective: what needs to change, what will be done, who will do it and by when"
    ]
    assert ChildInNeedPlan.objects.count() == 0


def test_while_a_child_protection_plan_is_open_the_page_says_so_and_a_post_is_refused_naming_the_date(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given Ava's child protection plan, open since 20 January 2027
    given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 20))
    client = sign_in(authority.social_worker)
    url = reverse("child_in_need:start_plan", args=[authority.own_child.pk])
    # when
    page = client.get(url).content.decode()
    posted = client.post(url, _plan_post(**_row(1, outcome="a", action="b", owner="c", target=date(2027, 3, 1))))
    # then
    assert (
        "Ava Thompson has been on a child protection plan since 20 January 2027. A child in need plan cannot be "
        "open at the same time" in page
    )
    assert posted.context["form"].errors["started_on"] == [
        "Ava Thompson has been on a child protection plan since 20 January 2027: a child in need plan cannot be "
        "open at the same time. The child protection plan must end first."
    ]
    assert ChildInNeedPlan.objects.count() == 0


def test_the_start_form_is_kept_as_a_draft_and_restored(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given a half-typed plan saved as a draft
    client = sign_in(authority.social_worker)
    form_key = f"child_in_need.plan:{authority.own_child.pk}"
    client.post(
        f"/drafts/{form_key}/", {"rows": "5", "summary_for_family": "Ava misses school", "objective_1_owner": "Kerry"}
    )
    # when the worker comes back
    response = client.get(reverse("child_in_need:start_plan", args=[authority.own_child.pk]))
    # then
    form = response.context["form"]
    assert (form["summary_for_family"].value(), form["objective_1_owner"].value(), form.errors) == (
        "Ava misses school",
        "Kerry",
        {},
    )
    assert f'data-kith-draft="{form_key}"' in response.content.decode()
    # and starting the plan discards it
    client.post(
        reverse("child_in_need:start_plan", args=[authority.own_child.pk]),
        _plan_post(**_row(1, outcome="a", action="b", owner="c", target=date(2027, 3, 1))),
    )
    assert draft_for(authority.social_worker.user, form_key) is None


def test_the_plan_page_shows_objectives_what_is_due_and_how_it_is_worked_out(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    client = sign_in(authority.social_worker)
    # when
    html = client.get(reverse("child_in_need:plan", args=[plan.pk])).content.decode()
    # then
    assert summary_list(html, "plan-summary") == {
        "Started": "1 February 2027, on the referral of 4 January 2027",
        "Lead professional": "Priya Shah, social worker",
        "Next visit": "Due 1 March 2027 (every 20 working days)",
        "Next review": "26 April 2027",
        "Given to the family": "Not yet",
    }
    assert table_rows(html, "objectives") == [
        [
            "Ava's toothache is treated",
            "Book and take Ava to a dentist appointment",
            "Priya Shah, Children's social care",
            "26 February 2027",
            "None yet",
            "Open",
        ],
        [
            "Ava is at school every day and on time",
            "Kerry walks Ava to school; the school rings Kerry by 9:30am if Ava is not there",
            "Kerry Thompson (mum), Parent",
            "31 March 2027",
            "None yet",
            "Open",
        ],
    ]
    assert "Due 1 March 2027: 20 working days after the last visit on 1 February 2027" in html


@pytest.mark.requirement("R-005")
@pytest.mark.requirement("R-047")
def test_the_family_copy_is_in_plain_words_says_who_does_what_by_when_and_is_logged_as_a_print(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    client = sign_in(authority.social_worker)
    url = reverse("child_in_need:family_plan", args=[plan.pk])
    # when
    html = client.get(url).content.decode()
    # then
    for heading in (
        "What we are worried about",
        "What needs to change",
        "Who will do what, by when",
        "What happens if things don't change",
        "What happens next",
    ):
        assert f">{heading}</h2>" in html
    assert table_rows(html, "who-what-when") == [
        [
            "Book and take Ava to a dentist appointment",
            "Priya Shah (Children's social care)",
            "26 February 2027",
            "Not checked yet",
        ],
        [
            "Kerry walks Ava to school; the school rings Kerry by 9:30am if Ava is not there",
            "Kerry Thompson (mum) (Parent)",
            "31 March 2027",
            "Not checked yet",
        ],
    ]
    assert "on or before <strong>26 April 2027</strong>" in html
    assert "talk to <strong>Priya Shah, social worker</strong>" in html
    assert list(AccessLogEntry.objects.filter(page=url).values_list("user", "person", "what")) == [
        (authority.social_worker.user.pk, authority.own_child.pk, AccessLogEntry.What.PRINT)
    ]


@pytest.mark.requirement("R-047")
def test_the_family_copy_downloads_as_a_tagged_pdf_with_the_same_words_and_is_logged_as_a_print(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    client = sign_in(authority.social_worker)
    url = reverse("child_in_need:family_plan_pdf", args=[plan.pk])
    # when
    response = client.get(url)
    # then it is a PDF a screen reader can follow: tagged, in English, titled
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "application/pdf",
        f'inline; filename="child-in-need-plan-{plan.pk}.pdf"',
    )
    document = PdfReader(BytesIO(response.content))
    catalogue = document.trailer["/Root"]
    assert (catalogue["/MarkInfo"]["/Marked"], "/StructTreeRoot" in catalogue, catalogue["/Lang"]) == (
        True,
        True,
        "en-GB",
    )
    assert document.metadata is not None
    assert document.metadata.title == "Ava's plan"
    # and it says what the printable page says
    text = " ".join(" ".join(page.extract_text() for page in document.pages).split())
    for words in (
        "What we are worried about",
        "Who will do what, by when",
        "Book and take Ava to a dentist appointment",
        "What happens if things don't change",
        "OFFICIAL-SENSITIVE",
    ):
        assert words in text
    assert "Download as a PDF" not in text
    assert list(AccessLogEntry.objects.filter(page=url).values_list("user", "person", "what")) == [
        (authority.social_worker.user.pk, authority.own_child.pk, AccessLogEntry.What.PRINT)
    ]


def test_the_family_pdf_of_a_child_the_user_may_not_see_is_not_found(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    plan = given_plan(referral, authority.social_worker)
    response = sign_in(authority.south_worker).get(reverse("child_in_need:family_plan_pdf", args=[plan.pk]))
    assert response.status_code == 404


@pytest.mark.requirement("R-021")
def test_a_review_is_recorded_from_its_form_with_progress_on_each_objective(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    dentist, school = list(open_objectives(plan))
    client = sign_in(authority.social_worker)
    url = reverse("child_in_need:review_plan", args=[plan.pk])
    # when
    page = client.get(url)
    posted = client.post(
        url,
        {
            **date_fields("held_on", date(2027, 4, 12)),
            "attendees": "Kerry, Priya, Ms Lane",
            "child_views": "Ava says school is OK now",
            "parents_views": "Kerry says mornings are easier",
            "decisions": "Continue",
            "plan_continues": "yes",
            **date_fields("next_review_on", date(2027, 7, 12)),
            f"progress_{dentist.pk}": "achieved",
            f"progress_{school.pk}": "on_track",
            f"progress_notes_{school.pk}": "One late mark",
        },
    )
    # then
    assert [field.label for _objective, field, _notes in page.context["form"].progress_rows()] == [
        f"How is '{dentist.action}' going?",
        f"How is '{school.action}' going?",
    ]
    assert posted.status_code == 302
    review = ChildInNeedReview.objects.get()
    assert (review.held_on, review.plan_continues, review.child_views) == (
        date(2027, 4, 12),
        True,
        "Ava says school is OK now",
    )
    assert list(open_objectives(plan)) == [school]


def test_ending_a_plan_before_it_started_is_explained_on_the_form(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    # given
    plan = given_plan(referral, authority.social_worker)
    client = sign_in(authority.social_worker)
    # when
    response = client.post(
        reverse("child_in_need:end_plan", args=[plan.pk]),
        {**date_fields("ended_on", date(2027, 1, 25)), "end_reason": "Family moved"},
    )
    # then
    assert response.context["form"].errors == {
        "ended_on": ["The plan cannot end (25 January 2027) before it started (1 February 2027)"]
    }
    assert "Family moved</textarea>" in response.content.decode()
    plan.refresh_from_db()
    assert plan.ended_on is None


def test_recording_the_plan_was_given_to_the_family(authority: Authority, sign_in: SignIn, referral: Referral) -> None:
    plan = given_plan(referral, authority.social_worker)
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("child_in_need:record_shared", args=[plan.pk]), date_fields("shared_on", date(2027, 2, 3))
    )
    plan.refresh_from_db()
    assert (response.status_code, plan.shared_with_family_on) == (302, date(2027, 2, 3))


def test_the_case_summary_panel_says_when_the_next_visit_and_review_are_due(
    authority: Authority, referral: Referral
) -> None:
    # given
    given_plan(referral, authority.social_worker)
    child = authority.own_child
    # when
    html = render_to_string("child_in_need/_record_panel.html", {"summary": record_summary(child), "child": child})
    # then
    text = " ".join(html.split())
    assert "On a child in need plan since <strong>1 February 2027</strong>" in text
    assert "Next visit due <strong>1 March 2027</strong> (every 20 working days)" in text
    assert "Next review <strong>26 April 2027</strong>" in text
    assert "2 objectives open" in text


def test_the_case_summary_panel_offers_to_start_a_plan_on_an_open_referral(
    authority: Authority, referral: Referral
) -> None:
    child = authority.own_child
    html = render_to_string("child_in_need/_record_panel.html", {"summary": record_summary(child), "child": child})
    assert "No child in need plan." in html
    assert reverse("child_in_need:start_plan", args=[child.pk]) in html


junk = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "yes", "no", "0", "-1", "99999999999999999999", "31", "2", "1900", "2100", " ", "\x00", "abc"]
    ),
)
PLAN_FIELDS = [
    "rows",
    "started_on_day",
    "started_on_month",
    "started_on_year",
    "lead_professional",
    "summary_for_family",
    "contingency",
    "first_review_on_year",
    "objective_1_outcome",
    "objective_1_owner",
    "objective_1_target_date_day",
    "objective_2_action",
    "objective_7_owner",
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), add_row=st.booleans())
def test_whatever_is_typed_into_the_plan_form_the_answer_is_never_a_server_error(
    authority: Authority, sign_in: SignIn, referral: Referral, data: st.DataObject, add_row: bool
) -> None:
    # given
    client = sign_in(authority.social_worker)
    values = {field: data.draw(junk, label=field) for field in PLAN_FIELDS}
    # when
    response = client.post(
        reverse("child_in_need:start_plan", args=[authority.own_child.pk]),
        {**values, **({"add_row": "1"} if add_row else {})},
    )
    # then
    assert response.status_code in {200, 302}
