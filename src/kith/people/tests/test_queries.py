"""Likely duplicates, searching for people and households derived from addresses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.db.models import QuerySet

from kith.people.access import people_visible_to
from kith.people.actions import add_other_name, move_to_address
from kith.people.codes import NameKind, PersonKind
from kith.people.models import Person
from kith.people.queries import LikelyDuplicate, household_of, likely_duplicates, search_people
from kith.platform import clock
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember, TeamKind
from tests.factories import (
    given_address_details,
    given_adult,
    given_allocated_child,
    given_child,
    given_staff,
    given_team,
    synthetic_nhs_number,
)

pytestmark = pytest.mark.django_db

BORN = date(2016, 5, 9)


def _screener() -> StaffMember:
    return given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))


def _added_by(staff: StaffMember) -> QuerySet[Person]:
    """The people this test added: searches stay exact whatever else is in the database."""
    return Person.objects.filter(added_by=staff.user)


# -- likely duplicates -----------------------------------------------------------------------------


def test_same_date_of_birth_and_a_similar_name_is_a_likely_duplicate() -> None:
    # given
    olivia = given_child(given_name="Olivia", family_name="Thompson", date_of_birth=BORN)
    # when
    found = likely_duplicates(given_name="Olivia", family_name="Thomson", date_of_birth=BORN)
    # then
    assert found == [LikelyDuplicate(person=olivia, score=97, reasons=("name 97% alike", "same date of birth"))]


def test_same_nhs_number_is_always_a_likely_duplicate_whatever_the_name() -> None:
    # given
    number = synthetic_nhs_number()
    ava = given_child(given_name="Ava", family_name="Fairbairn", nhs_number=number)
    # when
    found = likely_duplicates(given_name="Completely", family_name="Different", nhs_number=number)
    # then
    assert found == [LikelyDuplicate(person=ava, score=0, reasons=("name 0% alike", "same NHS number"))]


def test_a_different_child_at_the_same_postcode_is_not_offered() -> None:
    # given Ava Smith lives at the address
    home = given_address_details(postcode="TS24 7AA")
    given_child(given_name="Ava", family_name="Smith", address=home)
    # when a worker adds Jo Smith, who lives there too
    found = likely_duplicates(given_name="Jo", family_name="Smith", postcode="TS24 7AA")
    # then
    assert found == []


def test_a_similar_name_at_the_same_postcode_is_offered() -> None:
    # given
    home = given_address_details(postcode="TS24 7AA")
    ava = given_child(given_name="Ava", family_name="Smith", address=home)
    # when
    found = likely_duplicates(given_name="Ava", family_name="Smyth", postcode="TS24 7AA")
    # then
    assert found == [LikelyDuplicate(person=ava, score=90, reasons=("name 90% alike", "lived at the same postcode"))]


def test_a_former_name_is_matched() -> None:
    # given Mia Walker was known as Mia Robinson
    screener = _screener()
    mia = given_child(by=screener, given_name="Mia", family_name="Walker", date_of_birth=BORN)
    add_other_name(mia, kind=NameKind.FORMER, given_name="Mia", family_name="Robinson", by=screener.user)
    # when
    found = likely_duplicates(given_name="Mia", family_name="Robinson", date_of_birth=BORN)
    # then
    assert found == [LikelyDuplicate(person=mia, score=100, reasons=("name 100% alike", "same date of birth"))]


def test_given_and_family_names_swapped_are_matched() -> None:
    # given
    mia = given_child(given_name="Mia", family_name="Walker", date_of_birth=BORN)
    # when
    found = likely_duplicates(given_name="Walker", family_name="Mia", date_of_birth=BORN)
    # then
    assert found == [LikelyDuplicate(person=mia, score=100, reasons=("name 100% alike", "same date of birth"))]


def test_the_same_name_born_on_another_day_and_living_elsewhere_is_not_offered() -> None:
    # given
    given_child(given_name="Olivia", family_name="Thompson", date_of_birth=BORN)
    # when
    found = likely_duplicates(given_name="Olivia", family_name="Thompson", date_of_birth=BORN + timedelta(days=1))
    # then
    assert found == []


def test_a_shared_nhs_number_comes_before_a_closer_name() -> None:
    # given
    number = synthetic_nhs_number()
    same_number = given_child(given_name="Leo", family_name="Hartley", nhs_number=number, date_of_birth=BORN)
    same_name = given_child(
        given_name="Olivia", family_name="Thompson", date_of_birth=BORN, reviewed_duplicates=[same_number.pk]
    )
    # when
    found = likely_duplicates(given_name="Olivia", family_name="Thompson", date_of_birth=BORN, nhs_number=number)
    # then
    assert [candidate.person for candidate in found] == [same_number, same_name]


# -- search ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "text"),
    [
        ("start of the family name", "Fairb"),
        ("start of the given name", "Ave"),
        ("both names, any case", "avery fair"),
        ("family name misspelt", "Fairburn"),
        ("given name misspelt", "Avary"),
    ],
)
def test_search_by_name(_case: str, text: str) -> None:
    # given
    screener = _screener()
    avery = given_child(by=screener, given_name="Avery", family_name="Fairbairn")
    given_child(by=screener, given_name="Noah", family_name="Okonkwo")
    # when
    found = search_people(_added_by(screener), text=text)
    # then
    assert list(found) == [avery]


def test_search_by_a_former_name() -> None:
    # given
    screener = _screener()
    mia = given_child(by=screener, given_name="Mia", family_name="Walker")
    add_other_name(mia, kind=NameKind.FORMER, given_name="Mia", family_name="Robinson", by=screener.user)
    # when
    found = search_people(_added_by(screener), text="Robinson")
    # then
    assert list(found) == [mia]


def test_search_by_preferred_name() -> None:
    # given
    screener = _screener()
    kit = given_child(by=screener, given_name="Christopher", family_name="Dunmore", preferred_name="Kit")
    # when
    found = search_people(_added_by(screener), text="Kit")
    # then
    assert list(found) == [kit]


@pytest.mark.parametrize(
    ("_case", "as_typed"),
    [
        ("Kith ID", lambda person: person.kith_id),
        ("Kith ID in lower case", lambda person: person.kith_id.lower()),
        ("the number alone", lambda person: str(person.pk)),
        ("NHS number with spaces", lambda person: person.nhs_number_display),
        ("NHS number with dashes", lambda person: person.nhs_number_display.replace(" ", "-")),
        ("NHS number as ten digits", lambda person: person.nhs_number),
    ],
)
def test_search_by_identifier(_case: str, as_typed: Callable[[Person], str]) -> None:
    # given
    wanted = given_child()
    given_child()
    # when
    found = search_people(Person.objects.all(), text=as_typed(wanted))
    # then
    assert list(found) == [wanted]


def test_kith_id_is_k_and_seven_digits() -> None:
    # given
    child = given_child()
    # when / then
    assert child.kith_id == f"K{child.pk:07d}"


def test_search_by_date_of_birth_alone() -> None:
    # given
    screener = _screener()
    born_that_day = given_child(by=screener, date_of_birth=BORN)
    given_child(by=screener, date_of_birth=BORN + timedelta(days=1))
    # when
    found = search_people(_added_by(screener), date_of_birth=BORN)
    # then
    assert list(found) == [born_that_day]


def test_search_by_name_and_date_of_birth() -> None:
    # given
    screener = _screener()
    older = given_child(by=screener, given_name="Avery", family_name="Fairbairn", date_of_birth=BORN)
    given_child(by=screener, given_name="Avery", family_name="Fairbairn", date_of_birth=date(2019, 1, 2))
    # when
    found = search_people(_added_by(screener), text="Fairbairn", date_of_birth=BORN)
    # then
    assert list(found) == [older]


def test_search_by_kind() -> None:
    # given
    screener = _screener()
    given_child(by=screener, given_name="Jordan", family_name="Pickering")
    parent = given_adult(by=screener, given_name="Jordan", family_name="Pickering")
    # when
    found = search_people(_added_by(screener), text="Pickering", kind=PersonKind.ADULT)
    # then
    assert list(found) == [parent]


def test_search_with_nothing_to_search_for_finds_nobody() -> None:
    # given
    given_child()
    # when
    found = search_people(Person.objects.all(), text="   ")
    # then
    assert list(found) == []


@pytest.mark.parametrize(
    ("_case", "as_typed"),
    [
        ("by name", lambda person: person.family_name),
        ("by Kith ID", lambda person: person.kith_id),
        ("by NHS number", lambda person: person.nhs_number_display),
    ],
)
def test_search_never_returns_people_outside_those_the_user_may_see(
    _case: str, as_typed: Callable[[Person], str]
) -> None:
    # given a child held by another team
    worker = given_staff(Role.SOCIAL_WORKER)
    given_allocated_child(worker=worker)
    elsewhere = given_allocated_child(given_name="Avery", family_name="Fairbairn")
    # when the worker searches for that child
    found = search_people(people_visible_to(worker.user), text=as_typed(elsewhere))
    # then
    assert list(found) == []


# -- households ---------------------------------------------------------------------------------


def test_household_is_everyone_living_at_the_address_on_the_day() -> None:
    # given
    home = given_address_details()
    long_ago = clock.today() - timedelta(days=400)
    child = given_child(address=home, moved_in_on=long_ago)
    mother = given_adult(address=home, moved_in_on=long_ago)
    given_adult(address=given_address_details(), moved_in_on=long_ago)
    # when
    household = household_of(child, on=clock.today())
    # then
    assert household == [mother]


def test_household_leaves_out_someone_who_moved_in_later() -> None:
    # given
    home = given_address_details()
    today = clock.today()
    child = given_child(address=home, moved_in_on=today - timedelta(days=400))
    given_adult(address=home, moved_in_on=today - timedelta(days=10))
    # when
    household = household_of(child, on=today - timedelta(days=100))
    # then
    assert household == []


def test_household_leaves_out_someone_who_has_moved_away() -> None:
    # given the child's mother lived with them, then moved out ten days ago
    screener = _screener()
    home = given_address_details()
    today = clock.today()
    child = given_child(by=screener, address=home, moved_in_on=today - timedelta(days=400))
    mother = given_adult(by=screener, address=home, moved_in_on=today - timedelta(days=400))
    move_to_address(mother, given_address_details(), by=screener.user, moved_in_on=today - timedelta(days=10))
    # when
    household_now = household_of(child, on=today)
    household_before = household_of(child, on=today - timedelta(days=100))
    # then
    assert (household_now, household_before) == ([], [mother])
