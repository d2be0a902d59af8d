"""allocate_case: the manager's decision, the history it keeps and the event it writes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kith.platform import clock
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.actions import allocate_case
from kith.workforce.models import Allocation
from kith.workforce.queries import allocation_history
from kith.workforce.tests.fixtures import Authority
from tests.factories import given_child, given_staff, given_team

pytestmark = pytest.mark.django_db


def _allocations() -> list[tuple[int, int, int | None, object, object]]:
    return list(
        Allocation.objects.order_by("pk").values_list("child_id", "team_id", "worker_id", "started_on", "ended_on")
    )


def test_a_new_allocation_ends_the_current_one_on_its_start_date_and_keeps_the_history(authority: Authority) -> None:
    # given
    child = authority.own_child
    moved_on = clock.today() - timedelta(days=2)
    # when
    allocate_case(
        child,
        team=authority.north,
        worker=authority.colleague,
        reason="Priya Shah is on long-term leave",
        started_on=moved_on,
        by=authority.team_manager.user,
    )
    # then
    history = list(
        allocation_history(child).values_list("worker__full_name", "started_on", "ended_on", "decided_by__full_name")
    )
    assert history == [
        ("Oliver Grant", moved_on, None, "Tom Hughes"),
        ("Priya Shah", authority.first_allocated_on, moved_on, "Gita Patel"),
    ]


def test_allocating_writes_a_key_case_allocated_event_naming_the_worker_and_the_manager(authority: Authority) -> None:
    # given
    child = authority.own_child
    moved_on = clock.today() - timedelta(days=1)
    # when
    allocation = allocate_case(
        child,
        team=authority.north,
        worker=authority.colleague,
        reason="Knows the family from a previous assessment",
        started_on=moved_on,
        by=authority.team_manager.user,
    )
    # then
    event = CaseEvent.objects.get(event_type="workforce.case_allocated", subject_id=str(allocation.pk))
    assert (event.summary, event.occurred_on, event.significance, event.recorded_by, list(event.children.all())) == (
        "Allocated to Oliver Grant, North Safeguarding by Tom Hughes: Knows the family from a previous assessment",
        moved_on,
        "key",
        authority.team_manager.user,
        [child],
    )


def test_allocating_to_the_team_with_no_named_worker_says_so_in_the_event(authority: Authority) -> None:
    # given
    child = authority.own_child
    # when
    allocation = allocate_case(
        child,
        team=authority.north,
        worker=None,
        reason="Worker leaving",
        started_on=clock.today(),
        by=authority.team_manager.user,
    )
    # then
    event = CaseEvent.objects.get(event_type="workforce.case_allocated", subject_id=str(allocation.pk))
    assert event.summary == "Allocated to North Safeguarding (no named worker yet) by Tom Hughes: Worker leaving"


def test_a_worker_from_another_team_is_refused_with_a_message_for_the_worker_field(authority: Authority) -> None:
    # given
    before = _allocations()
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        allocate_case(
            authority.own_child,
            team=authority.north,
            worker=authority.south_worker,
            reason="Cover",
            started_on=clock.today(),
            by=authority.service_manager.user,
        )
    # then
    assert refused.value.problems == {"worker": ["Sam Okafor is not an active member of North Safeguarding"]}
    assert _allocations() == before
    assert CaseEvent.objects.count() == events_before


def test_a_start_date_in_the_future_is_refused(authority: Authority) -> None:
    # given
    before = _allocations()
    # when
    with pytest.raises(RuleBroken) as refused:
        allocate_case(
            authority.own_child,
            team=authority.north,
            worker=authority.colleague,
            reason="Planned handover",
            started_on=clock.today() + timedelta(days=1),
            by=authority.team_manager.user,
        )
    # then
    assert refused.value.problems == {"started_on": ["Date of allocation must be today or in the past"]}
    assert _allocations() == before


def test_a_start_date_before_the_current_allocation_began_is_refused(authority: Authority) -> None:
    # given
    before = _allocations()
    too_early = authority.first_allocated_on - timedelta(days=1)
    # when
    with pytest.raises(RuleBroken) as refused:
        allocate_case(
            authority.own_child,
            team=authority.north,
            worker=authority.colleague,
            reason="Backdated",
            started_on=too_early,
            by=authority.team_manager.user,
        )
    # then
    began = authority.first_allocated_on
    assert refused.value.problems == {
        "started_on": [
            f"Date of allocation must be on or after {began.day} {began:%B %Y}, when the current allocation began"
        ]
    }
    assert _allocations() == before


def test_a_social_worker_may_not_allocate(authority: Authority) -> None:
    # given
    before = _allocations()
    # when
    with pytest.raises(NotAllowed):
        allocate_case(
            authority.own_child,
            team=authority.north,
            worker=authority.colleague,
            reason="Swap",
            started_on=clock.today(),
            by=authority.social_worker.user,
        )
    # then
    assert _allocations() == before


def test_a_child_cannot_be_allocated_to_someone_without_a_caseload() -> None:
    # given a front-door manager and a performance analyst in a team
    front_door_manager = given_staff(Role.TEAM_MANAGER, given_team(kind="front_door"))
    team = given_team()
    analyst = given_staff(Role.PERFORMANCE_ANALYST, team, full_name="Imran Testanalyst")
    child = given_child(by=front_door_manager)

    # when the manager tries to allocate the child to the analyst
    with pytest.raises(RuleBroken) as refused:
        allocate_case(
            child, team=team, worker=analyst, reason="Test", started_on=clock.today(), by=front_door_manager.user
        )

    # then the reason says why and the child stays unallocated
    assert refused.value.problems == {"worker": ["Children cannot be allocated to a performance analyst"]}
    assert child.allocations.count() == 0
