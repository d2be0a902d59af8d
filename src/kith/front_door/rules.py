"""What the front door may record: pure checks that name the dates, and the office-hours rule.

Each ``*_problems`` function returns what it found as ``{field: [message, ...]}``; an empty
dict means the change may be made. Actions raise ``RuleBroken`` with them, so the form
shows each message beside the field it is about and nothing is saved. Nothing here reads
the database: the actions pass in what the rules need to know.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kith.front_door.models import (
    AfterPoliceProtection,
    AuditGrade,
    Consent,
    ContactDecision,
    DisagreementOutcome,
    EarlyHelpOutcome,
    EscalationStage,
    Priority,
    ThresholdLevel,
)
from kith.people.models import Person
from kith.platform.calendar import add_months, is_working_day
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import (
    CLOSED_AFTER_ASSESSMENT,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
)

Problems = dict[str, list[str]]

LONDON = ZoneInfo("Europe/London")

# The council's office hours: Monday to Friday, 9am to 5pm London time, not on bank holidays.
# Police protection and calls outside them are "out of hours" (R-122; HT10 ¶20).
OFFICE_OPENS = time(9, 0)
OFFICE_CLOSES = time(17, 0)

# Repeat contacts and re-referrals look back 12 months (HP24 ¶3–4; the DfE re-referral measure).
LOOK_BACK_MONTHS = 12

# A referral may be made before birth, but not more than 40 weeks before it (census rule 8606).
PRE_BIRTH_WEEKS = 40

# No child may be kept in police protection for more than 72 hours (Children Act 1989 s46(6)).
POLICE_PROTECTION_LIMIT = timedelta(hours=72)

# Decisions that open a child in need episode (a referral) for each child.
REFERRAL_DECISIONS = frozenset({ContactDecision.REFERRAL, ContactDecision.STRATEGY_DISCUSSION})


# --- words ------------------------------------------------------------------------------------------------


def local_date(moment: datetime) -> date:
    """The day ``moment`` fell on in London."""
    return moment.astimezone(LONDON).date()


def at_words(moment: datetime) -> str:
    """ "3 December 2026 at 9:30am", in London time."""
    local = moment.astimezone(LONDON)
    hour, minute = local.hour, local.minute
    if (hour, minute) == (12, 0):
        clock_time = "midday"
    elif (hour, minute) == (0, 0):
        clock_time = "midnight"
    else:
        suffix = "am" if hour < 12 else "pm"
        clock_time = f"{hour % 12 or 12}{'' if minute == 0 else f':{minute:02d}'}{suffix}"
    return f"{long_date(local.date())} at {clock_time}"


def _add(problems: Problems, field: str, message: str) -> None:
    problems.setdefault(field, []).append(message)


def _required(problems: Problems, field: str, value: str, message: str) -> None:
    if not value.strip():
        _add(problems, field, message)


def _choice(problems: Problems, field: str, value: str, allowed: Iterable[str], message: str) -> None:
    if value not in allowed:
        _add(problems, field, message)


def _not_in_future(problems: Problems, field: str, label: str, value: date, today: date) -> None:
    if value > today:
        _add(problems, field, f"{label} ({long_date(value)}) must be today or in the past")


def _moment_not_in_future(problems: Problems, field: str, label: str, value: datetime, now: datetime) -> None:
    if value > now:
        _add(problems, field, f"{label} ({at_words(value)}) must be now or in the past")


# --- office hours, repeats and re-referrals ------------------------------------------------------------


def in_office_hours(moment: datetime) -> bool:
    """Monday to Friday, 9am up to 5pm London time, on a day that is not a bank holiday in England."""
    local = moment.astimezone(LONDON)
    return is_working_day(local.date()) and OFFICE_OPENS <= local.time() < OFFICE_CLOSES


def twelve_months_before(day: date) -> date:
    return add_months(day, -LOOK_BACK_MONTHS)


def is_repeat_contact(received_on: date, earlier_contacts_received_on: Iterable[date]) -> bool:
    """Another contact about any of the children in the 12 months up to this one."""
    since = twelve_months_before(received_on)
    return any(since <= earlier <= received_on for earlier in earlier_contacts_received_on)


def is_re_referral(referral_date: date, earlier_referrals_closed_on: Iterable[date]) -> bool:
    """A referral within 12 months of the child's last referral ending (the DfE re-referral measure)."""
    since = twelve_months_before(referral_date)
    return any(since <= closed <= referral_date for closed in earlier_referrals_closed_on)


# --- the child's dates -------------------------------------------------------------------------------------


def dated_within_life_problems(
    problems: Problems, field: str, what: str, child: Person, day: date, *, before_birth_allowed: bool
) -> None:
    """``day`` falls within the child's life: not after their death, not before their birth.

    Pre-birth work is allowed for an unborn child when ``before_birth_allowed``, but not
    more than 40 weeks before the expected date of birth.
    """
    if child.date_of_death is not None and day > child.date_of_death:
        _add(
            problems,
            field,
            f"{what} dated {long_date(day)} is after {child.full_name}'s death on {long_date(child.date_of_death)}",
        )
    if child.date_of_birth is not None and day < child.date_of_birth:
        _add(
            problems,
            field,
            f"{what} dated {long_date(day)} is before {child.full_name}'s birth on {long_date(child.date_of_birth)}",
        )
    if child.is_unborn:
        assert child.expected_date_of_birth is not None
        if not before_birth_allowed:
            _add(problems, field, f"{child.full_name} is not born yet: this cannot be recorded for an unborn child")
        elif day < child.expected_date_of_birth - timedelta(weeks=PRE_BIRTH_WEEKS):
            _add(
                problems,
                field,
                f"{what} dated {long_date(day)} is more than 40 weeks before {child.full_name}'s expected date of "
                f"birth, {long_date(child.expected_date_of_birth)}",
            )


# --- contacts ----------------------------------------------------------------------------------------------


def contact_problems(
    *,
    children: list[Person],
    adults: list[Person],
    received_at: datetime,
    now: datetime,
    source: str,
    reason: str,
    consent: str,
    consent_rationale: str,
) -> Problems:
    problems: Problems = {}
    if not children:
        _add(problems, "children", "Add at least one child the contact is about")
    for person in children:
        if not person.is_child:
            _add(problems, "children", f"{person.full_name} ({person.kith_id}) is an adult: add them as an adult")
    for person in adults:
        if person.is_child:
            _add(problems, "adults", f"{person.full_name} ({person.kith_id}) is a child: add them as a child")
    _moment_not_in_future(problems, "received_at", "The time the contact was received", received_at, now)
    _choice(problems, "source", source, ReferralSource.values, "Select who made the contact")
    _required(problems, "reason", reason, "Enter the reason for the contact")
    _choice(problems, "consent", consent, Consent.values, "Select whether the parents consented")
    if consent == Consent.DISPENSED_WITH:
        _required(
            problems,
            "consent_rationale",
            consent_rationale,
            "Enter why consent is dispensed with to safeguard the child: a manager must agree it",
        )
    return problems


def _not_decided(problems: Problems, field: str, decided_at: datetime | None, what: str) -> None:
    if decided_at is not None:
        _add(problems, field, f"The contact was decided on {at_words(decided_at)}: {what}")


def consent_sign_off_problems(
    *, consent: str, signed_off_by: str | None, signed_off_at: datetime | None, rationale: str
) -> Problems:
    problems: Problems = {}
    if consent != Consent.DISPENSED_WITH:
        _add(
            problems,
            "rationale",
            f"Consent is recorded as {Consent(consent).label.lower()}: there is nothing to agree",
        )
    elif signed_off_at is not None:
        _add(
            problems,
            "rationale",
            f"{signed_off_by} already agreed to proceed without consent on {at_words(signed_off_at)}",
        )
    _required(problems, "rationale", rationale, "Enter why it is right to proceed without the parents' consent")
    return problems


def screening_problems(
    *,
    decided_at: datetime | None,
    screening_analysis: str,
    priority: str,
    history_checks: str,
    history_findings: str,
) -> Problems:
    """R-007: the history is gathered and analysed at screening, before the decision."""
    problems: Problems = {}
    _not_decided(problems, "screening_analysis", decided_at, "its screening cannot change now")
    _required(problems, "history_checks", history_checks, "Enter the history checks made (R-007)")
    _required(problems, "history_findings", history_findings, "Enter what the history checks found (R-007)")
    _required(problems, "screening_analysis", screening_analysis, "Enter the screening analysis")
    _choice(problems, "priority", priority, Priority.values, "Select the priority: red, amber or green")
    return problems


def decision_problems(
    *,
    decided_before: datetime | None,
    screened: bool,
    received_at: datetime,
    decided_at: datetime,
    now: datetime,
    decision: str,
    rationale: str,
    advice_given: str,
    threshold_level: str,
    primary_need: str,
    no_further_action: bool,
    consent: str,
    consent_signed_off: bool,
    stepped_up_from_early_help: bool,
    step_up_reason: str,
) -> Problems:
    problems: Problems = {}
    _not_decided(problems, "decision", decided_before, "it cannot be decided twice")
    if not screened:
        _add(problems, "decision", "Screen the contact first: the history checks, analysis and priority (R-007)")
    _choice(problems, "decision", decision, ContactDecision.values, "Select the decision")
    _required(problems, "rationale", rationale, "Enter the reasons for the decision")
    _moment_not_in_future(problems, "decided_at", "The time of the decision", decided_at, now)
    if decided_at < received_at:
        _add(
            problems,
            "decided_at",
            f"The decision ({at_words(decided_at)}) cannot be before the contact was received "
            f"({at_words(received_at)})",
        )
    if decision == ContactDecision.ADVICE:
        _required(problems, "advice_given", advice_given, "Enter the advice or information given")
    if decision in REFERRAL_DECISIONS:
        if consent == Consent.DISPENSED_WITH and not consent_signed_off:
            _add(
                problems,
                "decision",
                "Consent is dispensed with but no manager has agreed it yet: agree it before making a referral (R-016)",
            )
        _choice(problems, "threshold_level", threshold_level, ThresholdLevel.values, "Select the threshold level")
        if not no_further_action:
            _choice(
                problems,
                "primary_need",
                primary_need,
                PrimaryNeed.values,
                "Select the child's primary need (needed unless there is no further action)",
            )
    if no_further_action and decision != ContactDecision.REFERRAL:
        _add(
            problems,
            "no_further_action",
            "No further action at referral applies only to a referral to children's social care",
        )
    if primary_need and primary_need not in PrimaryNeed.values:
        _add(problems, "primary_need", "Select the child's primary need from the list")
    if stepped_up_from_early_help:
        if decision not in REFERRAL_DECISIONS:
            _add(problems, "stepped_up_from_early_help", "Only a referral can step a child up from early help")
        _required(problems, "step_up_reason", step_up_reason, "Enter why the child is stepped up from early help")
    return problems


def follow_up_problems(
    *,
    decision: str,
    decided_on: date | None,
    followed_up_before: date | None,
    followed_up_on: date,
    today: date,
    family_got_help: bool,
    notes: str,
) -> Problems:
    """R-152: a signposted family is checked on later."""
    problems: Problems = {}
    if decision != ContactDecision.EARLY_HELP:
        _add(problems, "followed_up_on", "Only a contact signposted or stepped down to early help is followed up")
    if followed_up_before is not None:
        _add(problems, "followed_up_on", f"This family was already followed up on {long_date(followed_up_before)}")
    _not_in_future(problems, "followed_up_on", "The date of the follow-up", followed_up_on, today)
    if decided_on is not None and followed_up_on < decided_on:
        _add(
            problems,
            "followed_up_on",
            f"The follow-up ({long_date(followed_up_on)}) cannot be before the decision ({long_date(decided_on)})",
        )
    if not family_got_help:
        _required(problems, "notes", notes, "Enter what happens next for a family who did not get help")
    return problems


# --- referrals --------------------------------------------------------------------------------------------


def open_referral_problems(problems: Problems, field: str, child: Person, open_since: date | None) -> None:
    """One open referral (child in need episode) per child (census rules 8815, 8820)."""
    if open_since is not None:
        _add(
            problems,
            field,
            f"{child.full_name} already has an open referral, since {long_date(open_since)}: "
            "record the work on that referral, or close it first",
        )


def referral_problems(
    *,
    child: Person,
    referral_date: date,
    today: date,
    open_since: date | None,
    source: str,
    primary_need: str,
    threshold_level: str,
    no_further_action: bool,
    stepped_up_from_early_help: bool,
    step_up_reason: str,
) -> Problems:
    problems: Problems = {}
    if not child.is_child:
        _add(problems, "referral_date", f"{child.full_name} is an adult: referrals are about children")
    _not_in_future(problems, "referral_date", "The referral date", referral_date, today)
    dated_within_life_problems(problems, "referral_date", "A referral", child, referral_date, before_birth_allowed=True)
    open_referral_problems(problems, "referral_date", child, open_since)
    _choice(problems, "source", source, ReferralSource.values, "Select the source of the referral")
    _choice(problems, "threshold_level", threshold_level, ThresholdLevel.values, "Select the threshold level")
    if not no_further_action or primary_need:
        _choice(
            problems,
            "primary_need",
            primary_need,
            PrimaryNeed.values,
            "Select the child's primary need (needed unless there is no further action)",
        )
    if stepped_up_from_early_help:
        _required(problems, "step_up_reason", step_up_reason, "Enter why the child is stepped up from early help")
    return problems


def closure_problems(
    *,
    referral_date: date,
    closed_before: date | None,
    closed_on: date,
    today: date,
    reason: str,
    rationale: str,
    stepped_down_to_early_help: bool,
    step_down_reason: str,
    open_work: list[str],
    latest_work: tuple[str, date] | None,
    has_assessment: bool,
    date_of_death: date | None,
    work_beyond_assessment: list[str],
) -> Problems:
    """Closing the child in need episode: a manager's decision with its census reason (RC1–RC9)."""
    problems: Problems = {}
    if closed_before is not None:
        _add(problems, "closed_on", f"This referral was already closed on {long_date(closed_before)}")
    if open_work:
        _add(problems, "closed_on", f"Close or end these first: {'; '.join(open_work)}")
    _not_in_future(problems, "closed_on", "The closure date", closed_on, today)
    if closed_on < referral_date:
        _add(
            problems,
            "closed_on",
            f"The closure date ({long_date(closed_on)}) cannot be before the referral ({long_date(referral_date)})",
        )
    if latest_work is not None and closed_on < latest_work[1]:
        _add(
            problems,
            "closed_on",
            f"The closure date ({long_date(closed_on)}) cannot be before the last work on this referral: "
            f"{latest_work[0]} on {long_date(latest_work[1])}",
        )
    _choice(problems, "reason", reason, ReasonForClosure.values, "Select the reason for closing the case")
    if reason in CLOSED_AFTER_ASSESSMENT and not has_assessment:
        _add(
            problems,
            "reason",
            f"{ReasonForClosure(reason).label} needs an assessment on this referral: there is none, so choose "
            "another reason (census query 8825Q)",
        )
    if reason in CLOSED_AFTER_ASSESSMENT and has_assessment and work_beyond_assessment:
        _add(
            problems,
            "reason",
            f"{ReasonForClosure(reason).label} means the assessment was the only work on this referral, but it "
            f"also had {' and '.join(work_beyond_assessment)}: choose another reason, such as services ceased "
            "(census rule 2990)",
        )
    if reason == ReasonForClosure.DIED and date_of_death is None:
        _add(problems, "reason", "Record the child's date of death on their details before closing for this reason")
    _required(problems, "rationale", rationale, "Enter the reasons for closing the case")
    if reason == ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT and not stepped_down_to_early_help:
        _add(
            problems,
            "stepped_down_to_early_help",
            "A case closed with a referral to early help is a step down: say so and why",
        )
    if stepped_down_to_early_help:
        _required(problems, "step_down_reason", step_down_reason, "Enter why the family is stepped down to early help")
    return problems


# --- early help ---------------------------------------------------------------------------------------------


def early_help_assessment_problems(
    *,
    child: Person,
    assessed_on: date,
    today: date,
    agency: str,
    lead_professional: str,
    level_of_need: str,
    needs_identified: str,
    plan: str,
    outcome: str,
) -> Problems:
    problems: Problems = {}
    if not child.is_child:
        _add(problems, "assessed_on", f"{child.full_name} is an adult: early help assessments are about children")
    _not_in_future(problems, "assessed_on", "The date of the assessment", assessed_on, today)
    dated_within_life_problems(
        problems, "assessed_on", "An early help assessment", child, assessed_on, before_birth_allowed=True
    )
    _required(problems, "agency", agency, "Enter the agency that made the assessment")
    _required(problems, "lead_professional", lead_professional, "Enter the lead professional")
    _choice(problems, "level_of_need", level_of_need, ThresholdLevel.values, "Select the level of need")
    _required(problems, "needs_identified", needs_identified, "Enter the needs the assessment identified")
    _required(problems, "plan", plan, "Enter the support plan agreed")
    _choice(problems, "outcome", outcome, EarlyHelpOutcome.values, "Select the outcome")
    return problems


def audit_problems(
    *,
    assessed_on: date,
    audited_before: date | None,
    audited_on: date,
    today: date,
    grade: str,
    findings: str,
) -> Problems:
    """R-042: partners' early help assessments are audited (RC12 ¶72)."""
    problems: Problems = {}
    if audited_before is not None:
        _add(problems, "grade", f"This assessment was already audited on {long_date(audited_before)}")
    _not_in_future(problems, "audited_on", "The date of the audit", audited_on, today)
    if audited_on < assessed_on:
        _add(
            problems,
            "audited_on",
            f"The audit ({long_date(audited_on)}) cannot be before the assessment ({long_date(assessed_on)})",
        )
    _choice(problems, "grade", grade, AuditGrade.values, "Select the grade")
    _required(problems, "findings", findings, "Enter the audit findings")
    return problems


# --- police protection and out of hours ----------------------------------------------------------------------


def police_protection_problems(
    *,
    child: Person,
    started_at: datetime,
    now: datetime,
    still_open_since: datetime | None,
    reason: str,
    police_officer: str,
    where_placed: str,
    parents_informed_at: datetime | None,
) -> Problems:
    """R-122: the date and time (in or out of office hours) and the reason."""
    problems: Problems = {}
    _moment_not_in_future(problems, "started_at", "The time police protection began", started_at, now)
    dated_within_life_problems(
        problems, "started_at", "Police protection", child, local_date(started_at), before_birth_allowed=False
    )
    if still_open_since is not None:
        _add(
            problems,
            "started_at",
            f"{child.full_name}'s police protection from {at_words(still_open_since)} has not been ended: "
            "record its end first",
        )
    _required(problems, "reason", reason, "Enter why the police used their powers of protection")
    _required(problems, "police_officer", police_officer, "Enter the police officer involved")
    _required(problems, "where_placed", where_placed, "Enter where the child was taken or kept")
    if parents_informed_at is not None:
        _moment_not_in_future(
            problems, "parents_informed_at", "The time the parents were told", parents_informed_at, now
        )
        if parents_informed_at < started_at:
            _add(
                problems,
                "parents_informed_at",
                f"The parents cannot be told ({at_words(parents_informed_at)}) before police protection began "
                f"({at_words(started_at)})",
            )
    return problems


def end_police_protection_problems(
    *,
    started_at: datetime,
    ended_before: datetime | None,
    ended_at: datetime,
    now: datetime,
    what_followed: str,
    notes: str,
) -> Problems:
    problems: Problems = {}
    if ended_before is not None:
        _add(problems, "ended_at", f"This police protection already ended on {at_words(ended_before)}")
    _moment_not_in_future(problems, "ended_at", "The time police protection ended", ended_at, now)
    if ended_at < started_at:
        _add(
            problems,
            "ended_at",
            f"Police protection cannot end ({at_words(ended_at)}) before it began ({at_words(started_at)})",
        )
    elif ended_at - started_at > POLICE_PROTECTION_LIMIT:
        _add(
            problems,
            "ended_at",
            f"Police protection lasts at most 72 hours (Children Act 1989 s46(6)); it began {at_words(started_at)}",
        )
    _choice(problems, "what_followed", what_followed, AfterPoliceProtection.values, "Select what followed")
    if what_followed == AfterPoliceProtection.OTHER:
        _required(problems, "notes", notes, "Enter what followed")
    return problems


def out_of_hours_problems(
    *,
    children: list[Person],
    received_at: datetime,
    now: datetime,
    caller: str,
    what_happened: str,
    advice_or_action: str,
    police_protection_child_id: int | None,
) -> Problems:
    problems: Problems = {}
    if not children:
        _add(problems, "children", "Add at least one child the call was about")
    for person in children:
        if not person.is_child:
            _add(problems, "children", f"{person.full_name} ({person.kith_id}) is an adult, not a child")
    _moment_not_in_future(problems, "received_at", "The time of the call", received_at, now)
    _required(problems, "caller", caller, "Enter who called")
    _required(problems, "what_happened", what_happened, "Enter what happened")
    _required(problems, "advice_or_action", advice_or_action, "Enter the advice given or action taken")
    if police_protection_child_id is not None and police_protection_child_id not in {c.pk for c in children}:
        _add(problems, "police_protection", "The police protection must be about one of the children on this call")
    return problems


def handover_problems(
    *, acknowledged_at: datetime | None, acknowledged_by: str | None, day_team_action: str
) -> Problems:
    problems: Problems = {}
    if acknowledged_at is not None:
        _add(problems, "day_team_action", f"{acknowledged_by} already picked this up on {at_words(acknowledged_at)}")
    _required(problems, "day_team_action", day_team_action, "Enter what the day team will do")
    return problems


# --- professional disagreement (R-075) ----------------------------------------------------------------------


def disagreement_problems(
    *,
    decided_on: date | None,
    raised_on: date,
    today: date,
    raised_by_name: str,
    raised_by_agency: str,
    disagreement: str,
) -> Problems:
    problems: Problems = {}
    if decided_on is None:
        _add(problems, "disagreement", "The contact has no decision yet to disagree with")
    elif raised_on < decided_on:
        _add(
            problems,
            "raised_on",
            f"The disagreement ({long_date(raised_on)}) cannot be raised before the decision ({long_date(decided_on)})",
        )
    _not_in_future(problems, "raised_on", "The date it was raised", raised_on, today)
    _required(problems, "raised_by_name", raised_by_name, "Enter who raised the disagreement")
    _choice(problems, "raised_by_agency", raised_by_agency, Agency.values, "Select their agency")
    _required(problems, "disagreement", disagreement, "Enter what they disagree with and why")
    return problems


def escalation_problems(
    *,
    resolved_on: date | None,
    current_stage: str,
    raised_on: date,
    last_escalated_on: date | None,
    stage: str,
    escalated_on: date,
    today: date,
    escalated_to: str,
) -> Problems:
    problems: Problems = {}
    if resolved_on is not None:
        _add(problems, "stage", f"This disagreement was resolved on {long_date(resolved_on)}")
    _choice(problems, "stage", stage, EscalationStage.values, "Select the stage it is escalated to")
    if stage in EscalationStage.values and int(stage) <= int(current_stage):
        _add(
            problems,
            "stage",
            f"It is already at {EscalationStage(current_stage).label.lower()}: escalate it to a later stage",
        )
    _not_in_future(problems, "escalated_on", "The date of the escalation", escalated_on, today)
    earliest, what = (last_escalated_on, "the last escalation") if last_escalated_on else (raised_on, "it was raised")
    if escalated_on < earliest:
        _add(
            problems,
            "escalated_on",
            f"The escalation ({long_date(escalated_on)}) cannot be before {what} ({long_date(earliest)})",
        )
    _required(problems, "escalated_to", escalated_to, "Enter who it is escalated to")
    return problems


def resolution_problems(
    *,
    resolved_before: date | None,
    raised_on: date,
    last_escalated_on: date | None,
    resolved_on: date,
    today: date,
    outcome: str,
    resolution: str,
) -> Problems:
    problems: Problems = {}
    if resolved_before is not None:
        _add(problems, "outcome", f"This disagreement was already resolved on {long_date(resolved_before)}")
    _not_in_future(problems, "resolved_on", "The date it was resolved", resolved_on, today)
    earliest = max(raised_on, last_escalated_on or raised_on)
    if resolved_on < earliest:
        _add(
            problems,
            "resolved_on",
            f"It cannot be resolved ({long_date(resolved_on)}) before it was raised or escalated "
            f"({long_date(earliest)})",
        )
    _choice(problems, "outcome", outcome, DisagreementOutcome.values, "Select the outcome")
    _required(problems, "resolution", resolution, "Enter how it was resolved")
    return problems
