"""Recording pre-proceedings and care proceedings: every step checked, dated and in the chronology.

A manager's decision to enter pre-proceedings starts the local pre-proceedings clock
(16 weeks by default); the exit decision meets it. An application for a care or
supervision order starts the 26-week clock; the final order meets it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.legal import events, queries, rules
from kith.legal.access import can_decide_legal, can_record_court_work
from kith.legal.models import (
    CareProceedings,
    Hearing,
    Order,
    PreProceedings,
    PreProceedingsMeeting,
    PreProceedingsOutcome,
)
from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import meet_clock, start_clock

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # every capability needs an active staff record
    return staff


@action
def start_pre_proceedings(child: Person, *, entered_on: date, reason: str, by: User) -> PreProceedings:
    """A manager's decision that the child enters pre-proceedings, with the reasons; starts the tracker's clock."""
    require(can_decide_legal(by, child))
    manager = _staff(by)
    refuse_if(
        rules.entry_problems(
            already_open=queries.open_pre_proceedings(child), entered_on=entered_on, reason=reason, today=clock.today()
        )
    )
    started = PreProceedings.objects.create(
        child=child,
        entered_on=entered_on,
        decision_maker=manager,
        reason=reason.strip(),
        recorded_at=clock.now(),
    )
    start_clock(queries.PRE_PROCEEDINGS_CLOCK, child=child, subject=started, started_on=entered_on)
    record_event(
        events.PRE_PROCEEDINGS_STARTED.code,
        children=[child],
        by=by,
        summary=f"Entered pre-proceedings, decided by {manager.full_name}: {started.reason}",
        occurred_on=entered_on,
        subject=started,
    )
    return started


@action
def send_letter_before_proceedings(
    pre_proceedings: PreProceedings,
    *,
    sent_on: date,
    risks: str,
    changes_expected: str,
    support_offered: str,
    by: User,
) -> PreProceedings:
    """The letter before proceedings: the individual risks, the changes expected and the support offered."""
    child = pre_proceedings.child
    require(can_record_court_work(by, child))
    refuse_if(
        rules.letter_problems(
            pre_proceedings,
            sent_on=sent_on,
            risks=risks,
            changes_expected=changes_expected,
            support_offered=support_offered,
            today=clock.today(),
        )
    )
    pre_proceedings.letter_sent_on = sent_on
    pre_proceedings.letter_risks = risks.strip()
    pre_proceedings.letter_changes_expected = changes_expected.strip()
    pre_proceedings.letter_support_offered = support_offered.strip()
    pre_proceedings.save(
        update_fields=["letter_sent_on", "letter_risks", "letter_changes_expected", "letter_support_offered"]
    )
    record_event(
        events.LETTER_BEFORE_PROCEEDINGS_SENT.code,
        children=[child],
        by=by,
        summary=f"Letter before proceedings sent. Changes expected: {pre_proceedings.letter_changes_expected}",
        occurred_on=sent_on,
        subject=pre_proceedings,
    )
    return pre_proceedings


@action
def record_pre_proceedings_meeting(
    pre_proceedings: PreProceedings,
    *,
    kind: str,
    held_on: date,
    attendees: str,
    summary: str,
    next_review_on: date | None = None,
    by: User,
) -> PreProceedingsMeeting:
    """An initial or review meeting with the parents and their lawyers, and when it is next reviewed."""
    child = pre_proceedings.child
    require(can_record_court_work(by, child))
    initial = pre_proceedings.meetings.filter(kind="initial").order_by("held_on").first()
    refuse_if(
        rules.meeting_problems(
            pre_proceedings,
            initial_held_on=initial.held_on if initial else None,
            kind=kind,
            held_on=held_on,
            next_review_on=next_review_on,
            attendees=attendees,
            summary=summary,
            today=clock.today(),
        )
    )
    meeting = PreProceedingsMeeting.objects.create(
        pre_proceedings=pre_proceedings,
        kind=kind,
        held_on=held_on,
        attendees=attendees.strip(),
        summary=summary.strip(),
        next_review_on=next_review_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    review = f"; next review {long_date(next_review_on)}" if next_review_on else ""
    record_event(
        events.PRE_PROCEEDINGS_MEETING_HELD.code,
        children=[child],
        by=by,
        summary=f"{meeting.get_kind_display()}: {meeting.summary}{review}",
        occurred_on=held_on,
        subject=meeting,
    )
    return meeting


@action
def record_family_group_decision_making(
    pre_proceedings: PreProceedings, *, offered_on: date, held_on: date | None = None, by: User
) -> PreProceedings:
    """A family group decision-making meeting offered to the family, and the day it was held, if it was."""
    child = pre_proceedings.child
    require(can_record_court_work(by, child))
    refuse_if(
        rules.family_meeting_problems(pre_proceedings, offered_on=offered_on, held_on=held_on, today=clock.today())
    )
    pre_proceedings.family_meeting_offered_on = offered_on
    pre_proceedings.family_meeting_held_on = held_on
    pre_proceedings.save(update_fields=["family_meeting_offered_on", "family_meeting_held_on"])
    happened = f"held on {long_date(held_on)}" if held_on else "not held yet"
    record_event(
        events.FAMILY_GROUP_MEETING_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Family group decision-making meeting offered on {long_date(offered_on)}, {happened}",
        occurred_on=held_on or offered_on,
        subject=pre_proceedings,
    )
    return pre_proceedings


@action
def end_pre_proceedings(
    pre_proceedings: PreProceedings,
    *,
    ended_on: date,
    outcome: str,
    rationale: str,
    letter_of_issue_sent_on: date | None = None,
    by: User,
) -> PreProceedings:
    """A manager's exit decision: step down or issue proceedings, with the reasons; meets the tracker's clock."""
    child = pre_proceedings.child
    require(can_decide_legal(by, child))
    manager = _staff(by)
    last_meeting = pre_proceedings.meetings.order_by("-held_on").first()
    refuse_if(
        rules.exit_problems(
            pre_proceedings,
            ended_on=ended_on,
            outcome=outcome,
            rationale=rationale,
            letter_of_issue_sent_on=letter_of_issue_sent_on,
            last_meeting_on=last_meeting.held_on if last_meeting else None,
            today=clock.today(),
        )
    )
    pre_proceedings.ended_on = ended_on
    pre_proceedings.outcome = outcome
    pre_proceedings.exit_rationale = rationale.strip()
    pre_proceedings.exit_decided_by = manager
    pre_proceedings.letter_of_issue_sent_on = letter_of_issue_sent_on
    pre_proceedings.save(
        update_fields=["ended_on", "outcome", "exit_rationale", "exit_decided_by", "letter_of_issue_sent_on"]
    )
    event = record_event(
        events.PRE_PROCEEDINGS_ENDED.code,
        children=[child],
        by=by,
        summary=f"{PreProceedingsOutcome(outcome).label}, decided by {manager.full_name}: "
        f"{pre_proceedings.exit_rationale}",
        occurred_on=ended_on,
        subject=pre_proceedings,
    )
    meet_clock(queries.PRE_PROCEEDINGS_CLOCK, subject=pre_proceedings, met_on=ended_on, event=event)
    return pre_proceedings


@action
def make_care_application(
    child: Person,
    *,
    application_kind: str,
    application_made_on: date,
    court: str,
    reason: str,
    by: User,
) -> CareProceedings:
    """An application to the family court, agreed by a manager; care and supervision orders start the 26 weeks."""
    require(can_decide_legal(by, child))
    manager = _staff(by)
    refuse_if(
        rules.application_problems(
            open_pre_proceedings=queries.open_pre_proceedings(child),
            open_of_same_kind=CareProceedings.objects.filter(
                child=child, application_kind=application_kind, ended_on__isnull=True
            ).first(),
            application_kind=application_kind,
            application_made_on=application_made_on,
            court=court,
            reason=reason,
            today=clock.today(),
        )
    )
    # The pre-proceedings that ended with the decision to issue, when there were any.
    issued_from = (
        PreProceedings.objects.filter(
            child=child, outcome=PreProceedingsOutcome.ISSUE_PROCEEDINGS, ended_on__lte=application_made_on
        )
        .order_by("-ended_on", "-pk")
        .first()
    )
    made = CareProceedings.objects.create(
        child=child,
        pre_proceedings=issued_from,
        application_kind=application_kind,
        application_made_on=application_made_on,
        court=court.strip(),
        reason=reason.strip(),
        decided_by=manager,
        recorded_at=clock.now(),
    )
    if made.has_twenty_six_week_limit:
        start_clock(queries.CARE_PROCEEDINGS_CLOCK, child=child, subject=made, started_on=application_made_on)
    record_event(
        events.CARE_APPLICATION_MADE.code,
        children=[child],
        by=by,
        summary=f"Application for a {made.get_application_kind_display().lower()} made to {made.court}",
        occurred_on=application_made_on,
        subject=made,
    )
    return made


@action
def record_hearing(
    proceedings: CareProceedings,
    *,
    kind: str,
    held_on: date,
    order_made: str = Order.NONE,
    summary: str = "",
    next_hearing_on: date | None = None,
    delay_cause: str = "",
    by: User,
) -> Hearing:
    """A hearing: any order made, when the court sits next and anything that delayed the case."""
    child = proceedings.child
    require(can_record_court_work(by, child))
    refuse_if(
        rules.hearing_problems(
            proceedings,
            kind=kind,
            order_made=order_made,
            held_on=held_on,
            next_hearing_on=next_hearing_on,
            today=clock.today(),
        )
    )
    hearing = Hearing.objects.create(
        proceedings=proceedings,
        held_on=held_on,
        kind=kind,
        order_made=order_made,
        summary=summary.strip(),
        next_hearing_on=next_hearing_on,
        delay_cause=delay_cause.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    parts = [hearing.get_kind_display(), hearing.get_order_made_display()]
    if next_hearing_on:
        parts.append(f"next hearing {long_date(next_hearing_on)}")
    if hearing.delay_cause:
        parts.append(f"delay: {hearing.delay_cause}")
    record_event(
        events.HEARING_RECORDED.code,
        children=[child],
        by=by,
        summary="; ".join(parts),
        occurred_on=held_on,
        subject=hearing,
    )
    return hearing


@action
def conclude_care_proceedings(
    proceedings: CareProceedings,
    *,
    ended_on: date,
    final_order: str,
    outcome_summary: str = "",
    delay_reasons: str = "",
    by: User,
) -> CareProceedings:
    """The court's final order; meets the 26 weeks, and past them the reasons for delay are required."""
    child = proceedings.child
    require(can_record_court_work(by, child))
    last_hearing = proceedings.hearings.order_by("-held_on").first()
    running = queries.open_deadline(queries.CARE_PROCEEDINGS_CLOCK, proceedings)
    refuse_if(
        rules.conclusion_problems(
            proceedings,
            ended_on=ended_on,
            final_order=final_order,
            delay_reasons=delay_reasons,
            last_hearing_on=last_hearing.held_on if last_hearing else None,
            due_on=running.due_on if running else None,
            today=clock.today(),
        )
    )
    proceedings.ended_on = ended_on
    proceedings.final_order = final_order
    proceedings.outcome_summary = outcome_summary.strip()
    proceedings.delay_reasons = delay_reasons.strip()
    proceedings.save(update_fields=["ended_on", "final_order", "outcome_summary", "delay_reasons"])
    weeks = (ended_on - proceedings.application_made_on).days // queries.DAYS_IN_A_WEEK
    event = record_event(
        events.CARE_PROCEEDINGS_CONCLUDED.code,
        children=[child],
        by=by,
        summary=f"Proceedings concluded after {weeks} week{'' if weeks == 1 else 's'}: "
        f"{proceedings.get_final_order_display()}",
        occurred_on=ended_on,
        subject=proceedings,
    )
    if running is not None:
        meet_clock(queries.CARE_PROCEEDINGS_CLOCK, subject=proceedings, met_on=ended_on, event=event)
    return proceedings
