"""POST /drafts/<form key>/: the autosave endpoint kith.js calls as the user types."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kith.platform.drafts.models import Draft
from kith.platform.drafts.store import draft_for, save_draft
from kith.platform.drafts.views import TOO_LARGE
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

LONDON = ZoneInfo("Europe/London")
KEY = "quality.management_decision:42"
URL = f"/drafts/{KEY}/"

TYPED = {
    "kind": "case_direction",
    "decision": "Proceed to a child and family assessment\r\nwithin 10 working days",
    "rationale": "Ava's school says she's “often hungry” – see note of 3 March & 4 March",
    "next_steps": "",
    "needs": ["housing", "health"],
    "decided_on_day": "10",
    "decided_on_month": "3",
    "decided_on_year": "2026",
}


def test_the_address_is_the_one_the_template_tag_gives() -> None:
    # when
    url = reverse("drafts:save", args=[KEY])
    # then
    assert url == URL


def test_the_typed_fields_are_kept_exactly_and_the_time_saved_is_answered(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    with time_machine.travel(datetime(2026, 3, 10, 10, 42, 30, tzinfo=LONDON), tick=False):
        response = client.post(URL, {**TYPED, "csrfmiddlewaretoken": "not-kept"})
    # then
    assert (response.status_code, response.json()) == (200, {"saved_at": "10:42am"})
    draft = draft_for(authority.team_manager.user, KEY)
    assert draft is not None
    assert dict(draft.lists()) == {name: value if isinstance(value, list) else [value] for name, value in TYPED.items()}


def test_the_answer_is_not_cached(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.post(URL, TYPED)
    # then
    assert response["Cache-Control"] == "no-store"


def test_posting_again_replaces_the_draft(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    client.post(URL, TYPED)
    # when
    client.post(URL, {"decision": "Close the case"})
    # then
    assert list(Draft.objects.values_list("data", flat=True)) == [{"decision": ["Close the case"]}]


def test_a_signed_out_user_is_sent_to_sign_in_and_nothing_is_kept(client: Client) -> None:
    # given nobody signed in
    # when
    response = client.post(URL, TYPED)
    # then the sign-in middleware answers, as for every page behind sign-in
    assert (response.status_code, response["Location"]) == (302, f"/sign-in/?next={URL}")
    assert Draft.objects.count() == 0


def test_a_user_who_has_not_given_their_second_factor_is_sent_to_give_it_and_nothing_is_kept(
    authority: Authority, client: Client
) -> None:
    # given a password-only session (MFA is required under test)
    client.force_login(authority.team_manager.user)
    # when
    response = client.post(URL, TYPED)
    # then
    assert (response.status_code, response["Location"]) == (302, f"/two-factor/?next={URL}")
    assert Draft.objects.count() == 0


def test_a_post_without_the_csrf_token_is_refused_and_nothing_is_kept(authority: Authority, sign_in: SignIn) -> None:
    # given a browser that enforces CSRF checks, as a real one does
    client = sign_in(authority.team_manager)
    client.handler.enforce_csrf_checks = True
    # when
    response = client.post(URL, TYPED)
    # then
    assert response.status_code == 403
    assert Draft.objects.count() == 0


def test_the_csrf_token_from_the_form_lets_the_draft_be_kept(authority: Authority, sign_in: SignIn) -> None:
    # given the management decision form, as the browser has it
    client = sign_in(authority.team_manager)
    client.handler.enforce_csrf_checks = True
    page = client.get(reverse("quality:record_decision", args=[authority.own_child.pk])).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match is not None
    # when kith.js posts the form's fields with the form's token in the header
    response = client.post(URL, TYPED, headers={"X-CSRFToken": match.group(1)})
    # then
    assert response.status_code == 200
    assert Draft.objects.count() == 1


def test_a_draft_cannot_be_read_back_through_the_address(authority: Authority, sign_in: SignIn) -> None:
    # given the manager's draft
    save_draft(authority.team_manager.user, KEY, {"decision": "Proceed"})
    client = sign_in(authority.team_manager)
    # when
    response = client.get(URL)
    # then
    assert response.status_code == 405
    assert "Proceed" not in response.content.decode()


def test_another_users_post_keeps_their_own_draft_and_leaves_the_first_users_alone(
    authority: Authority, sign_in: SignIn
) -> None:
    # given the manager's draft
    save_draft(authority.team_manager.user, KEY, {"decision": "Proceed"})
    client = sign_in(authority.north_deputy)
    # when the deputy posts to the same form key
    response = client.post(URL, {"decision": "Close the case"})
    # then
    assert response.status_code == 200
    assert sorted(Draft.objects.values_list("user__username", "data")) == [
        (authority.north_deputy.user.username, {"decision": ["Close the case"]}),
        (authority.team_manager.user.username, {"decision": ["Proceed"]}),
    ]


@pytest.mark.parametrize("form_key", ["quality.decision;42", "quality%20decision", "k" * 201, "<b>"])
def test_a_form_key_outside_the_safe_pattern_is_a_bad_request_and_nothing_is_kept(
    authority: Authority, sign_in: SignIn, form_key: str
) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.post(f"/drafts/{form_key}/", TYPED)
    # then
    assert (response.status_code, response.json()) == (
        400,
        {"error": "Drafts cannot be kept for this form: its form key may only hold letters, digits and . _ : -"},
    )
    assert Draft.objects.count() == 0


def test_a_draft_over_200_kb_is_too_large_and_the_earlier_draft_is_kept(authority: Authority, sign_in: SignIn) -> None:
    # given an earlier draft
    client = sign_in(authority.team_manager)
    client.post(URL, {"decision": "Proceed"})
    # when a paste takes it over 200 KB
    response = client.post(URL, {"decision": "Proceed", "rationale": "x" * 205_000})
    # then
    assert (response.status_code, response.json()) == (413, {"error": TOO_LARGE})
    assert TOO_LARGE == (
        "This draft is too long to keep (more than 200 KB). What you typed is still on this page: "
        "submit the form to record it."
    )
    assert list(Draft.objects.values_list("data", flat=True)) == [{"decision": ["Proceed"]}]


def test_a_draft_just_under_200_kb_is_kept(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.post(URL, {"rationale": "x" * 200_000})
    # then
    assert response.status_code == 200
    assert Draft.objects.count() == 1
