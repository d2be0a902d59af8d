"""What makes a health assessment, dental check, immunisation check or SDQ acceptable: pure checks.

Each returns ``{field: [message, ...]}``; the messages name the dates and ages they compare.
The 903 rules behind a check are named in brackets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.care_reviews.rules import in_care_problems
from kith.health.models import (
    MEDICAL_PRACTITIONERS,
    PASSPORT_FROM_AGE,
    SDQ_AGES,
    SDQ_HIGHEST,
    SDQ_LOWEST,
    AssessorRole,
    PregnancyOutcome,
)
from kith.plans.rules import Problems, add, dated_work_problems, required
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


def quality_check_problems(
    assessment: Any,
    *,
    checked_on: date,
    checked_by: str,
    meets_standard: bool | None,
    notes: str,
    today: date,
) -> Problems:
    """Once per assessment, after it, by a named member of the health team; a shortfall says what (R-102)."""
    problems: Problems = {}
    if assessment.quality_checked_on is not None:
        add(
            problems,
            "checked_on",
            f"This assessment was quality assured on {long_date(assessment.quality_checked_on)}",
        )
    _after_the_assessment(problems, "checked_on", "The quality check", checked_on, assessment, today=today)
    required(problems, "checked_by", checked_by, "Give the name of who quality assured the assessment")
    if meets_standard is None:
        add(problems, "meets_standard", "Say whether the assessment meets the standard")
    elif not meets_standard:
        required(problems, "notes", notes, "Say what falls short of the standard and what will be done")
    return problems


def scrutiny_problems(
    assessment: Any, *, scrutinised_on: date, scrutinised_by: str, outcome: str, today: date
) -> Problems:
    """Only an out-of-area assessment's forms come back to be scrutinised, once, after it (R-103)."""
    problems: Problems = {}
    if not assessment.out_of_area:
        add(
            problems,
            "scrutinised_on",
            f"The assessment of {long_date(assessment.assessed_on)} was done in area: only forms from out of area "
            "are scrutinised on return",
        )
        return problems
    if assessment.scrutinised_on is not None:
        add(problems, "scrutinised_on", f"The forms were scrutinised on {long_date(assessment.scrutinised_on)}")
    _after_the_assessment(problems, "scrutinised_on", "The scrutiny", scrutinised_on, assessment, today=today)
    required(problems, "scrutinised_by", scrutinised_by, "Give the name of who scrutinised the forms")
    required(problems, "outcome", outcome, "Record what the scrutiny found")
    return problems


def _after_the_assessment(
    problems: Problems, field: str, label: str, on: date, assessment: Any, *, today: date
) -> None:
    if on > today:
        add(problems, field, f"{label} ({long_date(on)}) must be today or in the past")
    if on < assessment.assessed_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before the assessment ({long_date(assessment.assessed_on)})",
        )


def pregnancy_problems(period: Any, *, known_on: date, support: str, today: date) -> Problems:
    problems = in_care_problems(period, on=known_on, field="known_on", label="The date", today=today)
    required(problems, "support", support, "Record the support offered to the young person")
    return problems


def pregnancy_outcome_problems(pregnancy: Any, *, outcome: str, outcome_on: date, today: date) -> Problems:
    problems: Problems = {}
    if pregnancy.outcome:
        add(problems, "outcome", f"The outcome was recorded: {pregnancy.get_outcome_display().lower()}")
        return problems
    if outcome not in PregnancyOutcome.values:
        add(problems, "outcome", "Choose how the pregnancy ended")
    if outcome_on > today:
        add(problems, "outcome_on", f"The date ({long_date(outcome_on)}) must be today or in the past")
    if outcome_on < pregnancy.known_on:
        add(
            problems,
            "outcome_on",
            f"The date ({long_date(outcome_on)}) is before the pregnancy was known ({long_date(pregnancy.known_on)})",
        )
    return problems


def passport_problems(
    child: Any, *, given_on: date, today: date, looked_after: bool, care_leaver: bool, same_day: bool
) -> Problems:
    """For a young person of 16 or more who is looked after or a care leaver on the day (R-096)."""
    problems = dated_work_problems("given_on", "The date", given_on, child=child, today=today)
    _same_day(problems, "given_on", "A health passport given", on=given_on, child=child, same_day=same_day)
    age = child.age_on(given_on)
    if age is None or age < PASSPORT_FROM_AGE:
        add(
            problems,
            "given_on",
            f"The health passport is for young people of {PASSPORT_FROM_AGE} or more; {child.full_name} was "
            f"{age if age is not None else 'of unknown age'} on {long_date(given_on)}",
        )
    elif not looked_after and not care_leaver:
        add(
            problems,
            "given_on",
            f"{child.full_name} was neither looked after nor a care leaver on {long_date(given_on)}",
        )
    return problems
