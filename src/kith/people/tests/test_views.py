"""The people pages: search, adding a person, the record, changing details, the chronology."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client

from kith.people.actions import add_warning, change_person_details
from kith.people.forms import PersonForm
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from tests.factories import given_allocated_child, given_child, given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _frozen_today() -> Any:
    with time_machine.travel("2026-11-20 10:00 +00:00", tick=False):
        yield


@pytest.fixture
def screener() -> StaffMember:
    return given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind="front_door"))


def _new_child_form(**overrides: str) -> dict[str, str]:
    form = {
        "kind": "child",
        "given_name": "Maisie",
        "family_name": "Thornbury",
        "date_of_birth_day": "4",
        "date_of_birth_month": "6",
        "date_of_birth_year": "2016",
        "sex": "F",
        "gender_identity": "not_known",
        "ethnicity": "WBRI",
        "religion": "christian",
        "immigration_status": "british_citizen",
        "first_language": "English",
    }
    form.update(overrides)
    return form


def test_adding_a_child_records_them_and_opens_their_record(client: Client, screener: StaffMember) -> None:
    # given a front-door screener
    browser = signed_in_client(client, screener)

    # when they add a child with an address
    response = browser.post(
        "/people/new/",
        _new_child_form(line_1="2 Elm Walk", town="Hartlepool", postcode="ts26 9aa", nhs_number="943 476 5919"),
    )

    # then the child is recorded with the details normalised, and their record opens
    child = Person.objects.get(family_name="Thornbury")
    assert response.status_code == 302
    assert response["Location"] == f"/people/{child.pk}/"
    assert (child.given_name, child.date_of_birth, child.nhs_number, child.ethnicity, child.religion) == (
        "Maisie",
        date(2016, 6, 4),
        "9434765919",
        "WBRI",
        "christian",
    )
    assert child.residences.get().address.postcode == "TS26 9AA"


@pytest.mark.parametrize(
    ("_case", "overrides", "field", "message"),
    [
        (
            "nhs number check digit",
            {"nhs_number": "943 476 5918"},
            "nhs_number",
            "Enter a valid NHS number: the last digit does not match the check digit",
        ),
        (
            "nhs number length",
            {"nhs_number": "12345"},
            "nhs_number",
            "Enter an NHS number with 10 digits, like 943 476 5919",
        ),
        (
            "upn check letter",
            {"upn": "A801200005001"},
            "upn",
            "Enter a valid UPN: the first letter does not match the check letter",
        ),
        (
            "postcode",
            {"line_1": "2 Elm Walk", "town": "Hartlepool", "postcode": "XX1"},
            "postcode",
            "Enter a real UK postcode, like TS24 7AA",
        ),
        (
            "birth in the future",
            {"date_of_birth_year": "2027"},
            "date_of_birth",
            "Date of birth must be today or in the past",
        ),
        (
            "birth before 1900",
            {"date_of_birth_year": "1899"},
            "date_of_birth",
            "Date of birth must be after 1 January 1900",
        ),
        (
            "impossible date",
            {"date_of_birth_day": "31", "date_of_birth_month": "2"},
            "date_of_birth",
            "Date of birth must be a real date",
        ),
        (
            "expected birth in the past",
            {
                "date_of_birth_day": "",
                "date_of_birth_month": "",
                "date_of_birth_year": "",
                "sex": "U",
                "expected_date_of_birth_day": "1",
                "expected_date_of_birth_month": "1",
                "expected_date_of_birth_year": "2026",
            },
            "expected_date_of_birth",
            "Expected date of birth must be today or in the future",
        ),
        ("no name", {"given_name": ""}, "given_name", "Enter first name"),
        (
            "half an address",
            {"line_1": "2 Elm Walk"},
            "town",
            "Enter the town or city, or leave the whole address blank",
        ),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_is_kept(
    client: Client, screener: StaffMember, _case: str, overrides: dict[str, str], field: str, message: str
) -> None:
    # given a screener filling in the form
    browser = signed_in_client(client, screener)
    people_before = Person.objects.count()

    # when they submit a mistake
    response = browser.post("/people/new/", _new_child_form(**overrides))

    # then the page explains it beside the field, keeps what they typed, and adds no one
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert 'value="Thornbury"' in response.content.decode()
    assert Person.objects.count() == people_before


def test_a_likely_duplicate_is_shown_before_anyone_is_added(client: Client, screener: StaffMember) -> None:
    # given a child already in Kith
    existing = given_child(by=screener, given_name="Maisie", family_name="Thornbury", date_of_birth=date(2016, 6, 4))
    browser = signed_in_client(client, screener)

    # when the screener adds a child with a near-identical name and the same date of birth
    response = browser.post("/people/new/", _new_child_form(given_name="Maisy"))

    # then the existing record is offered to check, and nobody is added yet
    page = response.content.decode()
    assert response.status_code == 200
    assert [candidate.person for candidate in response.context["duplicates"]] == [existing]
    assert f'href="/people/{existing.pk}/"' in page
    assert Person.objects.filter(family_name="Thornbury").count() == 1

    # when they confirm that none of the records is this child
    confirmed = browser.post(
        "/people/new/",
        {**_new_child_form(given_name="Maisy"), "reviewed": str(existing.pk), "none_are_the_same": "yes"},
    )

    # then the new child is added
    assert confirmed.status_code == 302
    assert Person.objects.filter(family_name="Thornbury").count() == 2


def test_a_possible_duplicate_the_user_cannot_see_blocks_adding(client: Client) -> None:
    # given a child held by another team, and a social worker who cannot see that child
    given_allocated_child(given_name="Maisie", family_name="Thornbury", date_of_birth=date(2016, 6, 4))
    worker = given_staff(Role.SOCIAL_WORKER)
    browser = signed_in_client(client, worker)

    # when the worker tries to add the same child, even claiming to have checked
    response = browser.post("/people/new/", {**_new_child_form(), "none_are_the_same": "yes"})

    # then they are told a match exists that they cannot see, and nobody is added
    assert response.status_code == 200
    assert response.context["hidden_duplicates"] == 1
    assert "1 possible match is in records you cannot see." in response.content.decode()
    assert Person.objects.filter(family_name="Thornbury").count() == 1


def test_someone_elses_save_is_never_overwritten(client: Client) -> None:
    # given a worker who opened the child's details at version 1
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(
        worker=worker, given_name="Maisie", family_name="Thornbury", date_of_birth=date(2016, 6, 4)
    )
    browser = signed_in_client(client, worker)
    opened = browser.get(f"/people/{child.pk}/details/")
    assert opened.context["version"] == 1

    # and a colleague who saves a change first
    colleague_form = PersonForm(data={**_new_child_form(), "first_language": "Welsh", "disabilities": []})
    assert colleague_form.is_valid(), colleague_form.errors
    change_person_details(child, colleague_form.details(), by=worker.user, version=1)

    # when the worker saves their own edit made from version 1
    response = browser.post(
        f"/people/{child.pk}/details/", {**_new_child_form(), "first_language": "Polish", "version": "1"}
    )

    # then nothing of theirs is saved, the page says why, and what they typed is still there
    child.refresh_from_db()
    assert response.status_code == 200
    assert child.first_language == "Welsh"
    assert "Someone else saved changes to this record while you were editing" in response.content.decode()
    assert 'value="Polish"' in response.content.decode()
    assert response.context["version"] == 2


@pytest.mark.requirement("R-001")
def test_the_chronology_shows_when_it_happened_who_recorded_it_and_when(client: Client) -> None:
    # given a worker who records, today, an address move that happened a month ago
    worker = given_staff(Role.SOCIAL_WORKER, full_name="Priya Testworker")
    child = given_allocated_child(worker=worker)
    browser = signed_in_client(client, worker)
    browser.post(
        f"/people/{child.pk}/address/new/",
        {
            "line_1": "9 Rowan Close",
            "town": "Hartlepool",
            "postcode": "TS24 9QQ",
            "moved_in_on_day": "20",
            "moved_in_on_month": "10",
            "moved_in_on_year": "2026",
        },
    )

    # when the chronology is read with all events
    response = browser.get(f"/people/{child.pk}/chronology/", {"show": "all"})

    # then the move shows the date it happened, who recorded it, when, and that it was entered late
    moved = CaseEvent.objects.get(children=child, event_type="people.address_changed")
    page = response.content.decode()
    assert (moved.occurred_on, moved.recorded_by, moved.entered_late) == (date(2026, 10, 20), worker.user, True)
    assert "Moved to 9 Rowan Close, Hartlepool, TS24 9QQ" in page
    assert "20 October 2026" in page
    assert "Recorded by Priya Testworker on 20 November 2026" in page
    assert "Entered later than it happened" in page


@pytest.mark.requirement("R-006")
def test_the_chronology_shows_key_events_by_default(client: Client) -> None:
    # given an allocated child (added: standard event; allocated: key event)
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    browser = signed_in_client(client, worker)

    # when the worker opens the chronology without filters, and then asks for all events
    key_only = browser.get(f"/people/{child.pk}/chronology/")
    everything = browser.get(f"/people/{child.pk}/chronology/", {"show": "all"})

    # then the concise chronology has the key event only; the full one has both
    assert [event.event_type for event, _title in key_only.context["events"]] == ["workforce.case_allocated"]
    assert [event.event_type for event, _title in everything.context["events"]] == [
        "workforce.case_allocated",
        "people.person_added",
    ]


def test_printing_the_chronology_is_logged_as_a_print(client: Client) -> None:
    # given an allocated child
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    browser = signed_in_client(client, worker)

    # when the worker opens the printable chronology
    response = browser.get(f"/people/{child.pk}/chronology/print/")

    # then it renders, and the access log records a print
    assert response.status_code == 200
    assert list(AccessLogEntry.objects.filter(person=child).values_list("what", flat=True)) == ["print"]


@pytest.mark.requirement("R-008")
@pytest.mark.requirement("R-023")
@pytest.mark.requirement("R-025")
@pytest.mark.requirement("R-026")
def test_the_case_summary_shows_identity_allocation_and_family(client: Client) -> None:
    # given a child with their identity recorded
    worker = given_staff(Role.SOCIAL_WORKER, full_name="Priya Testworker")
    child = given_allocated_child(
        worker=worker,
        given_name="Zofia",
        ethnicity="WOTH",
        religion="christian",
        first_language="Polish",
        interpreter_needed=True,
        community="Polish Catholic community around St Joseph's",
        disabilities=["HEAR"],
    )
    browser = signed_in_client(client, worker)

    # when the worker opens the record
    response = browser.get(f"/people/{child.pk}/")

    # then the summary shows who the child is and who holds the case
    page = response.content.decode()
    for text in (
        "Any other White background",
        "Christian",
        "Polish, needs an interpreter",
        "Polish Catholic community around St Joseph&#x27;s",
        "Hearing",
        "Allocated to <strong>Priya Testworker</strong>",
        "Interpreter: Polish",
    ):
        assert text in page


def test_a_long_chronology_is_read_a_hundred_events_at_a_time_and_printed_whole(client: Client) -> None:
    # given a child with 105 events: added, allocated, and 103 warnings recorded
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    for number in range(103):
        add_warning(child, kind="other", details=f"Synthetic note {number}", by=worker.user)
    browser = signed_in_client(client, worker)

    # when the worker reads all events, page by page, and prints them
    first = browser.get(f"/people/{child.pk}/chronology/", {"show": "all"})
    second = browser.get(f"/people/{child.pk}/chronology/", {"show": "all", "page": "2"})
    printed = browser.get(f"/people/{child.pk}/chronology/print/", {"show": "all"})

    # then the pages hold 100 and 5, the first links to the older events, and the print has all 105
    assert (len(first.context["events"]), len(second.context["events"]), len(printed.context["events"])) == (
        100,
        5,
        105,
    )
    assert 'href="?show=all&amp;page=2" rel="next"' in first.content.decode()
    assert "Page 2 of 2 (105 events)" in second.content.decode()


@pytest.mark.parametrize(
    ("_case", "death", "message"),
    [
        ("before birth", ("1", "1", "2015"), "Date of death must be the same as or after the date of birth"),
        ("in the future", ("1", "1", "2027"), "Date of death must be today or in the past"),
    ],
)
def test_a_date_of_death_must_fit_the_life(
    client: Client, _case: str, death: tuple[str, str, str], message: str
) -> None:
    # given a worker changing the details of a child born in 2016
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(
        worker=worker, given_name="Maisie", family_name="Thornbury", date_of_birth=date(2016, 6, 4)
    )
    browser = signed_in_client(client, worker)
    day, month, year = death

    # when they record a date of death that cannot be right
    form = {
        **_new_child_form(),
        "date_of_death_day": day,
        "date_of_death_month": month,
        "date_of_death_year": year,
        "version": "1",
    }
    response = browser.post(f"/people/{child.pk}/details/", form)

    # then the form says why and nothing is saved
    child.refresh_from_db()
    assert response.context["form"].errors["date_of_death"] == [message]
    assert child.date_of_death is None
