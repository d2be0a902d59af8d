"""A small synthetic authority, built through the real actions, and signing in with a verified session.

Shared by the workforce, quality and API tests (their conftest files import the fixtures).
Every name here is made up.

The authority::

    Children's Social Care (service)     Helen Marsh, service manager
    ├── North Safeguarding               Priya Shah and Oliver Grant, social workers;
    │                                    Tom Hughes and Dana Reid, team managers
    ├── South Safeguarding               Sam Okafor, social worker
    ├── Front Door (MASH)                Fran Lee, screener; Gita Patel, manager; Bea Collins, business support
    └── Performance and Systems          Alex Kim, performance analyst; Ivan Novak, system administrator

    own_child         Ava Thompson (6)   North Safeguarding, Priya Shah
    other_child       Leo Brennan (9)    South Safeguarding, Sam Okafor
    restricted_child  Maya Clarke (3)    North Safeguarding, no named worker; restricted by Dana Reid
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kith.people.actions import PersonDetails, add_person, restrict_record
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.roles import Role
from kith.workforce.actions import allocate_case
from kith.workforce.administration import add_staff_member, add_team
from kith.workforce.models import StaffMember, Team, TeamKind

PASSWORD = "synthetic-passphrase-for-tests"
FIRST_ALLOCATED_DAYS_AGO = 30


@dataclass(frozen=True)
class Authority:
    service: Team
    north: Team
    south: Team
    front_door: Team
    performance: Team
    social_worker: StaffMember
    colleague: StaffMember
    team_manager: StaffMember
    north_deputy: StaffMember
    service_manager: StaffMember
    south_worker: StaffMember
    screener: StaffMember
    front_door_manager: StaffMember
    business_support: StaffMember
    analyst: StaffMember
    administrator: StaffMember
    own_child: Person
    other_child: Person
    restricted_child: Person

    @property
    def first_allocated_on(self) -> date:
        return clock.today() - timedelta(days=FIRST_ALLOCATED_DAYS_AGO)


def add_staff(name: str, role: str, team: Team, **extra: Any) -> StaffMember:
    username = name.lower().replace(" ", ".")
    return add_staff_member(username=username, password=PASSWORD, full_name=name, role=role, team=team, **extra)


def add_child(
    given: str, family: str, *, by: StaffMember, aged: int | None = None, due_in_days: int | None = None
) -> Person:
    """A child born on 1 January ``aged`` years ago (so exactly ``aged`` today), or unborn."""
    today = clock.today()
    details = PersonDetails(
        kind="child",
        given_name=given,
        family_name=family,
        date_of_birth=date(today.year - aged, 1, 1) if aged is not None else None,
        expected_date_of_birth=today + timedelta(days=due_in_days) if due_in_days is not None else None,
    )
    return add_person(details, by=by.user)


def build_authority() -> Authority:
    service = add_team(name="Children's Social Care", kind=TeamKind.SERVICE)
    north = add_team(name="North Safeguarding", kind=TeamKind.SAFEGUARDING, parent=service)
    south = add_team(name="South Safeguarding", kind=TeamKind.SAFEGUARDING, parent=service)
    front_door = add_team(name="Front Door (MASH)", kind=TeamKind.FRONT_DOOR, parent=service)
    performance = add_team(name="Performance and Systems", kind=TeamKind.QUALITY_ASSURANCE, parent=service)

    social_worker = add_staff("Priya Shah", Role.SOCIAL_WORKER, north, caseload_limit=18)
    colleague = add_staff("Oliver Grant", Role.SOCIAL_WORKER, north)
    team_manager = add_staff("Tom Hughes", Role.TEAM_MANAGER, north)
    north_deputy = add_staff("Dana Reid", Role.TEAM_MANAGER, north)
    service_manager = add_staff("Helen Marsh", Role.SERVICE_MANAGER, service)
    south_worker = add_staff("Sam Okafor", Role.SOCIAL_WORKER, south)
    screener = add_staff("Fran Lee", Role.FRONT_DOOR_SCREENER, front_door)
    front_door_manager = add_staff("Gita Patel", Role.TEAM_MANAGER, front_door)
    business_support = add_staff("Bea Collins", Role.BUSINESS_SUPPORT, front_door)
    analyst = add_staff("Alex Kim", Role.PERFORMANCE_ANALYST, performance)
    administrator = add_staff("Ivan Novak", Role.SYSTEM_ADMINISTRATOR, performance)

    # The front door adds children and passes them to the teams that will work with them.
    started = clock.today() - timedelta(days=FIRST_ALLOCATED_DAYS_AGO)
    own_child = add_child("Ava", "Thompson", aged=6, by=business_support)
    other_child = add_child("Leo", "Brennan", aged=9, by=business_support)
    restricted_child = add_child("Maya", "Clarke", aged=3, by=business_support)
    for child, team, worker in (
        (own_child, north, social_worker),
        (other_child, south, south_worker),
        (restricted_child, north, None),
    ):
        allocate_case(
            child,
            team=team,
            worker=worker,
            reason="Referral accepted for assessment",
            started_on=started,
            by=front_door_manager.user,
        )
    restrict_record(restricted_child, reason="A relative works in the North team", by=north_deputy.user)

    return Authority(
        service=service,
        north=north,
        south=south,
        front_door=front_door,
        performance=performance,
        social_worker=social_worker,
        colleague=colleague,
        team_manager=team_manager,
        north_deputy=north_deputy,
        service_manager=service_manager,
        south_worker=south_worker,
        screener=screener,
        front_door_manager=front_door_manager,
        business_support=business_support,
        analyst=analyst,
        administrator=administrator,
        own_child=own_child,
        other_child=other_child,
        restricted_child=restricted_child,
    )


@pytest.fixture
def authority(db: None) -> Authority:
    return build_authority()


@pytest.fixture
def sign_in(client: Client) -> Callable[[StaffMember], Client]:
    """Sign a staff member in with a session that has passed the second factor (KITH_REQUIRE_MFA is on)."""

    def signed_in(staff: StaffMember) -> Client:
        client.force_login(staff.user)
        device = TOTPDevice.objects.create(user=staff.user, name="Authenticator app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return signed_in


def date_fields(name: str, value: date) -> dict[str, str]:
    """A date as the three GOV.UK date boxes post it."""
    return {f"{name}_day": str(value.day), f"{name}_month": str(value.month), f"{name}_year": str(value.year)}


class _PageReader(HTMLParser):
    """Collects the body rows of tables and the rows of summary lists, by element id."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.summaries: dict[str, dict[str, str]] = {}
        self._table: str | None = None
        self._summary: str | None = None
        self._in_body = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._key: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and found.get("id"):
            self._table = found["id"]
            self.tables[self._table] = []
        elif tag == "dl" and found.get("id"):
            self._summary = found["id"]
            self.summaries[self._summary] = {}
        elif tag == "tbody" and self._table:
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self._row = []
        elif tag in {"td", "th", "dt", "dd"} and (self._row is not None or self._summary):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "dt" and self._summary and self._cell is not None:
            self._key = " ".join("".join(self._cell).split())
            self._cell = None
        elif tag == "dd" and self._summary and self._cell is not None and self._key is not None:
            self.summaries[self._summary][self._key] = " ".join("".join(self._cell).split())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._table = None
        elif tag == "dl":
            self._summary = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str, table_id: str) -> list[list[str]]:
    """The text of each body cell of the table with ``table_id``, row by row (whitespace collapsed)."""
    reader = _PageReader()
    reader.feed(html)
    return reader.tables[table_id]


def summary_list(html: str, list_id: str) -> dict[str, str]:
    """The keys and values of the GOV.UK summary list with ``list_id``."""
    reader = _PageReader()
    reader.feed(html)
    return reader.summaries[list_id]
