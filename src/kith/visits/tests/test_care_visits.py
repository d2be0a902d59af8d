"""Visits to children in care: recorded in the placement, each meeting the clock running and starting
the next the regulations set (Care Planning Regulations 2010, reg 28)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.platform.access.roles import Role
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.ssda903 import LegalStatus, PlacementType
from kith.platform.timescales.models import Deadline
from kith.visits.actions import record_visit
from kith.visits.models import Visit, VisitUnder
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff, date_fields
from tests.casework import a_placement, given_care_review, given_looked_after_child, given_move

pytestmark = pytest.mark.django_db

IN_CARE_FROM = date(2027, 1, 4)


def _visit(authority: Authority, on: date, **overrides: object) -> Visit:
    values: dict[str, object] = {
        "visited_on": on,
        "where": "At the foster home",
        "child_seen": True,
        "seen_alone": True,
        "spoken_to_alone": True,
        "bedroom_seen": None,
        "why_not_seen": "",
        "observations": "Ava showed me her room and the photos of her brother on the wall.",
        "child_views": "Ava likes her carers and wants to see her brother more.",
        "direct_work": "",
        "analysis": "Ava is settling: sleeping better, eating well.",
        "outcome": "Ask the carers to arrange contact with her brother.",
        "progress": [],
        **overrides,
    }
    return record_visit(authority.own_child, by=authority.social_worker.user, **values)  # type: ignore[arg-type]


def _visit_clocks(period: PeriodOfCare) -> list[tuple[str, date, date, date | None]]:
    return list(
        Deadline.objects.filter(child=period.child, timescale_code__contains="visit")
        .order_by("started_on", "pk")
        .values_list("timescale_code", "started_on", "due_on", "met_on")
    )


@pytest.fixture
def iro(authority: Authority) -> StaffMember:
    return add_staff("Irene Walsh", Role.IRO, authority.service)


def test_a_visit_in_the_first_week_meets_it_and_6_weeks_run_from_it(authority: Authority) -> None:
    # given Ava came into care with foster carers on 4 January 2027
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
    placement = period.placements.get()
    # when her social worker visits her there on 8 January
    visit = _visit(authority, date(2027, 1, 8))
    # then the visit is recorded in her care and placement
    assert (visit.under, visit.period_of_care, visit.placement) == (VisitUnder.CARE, period, placement)
    # and it met the first-week visit, and the next is due within 6 weeks
    assert _visit_clocks(period) == [
        ("children_in_care.visit_first_week", date(2027, 1, 4), date(2027, 1, 11), date(2027, 1, 8)),
        ("children_in_care.visit_first_year", date(2027, 1, 8), date(2027, 2, 19), None),
    ]
    # and the chronology says so
    assert [
        event.summary for event in chronology_of(authority.own_child) if event.event_type == "visits.visit_recorded"
    ] == [
        "Child in care visit (At the foster home): Ava seen alone, spoken to alone. Outcome: Ask the carers "
        "to arrange contact with her brother."
    ]


def test_a_child_placed_with_parents_is_visited_weekly_until_the_first_review_then_as_the_order_says(
    authority: Authority, iro: StaffMember
) -> None:
    # given Ava was placed with her parents under an interim care order on 4 January 2027
    period = given_looked_after_child(
        authority.own_child,
        authority.social_worker,
        on=IN_CARE_FROM,
        legal_status=LegalStatus.INTERIM_CARE_ORDER,
        placement=a_placement(PlacementType.WITH_PARENTS, carer="Kim Thompson (mother)"),
    )
    # when she is visited on 8 January, her first review is held on 29 January and she is visited on 1 February
    _visit(authority, date(2027, 1, 8), where="At home")
    given_care_review(period, iro, on=date(2027, 1, 29))
    _visit(authority, date(2027, 2, 1), where="At home")
    # then weekly visits ran until the review, and every 4 weeks from the first visit after it
    assert _visit_clocks(period) == [
        ("children_in_care.visit_first_week", date(2027, 1, 4), date(2027, 1, 11), date(2027, 1, 8)),
        ("children_in_care.visit_weekly_until_first_review", date(2027, 1, 8), date(2027, 1, 15), date(2027, 2, 1)),
        ("children_in_care.visit_connected_person_after_first_review", date(2027, 2, 1), date(2027, 3, 1), None),
    ]


def test_a_visit_not_seeing_the_child_leaves_the_clock_running(authority: Authority) -> None:
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
    _visit(
        authority,
        date(2027, 1, 8),
        child_seen=False,
        seen_alone=False,
        spoken_to_alone=False,
        why_not_seen="Ava was at a school trip; the carers had not been told of the visit.",
        child_views="",
    )
    assert _visit_clocks(period) == [
        ("children_in_care.visit_first_week", date(2027, 1, 4), date(2027, 1, 11), None),
    ]


def test_a_visit_entered_late_in_an_earlier_placement_is_kept_there_and_leaves_the_clocks_alone(
    authority: Authority,
) -> None:
    # given Ava moved to new carers on 1 February 2027, and was visited there on 3 February
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
    first = period.placements.get()
    _visit(authority, date(2027, 1, 8))
    second = given_move(period, authority.social_worker, on=date(2027, 2, 1))
    _visit(authority, date(2027, 2, 3))
    # when a visit of 22 January, in her first placement, is entered late
    late = _visit(authority, date(2027, 1, 22))
    # then it belongs to the first placement, and the second placement's clock still runs from 3 February
    assert late.placement == first
    assert _visit_clocks(period)[-1] == ("children_in_care.visit_first_year", date(2027, 2, 3), date(2027, 3, 17), None)
    assert [
        (d.timescale_code, d.subject_id)
        for d in Deadline.objects.filter(
            child=period.child, met_on=None, cancelled_on=None, timescale_code__contains="visit"
        )
    ] == [("children_in_care.visit_first_year", str(second.pk))]


def test_the_visit_form_for_a_child_in_care_records_the_visit_in_her_placement(
    authority: Authority, sign_in: Callable[[StaffMember], Client]
) -> None:
    # given Ava came into care with foster carers on 4 January 2027
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)
    client = sign_in(authority.social_worker)
    url = reverse("visits:record_visit", args=[authority.own_child.pk])
    # when her social worker opens the form
    page = client.get(url).content.decode()
    # then it says what the visit is under and when it is due
    assert "Under the period of care that started on 4 January 2027." in page
    assert "The next visit is due <strong>11 January 2027</strong> (every 1 week)." in page
    # and when the visit is recorded, it is kept in her placement
    response = client.post(
        url,
        {
            **date_fields("visited_on", date(2027, 1, 8)),
            "where": "At the foster home",
            "child_seen": "yes",
            "seen_alone": "yes",
            "spoken_to_alone": "yes",
            "observations": "Ava showed me her room.",
            "child_views": "Ava likes her carers.",
            "direct_work": "",
            "analysis": "Ava is settling.",
            "outcome": "Next visit within six weeks.",
        },
    )
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert (visit.period_of_care, visit.placement) == (period, period.placements.get())
