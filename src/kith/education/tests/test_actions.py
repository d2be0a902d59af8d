"""The school, the PEP and its clocks, exclusions and attendance; refusals name the dates, terms and numbers
and save nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kith.children_in_care.models import PeriodOfCare
from kith.education.actions import (
    hold_pep_meeting,
    record_attendance,
    record_exclusion,
    record_school,
    start_pep,
)
from kith.education.models import Exclusion, PepMeeting, PersonalEducationPlan, SchoolPlace, TermAttendance
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def _refusal(doing: Any) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        doing()
    return refused.value.problems


def _school(period: PeriodOfCare, authority: Authority, started_on: date, **changes: Any) -> SchoolPlace:
    values: dict[str, Any] = {
        "school_name": "Seaton Primary School",
        "urn": "111222",
        "year_group": "1",
        "started_on": started_on,
    }
    return record_school(period, **(values | changes), by=authority.social_worker.user)


def _meeting(plan: PersonalEducationPlan, authority: Authority, held_on: date, **changes: Any) -> PepMeeting:
    values: dict[str, Any] = {
        "held_on": held_on,
        "designated_teacher": "Mrs Hall",
        "virtual_school": "Dev Patel",
        "child_views": "Ava likes reading and wants to join the choir",
        "targets": "Read 20 minutes a day; reading age up 6 months by Easter",
        "pupil_premium_plus": "£300 for a reading tutor",
    }
    return hold_pep_meeting(plan, **(values | changes), by=authority.social_worker.user)


def _pep_clocks(period: PeriodOfCare) -> list[tuple[str, date, date | None]]:
    return list(
        Deadline.objects.filter(child=period.child, timescale_code__contains="pep")
        .order_by("timescale_code")
        .values_list("timescale_code", "due_on", "met_on")
    )


def test_starting_and_completing_the_pep_meet_its_clocks(authority: Authority, period: PeriodOfCare) -> None:
    # when the PEP is started on day 8 and completed at its first meeting on day 17
    plan = start_pep(period, started_on=date(2027, 1, 14), by=authority.social_worker.user)
    first = _meeting(plan, authority, date(2027, 1, 27))
    # then both clocks are met in time and the plan is completed
    assert _pep_clocks(period) == [
        ("children_in_care.pep_completed", date(2027, 2, 1), date(2027, 1, 27)),
        ("children_in_care.pep_started", date(2027, 1, 18), date(2027, 1, 14)),
    ]
    plan.refresh_from_db()
    assert (plan.completed_on, first.kind) == (date(2027, 1, 27), "first")


def test_later_pep_meetings_are_reviews_in_the_chronology(authority: Authority, period: PeriodOfCare) -> None:
    plan = start_pep(period, started_on=date(2027, 1, 14), by=authority.social_worker.user)
    _meeting(plan, authority, date(2027, 1, 27))
    review = _meeting(plan, authority, date(2027, 5, 5), designated_teacher="Mr Cole")
    assert review.kind == "review"
    assert list(
        CaseEvent.objects.filter(event_type__startswith="education.pep")
        .order_by("occurred_on")
        .values_list("event_type", "occurred_on", "summary")
    ) == [
        ("education.pep_started", date(2027, 1, 14), "Personal education plan started"),
        (
            "education.pep_completed",
            date(2027, 1, 27),
            "PEP completed with Mrs Hall (designated teacher) and Dev Patel (virtual school)",
        ),
        (
            "education.pep_reviewed",
            date(2027, 5, 5),
            "PEP reviewed with Mr Cole (designated teacher) and Dev Patel (virtual school)",
        ),
    ]


def test_a_pep_is_started_once_a_period_within_it(authority: Authority, period: PeriodOfCare) -> None:
    before = _refusal(lambda: start_pep(period, started_on=date(2027, 1, 3), by=authority.social_worker.user))
    start_pep(period, started_on=date(2027, 1, 14), by=authority.social_worker.user)
    again = _refusal(lambda: start_pep(period, started_on=date(2027, 1, 20), by=authority.social_worker.user))
    assert (before, again) == (
        {
            "started_on": [
                "The start of the PEP (3 January 2027) is before Ava Thompson came into care (4 January 2027)"
            ]
        },
        {"started_on": ["The personal education plan for this period of care was started on 14 January 2027"]},
    )
    assert PersonalEducationPlan.objects.count() == 1


@pytest.mark.requirement("R-056")
def test_a_pep_meeting_needs_both_contributors_the_childs_views_and_targets(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = start_pep(period, started_on=date(2027, 1, 14), by=authority.social_worker.user)
    problems = _refusal(
        lambda: _meeting(
            plan, authority, date(2027, 1, 10), designated_teacher="", virtual_school=" ", child_views="", targets=""
        )
    )
    assert problems == {
        "held_on": ["The PEP meeting (10 January 2027) is before the PEP was started (14 January 2027)"],
        "designated_teacher": ["Give the name of the designated teacher"],
        "virtual_school": ["Give the name of who took part for the virtual school"],
        "child_views": ["Record the child's views, or how they were sought"],
        "targets": ["Record the PEP's targets, each with how progress will be measured"],
    }
    assert (
        PepMeeting.objects.count(),
        Deadline.objects.get(timescale_code="children_in_care.pep_completed").met_on,
    ) == (
        0,
        None,
    )


def test_pep_meetings_follow_one_another(authority: Authority, period: PeriodOfCare) -> None:
    plan = start_pep(period, started_on=date(2027, 1, 14), by=authority.social_worker.user)
    _meeting(plan, authority, date(2027, 1, 27))
    problems = _refusal(lambda: _meeting(plan, authority, date(2027, 1, 27)))
    assert problems == {"held_on": ["The PEP meeting (27 January 2027) is not after the last one (27 January 2027)"]}


def test_a_change_of_school_ends_the_last_place_and_says_why(authority: Authority, period: PeriodOfCare) -> None:
    # Ava was already at her school before she came into care
    _school(period, authority, date(2025, 9, 3), year_group="R")
    _school(
        period,
        authority,
        date(2027, 4, 19),
        school_name="Rift House Primary",
        urn="114567",
        reason_for_change="Nearer her new carers",
    )
    assert list(SchoolPlace.objects.order_by("started_on").values_list("school_name", "started_on", "ended_on")) == [
        ("Seaton Primary School", date(2025, 9, 3), date(2027, 4, 19)),
        ("Rift House Primary", date(2027, 4, 19), None),
    ]
    assert CaseEvent.objects.filter(event_type="education.school_started").order_by("occurred_on").last().summary == (
        "Changed school from Seaton Primary School to Rift House Primary (Year 1): Nearer her new carers"
    )


def test_a_change_of_school_is_refused_without_a_reason_or_before_the_current_start(
    authority: Authority, period: PeriodOfCare
) -> None:
    _school(period, authority, date(2027, 1, 11))
    problems = _refusal(lambda: _school(period, authority, date(2027, 1, 11), urn="12345", year_group="14"))
    assert problems == {
        "urn": ["The URN is the school's six-digit reference number; 12345 is not"],
        "year_group": ["Choose the year group"],
        "started_on": [
            "Ava Thompson has been at Seaton Primary School since 11 January 2027: a new school starts after that"
        ],
        "reason_for_change": ["Say why Ava Thompson is changing school"],
    }
    assert SchoolPlace.objects.count() == 1


def test_a_suspension_has_1_to_45_school_days_and_is_a_key_event(authority: Authority, period: PeriodOfCare) -> None:
    _school(period, authority, date(2025, 9, 3))
    too_long = _refusal(
        lambda: record_exclusion(
            period,
            kind="suspension",
            starts_on=date(2027, 3, 8),
            days=46,
            reason="Fighting",
            by=authority.social_worker.user,
        )
    )
    no_days = _refusal(
        lambda: record_exclusion(
            period, kind="suspension", starts_on=date(2027, 3, 8), reason="", by=authority.social_worker.user
        )
    )
    record_exclusion(
        period,
        kind="suspension",
        starts_on=date(2027, 3, 8),
        days=2,
        reason="Fighting",
        by=authority.social_worker.user,
    )
    assert (too_long, no_days) == (
        {"days": ["A suspension lasts from 1 to 45 school days; 46 is not allowed"]},
        {"days": ["Enter how many school days the suspension lasts"], "reason": ["Give the school's reason"]},
    )
    event = CaseEvent.objects.get(event_type="education.exclusion")
    assert (event.occurred_on, event.summary) == (
        date(2027, 3, 8),
        "Suspended for 2 school days from Seaton Primary School: Fighting",
    )


def test_a_permanent_exclusion_keeps_no_days(authority: Authority, period: PeriodOfCare) -> None:
    exclusion = record_exclusion(
        period,
        kind="permanent",
        starts_on=date(2027, 6, 1),
        days=5,
        reason="Assault on staff",
        by=authority.social_worker.user,
    )
    assert (exclusion.kind, exclusion.days, exclusion.school) == ("permanent", None, None)
    assert Exclusion.objects.count() == 1


def test_attendance_is_recorded_once_a_term_and_flags_persistent_absence(
    authority: Authority, period: PeriodOfCare
) -> None:
    row = record_attendance(
        period, school_year=2026, term="spring", attendance_percent=Decimal("87.5"), by=authority.social_worker.user
    )
    again = _refusal(
        lambda: record_attendance(
            period, school_year=2026, term="spring", attendance_percent=Decimal("90"), by=authority.social_worker.user
        )
    )
    assert row.persistently_absent is True
    assert again == {"term": ["Attendance for the spring term 2026/27 is already recorded for Ava Thompson"]}
    event = CaseEvent.objects.get(event_type="education.attendance_recorded")
    assert (event.occurred_on, event.summary) == (
        date(2027, 3, 31),
        "Attendance 87.5% in the spring term 2026/27 (persistently absent)",
    )


def test_attendance_is_for_a_term_begun_while_looked_after_as_a_percentage(
    authority: Authority, period: PeriodOfCare
) -> None:
    not_begun = _refusal(
        lambda: record_attendance(
            period, school_year=2027, term="spring", attendance_percent=Decimal("101"), by=authority.social_worker.user
        )
    )
    before_care = _refusal(
        lambda: record_attendance(
            period, school_year=2026, term="autumn", attendance_percent=Decimal("95"), by=authority.social_worker.user
        )
    )
    assert (not_begun, before_care) == (
        {
            "term": ["The spring term 2027/28 starts on 1 January 2028: it has not begun"],
            "attendance_percent": ["Attendance is a percentage from 0 to 100; 101 is not"],
        },
        {"term": ["Ava Thompson was not looked after in the autumn term 2026/27"]},
    )
    assert TermAttendance.objects.count() == 0


def test_someone_who_may_not_record_on_the_child_is_refused(authority: Authority, period: PeriodOfCare) -> None:
    with pytest.raises(NotAllowed):
        start_pep(period, started_on=date(2027, 1, 14), by=authority.analyst.user)
    with pytest.raises(NotAllowed):
        record_school(
            period, school_name="X", year_group="1", started_on=date(2027, 1, 11), by=authority.south_worker.user
        )
    assert (PersonalEducationPlan.objects.count(), SchoolPlace.objects.count()) == (0, 0)
