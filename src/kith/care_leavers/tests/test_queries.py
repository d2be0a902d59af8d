"""Reading leaving care: short breaks do not count towards eligibility, and the Case work panel stays cheap."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_django import DjangoAssertNumQueries

from kith.care_leavers.eligibility import CareLeaverStatus
from kith.care_leavers.models import LeavingCareSupport
from kith.care_leavers.queries import care_spells, record_summary, status_of
from kith.children_in_care.models import EntryRoute
from kith.people.models import Person
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db


def test_short_breaks_do_not_count_towards_the_13_weeks(authority: Authority, kai: Person) -> None:
    # given Kai on a series of short breaks since 2 June 2025 (reg 40(2))
    given_looked_after_child(
        kai, authority.social_worker, on=date(2025, 6, 2), legal_status="V3", route=EntryRoute.SHORT_BREAKS
    )
    # then none of it is counted, and he is not eligible at 17
    assert (care_spells(kai), status_of(kai, on=date(2027, 10, 1)).status) == (
        [],
        CareLeaverStatus.NOT_A_CARE_LEAVER,
    )


def test_the_panel_of_a_young_person_with_support_costs_a_handful_of_queries(
    kai: Person, support: LeavingCareSupport, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    # Eight for the leaving care work, and one each for the health passport, the choice after 21 and the
    # virtual school's last review of education or work.
    with django_assert_max_num_queries(11):
        summary = record_summary(kai)
    assert (summary["shown"], summary["status"].status, summary["needs_assessment_due"].due_on) == (
        True,
        CareLeaverStatus.ELIGIBLE,
        date(2026, 12, 15),
    )


def test_a_child_under_16_costs_no_query(
    authority: Authority, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    child = authority.own_child
    with django_assert_num_queries(0):
        assert record_summary(child) == {"shown": False}
