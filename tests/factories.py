"""Builders of test state, shared by every suite: ``from tests.factories import given_child``.

State is built through the real actions (``add_person``, ``allocate_case``) and
``kith.workforce.administration``, never with ``Model.objects.create``, so test set-up
cannot drift from what the service does. All data is synthetic: names, streets and
towns come from Faker (en_GB); NHS numbers are in the 999 range NHS England keeps for
testing, with a correct modulus 11 check digit.

Builders take a ``StaffMember`` or a ``User`` wherever an actor is needed.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from faker import Faker

from kith.people.actions import AddressDetails, PersonDetails, add_person
from kith.people.codes import PersonKind
from kith.people.identifiers import InvalidIdentifier, nhs_check_digit, normalise_postcode, upn_check_letter
from kith.people.models import Person
from kith.people.queries import likely_duplicates
from kith.platform import clock
from kith.platform.access.models import User
from kith.platform.access.roles import Role
from kith.platform.reference.dfe import Sex
from kith.workforce import administration
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember, Team, TeamKind

fake = Faker("en_GB")

# Every account made by these builders signs in with this (synthetic) password.
TEST_PASSWORD = "synthetic-Pa55word-for-tests"
SYNTHETIC_NHS_PREFIX = "999"

_serial = itertools.count(1)
_issued_nhs_numbers: set[str] = set()
# How many random names to try before giving up on avoiding a likely duplicate.
_NAME_ATTEMPTS = 50


# -- identifiers -----------------------------------------------------------------------------


def synthetic_nhs_number() -> str:
    """A valid NHS number (999 xxx xxxx, reserved for testing), different on every call."""
    while True:
        first_nine = f"{SYNTHETIC_NHS_PREFIX}{fake.random_int(0, 999_999):06d}"
        check = nhs_check_digit(first_nine)
        number = f"{first_nine}{check}"
        if check is not None and number not in _issued_nhs_numbers:
            _issued_nhs_numbers.add(number)
            return number


def synthetic_upn(*, temporary: bool = False) -> str:
    """A UPN with a correct check letter; a temporary UPN ends in a letter instead of a digit."""
    body = f"{fake.random_int(0, 10**11 - 1):011d}"
    last = fake.random_element("ABCDEFGHJKLMNPQRTUVWXYZ") if temporary else str(fake.random_digit())
    return f"{upn_check_letter(body + last)}{body}{last}"


def synthetic_postcode() -> str:
    """A postcode of the right shape, normalised as the forms store it."""
    while True:
        try:
            return normalise_postcode(fake.postcode())
        except InvalidIdentifier:
            continue


def given_address_details(**overrides: str) -> AddressDetails:
    values = {
        "line_1": f"{fake.building_number()} {fake.street_name()}",
        "town": fake.city(),
        "postcode": synthetic_postcode(),
        **overrides,
    }
    return AddressDetails(**values)


# -- teams and staff ---------------------------------------------------------------------------


def given_team(name: str | None = None, kind: str = TeamKind.SAFEGUARDING, parent: Team | None = None) -> Team:
    """A team (or a service when ``kind`` is SERVICE), beneath ``parent`` when given."""
    label = TeamKind(kind).label
    return administration.add_team(name=name or f"{fake.city()} {label} {next(_serial)}", kind=kind, parent=parent)


def given_staff(
    role: str = Role.SOCIAL_WORKER,
    team: Team | None = None,
    *,
    full_name: str | None = None,
    username: str | None = None,
    job_title: str = "",
    caseload_limit: int | None = None,
) -> StaffMember:
    """A member of staff with a sign-in account (password ``TEST_PASSWORD``), in a new team unless given."""
    full_name = full_name or f"{fake.first_name()} {fake.last_name()}"
    serial = next(_serial)
    handle = "".join(
        character for character in full_name.lower().replace(" ", ".") if character.isalnum() or character == "."
    )
    return administration.add_staff_member(
        username=username or f"{handle}.{serial}",
        password=TEST_PASSWORD,
        full_name=full_name,
        role=role,
        team=team or given_team(),
        job_title=job_title or Role(role).label,
        email=f"staff{serial}@example.org",
        caseload_limit=caseload_limit,
    )


# -- people ------------------------------------------------------------------------------------


def given_child(
    by: StaffMember | User | None = None,
    *,
    address: AddressDetails | None = None,
    moved_in_on: date | None = None,
    reviewed_duplicates: Collection[int] = (),
    **details: Any,
) -> Person:
    """A child added through ``add_person``; ``details`` are any ``PersonDetails`` fields.

    Unnamed details are synthetic, and the name is chosen so that the duplicate check
    finds nobody: a test that wants a duplicate gives the name and date of birth itself.
    Without ``by`` the child is added by a new front-door screener.
    """
    return _given_person(PersonKind.CHILD, by, address, moved_in_on, reviewed_duplicates, details)


def given_adult(
    by: StaffMember | User | None = None,
    *,
    address: AddressDetails | None = None,
    moved_in_on: date | None = None,
    reviewed_duplicates: Collection[int] = (),
    **details: Any,
) -> Person:
    """An adult (a parent, carer, household member) added through ``add_person``."""
    return _given_person(PersonKind.ADULT, by, address, moved_in_on, reviewed_duplicates, details)


def given_allocated_child(
    worker: StaffMember | None = None,
    manager: StaffMember | None = None,
    *,
    started_on: date | None = None,
    **details: Any,
) -> Person:
    """A child the manager added and allocated to ``worker`` in the worker's team.

    Without ``worker`` a social worker in a new team is made; without ``manager``, a
    team manager in the worker's team.
    """
    worker = worker or given_staff(Role.SOCIAL_WORKER)
    manager = manager or given_staff(Role.TEAM_MANAGER, worker.team)
    child = given_child(by=manager, **details)
    allocate_case(
        child,
        team=worker.team,
        worker=worker,
        reason="Allocated for a child and family assessment",
        started_on=started_on or clock.today(),
        by=manager.user,
    )
    return child


def given_child_held_by(
    team: Team, *, manager: StaffMember | None = None, started_on: date | None = None, **details: Any
) -> Person:
    """A child held by ``team`` with no named worker yet (unallocated), as the manager decided."""
    manager = manager or given_staff(Role.TEAM_MANAGER, team)
    child = given_child(by=manager, **details)
    allocate_case(
        child,
        team=team,
        worker=None,
        reason="Held in the team until a worker is free",
        started_on=started_on or clock.today(),
        by=manager.user,
    )
    return child


# -- signing in ----------------------------------------------------------------------------------


def signed_in_client(client: Client, user: StaffMember | User) -> Client:
    """Sign ``user`` in and mark the session as past the second factor (tests require MFA)."""
    account = _user(user)
    client.force_login(account)
    device = TOTPDevice.objects.create(user=account, name="Authenticator app (test)", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


# -- helpers -----------------------------------------------------------------------------------


def _user(actor: StaffMember | User) -> User:
    return actor.user if isinstance(actor, StaffMember) else actor


def _given_person(
    kind: str,
    by: StaffMember | User | None,
    address: AddressDetails | None,
    moved_in_on: date | None,
    reviewed_duplicates: Collection[int],
    fixed: dict[str, Any],
) -> Person:
    actor = (
        _user(by)
        if by is not None
        else given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR)).user
    )
    details = _details_without_duplicates(kind, fixed, postcode=address.postcode if address else "")
    return add_person(
        details, by=actor, address=address, moved_in_on=moved_in_on, reviewed_duplicates=reviewed_duplicates
    )


def _details_without_duplicates(kind: str, fixed: dict[str, Any], *, postcode: str) -> PersonDetails:
    details = _random_details(kind, fixed)
    for _ in range(_NAME_ATTEMPTS):
        if not likely_duplicates(
            given_name=details.given_name,
            family_name=details.family_name,
            date_of_birth=details.date_of_birth,
            expected_date_of_birth=details.expected_date_of_birth,
            nhs_number=details.nhs_number,
            postcode=postcode,
        ):
            return details
        details = _random_details(kind, fixed)
    # Only a test that fixed the name on purpose gets here; add_person will then
    # raise PossibleDuplicates, which is what such a test expects.
    return details


def _random_details(kind: str, fixed: dict[str, Any]) -> PersonDetails:
    today = clock.today()
    unborn = fixed.get("expected_date_of_birth") is not None
    sex = fixed.get("sex", Sex.UNKNOWN if unborn else fake.random_element([Sex.MALE, Sex.FEMALE]))
    given_name = fake.first_name_female() if sex == Sex.FEMALE else fake.first_name_male()
    if kind == PersonKind.CHILD:
        born = fake.date_between_dates(today - timedelta(days=17 * 365), today - timedelta(days=1))
    else:
        born = fake.date_between_dates(today - timedelta(days=70 * 365), today - timedelta(days=19 * 365))
    values: dict[str, Any] = {
        "given_name": given_name,
        "family_name": fake.last_name(),
        "date_of_birth": None if unborn else born,
        "sex": sex,
        "nhs_number": synthetic_nhs_number(),
        **fixed,
    }
    return PersonDetails(kind=kind, **values)
