"""What makes a school, a PEP, a PEP meeting, an exclusion or a term's attendance acceptable: pure checks.

Each returns ``{field: [message, ...]}``; the messages name the dates, terms and numbers they compare.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from kith.care_reviews.rules import in_care_problems
from kith.education.models import (
    MOST_SUSPENSION_DAYS,
    ExclusionKind,
    OfstedJudgement,
    PepQuality,
    PersonalEducationPlan,
    SchoolPlace,
    SenStatus,
    YearGroup,
)
from kith.education.terms import Term, term_dates, term_name
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import Activity

URN = re.compile(r"\d{6}")


def school_problems(
    period: Any,
    *,
    school_name: str,
    urn: str,
    year_group: str,
    started_on: date,
    reason_for_change: str,
    current: SchoolPlace | None,
    today: date,
    ofsted_judgement: str = "",
    sen_status: str = "",
) -> Problems:
    """The first school recorded may predate care (the school the child already goes to); a change of school
    comes after the current one started, within the period of care, with the reason (RC12 ¶109)."""
    child = period.child
    problems = dated_work_problems("started_on", "The start at the school", started_on, child=child, today=today)
    required(problems, "school_name", school_name, "Enter the name of the school")
    if urn.strip() and not URN.fullmatch(urn.strip()):
        add(problems, "urn", f"The URN is the school's six-digit reference number; {urn.strip()} is not")
    if year_group not in YearGroup.values:
        add(problems, "year_group", "Choose the year group")
    if ofsted_judgement and ofsted_judgement not in OfstedJudgement.values:
        add(problems, "ofsted_judgement", "Choose the school's Ofsted judgement")
    sen_status_problems(problems, sen_status)
    if period.ended_on is not None and started_on > period.ended_on:
        add(
            problems,
            "started_on",
            f"The start at the school ({long_date(started_on)}) is after {child.full_name} stopped being looked "
            f"after ({long_date(period.ended_on)})",
        )
    if current is not None:
        if started_on <= current.started_on:
            add(
                problems,
                "started_on",
                f"{child.full_name} has been at {current.school_name} since {long_date(current.started_on)}: "
                "a new school starts after that",
            )
        elif started_on < period.started_on:
            add(
                problems,
                "started_on",
                f"The change of school ({long_date(started_on)}) is before {child.full_name} came into care "
                f"({long_date(period.started_on)})",
            )
        required(problems, "reason_for_change", reason_for_change, f"Say why {child.full_name} is changing school")
    return problems


def pep_start_problems(
    period: Any, *, started_on: date, existing: PersonalEducationPlan | None, today: date
) -> Problems:
    problems = in_care_problems(period, on=started_on, field="started_on", label="The start of the PEP", today=today)
    if existing is not None:
        add(
            problems,
            "started_on",
            f"The personal education plan for this period of care was started on {long_date(existing.started_on)}",
        )
    return problems


def pep_meeting_problems(
    plan: PersonalEducationPlan,
    *,
    held_on: date,
    last_held_on: date | None,
    designated_teacher: str,
    virtual_school: str,
    child_views: str,
    targets: str,
    today: date,
) -> Problems:
    problems = in_care_problems(plan.period, on=held_on, field="held_on", label="The PEP meeting", today=today)
    if held_on < plan.started_on:
        add(
            problems,
            "held_on",
            f"The PEP meeting ({long_date(held_on)}) is before the PEP was started ({long_date(plan.started_on)})",
        )
    if last_held_on is not None and held_on <= last_held_on:
        add(
            problems,
            "held_on",
            f"The PEP meeting ({long_date(held_on)}) is not after the last one ({long_date(last_held_on)})",
        )
    required(problems, "designated_teacher", designated_teacher, "Give the name of the designated teacher")
    required(problems, "virtual_school", virtual_school, "Give the name of who took part for the virtual school")
    required(problems, "child_views", child_views, "Record the child's views, or how they were sought")
    required(problems, "targets", targets, "Record the PEP's targets, each with how progress will be measured")
    return problems


def sen_status_problems(problems: Problems, sen_status: str) -> None:
    if sen_status and sen_status not in SenStatus.values:
        add(problems, "sen_status", "Choose the child's special educational needs provision")


def exclusion_problems(
    period: Any, *, kind: str, starts_on: date, days: int | None, reason: str, today: date, sen_status: str = ""
) -> Problems:
    problems = in_care_problems(period, on=starts_on, field="starts_on", label="The exclusion", today=today)
    sen_status_problems(problems, sen_status)
    if kind not in ExclusionKind.values:
        add(problems, "kind", "Choose a suspension or a permanent exclusion")
    elif kind == ExclusionKind.SUSPENSION:
        if days is None:
            add(problems, "days", "Enter how many school days the suspension lasts")
        elif not 1 <= days <= MOST_SUSPENSION_DAYS:
            add(
                problems,
                "days",
                f"A suspension lasts from 1 to {MOST_SUSPENSION_DAYS} school days; {days} is not allowed",
            )
    required(problems, "reason", reason, "Give the school's reason")
    return problems


def attendance_problems(
    period: Any, *, school_year: int, term: str, attendance_percent: Decimal | None, already: bool, today: date
) -> Problems:
    """A term that has begun and in which the child was looked after, once; a percentage from 0 to 100."""
    child = period.child
    problems: Problems = {}
    if term not in Term.values:
        add(problems, "term", "Choose the term")
    else:
        name = term_name(school_year, term)
        first_day, last_day = term_dates(school_year, term)
        if first_day > today:
            add(problems, "term", f"{name[0].upper()}{name[1:]} starts on {long_date(first_day)}: it has not begun")
        if last_day < period.started_on or (period.ended_on is not None and first_day > period.ended_on):
            add(problems, "term", f"{child.full_name} was not looked after in {name}")
        if already:
            add(problems, "term", f"Attendance for {name} is already recorded for {child.full_name}")
    if attendance_percent is None:
        add(problems, "attendance_percent", "Enter the attendance as a percentage")
    elif not 0 <= attendance_percent <= 100:
        add(problems, "attendance_percent", f"Attendance is a percentage from 0 to 100; {attendance_percent} is not")
    return problems


def pep_quality_problems(meeting: Any, *, rating: str, rated_on: date, rated_by: str, today: date) -> Problems:
    """Once per PEP meeting, on or after it, by a named person from the virtual school (R-057)."""
    problems: Problems = {}
    if meeting.quality_rating:
        add(
            problems,
            "rating",
            f"This PEP was rated {meeting.get_quality_rating_display().lower()} on "
            f"{long_date(meeting.quality_rated_on)}",
        )
        return problems
    if rating not in PepQuality.values:
        add(problems, "rating", "Choose the quality rating")
    if rated_on > today:
        add(problems, "rated_on", f"The rating ({long_date(rated_on)}) must be today or in the past")
    if rated_on < meeting.held_on:
        add(
            problems,
            "rated_on",
            f"The rating ({long_date(rated_on)}) is before the PEP meeting it rates ({long_date(meeting.held_on)})",
        )
    required(problems, "rated_by", rated_by, "Give the name of who rated the PEP for the virtual school")
    return problems


def eet_review_problems(
    child: Any,
    *,
    reviewed_on: date,
    activity: str,
    virtual_school: str,
    notes: str,
    today: date,
    became_eligible_on: date | None,
    twenty_fifth_birthday: date | None,
    same_day: bool,
) -> Problems:
    """For a young person whose leaving care support has started, until they are 25 (R-112)."""
    problems = dated_work_problems("reviewed_on", "The review", reviewed_on, child=child, today=today)
    if became_eligible_on is None:
        add(
            problems,
            "reviewed_on",
            f"Leaving care support for {child.full_name} has not started: the virtual school reviews care leavers",
        )
    elif reviewed_on < became_eligible_on:
        add(
            problems,
            "reviewed_on",
            f"The review ({long_date(reviewed_on)}) is before {child.full_name} became eligible for leaving care "
            f"support ({long_date(became_eligible_on)})",
        )
    if twenty_fifth_birthday is not None and reviewed_on >= twenty_fifth_birthday:
        add(
            problems,
            "reviewed_on",
            f"The review ({long_date(reviewed_on)}) is on or after {child.full_name}'s 25th birthday",
        )
    if same_day:
        add(problems, "reviewed_on", f"A review of {long_date(reviewed_on)} is already recorded")
    if activity not in Activity.values or activity == Activity.NOT_KNOWN:
        add(problems, "activity", "Choose the young person's main activity")
    required(problems, "virtual_school", virtual_school, "Give the name of who reviewed it for the virtual school")
    required(problems, "notes", notes, "Record what the young person is doing and what will be done to help")
    return problems
