"""What makes a health assessment, dental check, immunisation check or SDQ acceptable: pure checks.

Each returns ``{field: [message, ...]}``; the messages name the dates and ages they compare.
The 903 rules behind a check are named in brackets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.care_reviews.rules import in_care_problems
from kith.health.models import MEDICAL_PRACTITIONERS, SDQ_AGES, SDQ_HIGHEST, SDQ_LOWEST, AssessorRole
from kith.plans.rules import Problems, add, required
from kith.platform.calendar.working_days import long_date


def _same_day(problems: Problems, field: str, what: str, *, on: date, child: Any, same_day: bool) -> None:
    if same_day:
        add(problems, field, f"{what} of {long_date(on)} is already recorded for {child.full_name}")


def assessor_problems(*, initial: bool, assessor_name: str, assessor_role: str) -> Problems:
    """Who assessed the child, by name and professional type; the initial assessment is a doctor's (reg 7)."""
    problems: Problems = {}
    required(problems, "assessor_name", assessor_name, "Give the name of the health professional who saw the child")
    if assessor_role not in AssessorRole.values:
        add(problems, "assessor_role", "Choose the health professional's role")
    elif initial and assessor_role not in MEDICAL_PRACTITIONERS:
        add(
            problems,
            "assessor_role",
            "The initial health assessment is carried out by a registered medical practitioner (a paediatrician, "
            f"GP or other doctor); a {AssessorRole(assessor_role).label.lower()} may carry out review assessments",
        )
    return problems


def substance_misuse_problems(
    child: Any, *, substance_misuse: bool | None, intervention_received: bool | None, intervention_offered: bool | None
) -> Problems:
    """An intervention is recorded only when substance misuse was identified, and then must be (rules 192, 193)."""
    problems: Problems = {}
    if substance_misuse is not True:
        if intervention_received is not None or intervention_offered is not None:
            add(
                problems,
                "intervention_received",
                "Record an intervention only when substance misuse was identified",
            )
        return problems
    if intervention_received is None:
        add(
            problems,
            "intervention_received",
            f"Say whether {child.full_name} received an intervention for substance misuse",
        )
    elif intervention_received is False and intervention_offered is None:
        add(problems, "intervention_offered", "Say whether an intervention was offered")
    return problems


def health_assessment_problems(
    period: Any,
    *,
    assessed_on: date,
    today: date,
    previous_on: date | None,
    same_day: bool,
    assessor_name: str,
    assessor_role: str,
    child_seen: bool,
    outcomes: str,
    health_plan: str,
    substance_misuse: bool | None,
    intervention_received: bool | None,
    intervention_offered: bool | None,
) -> Problems:
    """``previous_on``: the date of the period's last assessment; none means this is the initial one."""
    child = period.child
    problems = in_care_problems(period, on=assessed_on, field="assessed_on", label="The assessment", today=today)
    _same_day(problems, "assessed_on", "A health assessment", on=assessed_on, child=child, same_day=same_day)
    if previous_on is not None and assessed_on < previous_on:
        add(
            problems,
            "assessed_on",
            f"The assessment ({long_date(assessed_on)}) is before the last one recorded ({long_date(previous_on)})",
        )
    if not child_seen:
        add(
            problems,
            "child_seen",
            f"A health assessment needs {child.full_name} to be seen: record it once they have been",
        )
    required(problems, "outcomes", outcomes, "Record what the assessment found")
    required(problems, "health_plan", health_plan, "Record the health plan's actions: what will be done, and by whom")
    for found in (
        assessor_problems(initial=previous_on is None, assessor_name=assessor_name, assessor_role=assessor_role),
        substance_misuse_problems(
            child,
            substance_misuse=substance_misuse,
            intervention_received=intervention_received,
            intervention_offered=intervention_offered,
        ),
    ):
        for field, messages in found.items():
            problems.setdefault(field, []).extend(messages)
    return problems


def dental_check_problems(period: Any, *, checked_on: date, today: date, same_day: bool) -> Problems:
    problems = in_care_problems(period, on=checked_on, field="checked_on", label="The dental check", today=today)
    _same_day(problems, "checked_on", "A dental check", on=checked_on, child=period.child, same_day=same_day)
    return problems


def immunisation_problems(
    period: Any, *, checked_on: date, today: date, up_to_date: bool, outstanding: str, same_day: bool
) -> Problems:
    problems = in_care_problems(period, on=checked_on, field="checked_on", label="The check", today=today)
    _same_day(problems, "checked_on", "An immunisation check", on=checked_on, child=period.child, same_day=same_day)
    if not up_to_date:
        required(problems, "outstanding", outstanding, "Say which immunisations are outstanding")
    return problems


def sdq_problems(
    period: Any, *, completed_on: date, today: date, score: int | None, completed_by: str, same_day: bool
) -> Problems:
    """A total difficulties score from 0 to 40 (rule 180), for a child aged 4 to 16 (rules 188, 189)."""
    child = period.child
    problems = in_care_problems(period, on=completed_on, field="completed_on", label="The questionnaire", today=today)
    _same_day(problems, "completed_on", "An SDQ", on=completed_on, child=child, same_day=same_day)
    if score is None:
        add(problems, "score", "Enter the total difficulties score")
    elif not SDQ_LOWEST <= score <= SDQ_HIGHEST:
        add(problems, "score", f"The total difficulties score is from {SDQ_LOWEST} to {SDQ_HIGHEST}; {score} is not")
    age = child.age_on(completed_on)
    if age is not None and age not in SDQ_AGES:
        add(
            problems,
            "completed_on",
            f"The SDQ is for children aged 4 to 16; {child.full_name} was {age} on {long_date(completed_on)}",
        )
    required(problems, "completed_by", completed_by, "Say who completed the questionnaire")
    return problems
