"""Saving, replacing, loading and discarding drafts; each user sees only their own."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kith.platform.drafts.models import Draft
from kith.platform.drafts.store import (
    MAX_DRAFT_BYTES,
    BadFormKey,
    DraftTooLarge,
    describe_saved_at,
    discard_draft,
    draft_for,
    load_draft,
    save_draft,
    saved_at,
)
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
KEY = "quality.management_decision:42"
TEN_42 = datetime(2026, 3, 10, 10, 42, tzinfo=LONDON)


def posted(**fields: str | list[str]) -> QueryDict:
    """Fields as a form posts them (a list for a field with several values), with its CSRF token."""
    data = QueryDict(mutable=True)
    data["csrfmiddlewaretoken"] = "a-token-that-must-not-be-kept"
    for name, values in fields.items():
        data.setlist(name, values if isinstance(values, list) else [values])
    return data


def test_a_saved_draft_loads_back_exactly_as_posted_without_the_csrf_token(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    typed = posted(
        kind="case_direction",
        decision="Proceed to a child and family assessment\r\nwithin 10 working days",
        rationale="Ava's school says she's “often hungry” – see note of 3 March",
        next_steps="",
        needs=["housing", "health"],
        decided_on_day="10",
        decided_on_month="3",
        decided_on_year="2026",
    )
    # when
    save_draft(manager, KEY, typed)
    # then
    draft = draft_for(manager, KEY)
    assert draft is not None
    assert dict(draft.lists()) == {
        "kind": ["case_direction"],
        "decision": ["Proceed to a child and family assessment\r\nwithin 10 working days"],
        "rationale": ["Ava's school says she's “often hungry” – see note of 3 March"],
        "next_steps": [""],
        "needs": ["housing", "health"],
        "decided_on_day": ["10"],
        "decided_on_month": ["3"],
        "decided_on_year": ["2026"],
    }


def test_a_plain_dict_of_values_and_lists_is_kept_as_a_form_would_post_it(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    # when
    save_draft(manager, KEY, {"decision": "Step down", "needs": ["housing", "health"]})
    # then
    assert list(Draft.objects.values_list("data", flat=True)) == [
        {"decision": ["Step down"], "needs": ["housing", "health"]}
    ]


def test_saving_again_replaces_the_draft_and_its_time(authority: Authority) -> None:
    # given a draft saved at 10:42
    manager = authority.team_manager.user
    with time_machine.travel(TEN_42, tick=False):
        save_draft(manager, KEY, posted(decision="Proceed", rationale="School"))
    # when the manager carries on typing and it is saved again at 10:47
    with time_machine.travel(datetime(2026, 3, 10, 10, 47, tzinfo=LONDON), tick=False):
        save_draft(manager, KEY, posted(decision="Proceed to assessment"))
    # then there is still one draft, holding only the latest fields
    assert list(Draft.objects.values_list("form_key", "data", "saved_at")) == [
        (KEY, {"decision": ["Proceed to assessment"]}, datetime(2026, 3, 10, 10, 47, tzinfo=LONDON))
    ]


def test_there_is_no_draft_until_one_is_saved(authority: Authority) -> None:
    # given a manager who has typed nothing
    manager = authority.team_manager.user
    # when
    found = (draft_for(manager, KEY), load_draft(manager, KEY), saved_at(manager, KEY))
    # then
    assert found == (None, None, None)


def test_a_draft_is_never_loaded_for_another_user(authority: Authority) -> None:
    # given the manager's draft
    manager = authority.team_manager.user
    deputy = authority.north_deputy.user
    save_draft(manager, KEY, posted(decision="Proceed"))
    # when the deputy opens the same form
    found = (draft_for(deputy, KEY), load_draft(deputy, KEY), saved_at(deputy, KEY))
    # then there is nothing for them
    assert found == (None, None, None)


def test_each_user_keeps_their_own_draft_of_the_same_form(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    deputy = authority.north_deputy.user
    save_draft(manager, KEY, posted(decision="Proceed"))
    # when
    save_draft(deputy, KEY, posted(decision="Close the case"))
    # then
    manager_draft = draft_for(manager, KEY)
    deputy_draft = draft_for(deputy, KEY)
    assert manager_draft is not None
    assert deputy_draft is not None
    assert (manager_draft["decision"], deputy_draft["decision"]) == ("Proceed", "Close the case")


def test_each_form_and_record_has_its_own_draft(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    save_draft(manager, "quality.management_decision:42", posted(decision="Proceed"))
    # when
    save_draft(manager, "quality.management_decision:43", posted(decision="Close"))
    # then
    assert sorted(Draft.objects.values_list("form_key", flat=True)) == [
        "quality.management_decision:42",
        "quality.management_decision:43",
    ]


def test_discarding_forgets_only_that_users_draft_of_that_form(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    deputy = authority.north_deputy.user
    save_draft(manager, KEY, posted(decision="Proceed"))
    save_draft(manager, "quality.management_decision:43", posted(decision="Close"))
    save_draft(deputy, KEY, posted(decision="Step down"))
    # when
    discard_draft(manager, KEY)
    # then
    assert draft_for(manager, KEY) is None
    assert sorted(Draft.objects.values_list("user__username", "form_key")) == [
        (deputy.username, KEY),
        (manager.username, "quality.management_decision:43"),
    ]


def test_discarding_when_there_is_no_draft_does_nothing(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    # when
    discard_draft(manager, KEY)
    # then
    assert Draft.objects.count() == 0


def test_when_a_draft_was_saved_is_kept(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    with time_machine.travel(TEN_42, tick=False):
        save_draft(manager, KEY, posted(decision="Proceed"))
    # when
    when = saved_at(manager, KEY)
    # then
    assert when == TEN_42


def test_the_time_saved_reads_as_a_time_today_and_with_its_date_before_today() -> None:
    # given
    yesterday_at_4 = datetime(2026, 3, 9, 16, 5, tzinfo=LONDON)
    # when
    with time_machine.travel(datetime(2026, 3, 10, 11, 0, tzinfo=LONDON), tick=False):
        texts = (describe_saved_at(TEN_42), describe_saved_at(yesterday_at_4))
    # then
    assert texts == ("10:42am today", "9 March 2026 at 4:05pm")


@pytest.mark.parametrize(
    "form_key", ["", "quality/decision", "quality decision", "quality.decision;42", "<script>", "k" * 201, "é:1"]
)
def test_a_form_key_outside_the_safe_pattern_is_refused_and_nothing_is_kept(
    authority: Authority, form_key: str
) -> None:
    # given
    manager = authority.team_manager.user
    # when / then
    with pytest.raises(BadFormKey):
        save_draft(manager, form_key, posted(decision="Proceed"))
    assert Draft.objects.count() == 0


def test_the_longest_form_key_is_kept(authority: Authority) -> None:
    # given
    form_key = "a.b_c-d:" + "9" * 192
    # when
    save_draft(authority.team_manager.user, form_key, posted(decision="Proceed"))
    # then
    assert list(Draft.objects.values_list("form_key", flat=True)) == [form_key]


def test_a_draft_over_the_limit_is_refused_whole_and_the_earlier_draft_is_kept(authority: Authority) -> None:
    # given an earlier draft
    manager = authority.team_manager.user
    save_draft(manager, KEY, posted(decision="Proceed"))
    # when a paste takes the draft over 200 KB
    with pytest.raises(DraftTooLarge):
        save_draft(manager, KEY, posted(decision="Proceed", rationale="x" * MAX_DRAFT_BYTES))
    # then
    assert list(Draft.objects.values_list("data", flat=True)) == [{"decision": ["Proceed"]}]


def test_the_nul_character_which_the_database_cannot_hold_is_dropped(authority: Authority) -> None:
    # given
    manager = authority.team_manager.user
    # when
    save_draft(manager, KEY, posted(decision="Pro\x00ceed"))
    # then
    assert list(Draft.objects.values_list("data", flat=True)) == [{"decision": ["Proceed"]}]


field_names = st.text(min_size=1, max_size=20).filter(lambda name: "\x00" not in name and name != "csrfmiddlewaretoken")
field_values = st.lists(st.text(max_size=60).filter(lambda value: "\x00" not in value), min_size=1, max_size=3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(field_names, field_values, max_size=6))
def test_whatever_is_typed_comes_back_exactly(authority: Authority, fields: dict[str, list[str]]) -> None:
    # given what a user typed, as a form posts it
    manager = authority.team_manager.user
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values)
    # when
    save_draft(manager, KEY, data)
    # then
    draft = draft_for(manager, KEY)
    assert draft is not None
    assert dict(draft.lists()) == fields
