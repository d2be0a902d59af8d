"""The care pages: becoming looked after, a move, a change of legal status, leaving care, the placement
plan and notifications, and the care history; refusals keep what was typed, forbidden pages are 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kith.children_in_care.actions import agree_placement_plan, record_placement_notification
from kith.children_in_care.models import Episode, PeriodOfCare, PlacementNotification, PlacementPlan
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.quality.actions import record_management_decision
from kith.quality.models import DecisionKind, ManagementDecision
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows
from tests.casework import a_placement, given_looked_after_child, given_move

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]
IN_CARE_FROM = date(2027, 2, 1)


@pytest.fixture(autouse=True)
def _today_is_15_february_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(date(2027, 2, 15), tick=False)


@pytest.fixture
def period(authority: Authority) -> PeriodOfCare:
    """Ava, looked after since 1 February 2027 with in-house foster carers."""
    return given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)


@pytest.fixture
def decision(authority: Authority) -> ManagementDecision:
    return record_management_decision(
        authority.own_child,
        kind=DecisionKind.ENTRY_TO_CARE,
        decision="Ava should be accommodated",
        rationale="Her mother is in hospital and no relative can care for her",
        decided_on=date(2027, 2, 15),
        by=authority.team_manager.user,
    )


def _clock(period: PeriodOfCare, code: str) -> tuple[date, date | None]:
    deadline = Deadline.objects.get(child=period.child, timescale_code=code)
    return deadline.due_on, deadline.met_on


def _placement_post(**overrides: str) -> dict[str, str]:
    return {
        "placement_type": "U6",
        "provider": "PR1",
        "carer": "Sam and Alex Rowley",
        "postcode": "TS24 8AB",
        "home_postcode": "TS25 4DY",
        "in_area": "yes",
        "planned": "yes",
        **overrides,
    }


@pytest.mark.requirement("R-101")
def test_the_placement_plan_and_the_notifications_meet_their_clocks(authority: Authority, period: PeriodOfCare) -> None:
    placement = period.placements.get()
    by = authority.social_worker.user
    agree_placement_plan(
        placement,
        agreed_on=date(2027, 2, 3),
        arrangements="Ava keeps her school; the carers take her",
        delegated_authority="Haircuts, school trips, sleepovers with checked friends",
        child_views="Ava likes her room",
        by=by,
    )
    record_placement_notification(
        placement,
        notified_on=date(2027, 2, 2),
        recipients="Ava, her mother, the GP, the school and the IRO",
        health_team_notified_on=date(2027, 2, 4),
        by=by,
    )
    # five working days from 1 February: 8 February; each was met on its own date
    assert _clock(period, "children_in_care.placement_plan") == (date(2027, 2, 8), date(2027, 2, 3))
    assert _clock(period, "children_in_care.placement_notification") == (date(2027, 2, 8), date(2027, 2, 4))
    recorded = [e.event_type for e in chronology_of(period.child) if e.event_type.startswith("children_in_care.")]
    assert sorted(recorded) == [
        "children_in_care.became_looked_after",
        "children_in_care.placement_notified",
        "children_in_care.placement_plan_agreed",
    ]


@pytest.mark.requirement("R-101")
def test_an_out_of_area_placement_is_not_notified_until_the_health_team_and_the_host_council_are_told(
    authority: Authority,
) -> None:
    period = given_looked_after_child(
        authority.own_child,
        authority.social_worker,
        on=IN_CARE_FROM,
        placement=a_placement(in_area=False, host_authority="Stockton-on-Tees"),
    )
    with pytest.raises(RuleBroken) as refused:
        record_placement_notification(
            period.placements.get(),
            notified_on=date(2027, 2, 2),
            recipients="Ava, her mother, the GP",
            health_team_notified_on=None,
            by=authority.social_worker.user,
        )
    assert refused.value.problems == {
        "health_team_notified_on": ["Enter the date the looked-after children's health team was told"],
        "host_authority_notified_on": ["The placement is in Stockton-on-Tees: enter the date that council was told"],
    }
    assert PlacementNotification.objects.count() == 0


def test_a_social_worker_records_becoming_looked_after_on_the_managers_decision(
    authority: Authority,
    sign_in: SignIn,
    decision: ManagementDecision,
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("children_in_care:enter_care", args=[authority.own_child.pk])
    form = {
        "decision": str(decision.pk),
        **date_fields("started_on", date(2027, 2, 15)),
        "route": "voluntary",
        "legal_status": "V2",
        "category_of_need": "N1",
        "reason_for_care": "Her mother is in hospital for several months",
        "previous_permanence": "Z1",
        "alternatives_considered": "",
        **_placement_post(),
    }
    # when the reason alternatives were considered is left out, nothing is saved and what was typed stays
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "alternatives_considered": ["Say what was tried or considered before care"]
    }
    assert 'value="Sam and Alex Rowley"' in refused.content.decode()
    assert PeriodOfCare.objects.count() == 0
    # when it is given, Ava is looked after from that day, and the care history shows it
    done = client.post(url, form | {"alternatives_considered": "Her aunt was asked and cannot care for her"})
    assert done.status_code == 302
    assert done.url == reverse("children_in_care:care_history", args=[authority.own_child.pk])
    period = PeriodOfCare.objects.get()
    assert (period.started_on, period.decision, period.placements.get().carer) == (
        date(2027, 2, 15),
        decision,
        "Sam and Alex Rowley",
    )
    history = client.get(done.url).content.decode()
    assert table_rows(history, f"episodes-{period.pk}") == [["15 February 2027", "S", "V2", "U6", "N1", "", ""]]


def test_a_move_and_a_care_order_through_the_pages_leave_the_903_episodes(
    authority: Authority,
    sign_in: SignIn,
    period: PeriodOfCare,
) -> None:
    client = sign_in(authority.social_worker)
    moved = client.post(
        reverse("children_in_care:move", args=[period.pk]),
        {
            **date_fields("moved_on", date(2027, 2, 10)),
            "reason_for_change": "CARPL",
            "planned_move": "yes",
            **_placement_post(carer="Dorota Carrow (aunt)", placement_type="U3"),
        },
    )
    assert moved.status_code == 302
    changed = client.post(
        reverse("children_in_care:legal_status", args=[period.pk]),
        {**date_fields("changed_on", date(2027, 2, 12)), "legal_status": "C1"},
    )
    assert changed.status_code == 302
    assert list(
        Episode.objects.filter(period=period)
        .order_by("started_on")
        .values_list("started_on", "reason_new_episode", "legal_status", "ended_on", "reason_ceased")
    ) == [
        (date(2027, 2, 1), "S", "V2", date(2027, 2, 10), "X1"),
        (date(2027, 2, 10), "P", "V2", date(2027, 2, 12), "X1"),
        (date(2027, 2, 12), "L", "C1", None, ""),
    ]


def test_leaving_care_through_the_page(authority: Authority, sign_in: SignIn, period: PeriodOfCare) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("children_in_care:end_care", args=[period.pk]),
        {**date_fields("ended_on", date(2027, 2, 14)), "reason_ceased": "E13"},
    )
    assert response.status_code == 302
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ceased) == (date(2027, 2, 14), "E13")


def test_the_placement_plan_page_keeps_what_was_typed_when_refused(
    authority: Authority,
    sign_in: SignIn,
    period: PeriodOfCare,
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("children_in_care:placement_plan", args=[period.placements.get().pk])
    refused = client.post(
        url,
        {**date_fields("agreed_on", date(2027, 2, 3)), "arrangements": "School run by the carers", "child_views": ""},
    )
    assert refused.context["form"].errors == {
        "delegated_authority": ["Say what the carer may decide without asking"],
        "child_views": ["Record the child's views on the placement, or how they were sought"],
    }
    assert "School run by the carers" in refused.content.decode()
    assert PlacementPlan.objects.count() == 0


def test_the_care_history_shows_each_placement_and_the_stability(
    authority: Authority,
    sign_in: SignIn,
    period: PeriodOfCare,
) -> None:
    given_move(period, authority.social_worker, on=date(2027, 2, 10))
    page = sign_in(authority.social_worker).get(reverse("children_in_care:care_history", args=[authority.own_child.pk]))
    html = page.content.decode()
    assert [row[:4] for row in table_rows(html, f"placements-{period.pk}")] == [
        [
            "10 February 2027",
            "Now",
            "U6: Other foster carer: not long-term or foster for adoption",
            "Jo Kaur (in-house foster carer)",
        ],
        [
            "1 February 2027",
            "10 February 2027",
            "U6: Other foster carer: not long-term or foster for adoption",
            "Sam and Alex Rowley (in-house foster carers)",
        ],
    ]
    assert "2 placements in the last 12 months (temporary moves left out); 5 days in the current placement." in html


@pytest.mark.parametrize("page", ["move", "legal_status", "end_care"])
def test_a_worker_whose_scope_does_not_reach_the_child_gets_not_found(
    authority: Authority,
    sign_in: SignIn,
    period: PeriodOfCare,
    page: str,
) -> None:
    client = sign_in(authority.south_worker)
    assert client.get(reverse(f"children_in_care:{page}", args=[period.pk])).status_code == 404
    assert client.get(reverse("children_in_care:enter_care", args=[authority.own_child.pk])).status_code == 404
    assert client.get(reverse("children_in_care:care_history", args=[authority.own_child.pk])).status_code == 404
