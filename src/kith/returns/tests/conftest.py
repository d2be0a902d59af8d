"""Fixtures for the returns page and the data-quality view: the shared synthetic authority on 1 November 2027.

Not autouse: the SSDA903 and CIN census tests beside these replay stories on their own dates. The
page's tests ask for ``on_1_november_2027``. On that day the collection year under way is 2027-28
(from 1 April 2027), and the latest Kith holds is 2026-27.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.children_in_care.actions import end_period_of_care
from kith.people.actions import PersonDetails, add_person
from kith.people.identifiers import upn_check_letter
from kith.people.models import Person
from kith.returns import kinds
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember, Team
from kith.workforce.tests.fixtures import Authority, add_staff, authority, sign_in  # noqa: F401 - shared fixtures
from tests.casework import given_looked_after_child, given_move

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2027, 11, 1, 10, 0, tzinfo=LONDON)
HELD_FROM = date(2027, 1, 4)


@pytest.fixture
def on_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


_serials = iter(range(1, 1000))


def a_upn() -> str:
    """A UPN the census accepts: Hartlepool's LA code (805), a school, the year 2017 and a serial number."""
    last_twelve = f"805123417{next(_serials):03d}"
    return upn_check_letter(last_twelve) + last_twelve


# ``worker`` left out: Priya Shah, the North social worker.
_PRIYA = object()


def a_child(
    council: Authority,
    given_name: str,
    family_name: str,
    *,
    team: Team | None = None,
    worker: object = _PRIYA,
    **details: object,
) -> Person:
    """A child whose record has everything the returns ask for (a 10-year-old girl, White British, with a UPN
    and "no disability" recorded), unless ``details`` says otherwise; held by ``team`` (North) and ``worker``
    (Priya Shah; None for no named worker) since 4 January 2027."""
    values: dict[str, object] = {
        "date_of_birth": date(2017, 5, 1),
        "sex": "F",
        "ethnicity": "WBRI",
        "upn": a_upn(),
        "disabilities": ["NONE"],
        **details,
    }
    child = add_person(
        PersonDetails(kind="child", given_name=given_name, family_name=family_name, **values),  # type: ignore[arg-type]
        by=council.business_support.user,
    )
    held_by = council.social_worker if worker is _PRIYA else worker
    assert held_by is None or isinstance(held_by, StaffMember)
    allocate_case(
        child,
        team=team or council.north,
        worker=held_by,
        reason="Referral accepted",
        started_on=HELD_FROM,
        by=council.front_door_manager.user,
    )
    return child


def a_child_in_care_twice(
    council: Authority, given_name: str, *, moved_in_first_care: bool = True, previous_permanence: str = ""
) -> Person:
    """A child held by Priya Shah from 4 January 2027 (``a_child``), looked after from that day until going
    home on 1 February (after a move on 20 January, unless not ``moved_in_first_care``), and again from
    1 March, moving on the 15th: SW12STG2 fails them whatever worker episodes the return holds
    (kith.returns.unmeetable)."""
    child = a_child(council, given_name, "Oakes")
    worker = council.social_worker
    first = given_looked_after_child(child, worker, on=HELD_FROM, previous_permanence=previous_permanence)
    if moved_in_first_care:
        given_move(first, worker, on=date(2027, 1, 20))
    end_period_of_care(first, ended_on=date(2027, 2, 1), reason_ceased="E4A", by=worker.user)
    again = given_looked_after_child(child, worker, on=date(2027, 3, 1), previous_permanence=previous_permanence)
    given_move(again, worker, on=date(2027, 3, 15))
    return child


def a_list_as_at_a_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """A return as at a day, as Annex A will be: one entry in the registry, and no validator."""

    def build(as_at: date) -> kinds.Built:
        return kinds.Built(file_name=f"list_{as_at.isoformat()}.csv", content=b"CHILD\n", children=0, rows=0)

    kind = kinds.ReturnKind(
        code="a_list",
        title="A list",
        content_type="text/csv",
        build=build,
        validate=None,
        ruleset=lambda as_at: "",
        describes_file="a CSV file",
        period=kinds.Period.DAY,
    )
    monkeypatch.setitem(kinds.KINDS, kind.code, kind)
