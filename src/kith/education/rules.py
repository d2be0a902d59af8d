"""What makes a school, a PEP, a PEP meeting, an exclusion or a term's attendance acceptable: pure checks.

Each returns ``{field: [message, ...]}``; the messages name the dates, terms and numbers they compare.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from kith.care_reviews.rules import in_care_problems
from kith.education.models import MOST_SUSPENSION_DAYS, ExclusionKind, PersonalEducationPlan, SchoolPlace, YearGroup
from kith.education.terms import Term, term_dates, term_name
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date

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


def exclusion_problems(
    period: Any, *, kind: str, starts_on: date, days: int | None, reason: str, today: date
) -> Problems:
    problems = in_care_problems(period, on=starts_on, field="starts_on", label="The exclusion", today=today)
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
