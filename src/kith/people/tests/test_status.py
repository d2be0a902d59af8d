"""The child banner says where the case stands and what is due next, on every page of the record."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client

from kith.people.status import NextDue, casework_status
from kith.platform.access.roles import Role
from tests.casework import given_cin_plan, given_cp_plan, given_referral
from tests.factories import given_allocated_child, given_staff, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_today() -> Any:
    with time_machine.travel("2027-01-20 10:00 +00:00", tick=False):
        yield


def test_a_child_with_no_open_work_has_nothing_in_their_status() -> None:
    # given
    child = given_allocated_child()
    # when
    status = casework_status(child)
    # then
    assert status == {
        "referral_since": None,
        "cp_plan_since": None,
        "cp_plan_category": None,
        "cin_plan_since": None,
        "next_due": None,
    }


def test_the_status_names_the_open_plan_its_category_and_the_soonest_deadline() -> None:
    # given a child on a child protection plan since 13 January 2027: the first core group and a visit are
    # both due on 27 January, the core group's clock started first
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    referral = given_referral(child, worker, on=date(2027, 1, 4))
    given_cp_plan(referral, worker, on=date(2027, 1, 13))
    # when
    status = casework_status(child)
    # then
    assert status == {
        "referral_since": date(2027, 1, 4),
        "cp_plan_since": date(2027, 1, 13),
        "cp_plan_category": "Neglect",
        "cin_plan_since": None,
        "next_due": NextDue("First core group meeting", date(2027, 1, 27)),
    }


def test_every_page_of_the_record_shows_the_plan_and_what_is_due_next(client: Client) -> None:
    # given a child on a child in need plan whose visit is overdue
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker, date_of_birth=date(2019, 3, 2))
    referral = given_referral(child, worker, on=date(2026, 11, 2))
    given_cin_plan(referral, worker, on=date(2026, 11, 9))
    browser = signed_in_client(client, worker)
    # when
    pages = [browser.get(f"/people/{child.pk}/{page}").content.decode() for page in ("", "chronology/", "due/")]
    # then
    for page in pages:
        assert "Child in need plan since 9 November 2026" in page
        assert "Next: Child in need visit overdue since 7 December 2026" in page
