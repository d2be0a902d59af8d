"""Recording private fostering and the education registers: every step checked, dated and in the chronology.

Private fostering: the notification starts the 7-working-day clock for the first
visit (reg 4); each visit at which the child is seen meets the clock running and
starts the next, 6 weeks in the arrangement's first year and 12 weeks after (reg 8).
Education registers: adding a child starts the clock for the first check (Kith's
local standard), and each check meets it and starts the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import close_clocks_for, meet_clock, start_clock
from kith.registers import events, queries, rules
from kith.registers.access import can_record_private_fostering_oversight, can_record_register_work
from kith.registers.models import (
    ArrangementEndReason,
    AssessmentOutcome,
    PrivateFosteringArrangement,
    PrivateFosteringCheck,
    PrivateFosteringOversight,
    PrivateFosteringVisit,
    RegisterCheck,
    RegisterEntry,
    RegisterKind,
    RemovalReason,
)

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # every capability needs an active staff record
    return staff


# -- private fostering ---------------------------------------------------------------------------


@action
def notify_private_fostering(
    child: Person,
    *,
    carer: Person,
    notified_on: date,
    notified_by: str,
    started_on: date,
    expected_length: str = "",
    parents: Sequence[Person] = (),
    by: User,
) -> PrivateFosteringArrangement:
    """A private fostering arrangement notified to the council; starts the clock for the first visit."""
    require(can_record_register_work(by, child))
    refuse_if(
        rules.notification_problems(
            already_open=PrivateFosteringArrangement.objects.filter(child=child, ended_on__isnull=True).first(),
            child_is_child=child.is_child,
            carer_is_adult=not carer.is_child,
            parents_are_adults=all(not parent.is_child for parent in parents),
            notified_on=notified_on,
            notified_by=notified_by,
            today=clock.today(),
        )
    )
    arrangement = PrivateFosteringArrangement.objects.create(
        child=child,
        carer=carer,
        notified_on=notified_on,
        notified_by=notified_by.strip(),
        started_on=started_on,
        expected_length=expected_length.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    arrangement.parents.set(parents)
    start_clock(queries.FIRST_VISIT_CLOCK, child=child, subject=arrangement, started_on=notified_on)
    record_event(
        events.PRIVATE_FOSTERING_NOTIFIED.code,
        children=[child],
        by=by,
        summary=f"Privately fostered by {carer.full_name} from {long_date(started_on)}; "
        f"the council was told by {arrangement.notified_by}",
        occurred_on=notified_on,
        subject=arrangement,
    )
    return arrangement


@action
def record_private_fostering_check(
    arrangement: PrivateFosteringArrangement,
    *,
    kind: str,
    completed_on: date,
    outcome: str,
    notes: str = "",
    by: User,
) -> PrivateFosteringCheck:
    """A check on the carer or household: DBS, the home, references, health, school."""
    child = arrangement.child
    require(can_record_register_work(by, child))
    refuse_if(
        rules.check_problems(arrangement, kind=kind, completed_on=completed_on, outcome=outcome, today=clock.today())
    )
    check = PrivateFosteringCheck.objects.create(
        arrangement=arrangement,
        kind=kind,
        completed_on=completed_on,
        outcome=outcome,
        notes=notes.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.PRIVATE_FOSTERING_CHECK_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Private fostering check, {check.get_kind_display()}: {check.get_outcome_display().lower()}",
        occurred_on=completed_on,
        subject=check,
    )
    return check


@action
def complete_private_fostering_assessment(
    arrangement: PrivateFosteringArrangement,
    *,
    completed_on: date,
    outcome: str,
    summary: str,
    by: User,
) -> PrivateFosteringArrangement:
    """The assessment of the arrangement, once its checks are recorded: suitable, with requirements, or not."""
    child = arrangement.child
    require(can_record_register_work(by, child))
    refuse_if(
        rules.assessment_problems(
            arrangement,
            completed_on=completed_on,
            outcome=outcome,
            summary=summary,
            checks_recorded=arrangement.checks.count(),
            today=clock.today(),
        )
    )
    arrangement.assessment_completed_on = completed_on
    arrangement.assessment_outcome = outcome
    arrangement.assessment_summary = summary.strip()
    arrangement.save(update_fields=["assessment_completed_on", "assessment_outcome", "assessment_summary"])
    record_event(
        events.PRIVATE_FOSTERING_ASSESSED.code,
        children=[child],
        by=by,
        summary=f"Private fostering assessment: {AssessmentOutcome(outcome).label}. {arrangement.assessment_summary}",
        occurred_on=completed_on,
        subject=arrangement,
    )
    return arrangement


@action
def record_private_fostering_visit(
    arrangement: PrivateFosteringArrangement,
    *,
    visited_on: date,
    child_seen: bool,
    seen_alone: bool,
    child_views: str = "",
    notes: str = "",
    by: User,
) -> PrivateFosteringVisit:
    """A visit: a visit that sees the child meets the clock running and starts the next (6 or 12 weeks)."""
    child = arrangement.child
    require(can_record_register_work(by, child))
    last = arrangement.visits.order_by("-visited_on").first()
    refuse_if(
        rules.visit_problems(
            arrangement,
            visited_on=visited_on,
            child_seen=child_seen,
            seen_alone=seen_alone,
            child_views=child_views,
            last_visit_on=last.visited_on if last else None,
            today=clock.today(),
        )
    )
    visit = PrivateFosteringVisit.objects.create(
        arrangement=arrangement,
        visited_on=visited_on,
        child_seen=child_seen,
        seen_alone=seen_alone,
        child_views=child_views.strip(),
        notes=notes.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    if not child_seen:
        seen = "child not seen"
    elif seen_alone:
        seen = "child seen alone"
    else:
        seen = "child seen, not alone"
    views = f". Views: {visit.child_views}" if visit.child_views else ""
    event = record_event(
        events.PRIVATE_FOSTERING_VISIT_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Private fostering visit, {seen}{views}",
        occurred_on=visited_on,
        subject=visit,
    )
    if child_seen:
        for running in queries.open_deadlines(arrangement, queries.VISIT_CLOCKS):
            meet_clock(running.timescale_code, subject=arrangement, met_on=visited_on, event=event)
        start_clock(
            queries.next_visit_clock(arrangement, visited_on=visited_on),
            child=child,
            subject=arrangement,
            started_on=visited_on,
        )
    return visit


@action
def record_private_fostering_oversight(
    arrangement: PrivateFosteringArrangement, *, decided_on: date, decision: str, rationale: str, by: User
) -> PrivateFosteringOversight:
    """A manager's decision about the arrangement, with the reasons, on the child's record."""
    child = arrangement.child
    require(can_record_private_fostering_oversight(by, child))
    manager = _staff(by)
    refuse_if(
        rules.oversight_problems(
            arrangement, decided_on=decided_on, decision=decision, rationale=rationale, today=clock.today()
        )
    )
    oversight = PrivateFosteringOversight.objects.create(
        arrangement=arrangement,
        decided_on=decided_on,
        decision=decision.strip(),
        rationale=rationale.strip(),
        decided_by=manager,
        recorded_at=clock.now(),
    )
    record_event(
        events.PRIVATE_FOSTERING_OVERSIGHT_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Private fostering oversight by {manager.full_name}: {oversight.decision}",
        occurred_on=decided_on,
        subject=oversight,
    )
    return oversight


@action
def end_private_fostering(
    arrangement: PrivateFosteringArrangement, *, ended_on: date, reason: str, details: str = "", by: User
) -> PrivateFosteringArrangement:
    """The arrangement ends; the visit clocks stop."""
    child = arrangement.child
    require(can_record_register_work(by, child))
    last = arrangement.visits.order_by("-visited_on").first()
    refuse_if(
        rules.ending_problems(
            arrangement,
            ended_on=ended_on,
            reason=reason,
            last_visit_on=last.visited_on if last else None,
            today=clock.today(),
        )
    )
    arrangement.ended_on = ended_on
    arrangement.end_reason = reason
    arrangement.end_details = details.strip()
    arrangement.save(update_fields=["ended_on", "end_reason", "end_details"])
    close_clocks_for(arrangement, on=ended_on, reason="arrangement ended")
    record_event(
        events.PRIVATE_FOSTERING_ENDED.code,
        children=[child],
        by=by,
        summary=f"Private fostering ended: {ArrangementEndReason(reason).label}",
        occurred_on=ended_on,
        subject=arrangement,
    )
    return arrangement


# -- children missing education and elective home education ------------------------------------------


@action
def add_to_register(
    child: Person, *, register: str, added_on: date, source: str, reason: str, by: User
) -> RegisterEntry:
    """A child added to the children missing education or the elective home education register."""
    require(can_record_register_work(by, child))
    refuse_if(
        rules.adding_problems(
            already_open=RegisterEntry.objects.filter(child=child, register=register, removed_on__isnull=True).first(),
            register=register,
            added_on=added_on,
            source=source,
            reason=reason,
            today=clock.today(),
        )
    )
    entry = RegisterEntry.objects.create(
        child=child,
        register=register,
        added_on=added_on,
        source=source.strip(),
        reason=reason.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    start_clock(queries.CHECK_CLOCKS[RegisterKind(register)], child=child, subject=entry, started_on=added_on)
    record_event(
        events.ENTRY_ADDED.code,
        children=[child],
        by=by,
        summary=f"Added to the {RegisterKind(register).label.lower()} register: {entry.reason}",
        occurred_on=added_on,
        subject=entry,
    )
    return entry


@action
def record_register_check(
    entry: RegisterEntry,
    *,
    kind: str,
    checked_on: date,
    child_seen: bool,
    safeguarding_concern: bool,
    outcome: str,
    by: User,
) -> RegisterCheck:
    """A check or home visit for a child on a register; meets the check clock and starts the next."""
    child = entry.child
    require(can_record_register_work(by, child))
    last = entry.checks.order_by("-checked_on").first()
    refuse_if(
        rules.register_check_problems(
            entry,
            kind=kind,
            checked_on=checked_on,
            outcome=outcome,
            last_check_on=last.checked_on if last else None,
            today=clock.today(),
        )
    )
    check = RegisterCheck.objects.create(
        entry=entry,
        kind=kind,
        checked_on=checked_on,
        child_seen=child_seen,
        safeguarding_concern=safeguarding_concern,
        outcome=outcome.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    seen = "child seen" if child_seen else "child not seen"
    concern = "; safeguarding concern" if safeguarding_concern else ""
    event = record_event(
        events.CHECK_RECORDED.code,
        children=[child],
        by=by,
        summary=f"{check.get_kind_display()} ({entry.get_register_display().lower()}), {seen}{concern}: "
        f"{check.outcome}",
        occurred_on=checked_on,
        subject=check,
    )
    code = queries.CHECK_CLOCKS[RegisterKind(entry.register)]
    meet_clock(code, subject=entry, met_on=checked_on, event=event)
    start_clock(code, child=child, subject=entry, started_on=checked_on)
    return check


@action
def remove_from_register(
    entry: RegisterEntry, *, removed_on: date, reason: str, destination: str = "", by: User
) -> RegisterEntry:
    """A child removed from a register, with the reason and where they went; the check clock stops."""
    child = entry.child
    require(can_record_register_work(by, child))
    last = entry.checks.order_by("-checked_on").first()
    refuse_if(
        rules.removal_problems(
            entry,
            removed_on=removed_on,
            reason=reason,
            last_check_on=last.checked_on if last else None,
            today=clock.today(),
        )
    )
    entry.removed_on = removed_on
    entry.removal_reason = reason
    entry.destination = destination.strip()
    entry.save(update_fields=["removed_on", "removal_reason", "destination"])
    close_clocks_for(entry, on=removed_on, reason="removed from the register")
    went = f" ({entry.destination})" if entry.destination else ""
    record_event(
        events.ENTRY_REMOVED.code,
        children=[child],
        by=by,
        summary=f"Removed from the {entry.get_register_display().lower()} register: "
        f"{RemovalReason(reason).label}{went}",
        occurred_on=removed_on,
        subject=entry,
    )
    return entry
