"""form_with_draft: the page's form, bound to the POST, filled from the user's draft, or unbound;
hold_back_errors for a page that binds a form and a formset to the draft itself."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest
from django.test import RequestFactory

from kith.platform.access.models import User
from kith.platform.drafts.forms import form_data_with_draft, form_with_draft, hold_back_errors
from kith.platform.drafts.store import save_draft
from kith.platform.ui.forms import GovukDateField
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
KEY = "quality.management_decision:42"


class ParticipantForm(forms.Form):
    name = forms.CharField(error_messages={"required": "Enter the name"})


ParticipantFormSet = forms.formset_factory(ParticipantForm, min_num=1, validate_min=True)


class DecisionForm(forms.Form):
    decision = forms.CharField(error_messages={"required": "Enter the decision"})
    rationale = forms.CharField(error_messages={"required": "Enter the reasons for the decision"})
    decided_on = GovukDateField(label="Date of the decision")


def a_request(user: User, method: str = "get", data: dict[str, Any] | None = None) -> HttpRequest:
    request = getattr(RequestFactory(), method)("/quality/children/42/management-decisions/new/", data or {})
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def notices(request: HttpRequest) -> list[str]:
    return [str(message) for message in get_messages(request)]


def test_with_no_draft_the_form_is_unbound_with_its_initial_values(authority: Authority) -> None:
    # given
    request = a_request(authority.team_manager.user)
    # when
    form = form_with_draft(request, KEY, DecisionForm, initial={"decided_on": date(2026, 3, 10)})
    # then
    assert (form.is_bound, form["decided_on"].value(), form.errors, notices(request)) == (
        False,
        date(2026, 3, 10),
        {},
        [],
    )


def test_a_draft_fills_the_form_as_typed_with_no_errors_yet_and_a_notice(authority: Authority) -> None:
    # given a half-finished draft saved at 10:42 today, with a date still being typed
    manager = authority.team_manager.user
    with time_machine.travel(datetime(2026, 3, 10, 10, 42, tzinfo=LONDON), tick=False):
        save_draft(
            manager, KEY, {"decision": "Proceed", "rationale": "", "decided_on_day": "31", "decided_on_month": "feb"}
        )
    request = a_request(manager)
    # when the manager comes back to the form that afternoon
    with time_machine.travel(datetime(2026, 3, 10, 14, 0, tzinfo=LONDON), tick=False):
        form = form_with_draft(request, KEY, DecisionForm, initial={"decided_on": date(2026, 3, 10)})
    # then
    assert [form["decision"].value(), form["rationale"].value(), form["decided_on"].value()] == [
        "Proceed",
        "",
        ["31", "feb", None],
    ]
    assert form.errors == {}
    assert notices(request) == ["You have an unsaved draft from 10:42am today. It has been restored."]


def test_a_draft_from_an_earlier_day_says_which_day(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    with time_machine.travel(datetime(2026, 3, 9, 16, 5, tzinfo=LONDON), tick=False):
        save_draft(manager, KEY, {"decision": "Proceed"})
    request = a_request(manager)
    # when
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=LONDON), tick=False):
        form_data_with_draft(request, KEY)
    # then
    assert notices(request) == ["You have an unsaved draft from 9 March 2026 at 4:05pm. It has been restored."]


def test_another_users_draft_is_not_shown(authority: Authority) -> None:
    # given the manager's draft
    save_draft(authority.team_manager.user, KEY, {"decision": "Proceed"})
    request = a_request(authority.north_deputy.user)
    # when the deputy opens the same form
    form = form_with_draft(request, KEY, DecisionForm)
    # then
    assert (form.is_bound, form["decision"].value(), notices(request)) == (False, None, [])


def test_a_post_binds_to_what_was_posted_not_the_draft_and_is_validated(authority: Authority) -> None:
    # given a draft
    manager = authority.team_manager.user
    save_draft(manager, KEY, {"decision": "Proceed", "rationale": "School"})
    request = a_request(manager, "post", {"decision": "Close the case", "rationale": ""})
    # when
    form = form_with_draft(request, KEY, DecisionForm)
    # then
    assert form["decision"].value() == "Close the case"
    assert form.errors == {
        "rationale": ["Enter the reasons for the decision"],
        "decided_on": ["Enter Date of the decision"],
    }
    assert notices(request) == []


def test_a_form_and_formset_filled_from_a_draft_show_what_was_typed_and_no_errors(authority: Authority) -> None:
    # given a draft with a missing decision and an empty row in the formset
    manager = authority.team_manager.user
    save_draft(
        manager,
        KEY,
        {
            "rationale": "Police and school",
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-name": "DC Ellis",
            "form-1-name": "",
        },
    )
    request = a_request(manager)
    data = form_data_with_draft(request, KEY)
    form, participants = DecisionForm(data), ParticipantFormSet(data)
    # when
    hold_back_errors(form, participants)
    # then
    assert [row["name"].value() for row in participants.forms] == ["DC Ellis", ""]
    assert (form["rationale"].value(), form.errors, participants.total_error_count()) == ("Police and school", {}, 0)


def test_the_helpers_can_also_be_imported_from_the_views_module() -> None:
    # given
    from kith.platform.drafts import forms as helpers
    from kith.platform.drafts import views

    # when / then
    assert (views.form_with_draft, views.form_data_with_draft, views.hold_back_errors, views.discard_draft) == (
        helpers.form_with_draft,
        helpers.form_data_with_draft,
        helpers.hold_back_errors,
        helpers.discard_draft,
    )
