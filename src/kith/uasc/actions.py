"""Recording an unaccompanied asylum-seeking child, their age assessment, the steps of their asylum claim, and the
day they stopped being UASC before their 18th birthday (after it, the 18th birthday is the date: 903 rule 304)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.uasc import events, queries, rules
from kith.uasc.access import can_record_uasc
from kith.uasc.models import (
    AgeAssessmentOutcome,
    CeasedReason,
    ImmigrationStatus,
    ImmigrationStatusChange,
    UascRecord,
)

if TYPE_CHECKING:
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def record_uasc(
    child: Person,
    *,
    became_uasc_on: date,
    home_office_reference: str = "",
    age_disputed: bool = False,
    transferred_from: str = "",
    transferred_on: date | None = None,
    by: User,
) -> UascRecord:
    """The child is an unaccompanied asylum-seeking child from ``became_uasc_on``."""
    require(can_record_uasc(by, child))
    refuse_if(
        rules.record_problems(
            child,
            became_uasc_on=became_uasc_on,
            transferred_from=transferred_from,
            transferred_on=transferred_on,
            today=clock.today(),
            existing=queries.uasc_record(child),
        )
    )
    record = UascRecord.objects.create(
        child=child,
        became_uasc_on=became_uasc_on,
        home_office_reference=home_office_reference.strip(),
        age_disputed=age_disputed,
        transferred_from=transferred_from.strip(),
        transferred_on=transferred_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    facts = [f"Home Office reference {record.home_office_reference}" if record.home_office_reference else ""]
    facts.append("age disputed" if age_disputed else "")
    if transferred_on is not None:
        facts.append(f"transferred from {record.transferred_from} on {long_date(transferred_on)}")
    said = "; ".join(fact for fact in facts if fact)
    record_event(
        events.RECORDED.code,
        children=[child],
        by=by,
        summary=f"Unaccompanied asylum-seeking child from {long_date(became_uasc_on)}{f': {said}' if said else ''}",
        occurred_on=became_uasc_on,
        subject=record,
    )
    return record


@action
def record_age_assessment(record: UascRecord, *, assessed_on: date, outcome: str, notes: str, by: User) -> UascRecord:
    """The outcome of an assessment of the child's age: recording one marks the age as disputed."""
    child = record.child
    require(can_record_uasc(by, child))
    refuse_if(
        rules.age_assessment_problems(
            record, assessed_on=assessed_on, outcome=outcome, notes=notes, today=clock.today()
        )
    )
    record.age_disputed = True
    record.age_assessed_on = assessed_on
    record.age_assessment_outcome = outcome
    record.age_assessment_notes = notes.strip()
    record.save(update_fields=["age_disputed", "age_assessed_on", "age_assessment_outcome", "age_assessment_notes"])
    record_event(
        events.AGE_ASSESSED.code,
        children=[child],
        by=by,
        summary=f"Age assessment: {AgeAssessmentOutcome(outcome).label.lower()}",
        occurred_on=assessed_on,
        subject=record,
    )
    return record


@action
def record_immigration_status(
    record: UascRecord, *, status: str, changed_on: date, notes: str = "", by: User
) -> ImmigrationStatusChange:
    """The next step of the child's asylum claim."""
    child = record.child
    require(can_record_uasc(by, child))
    last = queries.current_status(record)
    refuse_if(rules.status_problems(record, status=status, changed_on=changed_on, last=last, today=clock.today()))
    change = ImmigrationStatusChange.objects.create(
        record=record,
        child=child,
        status=status,
        changed_on=changed_on,
        notes=notes.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.IMMIGRATION_STATUS_CHANGED.code,
        children=[child],
        by=by,
        summary=ImmigrationStatus(status).label + (f": {change.notes}" if change.notes else ""),
        occurred_on=changed_on,
        subject=change,
    )
    return change


@action
def record_uasc_ceased(record: UascRecord, *, ceased_on: date, reason: str, by: User) -> UascRecord:
    """The child stopped being an unaccompanied asylum-seeking child on ``ceased_on``, before turning 18."""
    child = record.child
    require(can_record_uasc(by, child))
    refuse_if(
        rules.ceased_problems(
            record, ceased_on=ceased_on, reason=reason, last=queries.current_status(record), today=clock.today()
        )
    )
    record.ceased_on = ceased_on
    record.ceased_reason = reason
    record.save(update_fields=["ceased_on", "ceased_reason"])
    record_event(
        events.STATUS_CEASED.code,
        children=[child],
        by=by,
        summary=f"No longer an unaccompanied asylum-seeking child: {CeasedReason(reason).label.lower()}",
        occurred_on=ceased_on,
        subject=record,
    )
    return record
