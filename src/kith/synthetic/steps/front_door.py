"""Scenario verbs for the front door (see docs/scenarios.md).

Each step is recorded at its own date and time: a contact, a call or police protection is
received at the step's moment, and a decision, closure or follow-up is dated the step's day.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from kith.front_door.actions import (
    acknowledge_handover,
    audit_early_help_assessment,
    close_referral,
    decide_contact,
    end_police_protection,
    escalate_professional_disagreement,
    record_contact,
    record_early_help_assessment,
    record_early_help_follow_up,
    record_out_of_hours_call,
    record_police_protection,
    record_professional_disagreement,
    record_referral,
    resolve_professional_disagreement,
    screen_contact,
    sign_off_consent_dispensed,
)
from kith.front_door.models import (
    Contact,
    EarlyHelpAssessment,
    EarlyHelpOutcome,
    OutOfHoursRecord,
    PoliceProtection,
    ProfessionalDisagreement,
    Referral,
)
from kith.platform import clock
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, verb
from kith.workforce.models import StaffMember

LONDON = ZoneInfo("Europe/London")


def _record(replay: Replay, step: Step, key: str, kind: type[Any], what: str) -> Any:
    found = replay.record(step[key])
    if not isinstance(found, kind):
        raise ScenarioError(f"{step[key]!r} is not {what}")
    found.refresh_from_db()
    return found


def _contact(replay: Replay, step: Step) -> Contact:
    found: Contact = _record(replay, step, "contact", Contact, "a contact")
    return found


def _referral(replay: Replay, step: Step) -> Referral:
    found: Referral = _record(replay, step, "referral", Referral, "a referral")
    return found


def _disagreement(replay: Replay, step: Step) -> ProfessionalDisagreement:
    found: ProfessionalDisagreement = _record(
        replay, step, "disagreement", ProfessionalDisagreement, "a professional disagreement"
    )
    return found


def _moment(raw: Any, name: str) -> datetime:
    """A date and time given in a step (``2026-12-18 22:30``), in London."""
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else raw.replace(tzinfo=LONDON)
    try:
        moment = datetime.fromisoformat(str(raw))
    except ValueError as problem:
        raise ScenarioError(f"`{name}` must be a date and time like 2026-12-18 22:30") from problem
    return moment if moment.tzinfo else moment.replace(tzinfo=LONDON)


def _flag(values: dict[str, Any], name: str) -> bool:
    return bool(values.get(name, False))


@verb("record_contact")
def _record_contact(replay: Replay, step: Step, by: StaffMember, on: date) -> Contact:
    values = step.get("with", {})
    return record_contact(
        [replay.person(key) for key in step["children"]],
        received_at=clock.now(),
        source=str(values["source"]),
        reason=values["reason"],
        consent=values["consent"],
        consent_rationale=values.get("consent_rationale", ""),
        adults=[replay.person(key) for key in values.get("adults", [])],
        referrer_name=values.get("referrer_name", ""),
        referrer_organisation=values.get("referrer_organisation", ""),
        referrer_contact_details=values.get("referrer_contact_details", ""),
        history_checks=values.get("history_checks", ""),
        history_findings=values.get("history_findings", ""),
        by=by.user,
    )


@verb("sign_off_consent_dispensed")
def _sign_off_consent_dispensed(replay: Replay, step: Step, by: StaffMember, on: date) -> Contact:
    return sign_off_consent_dispensed(_contact(replay, step), rationale=step.get("with", {})["rationale"], by=by.user)


@verb("screen_contact")
def _screen_contact(replay: Replay, step: Step, by: StaffMember, on: date) -> Contact:
    values = step.get("with", {})
    return screen_contact(
        _contact(replay, step),
        screening_analysis=values["screening_analysis"],
        priority=values["priority"],
        history_checks=values.get("history_checks"),
        history_findings=values.get("history_findings"),
        by=by.user,
    )


@verb("decide_contact")
def _decide_contact(replay: Replay, step: Step, by: StaffMember, on: date) -> Contact | Referral:
    """Keeps (under ``as``) the referral when one child was referred, else the contact; ``referrals``
    names each child's referral: ``{ava: ava_referral, jay: jay_referral}``."""
    values = step.get("with", {})
    contact = decide_contact(
        _contact(replay, step),
        decision=values["decision"],
        rationale=values["rationale"],
        advice_given=values.get("advice_given", ""),
        threshold_level=str(values.get("threshold_level", "")),
        primary_need=values.get("primary_need", ""),
        no_further_action=_flag(values, "no_further_action"),
        stepped_up_from_early_help=_flag(values, "stepped_up_from_early_help"),
        step_up_reason=values.get("step_up_reason", ""),
        by=by.user,
    )
    referrals = list(contact.referrals.all())
    for child_key, record_key in step.get("referrals", {}).items():
        child = replay.person(child_key)
        made = next((referral for referral in referrals if referral.child_id == child.pk), None)
        if made is None:
            raise ScenarioError(f"No referral was made for {child_key!r}")
        replay.keep(record_key, made)
    return referrals[0] if len(referrals) == 1 else contact


@verb("record_early_help_follow_up")
def _record_early_help_follow_up(replay: Replay, step: Step, by: StaffMember, on: date) -> Contact:
    values = step.get("with", {})
    return record_early_help_follow_up(
        _contact(replay, step),
        followed_up_on=on,
        family_got_help=_flag(values, "family_got_help"),
        notes=values.get("notes", ""),
        by=by.user,
    )


@verb("record_referral")
def _record_referral(replay: Replay, step: Step, by: StaffMember, on: date) -> Referral:
    values = step.get("with", {})
    return record_referral(
        replay.person(step["child"]),
        referral_date=on,
        source=str(values["source"]),
        threshold_level=str(values["threshold_level"]),
        primary_need=values.get("primary_need", ""),
        no_further_action=_flag(values, "no_further_action"),
        stepped_up_from_early_help=_flag(values, "stepped_up_from_early_help"),
        step_up_reason=values.get("step_up_reason", ""),
        by=by.user,
    )


@verb("close_referral")
def _close_referral(replay: Replay, step: Step, by: StaffMember, on: date) -> Referral:
    values = step.get("with", {})
    return close_referral(
        _referral(replay, step),
        closed_on=on,
        reason=values["reason"],
        rationale=values["rationale"],
        stepped_down_to_early_help=_flag(values, "stepped_down_to_early_help"),
        step_down_reason=values.get("step_down_reason", ""),
        by=by.user,
    )


@verb("record_early_help_assessment")
def _record_early_help_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> EarlyHelpAssessment:
    values = step.get("with", {})
    return record_early_help_assessment(
        replay.person(step["child"]),
        agency=values["agency"],
        lead_professional=values["lead_professional"],
        assessed_on=on,
        level_of_need=str(values["level_of_need"]),
        needs_identified=values["needs_identified"],
        plan=values["plan"],
        family_consented=_flag(values, "family_consented"),
        outcome=values.get("outcome", EarlyHelpOutcome.CONTINUING),
        by=by.user,
    )


@verb("audit_early_help_assessment")
def _audit_early_help_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> EarlyHelpAssessment:
    values = step.get("with", {})
    assessment: EarlyHelpAssessment = _record(
        replay, step, "assessment", EarlyHelpAssessment, "an early help assessment"
    )
    return audit_early_help_assessment(
        assessment, grade=values["grade"], findings=values["findings"], audited_on=on, by=by.user
    )


@verb("record_police_protection")
def _record_police_protection(replay: Replay, step: Step, by: StaffMember, on: date) -> PoliceProtection:
    values = step.get("with", {})
    informed = values.get("parents_informed_at")
    worker = values.get("social_worker")
    return record_police_protection(
        replay.person(step["child"]),
        started_at=clock.now(),
        reason=values["reason"],
        police_officer=values["police_officer"],
        where_placed=values["where_placed"],
        social_worker=replay.member(worker) if worker else None,
        parents_informed_at=_moment(informed, "parents_informed_at") if informed else None,
        by=by.user,
    )


@verb("end_police_protection")
def _end_police_protection(replay: Replay, step: Step, by: StaffMember, on: date) -> PoliceProtection:
    values = step.get("with", {})
    protection: PoliceProtection = _record(replay, step, "protection", PoliceProtection, "police protection")
    return end_police_protection(
        protection,
        ended_at=clock.now(),
        what_followed=values["what_followed"],
        notes=values.get("notes", ""),
        by=by.user,
    )


@verb("record_out_of_hours_call")
def _record_out_of_hours_call(replay: Replay, step: Step, by: StaffMember, on: date) -> OutOfHoursRecord:
    values = step.get("with", {})
    protection_key = values.get("police_protection")
    protection = replay.record(protection_key) if protection_key else None
    if protection is not None and not isinstance(protection, PoliceProtection):
        raise ScenarioError(f"{protection_key!r} is not police protection")
    return record_out_of_hours_call(
        [replay.person(key) for key in step["children"]],
        received_at=clock.now(),
        caller=values["caller"],
        what_happened=values["what_happened"],
        advice_or_action=values["advice_or_action"],
        handed_over_to=replay.team(values["handed_over_to"]),
        responsible_authority=values.get("responsible_authority", ""),
        strategy_discussion_held=_flag(values, "strategy_discussion_held"),
        police_protection=protection,
        call_back_needed=_flag(values, "call_back_needed"),
        by=by.user,
    )


@verb("acknowledge_handover")
def _acknowledge_handover(replay: Replay, step: Step, by: StaffMember, on: date) -> OutOfHoursRecord:
    call: OutOfHoursRecord = _record(replay, step, "call", OutOfHoursRecord, "an out-of-hours call")
    return acknowledge_handover(call, day_team_action=step.get("with", {})["day_team_action"], by=by.user)


@verb("record_professional_disagreement")
def _record_professional_disagreement(
    replay: Replay, step: Step, by: StaffMember, on: date
) -> ProfessionalDisagreement:
    values = step.get("with", {})
    about: Contact | Referral = _contact(replay, step) if "contact" in step else _referral(replay, step)
    return record_professional_disagreement(
        about,
        raised_on=on,
        raised_by_name=values["raised_by_name"],
        raised_by_agency=values["raised_by_agency"],
        disagreement=values["disagreement"],
        by=by.user,
    )


@verb("escalate_professional_disagreement")
def _escalate_professional_disagreement(
    replay: Replay, step: Step, by: StaffMember, on: date
) -> ProfessionalDisagreement:
    values = step.get("with", {})
    return escalate_professional_disagreement(
        _disagreement(replay, step),
        stage=str(values["stage"]),
        escalated_on=on,
        escalated_to=values["escalated_to"],
        notes=values.get("notes", ""),
        by=by.user,
    )


@verb("resolve_professional_disagreement")
def _resolve_professional_disagreement(
    replay: Replay, step: Step, by: StaffMember, on: date
) -> ProfessionalDisagreement:
    values = step.get("with", {})
    return resolve_professional_disagreement(
        _disagreement(replay, step),
        resolved_on=on,
        outcome=values["outcome"],
        resolution=values["resolution"],
        by=by.user,
    )
