"""Every change the front door makes: contacts, consent, screening, decisions, referrals and their
closure, early help, police protection, out-of-hours handovers and professional disagreements.

Each action checks access, then the rules (refusing with the dates named and nothing saved),
writes its rows, records one chronology event, and starts or meets the clocks:

* ``front_door.referral_decision`` starts when a contact is recorded and is met by its decision;
* ``assessments.single_assessment`` starts with each referral (not one with no further action),
  and ``assessments.strategy_discussion`` too when the decision goes straight to one;
* ``front_door.early_help_follow_up`` starts when a family is signposted to early help and is
  met when the front door checks they got help (R-152);
* closing a referral cancels every clock still running on the episode.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from kith.front_door import events, queries, rules
from kith.front_door.access import (
    can_acknowledge_handover,
    can_audit_early_help,
    can_make_front_door_decision,
    can_record_front_door_work,
)
from kith.front_door.models import (
    AfterPoliceProtection,
    AuditGrade,
    Consent,
    Contact,
    ContactDecision,
    DisagreementOutcome,
    EarlyHelpAssessment,
    EarlyHelpOutcome,
    EscalationStage,
    OutOfHoursRecord,
    PoliceProtection,
    Priority,
    ProfessionalDisagreement,
    Referral,
)
from kith.people.access import can_view_person, staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.chronology.record import record_event
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import PrimaryNeed, ReasonForClosure, ReferralSource
from kith.platform.rules import NotAllowed, refuse_if, require
from kith.platform.timescales.clocks import close_clocks_for, meet_clock, start_clock
from kith.quality.models import DecisionKind, ManagementDecision

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember, Team

REFERRAL_DECISION = "front_door.referral_decision"
EARLY_HELP_FOLLOW_UP = "front_door.early_help_follow_up"
SINGLE_ASSESSMENT = "assessments.single_assessment"
STRATEGY_DISCUSSION = "assessments.strategy_discussion"

CLOSED_REASON = "Referral closed"
NFA_AT_REFERRAL = "No further action at referral"


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    if staff is None:
        raise NotAllowed
    return staff


def _unique(people: Sequence[Person]) -> list[Person]:
    seen: set[int] = set()
    kept = []
    for person in people:
        if person.pk not in seen:
            seen.add(person.pk)
            kept.append(person)
    return kept


def _first_line(text: str, limit: int = 160) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else f"{line[: limit - 1]}…"


def _decide_for_each(
    children: Sequence[Person], *, kind: str, decision: str, rationale: str, decided_on: date, manager: StaffMember
) -> None:
    """The manager's decision on each child's record, where the case summary shows it (ARCHITECTURE idea 5)."""
    now = clock.now()
    ManagementDecision.objects.bulk_create(
        ManagementDecision(
            child=child,
            kind=kind,
            decision=decision,
            rationale=rationale,
            decided_on=decided_on,
            decided_by=manager,
            recorded_at=now,
        )
        for child in children
    )


def _open_referral(
    child: Person,
    *,
    contact: Contact | None,
    referral_date: date,
    source: str,
    primary_need: str,
    threshold_level: str,
    no_further_action: bool,
    stepped_up_from_early_help: bool,
    step_up_reason: str,
    recorder: StaffMember,
) -> Referral:
    """A referral (the child in need episode); one with no further action is closed the same day (RC7).

    RC7 rather than RC8: RC8 and RC9 mean "closed after assessment", and there was none (query 8825Q).
    """
    return Referral.objects.create(
        child=child,
        contact=contact,
        referral_date=referral_date,
        source=source,
        primary_need=primary_need,
        threshold_level=threshold_level,
        no_further_action=no_further_action,
        is_re_referral=rules.is_re_referral(referral_date, queries.referral_closures(child)),
        stepped_up_from_early_help=stepped_up_from_early_help,
        step_up_reason=step_up_reason.strip() if stepped_up_from_early_help else "",
        closed_on=referral_date if no_further_action else None,
        closure_reason=ReasonForClosure.SERVICES_CEASED if no_further_action else "",
        closure_notes=NFA_AT_REFERRAL if no_further_action else "",
        recorded_by=recorder,
        recorded_at=clock.now(),
    )


# --- contacts -------------------------------------------------------------------------------------------------


@action
def record_contact(
    children: Sequence[Person],
    *,
    received_at: datetime,
    source: str,
    reason: str,
    consent: str,
    consent_rationale: str = "",
    adults: Sequence[Person] = (),
    referrer_name: str = "",
    referrer_organisation: str = "",
    referrer_contact_details: str = "",
    history_checks: str = "",
    history_findings: str = "",
    by: User,
) -> Contact:
    """Record what reached the front door, and start the one-working-day decision clock."""
    children = _unique(children)
    adults = _unique(adults)
    for child in children:
        require(can_record_front_door_work(by, child))
    for adult in adults:
        require(can_view_person(by, adult))
    recorder = _staff(by)
    refuse_if(
        rules.contact_problems(
            children=children,
            adults=adults,
            received_at=received_at,
            now=clock.now(),
            source=source,
            reason=reason,
            consent=consent,
            consent_rationale=consent_rationale,
        )
    )
    received_on = rules.local_date(received_at)
    earlier = [rules.local_date(moment) for moment in queries.earlier_contacts_received(children, up_to=received_at)]
    contact = Contact.objects.create(
        received_at=received_at,
        source=source,
        referrer_name=referrer_name.strip(),
        referrer_organisation=referrer_organisation.strip(),
        referrer_contact_details=referrer_contact_details.strip(),
        reason=reason.strip(),
        is_repeat_contact=rules.is_repeat_contact(received_on, earlier),
        consent=consent,
        consent_rationale=consent_rationale.strip() if consent == Consent.DISPENSED_WITH else "",
        history_checks=history_checks.strip(),
        history_findings=history_findings.strip(),
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    # One row at a time, in the order given: the first child named carries the decision clock.
    through = Contact.children.through
    through.objects.bulk_create(through(contact=contact, person=child) for child in children)
    contact.adults.set(adults)
    who = ", ".join(part for part in (referrer_name.strip(), referrer_organisation.strip()) if part)
    record_event(
        events.CONTACT_RECEIVED.code,
        children=children,
        by=by,
        summary=f"Contact from {ReferralSource(source).label}{f' ({who})' if who else ''}: {_first_line(reason)}",
        occurred_on=received_on,
        subject=contact,
    )
    start_clock(REFERRAL_DECISION, child=children[0], subject=contact, started_on=received_on)
    return contact


@action
def sign_off_consent_dispensed(contact: Contact, *, rationale: str, by: User) -> Contact:
    """A manager agrees to proceed without the parents' consent to safeguard the child (R-016)."""
    children = queries.children_of(contact)
    for child in children:
        require(can_make_front_door_decision(by, child))
    manager = _staff(by)
    signed_off_by = contact.consent_signed_off_by
    refuse_if(
        rules.consent_sign_off_problems(
            consent=contact.consent,
            signed_off_by=signed_off_by.full_name if signed_off_by else None,
            signed_off_at=contact.consent_signed_off_at,
            rationale=rationale,
        )
    )
    contact.consent_signed_off_by = manager
    contact.consent_signed_off_at = clock.now()
    contact.version += 1
    contact.save(update_fields=["consent_signed_off_by", "consent_signed_off_at", "version"])
    today = clock.today()
    _decide_for_each(
        children,
        kind=DecisionKind.CONSENT_DISPENSED,
        decision="Proceed without the parents' consent to safeguard the child",
        rationale=rationale.strip(),
        decided_on=today,
        manager=manager,
    )
    record_event(
        events.CONSENT_DISPENSED_SIGNED_OFF.code,
        children=children,
        by=by,
        summary=f"{manager.full_name} agreed to proceed without parental consent: {_first_line(rationale)}",
        occurred_on=today,
        subject=contact,
    )
    return contact


@action
def screen_contact(
    contact: Contact,
    *,
    screening_analysis: str,
    priority: str,
    history_checks: str | None = None,
    history_findings: str | None = None,
    by: User,
) -> Contact:
    """The screener's analysis and priority, with the history checks made and what they found (R-007)."""
    children = queries.children_of(contact)
    for child in children:
        require(can_record_front_door_work(by, child))
    checks = contact.history_checks if history_checks is None else history_checks
    findings = contact.history_findings if history_findings is None else history_findings
    refuse_if(
        rules.screening_problems(
            decided_at=contact.decided_at,
            screening_analysis=screening_analysis,
            priority=priority,
            history_checks=checks,
            history_findings=findings,
        )
    )
    contact.history_checks = checks.strip()
    contact.history_findings = findings.strip()
    contact.screening_analysis = screening_analysis.strip()
    contact.priority = priority
    contact.version += 1
    contact.save(update_fields=["history_checks", "history_findings", "screening_analysis", "priority", "version"])
    record_event(
        events.CONTACT_SCREENED.code,
        children=children,
        by=by,
        summary=f"Screened as {Priority(priority).label.split(':')[0].lower()}: {_first_line(screening_analysis)}",
        subject=contact,
    )
    return contact


@action
def decide_contact(
    contact: Contact,
    *,
    decision: str,
    rationale: str,
    advice_given: str = "",
    threshold_level: str = "",
    primary_need: str = "",
    no_further_action: bool = False,
    stepped_up_from_early_help: bool = False,
    step_up_reason: str = "",
    decided_at: datetime | None = None,
    by: User,
) -> Contact:
    """The manager's decision on a contact, meeting the decision clock.

    A referral (or a referral straight to a strategy discussion) opens a referral for each
    child, dated the day of the decision, and starts the assessment clock (and the strategy
    discussion clock). A referral with no further action is closed the same day. Early help
    starts the follow-up clock (R-152).
    """
    children = queries.children_of(contact)
    for child in children:
        require(can_make_front_door_decision(by, child))
    manager = _staff(by)
    decided_at = decided_at or clock.now()
    decided_on = rules.local_date(decided_at)
    makes_referrals = decision in rules.REFERRAL_DECISIONS
    problems = rules.decision_problems(
        decided_before=contact.decided_at,
        screened=bool(contact.screening_analysis and contact.priority),
        received_at=contact.received_at,
        decided_at=decided_at,
        now=clock.now(),
        decision=decision,
        rationale=rationale,
        advice_given=advice_given,
        threshold_level=threshold_level,
        primary_need=primary_need,
        no_further_action=no_further_action,
        consent=contact.consent,
        consent_signed_off=contact.consent_signed_off_at is not None,
        stepped_up_from_early_help=stepped_up_from_early_help,
        step_up_reason=step_up_reason,
    )
    if makes_referrals and contact.decided_at is None:
        for child in children:
            open_referral = queries.open_referral_of(child)
            rules.open_referral_problems(
                problems, "decision", child, open_referral.referral_date if open_referral else None
            )
            rules.dated_within_life_problems(
                problems, "decision", "A referral", child, decided_on, before_birth_allowed=True
            )
    refuse_if(problems)

    contact.decision = decision
    contact.decision_rationale = rationale.strip()
    contact.advice_given = advice_given.strip()
    contact.decided_at = decided_at
    contact.decided_by = manager
    contact.version += 1
    contact.save()
    label = ContactDecision(decision).label
    _decide_for_each(
        children,
        kind=DecisionKind.CONTACT_DECISION,
        decision=f"{label}{' (no further action)' if no_further_action else ''}",
        rationale=rationale.strip(),
        decided_on=decided_on,
        manager=manager,
    )
    referrals = [
        _open_referral(
            child,
            contact=contact,
            referral_date=decided_on,
            source=contact.source,
            primary_need=primary_need,
            threshold_level=threshold_level,
            no_further_action=no_further_action,
            stepped_up_from_early_help=stepped_up_from_early_help,
            step_up_reason=step_up_reason,
            recorder=manager,
        )
        for child in (children if makes_referrals else [])
    ]
    nfa = " with no further action" if no_further_action else ""
    event = record_event(
        events.CONTACT_DECIDED.code,
        children=children,
        by=by,
        summary=f"{label}{nfa}, decided by {manager.full_name}: {_first_line(rationale)}",
        occurred_on=decided_on,
        subject=contact,
    )
    meet_clock(REFERRAL_DECISION, subject=contact, met_on=decided_on, event=event)
    for referral in referrals:
        if referral.no_further_action:
            continue
        start_clock(SINGLE_ASSESSMENT, child=referral.child, subject=referral, started_on=decided_on)
        if decision == ContactDecision.STRATEGY_DISCUSSION:
            start_clock(STRATEGY_DISCUSSION, child=referral.child, subject=referral, started_on=decided_on)
    if decision == ContactDecision.EARLY_HELP:
        follow_up = start_clock(EARLY_HELP_FOLLOW_UP, child=children[0], subject=contact, started_on=decided_on)
        contact.early_help_follow_up_due_on = follow_up.due_on
        contact.save(update_fields=["early_help_follow_up_due_on"])
    return contact


@action
def record_early_help_follow_up(
    contact: Contact, *, followed_up_on: date, family_got_help: bool, notes: str = "", by: User
) -> Contact:
    """Whether a family signposted to early help got the help (R-152), meeting the follow-up clock."""
    children = queries.children_of(contact)
    for child in children:
        require(can_record_front_door_work(by, child))
    refuse_if(
        rules.follow_up_problems(
            decision=contact.decision,
            decided_on=rules.local_date(contact.decided_at) if contact.decided_at else None,
            followed_up_before=contact.early_help_followed_up_on,
            followed_up_on=followed_up_on,
            today=clock.today(),
            family_got_help=family_got_help,
            notes=notes,
        )
    )
    contact.early_help_followed_up_on = followed_up_on
    contact.family_got_help = family_got_help
    contact.early_help_follow_up_notes = notes.strip()
    contact.version += 1
    contact.save(
        update_fields=["early_help_followed_up_on", "family_got_help", "early_help_follow_up_notes", "version"]
    )
    outcome = "the family got help" if family_got_help else "the family did not get help"
    event = record_event(
        events.EARLY_HELP_FOLLOWED_UP.code,
        children=children,
        by=by,
        summary=f"Early help followed up: {outcome}{f'. {_first_line(notes)}' if notes.strip() else ''}",
        occurred_on=followed_up_on,
        subject=contact,
    )
    meet_clock(EARLY_HELP_FOLLOW_UP, subject=contact, met_on=followed_up_on, event=event)
    return contact


# --- referrals ------------------------------------------------------------------------------------------------


@action
def record_referral(
    child: Person,
    *,
    referral_date: date,
    source: str,
    threshold_level: str,
    primary_need: str = "",
    no_further_action: bool = False,
    stepped_up_from_early_help: bool = False,
    step_up_reason: str = "",
    by: User,
) -> Referral:
    """A referral not made through a contact decision (handed over from out of hours, stepped up from early
    help), starting the assessment clock unless there is no further action."""
    require(can_record_front_door_work(by, child))
    recorder = _staff(by)
    open_referral = queries.open_referral_of(child)
    refuse_if(
        rules.referral_problems(
            child=child,
            referral_date=referral_date,
            today=clock.today(),
            open_since=open_referral.referral_date if open_referral else None,
            source=source,
            primary_need=primary_need,
            threshold_level=threshold_level,
            no_further_action=no_further_action,
            stepped_up_from_early_help=stepped_up_from_early_help,
            step_up_reason=step_up_reason,
        )
    )
    referral = _open_referral(
        child,
        contact=None,
        referral_date=referral_date,
        source=source,
        primary_need=primary_need,
        threshold_level=threshold_level,
        no_further_action=no_further_action,
        stepped_up_from_early_help=stepped_up_from_early_help,
        step_up_reason=step_up_reason,
        recorder=recorder,
    )
    flags = [
        text
        for text, shown in (
            ("a re-referral", referral.is_re_referral),
            ("stepped up from early help", stepped_up_from_early_help),
            ("no further action", no_further_action),
        )
        if shown
    ]
    flagged = f" ({', '.join(flags)})" if flags else ""
    need = f": {PrimaryNeed(primary_need).label}" if primary_need else ""
    record_event(
        events.REFERRAL_RECEIVED.code,
        children=[child],
        by=by,
        summary=f"Referral from {ReferralSource(source).label}{flagged}{need}",
        occurred_on=referral_date,
        subject=referral,
    )
    if not no_further_action:
        start_clock(SINGLE_ASSESSMENT, child=child, subject=referral, started_on=referral_date)
    return referral


@action
def close_referral(
    referral: Referral,
    *,
    closed_on: date,
    reason: str,
    rationale: str,
    stepped_down_to_early_help: bool = False,
    step_down_reason: str = "",
    by: User,
) -> Referral:
    """A manager closes the child in need episode with its census reason, cancelling its clocks.

    Refused while a child protection plan, a child in need plan, a section 47 enquiry or an
    assessment not yet authorised is open on the episode; the message names each.
    """
    child = referral.child
    require(can_make_front_door_decision(by, child))
    manager = _staff(by)
    refuse_if(
        rules.closure_problems(
            referral_date=referral.referral_date,
            closed_before=referral.closed_on,
            closed_on=closed_on,
            today=clock.today(),
            reason=reason,
            rationale=rationale,
            stepped_down_to_early_help=stepped_down_to_early_help,
            step_down_reason=step_down_reason,
            open_work=queries.open_work_on(referral) if referral.closed_on is None else [],
            latest_work=queries.latest_work_on(referral),
            has_assessment=queries.has_assessment(referral),
            date_of_death=child.date_of_death,
            work_beyond_assessment=queries.work_beyond_assessment(referral),
        )
    )
    referral.closed_on = closed_on
    referral.closure_reason = reason
    referral.closure_notes = rationale.strip()
    referral.stepped_down_to_early_help = stepped_down_to_early_help
    referral.step_down_reason = step_down_reason.strip() if stepped_down_to_early_help else ""
    referral.save(
        update_fields=[
            "closed_on",
            "closure_reason",
            "closure_notes",
            "stepped_down_to_early_help",
            "step_down_reason",
        ]
    )
    label = ReasonForClosure(reason).label
    _decide_for_each(
        [child],
        kind=DecisionKind.CASE_CLOSURE,
        decision=f"Close the case: {label}{'; stepped down to early help' if stepped_down_to_early_help else ''}",
        rationale=rationale.strip(),
        decided_on=closed_on,
        manager=manager,
    )
    record_event(
        events.REFERRAL_CLOSED.code,
        children=[child],
        by=by,
        summary=f"Case closed by {manager.full_name} ({reason}: {label}): {_first_line(rationale)}",
        occurred_on=closed_on,
        subject=referral,
    )
    close_clocks_for(referral, on=closed_on, reason=CLOSED_REASON)
    return referral


# --- early help (R-042) ---------------------------------------------------------------------------------------


@action
def record_early_help_assessment(
    child: Person,
    *,
    agency: str,
    lead_professional: str,
    assessed_on: date,
    level_of_need: str,
    needs_identified: str,
    plan: str,
    family_consented: bool,
    outcome: str = EarlyHelpOutcome.CONTINUING,
    by: User,
) -> EarlyHelpAssessment:
    """A partner agency's early help assessment (CAF, family help), put on the child's record."""
    require(can_record_front_door_work(by, child))
    recorder = _staff(by)
    refuse_if(
        rules.early_help_assessment_problems(
            child=child,
            assessed_on=assessed_on,
            today=clock.today(),
            agency=agency,
            lead_professional=lead_professional,
            level_of_need=level_of_need,
            needs_identified=needs_identified,
            plan=plan,
            outcome=outcome,
        )
    )
    assessment = EarlyHelpAssessment.objects.create(
        child=child,
        agency=agency.strip(),
        lead_professional=lead_professional.strip(),
        assessed_on=assessed_on,
        level_of_need=level_of_need,
        needs_identified=needs_identified.strip(),
        plan=plan.strip(),
        family_consented=family_consented,
        outcome=outcome,
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    record_event(
        events.EARLY_HELP_ASSESSMENT_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Early help assessment by {assessment.agency} (lead professional {assessment.lead_professional}): "
        f"{_first_line(needs_identified)}",
        occurred_on=assessed_on,
        subject=assessment,
    )
    return assessment


@action
def audit_early_help_assessment(
    assessment: EarlyHelpAssessment, *, grade: str, findings: str, audited_on: date | None = None, by: User
) -> EarlyHelpAssessment:
    """A manager's or auditor's grade and findings on a partner's early help assessment (R-042)."""
    require(can_audit_early_help(by, assessment.child))
    auditor = _staff(by)
    audited_on = audited_on or clock.today()
    refuse_if(
        rules.audit_problems(
            assessed_on=assessment.assessed_on,
            audited_before=assessment.audited_on,
            audited_on=audited_on,
            today=clock.today(),
            grade=grade,
            findings=findings,
        )
    )
    assessment.audited_on = audited_on
    assessment.audited_by = auditor
    assessment.audit_grade = grade
    assessment.audit_findings = findings.strip()
    assessment.save(update_fields=["audited_on", "audited_by", "audit_grade", "audit_findings"])
    record_event(
        events.EARLY_HELP_ASSESSMENT_AUDITED.code,
        children=[assessment.child],
        by=by,
        summary=f"Early help assessment by {assessment.agency} audited by {auditor.full_name}: "
        f"{AuditGrade(grade).label.lower()}",
        occurred_on=audited_on,
        subject=assessment,
    )
    return assessment


# --- police protection (R-122) ------------------------------------------------------------------------------


@action
def record_police_protection(
    child: Person,
    *,
    started_at: datetime,
    reason: str,
    police_officer: str,
    where_placed: str,
    social_worker: StaffMember | None = None,
    parents_informed_at: datetime | None = None,
    by: User,
) -> PoliceProtection:
    """The police used their powers of protection: when (classified in or out of office hours) and why."""
    require(can_record_front_door_work(by, child))
    recorder = _staff(by)
    still_open = queries.open_police_protection_of(child)
    refuse_if(
        rules.police_protection_problems(
            child=child,
            started_at=started_at,
            now=clock.now(),
            still_open_since=still_open.started_at if still_open else None,
            reason=reason,
            police_officer=police_officer,
            where_placed=where_placed,
            parents_informed_at=parents_informed_at,
        )
    )
    protection = PoliceProtection.objects.create(
        child=child,
        started_at=started_at,
        in_office_hours=rules.in_office_hours(started_at),
        reason=reason.strip(),
        police_officer=police_officer.strip(),
        social_worker=social_worker,
        where_placed=where_placed.strip(),
        parents_informed_at=parents_informed_at,
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    hours = "in office hours" if protection.in_office_hours else "out of office hours"
    record_event(
        events.POLICE_PROTECTION_STARTED.code,
        children=[child],
        by=by,
        summary=f"Police protection from {rules.at_words(started_at)} ({hours}), {protection.police_officer}: "
        f"{_first_line(reason)}",
        occurred_on=rules.local_date(started_at),
        subject=protection,
    )
    return protection


@action
def end_police_protection(
    protection: PoliceProtection, *, ended_at: datetime, what_followed: str, notes: str = "", by: User
) -> PoliceProtection:
    """When police protection ended and what followed for the child."""
    require(can_record_front_door_work(by, protection.child))
    refuse_if(
        rules.end_police_protection_problems(
            started_at=protection.started_at,
            ended_before=protection.ended_at,
            ended_at=ended_at,
            now=clock.now(),
            what_followed=what_followed,
            notes=notes,
        )
    )
    protection.ended_at = ended_at
    protection.what_followed = what_followed
    protection.what_followed_notes = notes.strip()
    protection.save(update_fields=["ended_at", "what_followed", "what_followed_notes"])
    record_event(
        events.POLICE_PROTECTION_ENDED.code,
        children=[protection.child],
        by=by,
        summary=f"Police protection ended {rules.at_words(ended_at)}: {AfterPoliceProtection(what_followed).label}"
        f"{f'. {_first_line(notes)}' if notes.strip() else ''}",
        occurred_on=rules.local_date(ended_at),
        subject=protection,
    )
    return protection


# --- out of hours -------------------------------------------------------------------------------------------


@action
def record_out_of_hours_call(
    children: Sequence[Person],
    *,
    received_at: datetime,
    caller: str,
    what_happened: str,
    advice_or_action: str,
    handed_over_to: Team,
    responsible_authority: str = "",
    strategy_discussion_held: bool = False,
    police_protection: PoliceProtection | None = None,
    call_back_needed: bool = False,
    by: User,
) -> OutOfHoursRecord:
    """The emergency duty team's record of a call, handed over to a day team to pick up."""
    children = _unique(children)
    for child in children:
        require(can_record_front_door_work(by, child))
    recorder = _staff(by)
    refuse_if(
        rules.out_of_hours_problems(
            children=children,
            received_at=received_at,
            now=clock.now(),
            caller=caller,
            what_happened=what_happened,
            advice_or_action=advice_or_action,
            police_protection_child_id=police_protection.child_id if police_protection else None,
        )
    )
    record = OutOfHoursRecord.objects.create(
        received_at=received_at,
        caller=caller.strip(),
        responsible_authority=responsible_authority.strip(),
        what_happened=what_happened.strip(),
        advice_or_action=advice_or_action.strip(),
        strategy_discussion_held=strategy_discussion_held,
        police_protection=police_protection,
        call_back_needed=call_back_needed,
        handed_over_to=handed_over_to,
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    record.children.set(children)
    record_event(
        events.OUT_OF_HOURS_CALL_RECORDED.code,
        children=children,
        by=by,
        summary=f"Out-of-hours call from {record.caller}, handed over to {handed_over_to.name}: "
        f"{_first_line(what_happened)}",
        occurred_on=rules.local_date(received_at),
        subject=record,
    )
    return record


@action
def acknowledge_handover(record: OutOfHoursRecord, *, day_team_action: str, by: User) -> OutOfHoursRecord:
    """The day team picks up an out-of-hours handover and says what it will do."""
    require(can_acknowledge_handover(by, record))
    staff = _staff(by)
    acknowledged_by = record.acknowledged_by
    refuse_if(
        rules.handover_problems(
            acknowledged_at=record.acknowledged_at,
            acknowledged_by=acknowledged_by.full_name if acknowledged_by else None,
            day_team_action=day_team_action,
        )
    )
    record.acknowledged_at = clock.now()
    record.acknowledged_by = staff
    record.day_team_action = day_team_action.strip()
    record.save(update_fields=["acknowledged_at", "acknowledged_by", "day_team_action"])
    record_event(
        events.HANDOVER_ACKNOWLEDGED.code,
        children=list(record.children.all()),
        by=by,
        summary=f"Out-of-hours handover picked up by {staff.full_name}, {record.handed_over_to.name}: "
        f"{_first_line(day_team_action)}",
        subject=record,
    )
    return record


# --- professional disagreement (R-075) --------------------------------------------------------------------------


@action
def record_professional_disagreement(
    about: Contact | Referral,
    *,
    raised_on: date,
    raised_by_name: str,
    raised_by_agency: str,
    disagreement: str,
    by: User,
) -> ProfessionalDisagreement:
    """A partner disagrees with a contact or referral decision."""
    if isinstance(about, Contact):
        children = queries.children_of(about)
        decided_on = rules.local_date(about.decided_at) if about.decided_at else None
    else:
        children = [about.child]
        decided_on = about.referral_date
    for child in children:
        require(can_record_front_door_work(by, child))
    recorder = _staff(by)
    refuse_if(
        rules.disagreement_problems(
            decided_on=decided_on,
            raised_on=raised_on,
            today=clock.today(),
            raised_by_name=raised_by_name,
            raised_by_agency=raised_by_agency,
            disagreement=disagreement,
        )
    )
    raised = ProfessionalDisagreement.objects.create(
        contact=about if isinstance(about, Contact) else None,
        referral=about if isinstance(about, Referral) else None,
        raised_on=raised_on,
        raised_by_name=raised_by_name.strip(),
        raised_by_agency=raised_by_agency,
        disagreement=disagreement.strip(),
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    record_event(
        events.DISAGREEMENT_RAISED.code,
        children=children,
        by=by,
        summary=f"{raised.raised_by_name} ({Agency(raised_by_agency).label}) disagreed with the decision: "
        f"{_first_line(disagreement)}",
        occurred_on=raised_on,
        subject=raised,
    )
    return raised


@action
def escalate_professional_disagreement(
    disagreement: ProfessionalDisagreement,
    *,
    stage: str,
    escalated_on: date,
    escalated_to: str,
    notes: str = "",
    by: User,
) -> ProfessionalDisagreement:
    """The disagreement moves to a later stage of the escalation policy."""
    children = queries.children_concerned(disagreement)
    for child in children:
        require(can_record_front_door_work(by, child))
    refuse_if(
        rules.escalation_problems(
            resolved_on=disagreement.resolved_on,
            current_stage=disagreement.stage,
            raised_on=disagreement.raised_on,
            last_escalated_on=disagreement.escalated_on,
            stage=stage,
            escalated_on=escalated_on,
            today=clock.today(),
            escalated_to=escalated_to,
        )
    )
    disagreement.stage = stage
    disagreement.escalated_on = escalated_on
    disagreement.escalated_to = escalated_to.strip()
    disagreement.escalation_notes = notes.strip()
    disagreement.save(update_fields=["stage", "escalated_on", "escalated_to", "escalation_notes"])
    record_event(
        events.DISAGREEMENT_ESCALATED.code,
        children=children,
        by=by,
        summary=f"Disagreement raised by {disagreement.raised_by_name} escalated to "
        f"{EscalationStage(stage).label.lower()} ({disagreement.escalated_to})",
        occurred_on=escalated_on,
        subject=disagreement,
    )
    return disagreement


@action
def resolve_professional_disagreement(
    disagreement: ProfessionalDisagreement, *, resolved_on: date, outcome: str, resolution: str, by: User
) -> ProfessionalDisagreement:
    """A manager records how the disagreement was resolved."""
    children = queries.children_concerned(disagreement)
    for child in children:
        require(can_make_front_door_decision(by, child))
    manager = _staff(by)
    refuse_if(
        rules.resolution_problems(
            resolved_before=disagreement.resolved_on,
            raised_on=disagreement.raised_on,
            last_escalated_on=disagreement.escalated_on,
            resolved_on=resolved_on,
            today=clock.today(),
            outcome=outcome,
            resolution=resolution,
        )
    )
    disagreement.resolved_on = resolved_on
    disagreement.outcome = outcome
    disagreement.resolution = resolution.strip()
    disagreement.resolved_by = manager
    disagreement.save(update_fields=["resolved_on", "outcome", "resolution", "resolved_by"])
    record_event(
        events.DISAGREEMENT_RESOLVED.code,
        children=children,
        by=by,
        summary=f"Disagreement raised by {disagreement.raised_by_name} resolved by {manager.full_name}: "
        f"{DisagreementOutcome(outcome).label.lower()}. {_first_line(resolution)}",
        occurred_on=resolved_on,
        subject=disagreement,
    )
    return disagreement
