"""What makes a UASC record, an age assessment, an immigration status and the end of UASC status acceptable:
pure checks naming the dates they compare. The 903 rules behind a check are named in brackets."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.uasc.models import (
    GRANTED,
    AgeAssessmentOutcome,
    CeasedReason,
    ImmigrationStatus,
    ImmigrationStatusChange,
    UascRecord,
    eighteenth_birthday,
)
from kith.uasc.states import ALLOWED_NEXT


def record_problems(
    child: Any,
    *,
    became_uasc_on: date,
    transferred_from: str,
    transferred_on: date | None,
    today: date,
    existing: UascRecord | None,
) -> Problems:
    """A child under 18 on the day, recorded once; a National Transfer Scheme transfer names the authority and date."""
    name = child.full_name
    if existing is not None:
        return {"became_uasc_on": [f"{name} is already recorded as UASC from {long_date(existing.became_uasc_on)}"]}
    problems = dated_work_problems("became_uasc_on", "The date", became_uasc_on, child=child, today=today)
    if child.date_of_birth is None:
        add(problems, "became_uasc_on", f"Record {name}'s date of birth first (the one they gave, if it is disputed)")
    elif became_uasc_on >= eighteenth_birthday(child.date_of_birth):
        add(
            problems,
            "became_uasc_on",
            f"{name} was 18 on {long_date(eighteenth_birthday(child.date_of_birth))}: an unaccompanied "
            "asylum-seeking child is under 18",
        )
    if bool(transferred_from.strip()) != (transferred_on is not None):
        add(problems, "transferred_from", "Give both the authority that transferred the child and the date, or neither")
    elif transferred_on is not None:
        if transferred_on < became_uasc_on:
            add(
                problems,
                "transferred_on",
                f"The transfer ({long_date(transferred_on)}) is before {name} became UASC "
                f"({long_date(became_uasc_on)})",
            )
        if transferred_on > today:
            add(problems, "transferred_on", f"The transfer ({long_date(transferred_on)}) is in the future")
    return problems


def _on_or_after_arrival(problems: Problems, record: UascRecord, field: str, label: str, on: date, today: date) -> None:
    if on < record.became_uasc_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before {record.child.full_name} became UASC "
            f"({long_date(record.became_uasc_on)})",
        )
    if on > today:
        add(problems, field, f"{label} ({long_date(on)}) is in the future")


def age_assessment_problems(
    record: UascRecord, *, assessed_on: date, outcome: str, notes: str, today: date
) -> Problems:
    problems: Problems = {}
    _on_or_after_arrival(problems, record, "assessed_on", "The assessment", assessed_on, today)
    if record.age_assessed_on is not None and assessed_on <= record.age_assessed_on:
        add(
            problems,
            "assessed_on",
            f"An assessment of {long_date(record.age_assessed_on)} is already recorded: a new one comes after it",
        )
    if outcome not in AgeAssessmentOutcome.values:
        add(problems, "outcome", "Choose what the assessment found")
    required(problems, "notes", notes, "Say who assessed the child's age and how")
    return problems


def status_problems(
    record: UascRecord, *, status: str, changed_on: date, last: ImmigrationStatusChange | None, today: date
) -> Problems:
    """Steps of the claim come in order (``ALLOWED_NEXT``), each dated on or after the one before."""
    problems: Problems = {}
    _on_or_after_arrival(problems, record, "changed_on", "The date", changed_on, today)
    if status not in ImmigrationStatus.values:
        add(problems, "status", "Choose the new immigration status")
        return problems
    allowed = ALLOWED_NEXT[last.status if last else None]
    if status not in allowed:
        if last is None:
            add(problems, "status", "The first step to record is the asylum claim being lodged")
        elif not allowed:
            add(problems, "status", f"The claim ended with '{last.get_status_display()}': nothing follows it")
        else:
            after = ", ".join(sorted(ImmigrationStatus(value).label.lower() for value in allowed))
            add(problems, "status", f"After '{last.get_status_display()}' comes one of: {after}")
    if last is not None and changed_on < last.changed_on:
        add(
            problems,
            "changed_on",
            f"The date ({long_date(changed_on)}) is before the last step, '{last.get_status_display()}' on "
            f"{long_date(last.changed_on)}",
        )
    return problems


def ceased_problems(
    record: UascRecord, *, ceased_on: date, reason: str, last: ImmigrationStatusChange | None, today: date
) -> Problems:
    """UASC status ends once, by the 18th birthday at the latest (903 rule 304), for a reason the record bears out."""
    name = record.child.full_name
    if record.ceased_on is not None:
        return {"ceased_on": [f"{name}'s UASC status already ceased on {long_date(record.ceased_on)}"]}
    problems: Problems = {}
    _on_or_after_arrival(problems, record, "ceased_on", "The date", ceased_on, today)
    born = record.child.date_of_birth
    if born is not None and ceased_on > eighteenth_birthday(born):
        add(
            problems,
            "ceased_on",
            f"UASC status ends on {name}'s 18th birthday ({long_date(eighteenth_birthday(born))}) at the latest "
            "(903 rule 304): it ended then without being recorded",
        )
    if reason not in CeasedReason.values:
        add(problems, "reason", "Choose why the child is no longer an unaccompanied asylum-seeking child")
    elif reason == CeasedReason.ASSESSED_ADULT and record.age_assessment_outcome != AgeAssessmentOutcome.ADULT:
        add(problems, "reason", f"Record the age assessment that found {name} to be 18 or over first")
    elif reason == CeasedReason.LEAVE_GRANTED and (last is None or last.status not in GRANTED):
        add(problems, "reason", f"No grant of leave to remain is recorded for {name}")
    return problems
