"""No input produces a server error: every form answers with a page or a redirect, whatever is typed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kith.platform.access.roles import Role
from tests.factories import given_allocated_child, given_staff, signed_in_client

pytestmark = pytest.mark.django_db

# Form pages and their field names; "{pk}" is a child on the manager's team.
FORMS = {
    "/people/new/": [
        "kind",
        "given_name",
        "family_name",
        "date_of_birth_day",
        "date_of_birth_month",
        "date_of_birth_year",
        "expected_date_of_birth_day",
        "expected_date_of_birth_month",
        "expected_date_of_birth_year",
        "sex",
        "ethnicity",
        "religion",
        "nhs_number",
        "upn",
        "former_upn",
        "disabilities",
        "postcode",
        "line_1",
        "town",
        "moved_in_on_day",
        "moved_in_on_month",
        "moved_in_on_year",
        "reviewed",
        "none_are_the_same",
    ],
    "/people/{pk}/details/": [
        "given_name",
        "family_name",
        "date_of_birth_year",
        "date_of_death_day",
        "nhs_number",
        "version",
    ],
    "/people/{pk}/address/new/": [
        "line_1",
        "town",
        "postcode",
        "moved_in_on_day",
        "moved_in_on_month",
        "moved_in_on_year",
    ],
    "/people/{pk}/relationships/new/": ["relative_id", "kind", "has_parental_responsibility"],
    "/people/{pk}/professionals/new/": ["professional", "name", "role", "organisation", "email", "started_on_year"],
    "/people/{pk}/warnings/new/": ["kind", "details"],
    "/people/{pk}/names/new/": ["kind", "given_name", "family_name"],
    "/people/{pk}/restrict/": ["reason"],
    "/workforce/children/{pk}/allocate/": [
        "team",
        "worker",
        "started_on_day",
        "started_on_month",
        "started_on_year",
        "reason",
    ],
    "/quality/children/{pk}/management-decisions/new/": ["kind", "decision", "rationale", "decided_on_year"],
    "/people/search/": ["q", "date_of_birth_day", "date_of_birth_month", "date_of_birth_year", "kind"],
    "/people/{pk}/chronology/": ["show", "event_type", "occurred_from_year", "occurred_to_day"],
}

junk = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=400),
    st.sampled_from(["0", "-1", "99999999999999999999", "31", "2", "1900", "2100", " ", "\x00", "K0", "NONE", "child"]),
)


@pytest.fixture
def manager_and_child() -> tuple[Any, Any]:
    manager = given_staff(Role.TEAM_MANAGER)
    child = given_allocated_child(worker=given_staff(Role.SOCIAL_WORKER, manager.team), manager=manager)
    return manager, child


@pytest.mark.parametrize("form_url", list(FORMS))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_is_typed_the_answer_is_never_a_server_error(
    client: Client, manager_and_child: tuple[Any, Any], form_url: str, data: st.DataObject
) -> None:
    # given a manager on a form page
    manager, child = manager_and_child
    browser = signed_in_client(client, manager)
    url = form_url.format(pk=child.pk)
    values = {field: data.draw(junk, label=field) for field in FORMS[form_url]}

    # when they submit anything at all (searches and filters arrive by GET)
    response = (
        browser.get(url, values) if form_url.endswith(("/search/", "/chronology/")) else browser.post(url, values)
    )

    # then Kith answers with the page or a redirect
    assert response.status_code in {200, 302}
