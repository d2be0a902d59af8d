"""Recording a visit from the child's record, the visit's page, the child's visits and the case summary panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_in_need.tests.builders import given_plan
from kith.front_door.models import Referral
from kith.plans.records import open_objectives
from kith.platform.drafts.store import draft_for
from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import link_for
from kith.visits.models import Visit
from kith.visits.queries import record_summary
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows
from tests.casework import given_cp_plan

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


@pytest.fixture
def cin_plan(authority: Authority, referral: Referral) -> ChildInNeedPlan:
    return given_plan(referral, authority.social_worker)


def _post(plan: ChildInNeedPlan, **overrides: object) -> dict[str, object]:
    dentist, school = list(open_objectives(plan))
    return {
        **date_fields("visited_on", date(2027, 3, 3)),
        "where": "At home",
        "child_seen": "yes",
        "seen_alone": "yes",
        "spoken_to_alone": "yes",
        "bedroom_seen": "yes",
        "observations": "Ava showed me her reading book.",
        "child_views": "Ava said she likes her new teacher.",
        "direct_work": "",
        "analysis": "Mornings are calmer.",
        "outcome": "Priya to ring school on Friday.",
        f"progress_{dentist.pk}": "achieved",
        f"progress_{school.pk}": "on_track",
        f"progress_notes_{school.pk}": "One late mark",
        **overrides,
    }


@pytest.mark.requirement("R-005")
def test_the_visit_form_says_which_plan_when_the_visit_is_due_and_asks_for_writing_the_child_can_read(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.get(reverse("visits:record_visit", args=[authority.own_child.pk]))
    # then
    html = " ".join(response.content.decode().split())
    form = response.context["form"]
    assert (
        "Under the child in need plan that started on 1 February 2027. The next visit is due "
        "<strong>1 March 2027</strong> (every 20 working days)." in html
    )
    assert "Ava may read this one day: write it clearly, for them." in html
    assert form.fields["bedroom_seen"].required is False
    assert [field.label for _objective, field, _notes in form.progress_rows()] == [
        "How is 'Book and take Ava to a dentist appointment' going?",
        "How is 'Kerry walks Ava to school; the school rings Kerry by 9:30am if Ava is not there' going?",
    ]


def test_a_child_protection_visit_form_asks_about_the_bedroom(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    given_cp_plan(referral, authority.social_worker, on=date(2027, 1, 20))
    client = sign_in(authority.social_worker)
    response = client.get(reverse("visits:record_visit", args=[authority.own_child.pk]))
    assert response.context["form"].fields["bedroom_seen"].required is True
    assert "Under the child protection plan that started on 20 January 2027." in response.content.decode()


def test_recording_a_visit_goes_to_the_visit_and_says_when_the_next_is_due(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.post(reverse("visits:record_visit", args=[authority.own_child.pk]), _post(cin_plan))
    # then
    visit = Visit.objects.get()
    assert response["Location"] == reverse("visits:visit", args=[visit.pk])
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Visit recorded. The next visit is due 2 April 2027."
    ]


@pytest.mark.requirement("R-002")
def test_when_the_child_was_not_seen_the_page_says_the_visit_is_still_due(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.post(
        reverse("visits:record_visit", args=[authority.own_child.pk]),
        _post(
            cin_plan, child_seen="no", seen_alone="", spoken_to_alone="", why_not_seen="Nobody was in", child_views=""
        ),
    )
    page = client.get(response["Location"]).content.decode()
    # then
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Visit recorded. The child was not seen, so the next visit is still due 1 March 2027 (overdue)."
    ]
    assert (
        '<span id="still-due">The child was not seen, so the next visit is still due 1 March 2027 (overdue).</span>'
        in page
    )
    assert summary_list(page, "visit-summary")["Why not seen"] == "Nobody was in"


def test_a_visit_seen_but_without_saying_whether_alone_is_explained_and_kept(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.post(
        reverse("visits:record_visit", args=[authority.own_child.pk]),
        _post(cin_plan, seen_alone="", spoken_to_alone="", analysis=""),
    )
    # then
    assert response.context["form"].errors == {
        "seen_alone": ["Say whether Ava was seen alone"],
        "spoken_to_alone": ["Say whether Ava was spoken to alone"],
        "analysis": ["Enter what the visit tells you about Ava's safety and needs"],
    }
    assert "Ava showed me her reading book.</textarea>" in response.content.decode()
    assert Visit.objects.count() == 0


def test_without_an_open_plan_the_page_says_there_is_nothing_to_record_against(
    authority: Authority, sign_in: SignIn, referral: Referral
) -> None:
    client = sign_in(authority.social_worker)
    response = client.get(reverse("visits:record_visit", args=[authority.own_child.pk]))
    assert response.context["no_plan"] == (
        "Ava Thompson is not looked after and has no open child in need or child protection plan to record a "
        "statutory visit against."
    )
    assert "form" not in response.context
    assert "data-kith-draft" not in response.content.decode()


def test_the_visit_form_is_kept_as_a_draft_and_discarded_once_recorded(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given a half-written visit
    client = sign_in(authority.social_worker)
    form_key = f"visits.visit:{authority.own_child.pk}"
    client.post(f"/drafts/{form_key}/", {"where": "At school", "observations": "Ava was in the library"})
    url = reverse("visits:record_visit", args=[authority.own_child.pk])
    # when the worker comes back
    restored = client.get(url)
    # then it is restored without errors
    form = restored.context["form"]
    assert (form["where"].value(), form["observations"].value(), form.errors) == (
        "At school",
        "Ava was in the library",
        {},
    )
    assert f'data-kith-draft="{form_key}"' in restored.content.decode()
    # and recording the visit discards it
    client.post(url, _post(cin_plan))
    assert draft_for(authority.social_worker.user, form_key) is None


@pytest.mark.requirement("R-004")
def test_the_visit_page_shows_what_was_found_and_progress_on_the_plan(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given
    client = sign_in(authority.social_worker)
    client.post(reverse("visits:record_visit", args=[authority.own_child.pk]), _post(cin_plan))
    # when
    html = client.get(reverse("visits:visit", args=[Visit.objects.get().pk])).content.decode()
    # then
    summary = summary_list(html, "visit-summary")
    assert {key: summary[key] for key in ("Under", "Seen", "Seen alone", "Spoken to alone", "What it tells us")} == {
        "Under": "The child in need plan from 1 February 2027",
        "Seen": "Yes",
        "Seen alone": "Yes",
        "Spoken to alone": "Yes",
        "What it tells us": "Mornings are calmer.",
    }
    assert table_rows(html, "visit-progress") == [
        ["Book and take Ava to a dentist appointment", "Achieved", ""],
        [
            "Kerry walks Ava to school; the school rings Kerry by 9:30am if Ava is not there",
            "On track",
            "One late mark",
        ],
    ]


def test_the_childs_visits_are_listed_newest_first(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given two visits
    client = sign_in(authority.social_worker)
    url = reverse("visits:record_visit", args=[authority.own_child.pk])
    first = _post(cin_plan)
    second = _post(
        cin_plan,
        **date_fields("visited_on", date(2027, 3, 10)),
        child_seen="no",
        seen_alone="",
        spoken_to_alone="",
        why_not_seen="Out",
    )
    client.post(url, first)
    client.post(url, second)
    # when
    html = client.get(reverse("visits:child_visits", args=[authority.own_child.pk])).content.decode()
    # then
    assert table_rows(html, "visits") == [
        ["10 March 2027", "Child in need plan", "No", "No", "No", "Yes", "Priya Shah"],
        ["3 March 2027", "Child in need plan", "Yes", "Yes", "Yes", "Yes", "Priya Shah"],
    ]


def test_the_case_summary_panel_says_when_the_next_visit_is_due_and_how_the_last_went(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan
) -> None:
    # given a visit on 3 March 2027 where Ava was seen alone
    client = sign_in(authority.social_worker)
    client.post(reverse("visits:record_visit", args=[authority.own_child.pk]), _post(cin_plan))
    child = authority.own_child
    # when
    html = " ".join(
        render_to_string("visits/_record_panel.html", {"summary": record_summary(child), "child": child}).split()
    )
    # then
    assert "Next visit due <strong>2 April 2027</strong> (every 20 working days), under the child in need plan." in html
    assert "Last visit 3 March 2027: Ava was seen alone." in html


def test_work_trays_link_the_visit_clock_to_recording_a_visit(authority: Authority, cin_plan: ChildInNeedPlan) -> None:
    deadline = Deadline.objects.get(timescale_code="child_in_need.visit")
    link = link_for(deadline)
    assert link is not None
    assert (link.label, link.url) == ("Record a visit", reverse("visits:record_visit", args=[authority.own_child.pk]))


junk = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "yes", "no", "0", "-1", "99999999999999999999", "31", "2", "1900", "2100", " ", "\x00", "achieved"]
    ),
)
VISIT_FIELDS = [
    "visited_on_day",
    "visited_on_month",
    "visited_on_year",
    "where",
    "child_seen",
    "seen_alone",
    "spoken_to_alone",
    "why_not_alone",
    "why_not_seen",
    "bedroom_seen",
    "observations",
    "child_views",
    "analysis",
    "outcome",
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_is_typed_into_the_visit_form_the_answer_is_never_a_server_error(
    authority: Authority, sign_in: SignIn, cin_plan: ChildInNeedPlan, data: st.DataObject
) -> None:
    # given
    client = sign_in(authority.social_worker)
    objective_fields = [f"progress_{objective.pk}" for objective in open_objectives(cin_plan)]
    values = {field: data.draw(junk, label=field) for field in VISIT_FIELDS + objective_fields}
    # when
    response = client.post(reverse("visits:record_visit", args=[authority.own_child.pk]), values)
    # then
    assert response.status_code in {200, 302}
