"""Starting, meeting, restarting and closing clocks, and reading deadlines back.

These platform tests use the child as the clock's subject; an area's own actions
use the record the clock belongs to (the strategy discussion, the plan, the placement).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.roles import Role
from kith.platform.chronology.record import record_event
from kith.platform.timescales.clocks import (
    ClockAlreadyRunning,
    ClockMetBeforeItStarted,
    close_clocks_for,
    meet_clock,
    start_clock,
)
from kith.platform.timescales.engine import DeadlineStatus, status_on
from kith.platform.timescales.models import Deadline, LocalStandard
from kith.platform.timescales.queries import deadlines_for_children, open_deadlines_for_child, with_status
from tests.factories import given_child, given_staff

pytestmark = pytest.mark.django_db

ICPC = "child_protection.initial_conference"
FIRST_REVIEW = "children_in_care.first_review"


@pytest.fixture
def child() -> Person:
    return given_child()


def _rows(child: Person) -> list[tuple[str, date, date, date | None, date | None, str]]:
    return list(
        Deadline.objects.filter(child=child)
        .order_by("pk")
        .values_list("timescale_code", "started_on", "due_on", "met_on", "cancelled_on", "cancel_reason")
    )


def test_starting_a_clock_stores_the_due_date_and_why(child: Person) -> None:
    # given a strategy discussion on Friday 18 December 2026
    # when
    deadline = start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # then
    assert (
        deadline.timescale_code,
        deadline.timescale_effective_from,
        deadline.child,
        deadline.subject,
        deadline.started_on,
        deadline.due_on,
        deadline.explanation,
    ) == (
        ICPC,
        date(2023, 12, 15),
        child,
        child,
        date(2026, 12, 18),
        date(2027, 1, 13),
        "Due 13 January 2027: 15 working days after the strategy discussion on 18 December 2026, "
        "not counting 25 December, 28 December and 1 January.",
    )


def test_a_clock_uses_the_councils_local_standard(child: Person) -> None:
    # given a council standard of 10 working days to the initial conference
    LocalStandard.objects.create(
        timescale_code=ICPC,
        limit_kind="working_days",
        limit_number=10,
        reason="Partnership agreement",
        set_by=given_staff(Role.SYSTEM_ADMINISTRATOR).user,
        set_at=clock.now(),
    )
    # when
    deadline = start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # then
    assert (deadline.due_on, deadline.explanation) == (
        date(2027, 1, 6),
        "Due 6 January 2027: 10 working days after the strategy discussion on 18 December 2026, "
        "not counting 25 December, 28 December and 1 January. "
        "This is the council's local standard; the statutory limit is 15 working days.",
    )


def test_a_new_strategy_discussion_restarts_the_conference_clock(child: Person) -> None:
    # given a conference clock started by a strategy discussion on 18 December 2026
    start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # when a second strategy discussion is held on 4 January 2027
    start_clock(ICPC, child=child, subject=child, started_on=date(2027, 1, 4))
    # then
    assert _rows(child) == [
        (ICPC, date(2026, 12, 18), date(2027, 1, 13), None, date(2027, 1, 4), "restarted"),
        (ICPC, date(2027, 1, 4), date(2027, 1, 25), None, None, ""),
    ]


def test_a_clock_that_does_not_restart_cannot_be_started_twice(child: Person) -> None:
    # given
    start_clock(FIRST_REVIEW, child=child, subject=child, started_on=date(2026, 12, 14))
    before = _rows(child)
    # when
    with pytest.raises(ClockAlreadyRunning):
        start_clock(FIRST_REVIEW, child=child, subject=child, started_on=date(2026, 12, 21))
    # then
    assert _rows(child) == before


def test_meeting_a_clock_records_the_day_and_the_event(child: Person) -> None:
    # given
    start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    event = record_event(
        "people.details_changed",
        children=[child],
        by=given_staff(Role.SOCIAL_WORKER).user,
        summary="Conference held",
        occurred_on=date(2027, 1, 12),
    )
    # when
    met = meet_clock(ICPC, subject=child, met_on=date(2027, 1, 12), event=event)
    # then
    assert met is not None
    assert (met.met_on, met.met_by_event, met.status_on(date(2027, 1, 20))) == (
        date(2027, 1, 12),
        event,
        DeadlineStatus.MET_IN_TIME,
    )


def test_meeting_a_clock_that_is_not_running_changes_nothing(child: Person) -> None:
    # given no clock
    # when
    met = meet_clock(ICPC, subject=child, met_on=date(2027, 1, 12))
    # then
    assert (met, _rows(child)) == (None, [])


def test_a_clock_cannot_be_met_before_it_started(child: Person) -> None:
    # given
    start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    before = _rows(child)
    # when
    with pytest.raises(ClockMetBeforeItStarted):
        meet_clock(ICPC, subject=child, met_on=date(2026, 12, 17))
    # then
    assert _rows(child) == before


def test_closing_a_subject_cancels_its_open_clocks_only(child: Person) -> None:
    # given two clocks running and one already met
    start_clock(FIRST_REVIEW, child=child, subject=child, started_on=date(2026, 12, 14))
    start_clock("children_in_care.pep_completed", child=child, subject=child, started_on=date(2026, 12, 14))
    start_clock("children_in_care.pep_started", child=child, subject=child, started_on=date(2026, 12, 14))
    meet_clock("children_in_care.pep_started", subject=child, met_on=date(2026, 12, 21))
    # when
    closed = close_clocks_for(child, on=date(2027, 1, 8), reason="ceased to be looked after")
    # then
    assert closed == 2
    assert _rows(child) == [
        (FIRST_REVIEW, date(2026, 12, 14), date(2027, 1, 14), None, date(2027, 1, 8), "ceased to be looked after"),
        (
            "children_in_care.pep_completed",
            date(2026, 12, 14),
            date(2027, 1, 14),
            None,
            date(2027, 1, 8),
            "ceased to be looked after",
        ),
        ("children_in_care.pep_started", date(2026, 12, 14), date(2026, 12, 30), date(2026, 12, 21), None, ""),
    ]


def test_a_restart_leaves_row_history(child: Person) -> None:
    # given
    first = start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # when
    start_clock(ICPC, child=child, subject=child, started_on=date(2027, 1, 4))
    # then
    history = Deadline.pgh_event_model.objects.filter(pgh_obj=first).order_by("pgh_id")  # type: ignore[attr-defined]
    assert list(history.values_list("pgh_label", "cancel_reason")) == [("insert", ""), ("update", "restarted")]


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"due_on": date(2026, 12, 17)}, "deadline_due_on_or_after_start"),
        ({"met_on": date(2026, 12, 17)}, "deadline_met_on_or_after_start"),
        ({"met_on": date(2027, 1, 5), "cancelled_on": date(2027, 1, 5)}, "deadline_not_both_met_and_cancelled"),
    ],
)
def test_the_database_refuses_an_impossible_deadline(child: Person, changes: dict[str, date], constraint: str) -> None:
    # given
    deadline = start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # when
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Deadline.objects.filter(pk=deadline.pk).update(**changes)
    # then
    assert _rows(child) == [(ICPC, date(2026, 12, 18), date(2027, 1, 13), None, None, "")]


def test_the_database_refuses_a_second_open_clock_for_the_same_subject(child: Person) -> None:
    # given
    deadline = start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))
    # when
    with pytest.raises(IntegrityError, match="one_open_deadline_per_timescale_and_subject"), transaction.atomic():
        Deadline.objects.create(
            timescale_code=ICPC,
            timescale_effective_from=deadline.timescale_effective_from,
            child=child,
            subject_type=deadline.subject_type,
            subject_id=deadline.subject_id,
            started_on=date(2027, 1, 4),
            due_on=date(2027, 1, 25),
            explanation="",
            created_at=clock.now(),
        )
    # then
    assert Deadline.objects.filter(child=child).count() == 1


def test_open_deadlines_for_a_child_are_the_running_clocks_soonest_first(child: Person) -> None:
    # given
    start_clock(FIRST_REVIEW, child=child, subject=child, started_on=date(2026, 12, 14))
    start_clock("children_in_care.pep_started", child=child, subject=child, started_on=date(2026, 12, 14))
    start_clock("children_in_care.care_plan", child=child, subject=child, started_on=date(2026, 12, 14))
    meet_clock("children_in_care.care_plan", subject=child, met_on=date(2026, 12, 15))
    other = given_child()
    start_clock(ICPC, child=other, subject=other, started_on=date(2026, 12, 18))
    # when
    codes = [deadline.timescale_code for deadline in open_deadlines_for_child(child)]
    # then
    assert codes == ["children_in_care.pep_started", FIRST_REVIEW]


def test_deadlines_for_children_reads_a_caseload_in_one_query(child: Person, django_assert_num_queries: object) -> None:
    # given
    other = given_child()
    start_clock(FIRST_REVIEW, child=child, subject=child, started_on=date(2026, 12, 14))
    start_clock(ICPC, child=other, subject=other, started_on=date(2026, 12, 18))
    start_clock(ICPC, child=given_child(), subject=child, started_on=date(2026, 12, 18))
    # when
    with django_assert_num_queries(1):  # type: ignore[operator]
        rows = [
            (deadline.child_id, deadline.timescale_code) for deadline in deadlines_for_children([child.pk, other.pk])
        ]
    # then
    assert rows == [(child.pk, FIRST_REVIEW), (other.pk, ICPC)]


def test_the_status_worked_out_in_the_database_agrees_with_the_engine(child: Person) -> None:
    # given deadlines in every state on Thursday 14 January 2027
    on = date(2027, 1, 14)
    start_clock(ICPC, child=child, subject=child, started_on=date(2026, 12, 18))  # due 13 Jan: overdue
    start_clock(FIRST_REVIEW, child=child, subject=child, started_on=date(2026, 12, 14))  # due 14 Jan: due soon
    start_clock("children_in_care.second_review", child=child, subject=child, started_on=date(2027, 1, 4))  # due
    start_clock("children_in_care.care_plan", child=child, subject=child, started_on=date(2026, 12, 14))
    meet_clock("children_in_care.care_plan", subject=child, met_on=date(2026, 12, 20))  # met in time
    start_clock("children_in_care.pep_started", child=child, subject=child, started_on=date(2026, 12, 14))
    meet_clock("children_in_care.pep_started", subject=child, met_on=date(2027, 1, 4))  # met late
    start_clock("children_in_care.placement_plan", child=child, subject=child, started_on=date(2026, 12, 14))
    meet_clock("children_in_care.placement_plan", subject=child, met_on=date(2027, 1, 20))  # met after `on`: overdue
    start_clock("children_in_care.pep_completed", child=child, subject=child, started_on=date(2026, 12, 14))
    close_clocks_for(child, on=date(2027, 1, 20), reason="case closed")  # cancelled after `on`: due soon
    other = given_child()
    start_clock(FIRST_REVIEW, child=other, subject=other, started_on=date(2026, 12, 14))
    Deadline.objects.filter(child=other).update(paused=True)  # paused: no action pauses a clock yet
    # when
    in_the_database = {
        (deadline.timescale_code, deadline.status) for deadline in with_status(Deadline.objects.all(), on=on)
    }
    # then
    by_the_engine = {
        (
            deadline.timescale_code,
            status_on(
                due_on=deadline.due_on,
                met_on=deadline.met_on,
                cancelled_on=deadline.cancelled_on,
                paused=deadline.paused,
                today=on,
            ).value,
        )
        for deadline in Deadline.objects.all()
    }
    assert in_the_database == by_the_engine
    assert sorted(in_the_database) == [
        ("child_protection.initial_conference", "overdue"),
        ("children_in_care.care_plan", "met_in_time"),
        ("children_in_care.first_review", "due_soon"),
        ("children_in_care.first_review", "paused"),
        ("children_in_care.pep_completed", "due_soon"),
        ("children_in_care.pep_started", "met_late"),
        ("children_in_care.placement_plan", "overdue"),
        ("children_in_care.second_review", "due"),
    ]
