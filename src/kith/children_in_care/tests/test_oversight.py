"""Placements under watch: at risk of breakdown, disruption meetings, placements at a distance,
unregistered provision, and children placed into the area by other councils."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kith.children_in_care.actions import move_placement
from kith.children_in_care.models import PeriodOfCare, Placement, TrackingAction
from kith.children_in_care.oversight import (
    agree_distance_plan,
    complete_tracking_action,
    flag_placement_at_risk,
    hold_disruption_meeting,
    hold_tracking_meeting,
    lift_placement_risk,
    record_inbound_placement,
    record_unregistered_oversight,
)
from kith.children_in_care.queries import record_summary
from kith.children_in_care.rules import PlacementDetails, TrackingItem
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.ssda903 import PlacementProvider, PlacementType
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows
from tests.casework import a_placement, given_looked_after_child

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]
IN_CARE_FROM = date(2027, 2, 1)


@pytest.fixture(autouse=True)
def _today_is_1_march_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(date(2027, 3, 1), tick=False)


@pytest.fixture
def period(authority: Authority) -> PeriodOfCare:
    return given_looked_after_child(authority.own_child, authority.social_worker, on=IN_CARE_FROM)


def _refused(call: Callable[[], object]) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        call()
    return refused.value.problems


@pytest.mark.requirement("R-151")
def test_a_placement_at_risk_is_on_the_list_until_the_flag_is_lifted(
    authority: Authority, period: PeriodOfCare, sign_in: SignIn
) -> None:
    placement = period.placements.get()
    by = authority.social_worker.user
    flag = flag_placement_at_risk(
        placement, flagged_on=date(2027, 2, 20), concerns="Ava is not sleeping", support="Respite weekend", by=by
    )
    assert _refused(
        lambda: flag_placement_at_risk(placement, flagged_on=date(2027, 2, 21), concerns="x", support="y", by=by)
    ) == {"flagged_on": ["The placement is already flagged at risk since 20 February 2027"]}
    page = sign_in(authority.team_manager).get(reverse("children_in_care:at_risk_list")).content.decode()
    assert [row[:3] for row in table_rows(page, "at-risk")] == [
        ["Ava Thompson", "Sam and Alex Rowley (in-house foster carers)", "20 February 2027"]
    ]
    assert sign_in(authority.south_worker).get(reverse("children_in_care:at_risk_list")).context["flags"] == []
    assert _refused(lambda: lift_placement_risk(flag, lifted_on=date(2027, 2, 19), outcome="Better", by=by)) == {
        "lifted_on": ["The flag cannot be lifted (19 February 2027) before it was raised (20 February 2027)"]
    }
    lift_placement_risk(flag, lifted_on=date(2027, 2, 27), outcome="Sleeping again", by=by)
    assert record_summary(period.child)["risk_flag"] is None


@pytest.mark.requirement("R-074")
def test_a_disruption_meeting_follows_an_unplanned_ending_only(authority: Authority, period: PeriodOfCare) -> None:
    by = authority.social_worker.user
    first = period.placements.get()
    move_placement(
        period,
        moved_on=date(2027, 2, 15),
        reason_for_change="CREQB",
        placement=a_placement(carer="Jo Kaur (in-house foster carer)"),
        planned=False,
        by=by,
    )
    first.refresh_from_db()
    assert [p.carer for p in record_summary(period.child)["disruptions_to_review"]] == [first.carer]
    assert _refused(
        lambda: hold_disruption_meeting(
            first,
            held_on=date(2027, 2, 14),
            chair=authority.social_worker,
            attendees="Carers",
            what_happened="Nights out",
            learning="Plan respite earlier",
            by=by,
        )
    ) == {
        "held_on": ["The meeting (14 February 2027) is before the placement ended (15 February 2027)"],
        "chair": ["The chair must be a manager or an independent reviewing officer still in post"],
    }
    hold_disruption_meeting(
        first,
        held_on=date(2027, 2, 22),
        chair=authority.team_manager,
        attendees="Carers",
        what_happened="Nights out",
        learning="Plan respite earlier",
        by=by,
    )
    assert record_summary(period.child)["disruptions_to_review"] == []
    second = Placement.objects.get(period=period, ended_on__isnull=True)
    assert _refused(
        lambda: hold_disruption_meeting(
            second,
            held_on=date(2027, 2, 22),
            chair=authority.team_manager,
            attendees="Carers",
            what_happened="-",
            learning="-",
            by=by,
        )
    ) == {"held_on": ["The placement with Jo Kaur (in-house foster carer) has not ended"]}


@pytest.mark.requirement("R-162")
def test_a_placement_at_a_distance_needs_a_plan_to_return(authority: Authority) -> None:
    period = given_looked_after_child(
        authority.own_child,
        authority.social_worker,
        on=IN_CARE_FROM,
        placement=a_placement(in_area=False, host_authority="Stockton-on-Tees"),
    )
    placement = period.placements.get()
    assert record_summary(period.child)["distance_plan"] is None
    plan = agree_distance_plan(
        placement,
        agreed_on=date(2027, 2, 3),
        reason_for_distance="Her aunt lives there",
        visiting_pattern="Every six weeks",
        return_plan="Stays with her aunt",
        target_return_on=None,
        by=authority.social_worker.user,
    )
    assert record_summary(period.child)["distance_plan"] == plan


def test_a_distance_plan_is_refused_for_a_placement_in_the_area(authority: Authority, period: PeriodOfCare) -> None:
    assert _refused(
        lambda: agree_distance_plan(
            period.placements.get(),
            agreed_on=date(2027, 2, 3),
            reason_for_distance="-",
            visiting_pattern="-",
            return_plan="-",
            target_return_on=date(2027, 2, 3),
            by=authority.social_worker.user,
        )
    ) == {
        "agreed_on": ["The placement with Sam and Alex Rowley (in-house foster carers) is in the council's area"],
        "target_return_on": ["The target date (3 February 2027) must be after the plan (3 February 2027)"],
    }


@pytest.mark.requirement("R-163")
def test_only_a_manager_checks_unregistered_provision(authority: Authority) -> None:
    period = given_looked_after_child(
        authority.own_child,
        authority.social_worker,
        on=IN_CARE_FROM,
        placement=_unregistered_home(),
    )
    placement = period.placements.get()

    def check(by: StaffMember) -> object:
        return record_unregistered_oversight(
            placement,
            checked_on=date(2027, 2, 10),
            safety="Two staff at all times",
            registration_progress="Applied in January",
            next_check_on=date(2027, 2, 24),
            by=by.user,
        )

    with pytest.raises(NotAllowed):
        check(authority.social_worker)
    check(authority.team_manager)
    summary = record_summary(period.child)
    assert (summary["oversight"].checked_by, summary["oversight"].next_check_on) == (
        authority.team_manager,
        date(2027, 2, 24),
    )
    assert [e.event_type for e in chronology_of(period.child)].count("children_in_care.unregistered_oversight") == 1


def _unregistered_home() -> PlacementDetails:
    """A children's home that should be registered with Ofsted and is not."""
    return replace(
        a_placement(PlacementType.CHILDRENS_HOME, carer="Cedar Lodge", provider=PlacementProvider.PRIVATE),
        unregistered=True,
    )


@pytest.mark.requirement("R-161")
def test_a_child_placed_here_by_another_council_is_recorded_but_not_looked_after_here(
    authority: Authority, period: PeriodOfCare
) -> None:
    by = authority.social_worker.user
    assert _refused(
        lambda: record_inbound_placement(
            authority.own_child,
            placing_authority="Durham County Council",
            placed_on=date(2027, 2, 10),
            notified_on=None,
            carer="Sue Pratt",
            postcode="TS26 9DD",
            services="",
            by=by,
        )
    ) == {
        "notified_on": ["Enter the date this council was told"],
        "placed_on": ["Ava Thompson is looked after by this council"],
    }


def test_the_oversight_pages_are_not_found_for_a_worker_whose_scope_does_not_reach_the_child(
    authority: Authority, period: PeriodOfCare, sign_in: SignIn
) -> None:
    placement = period.placements.get()
    client = sign_in(authority.south_worker)
    for name in ("flag_at_risk", "disruption_meeting", "distance_plan", "unregistered_check"):
        assert client.get(reverse(f"children_in_care:{name}", args=[placement.pk])).status_code == 404
    assert client.get(reverse("children_in_care:inbound", args=[authority.own_child.pk])).status_code == 404


@pytest.mark.requirement("R-150")
def test_a_tracking_meeting_agrees_an_action_for_each_child_and_the_list_shows_what_is_not_done(
    authority: Authority, period: PeriodOfCare, sign_in: SignIn
) -> None:
    item = TrackingItem(
        child=authority.own_child,
        discussion="Settled; school attendance dipped",
        action="Ask the virtual school for a PEP meeting",
        owner="Priya Shah",
        due_on=date(2027, 2, 26),
    )
    # a social worker does not chair tracking meetings
    with pytest.raises(NotAllowed):
        hold_tracking_meeting(
            held_on=date(2027, 2, 15), attendees="Team", items=[item], by=authority.social_worker.user
        )
    # a child not in care on the day is refused by name
    with pytest.raises(RuleBroken) as refused:
        hold_tracking_meeting(
            held_on=date(2027, 1, 29),
            attendees="Team",
            items=[replace(item, due_on=date(2027, 1, 28))],
            by=authority.team_manager.user,
        )
    assert refused.value.problems == {
        "item_1": [
            "Row 1: Ava Thompson was not looked after on 29 January 2027",
            "Row 1: the action is due (28 January 2027) before the meeting",
        ]
    }
    meeting = hold_tracking_meeting(
        held_on=date(2027, 2, 15), attendees="Team", items=[item], by=authority.team_manager.user
    )
    client = sign_in(authority.team_manager)
    page = client.get(reverse("children_in_care:tracking_actions")).content.decode()
    assert [row[:4] for row in table_rows(page, "tracking-actions")] == [
        ["Ava Thompson", "Ask the virtual school for a PEP meeting", "Priya Shah", "26 February 2027 Overdue"]
    ]
    agreed = meeting.actions.get()
    complete_tracking_action(agreed, done_on=date(2027, 2, 27), by=authority.social_worker.user)
    assert client.get(reverse("children_in_care:tracking_actions")).context["actions"] == []
    assert sorted(
        e.summary for e in chronology_of(authority.own_child) if e.event_type.startswith("children_in_care.tracking")
    ) == [
        "Done: Ask the virtual school for a PEP meeting (late)",
        "Tracking meeting: Ask the virtual school for a PEP meeting (Priya Shah, by 26 February 2027)",
    ]


def test_the_tracking_meeting_page_records_the_rows_filled_in(
    authority: Authority, period: PeriodOfCare, sign_in: SignIn
) -> None:
    client = sign_in(authority.team_manager)
    response = client.post(
        reverse("children_in_care:tracking_meeting"),
        {
            **date_fields("held_on", date(2027, 2, 15)),
            "attendees": "Grace, Priya",
            "child_1": str(authority.own_child.pk),
            "discussion_1": "Settled",
            "action_1": "Book the dentist",
            "owner_1": "The carers",
            **date_fields("due_on_1", date(2027, 3, 1)),
        },
    )
    assert response.status_code == 302
    assert list(TrackingAction.objects.values_list("child", "action")) == [(authority.own_child.pk, "Book the dentist")]
