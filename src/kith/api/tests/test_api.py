"""The read API: scoped like the pages, access-logged per record read, MFA-aware, documented."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest
import yaml
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token

from kith.people.actions import AddressDetails, PersonDetails, add_person, move_to_address
from kith.people.identifiers import upn_check_letter
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _log() -> list[tuple[int, int | None, str, str, str]]:
    return list(
        AccessLogEntry.objects.order_by("pk").values_list("user_id", "person_id", "requested_id", "what", "page")
    )


def _names(response: object) -> list[str]:
    body = json.loads(response.content)  # type: ignore[attr-defined]
    return [f"{person['given_name']} {person['family_name']}" for person in body["results"]]


# --- scoping -----------------------------------------------------------------------------------------


def test_a_social_worker_lists_only_the_people_their_scope_reaches(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.get(reverse("api:people"))
    # then
    body = json.loads(response.content)
    assert response.status_code == 200
    assert (body["count"], [person["kith_id"] for person in body["results"]]) == (1, [authority.own_child.kith_id])


def test_another_teams_child_is_absent_from_search_and_404_on_detail(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    listed = client.get(reverse("api:people"), {"q": "Brennan"})
    fetched = client.get(reverse("api:person", args=[authority.other_child.pk]))
    # then
    assert _names(listed) == []
    assert (fetched.status_code, json.loads(fetched.content)) == (404, {"detail": "No such record"})


def test_a_missing_record_and_a_forbidden_one_answer_alike(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    missing = authority.restricted_child.pk + 1000
    # when
    forbidden = client.get(reverse("api:person", args=[authority.other_child.pk]))
    absent = client.get(reverse("api:person", args=[missing]))
    # then
    assert (forbidden.status_code, forbidden.content) == (absent.status_code, absent.content)


def test_a_restricted_child_is_404_to_a_manager_without_a_grant(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    listed = client.get(reverse("api:children"))
    fetched = client.get(reverse("api:person", args=[authority.restricted_child.pk]))
    # then
    assert _names(listed) == ["Ava Thompson"]
    assert fetched.status_code == 404


def test_search_and_the_children_list_use_the_same_scope_as_the_pages(authority: Authority, sign_in: SignIn) -> None:
    # given
    add_person(
        PersonDetails(kind="adult", given_name="Karen", family_name="Thompson"), by=authority.business_support.user
    )
    client = sign_in(authority.screener)  # the front door reaches every record that is not restricted
    # when
    people = client.get(reverse("api:people"))
    children = client.get(reverse("api:children"))
    thompsons = client.get(reverse("api:people"), {"q": "Thompson"})
    # then
    assert _names(people) == ["Leo Brennan", "Ava Thompson", "Karen Thompson"]
    assert _names(children) == ["Leo Brennan", "Ava Thompson"]
    assert sorted(_names(thompsons)) == ["Ava Thompson", "Karen Thompson"]


def test_lists_are_paginated_with_limit_and_offset(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.screener)
    # when
    response = client.get(reverse("api:children"), {"limit": 1, "offset": 1})
    # then
    body = json.loads(response.content)
    assert (body["count"], _names(response), body["next"], body["previous"]) == (
        2,
        ["Ava Thompson"],
        None,
        "http://testserver/api/children/?limit=1",
    )


# --- the record ----------------------------------------------------------------------------------------


def test_the_detail_shows_identity_identifiers_address_and_allocation(authority: Authority, sign_in: SignIn) -> None:
    # given
    upn = upn_check_letter("938611234567") + "938611234567"
    born = date(clock.today().year - 10, 3, 4)
    child = add_person(
        PersonDetails(
            kind="child",
            given_name="Zara",
            middle_names="Jane",
            family_name="Haddad",
            preferred_name="Zee",
            date_of_birth=born,
            sex="F",
            ethnicity="MOTH",
            religion="muslim",
            first_language="Arabic",
            interpreter_needed=True,
            nhs_number="9434765919",
            upn=upn,
            disabilities=["COMM", "AUT"],
        ),
        by=authority.business_support.user,
    )
    allocated_on = clock.today() - timedelta(days=20)
    allocate_case(
        child,
        team=authority.north,
        worker=authority.social_worker,
        reason="Assessment",
        started_on=allocated_on,
        by=authority.front_door_manager.user,
    )
    moved_in = clock.today() - timedelta(days=10)
    move_to_address(
        child,
        AddressDetails(line_1="12 Example Terrace", town="Hartlepool", postcode="TS24 7AA"),
        by=authority.social_worker.user,
        moved_in_on=moved_in,
    )
    client = sign_in(authority.social_worker)
    # when
    response = client.get(reverse("api:person", args=[child.pk]))
    # then
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "id": child.pk,
        "kith_id": child.kith_id,
        "kind": "child",
        "given_name": "Zara",
        "middle_names": "Jane",
        "family_name": "Haddad",
        "preferred_name": "Zee",
        "date_of_birth": born.isoformat(),
        "expected_date_of_birth": None,
        "sex": "F",
        "ethnicity": "MOTH",
        "religion": "muslim",
        "first_language": "Arabic",
        "interpreter_needed": True,
        "disabilities": ["AUT", "COMM"],
        "nhs_number": "9434765919",
        "upn": upn,
        "current_address": {
            "line_1": "12 Example Terrace",
            "line_2": "",
            "town": "Hartlepool",
            "postcode": "TS24 7AA",
            "moved_in_on": moved_in.isoformat(),
        },
        "current_allocation": {
            "team": "North Safeguarding",
            "worker": "Priya Shah",
            "started_on": allocated_on.isoformat(),
        },
    }


def test_a_child_waiting_for_a_worker_has_an_allocation_with_no_worker_and_no_address(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.north_deputy)
    # when
    response = client.get(reverse("api:person", args=[authority.restricted_child.pk]))
    # then
    body = json.loads(response.content)
    assert (body["current_address"], body["current_allocation"]) == (
        None,
        {"team": "North Safeguarding", "worker": None, "started_on": authority.first_allocated_on.isoformat()},
    )


# --- the access log ---------------------------------------------------------------------------------------


def test_each_record_read_through_the_api_is_logged_as_api(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    before = _log()
    path = reverse("api:person", args=[authority.own_child.pk])
    # when
    client.get(path)
    # then
    assert _log() == [
        *before,
        (authority.social_worker.user.pk, authority.own_child.pk, str(authority.own_child.pk), "api", path),
    ]


def test_a_refused_read_is_logged_as_refused(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    before = _log()
    path = reverse("api:person", args=[authority.other_child.pk])
    # when
    client.get(path)
    # then
    assert _log() == [
        *before,
        (authority.social_worker.user.pk, authority.other_child.pk, str(authority.other_child.pk), "refused", path),
    ]


def test_lists_write_no_access_log_rows(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.screener)
    before = _log()
    # when
    client.get(reverse("api:people"))
    client.get(reverse("api:children"), {"q": "Ava"})
    # then
    assert _log() == before


# --- authentication ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["api:people", "api:children", "api:schema"])
def test_without_credentials_the_api_answers_401_in_json_and_never_redirects(
    authority: Authority, client: Client, name: str
) -> None:
    # given
    before = _log()
    # when
    response = client.get(reverse(name), HTTP_ACCEPT="application/json")
    # then
    assert (response.status_code, response["WWW-Authenticate"], response["Content-Type"]) == (
        401,
        "Token",
        "application/json",
    )
    assert json.loads(response.content) == {"detail": "Authentication credentials were not provided."}
    assert _log() == before


def test_a_detail_without_credentials_is_401_and_logs_nothing(authority: Authority, client: Client) -> None:
    # given
    before = _log()
    # when
    response = client.get(reverse("api:person", args=[authority.own_child.pk]))
    # then
    assert response.status_code == 401
    assert _log() == before


def test_a_browser_session_without_the_second_factor_is_refused(authority: Authority, client: Client) -> None:
    # given
    client.force_login(authority.social_worker.user)  # password only
    before = _log()
    # when
    listed = client.get(reverse("api:people"))
    fetched = client.get(reverse("api:person", args=[authority.own_child.pk]))
    # then
    assert (listed.status_code, fetched.status_code) == (403, 403)
    assert json.loads(listed.content) == {
        "detail": "Complete two-factor sign-in before using the API from a browser session."
    }
    assert _log() == before


def test_a_token_issued_by_an_administrator_is_accepted_without_a_second_factor(
    authority: Authority, client: Client
) -> None:
    # given
    call_command("drf_create_token", authority.screener.user.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
    key = Token.objects.get(user=authority.screener.user).key
    # when
    response = client.get(reverse("api:children"), HTTP_AUTHORIZATION=f"Token {key}")
    # then
    assert (response.status_code, _names(response)) == (200, ["Leo Brennan", "Ava Thompson"])


def test_a_wrong_token_is_401(authority: Authority, client: Client) -> None:
    # given
    wrong = "0" * 40
    # when
    response = client.get(reverse("api:people"), HTTP_AUTHORIZATION=f"Token {wrong}")
    # then
    assert (response.status_code, json.loads(response.content)) == (401, {"detail": "Invalid token."})


# --- the schema and its documentation --------------------------------------------------------------------------


def test_the_schema_is_valid_openapi_3_with_the_people_paths(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    as_json = client.get(reverse("api:schema"), {"format": "json"})
    as_yaml = client.get(reverse("api:schema"))
    # then
    document = json.loads(as_json.content)
    validate_schema(document)
    assert document["openapi"].startswith("3.")
    assert sorted(document["paths"]) == ["/api/children/", "/api/people/", "/api/people/{id}/"]
    assert yaml.safe_load(as_yaml.content) == document


def test_the_docs_page_lists_every_path_with_its_parameters_and_response_schemas(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.get(reverse("api:docs"))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert [(operation["method"], operation["path"]) for operation in response.context["operations"]] == [
        ("GET", "/api/children/"),
        ("GET", "/api/people/"),
        ("GET", "/api/people/{id}/"),
    ]
    detail = response.context["operations"][2]
    assert (detail["summary"], [parameter["name"] for parameter in detail["parameters"]]) == (
        "Read one person's record",
        ["id"],
    )
    assert [(response["status"], response["schemas"]) for response in detail["responses"]] == [
        ("200", ["PersonDetail"]),
        ("401", []),
        ("403", []),
        ("404", []),
    ]
    assert [response["schemas"] for response in response.context["operations"][1]["responses"]] == [
        ["PaginatedPersonSummaryList"],
        [],
        [],
    ]
    assert "<code>/api/people/{id}/</code>" in html
    assert 'id="schema-PersonDetail"' in html
    assert "<script>" not in html


def test_the_docs_page_sends_a_signed_out_browser_to_sign_in(authority: Authority, client: Client) -> None:
    # given
    docs = reverse("api:docs")
    # when
    response = client.get(docs)
    # then
    assert (response.status_code, response["Location"]) == (302, f"{reverse('access:sign_in')}?next={docs}")


def test_the_docs_page_sends_a_session_without_the_second_factor_to_two_factor(
    authority: Authority, client: Client
) -> None:
    # given
    client.force_login(authority.social_worker.user)
    docs = reverse("api:docs")
    # when
    response = client.get(docs)
    # then
    assert (response.status_code, response["Location"]) == (302, f"{reverse('access:two_factor')}?next={docs}")
