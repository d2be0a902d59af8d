"""The front door's forms. They parse what was typed; the actions decide what may be stored.

Children and adults are chosen by their Kith ID (``K0000123``, or just ``123``), typed or
given from the child's record; the view looks them up among the people the user may
see, so a form never reveals that a record it cannot open exists.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms

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
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import PrimaryNeed, ReasonForClosure, ReferralSource
from kith.platform.ui.forms import GovukDateField
from kith.workforce.models import Team

LONDON = ZoneInfo("Europe/London")

_TIME = re.compile(r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm)?$", re.IGNORECASE)
_KITH_ID = re.compile(r"^[Kk]?0*(?P<number>\d{1,12})$")

YES_NO = [("yes", "Yes"), ("no", "No")]


def _text(label: str, required_message: str | None = None, *, rows: int = 4, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        required=required_message is not None,
        error_messages={"required": required_message or ""},
    )


def _line(label: str, required_message: str | None = None, *, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=150,
        required=required_message is not None,
        error_messages={"required": required_message or ""},
    )


def _choice(label: str, choices: Any, message: str) -> forms.ChoiceField:
    """Radios: a question with a few answers."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _select(label: str, choices: Any, message: str, *, required: bool = True, help_text: str = "") -> forms.ChoiceField:
    """A drop-down: a longer list of codes."""
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=[("", "Choose"), *choices],
        required=required,
        error_messages={"required": message, "invalid_choice": message},
    )


class TimeOfDayField(forms.CharField):
    """A time typed as 14:30, 9:05, 2:30pm or 2pm (GOV.UK asks for times as text)."""

    def __init__(self, *, label: str, error_label: str, **kwargs: Any) -> None:
        self.error_label = error_label
        kwargs.setdefault("help_text", "Use the 24-hour clock, for example 09:30 or 21:45")
        super().__init__(label=label, max_length=8, **kwargs)
        self.error_messages["required"] = f"Enter {error_label}"
        self.widget.attrs.update({"class": "govuk-input--width-5", "inputmode": "numeric"})

    def clean(self, value: Any) -> time | None:
        typed = super().clean(value)
        if not typed:
            return None
        found = _TIME.match(typed.strip())
        if found is None:
            raise forms.ValidationError(f"Enter {self.error_label} as a real time, like 14:30")
        hour, minute = int(found["hour"]), int(found["minute"] or 0)
        if found["half"]:
            if not 1 <= hour <= 12:
                raise forms.ValidationError(f"Enter {self.error_label} as a real time, like 2:30pm")
            hour = hour % 12 + (12 if found["half"].lower() == "pm" else 0)
        if hour > 23 or minute > 59:
            raise forms.ValidationError(f"Enter {self.error_label} as a real time, like 14:30")
        return time(hour, minute)


class KithIdsField(forms.CharField):
    """Kith IDs separated by commas or spaces (``K0000012, K0000013``); cleaned to their numbers."""

    def __init__(self, *, label: str, required_message: str | None = None, **kwargs: Any) -> None:
        super().__init__(label=label, required=required_message is not None, max_length=500, **kwargs)
        if required_message:
            self.error_messages["required"] = required_message

    def clean(self, value: Any) -> list[int]:
        typed = super().clean(value) or ""
        numbers: list[int] = []
        for token in re.split(r"[\s,;]+", typed.strip()):
            if not token:
                continue
            found = _KITH_ID.match(token)
            if found is None:
                raise forms.ValidationError(f"{token} is not a Kith ID: Kith IDs look like K0000123")
            number = int(found["number"])
            if number not in numbers:
                numbers.append(number)
        return numbers


def kith_ids(pks: list[int]) -> str:
    return ", ".join(f"K{pk:07d}" for pk in pks)


def at(day: date, moment: time) -> datetime:
    """The London moment on ``day`` at ``moment``."""
    return datetime.combine(day, moment, tzinfo=LONDON)


class _DateAndTime(forms.Form):
    """A form asking for a date and a time together (``<prefix>_on`` and ``<prefix>_time``)."""

    moments: tuple[tuple[str, bool], ...] = ()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for prefix, required in self.moments:
            day, moment = cleaned.get(f"{prefix}_on"), cleaned.get(f"{prefix}_time")
            cleaned[f"{prefix}_at"] = at(day, moment) if day and moment else None
            if not required and bool(day) != bool(moment):
                missing = f"{prefix}_time" if day else f"{prefix}_on"
                if missing not in self.errors:
                    self.add_error(missing, "Enter both the date and the time, or neither")
        return cleaned


# --- contacts ---------------------------------------------------------------------------------------------


class ContactForm(_DateAndTime):
    moments = (("received", True),)

    received_on = GovukDateField(
        label="Date received", error_label="the date the contact was received", not_in_future=True
    )
    received_time = TimeOfDayField(label="Time received", error_label="the time the contact was received")
    source = _select("Who made the contact", ReferralSource.choices, "Select who made the contact")
    referrer_name = _line("Name of the person who made contact")
    referrer_organisation = _line("Their organisation")
    referrer_contact_details = forms.CharField(label="Their telephone number or email", max_length=200, required=False)
    children = KithIdsField(
        label="Children the contact is about",
        required_message="Enter the Kith ID of at least one child",
        help_text="Kith IDs, separated by commas, for example K0000123, K0000124. "
        "Search for a child first if they are not on Kith yet.",
    )
    family = forms.MultipleChoiceField(
        label="Family members involved",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    adults = KithIdsField(
        label="Other adults involved",
        help_text="Kith IDs of parents, carers or others concerned, separated by commas.",
    )
    reason = _text("Reason for the contact", "Enter the reason for the contact", rows=6)
    consent = _choice(
        "Have the parents consented to the contact being made?", Consent.choices, "Select whether the parents consented"
    )
    consent_rationale = _text(
        "Why consent is dispensed with",
        help_text="Only when consent is dispensed with to safeguard the child. A manager must agree it (R-016).",
    )
    history_checks = _text(
        "History checks made",
        help_text="Kith records, previous contacts and referrals, police, health and school checks. "
        "Needed before the contact is screened.",
    )
    history_findings = _text("What the history checks found", help_text="Needed before the contact is screened.")

    def __init__(self, *args: Any, family: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        family_field = self.fields["family"]
        if family and isinstance(family_field, forms.MultipleChoiceField):
            family_field.choices = family
        else:
            del self.fields["family"]


class ScreeningForm(forms.Form):
    history_checks = _text(
        "History checks made",
        "Enter the history checks made (R-007)",
        help_text="Kith records, previous contacts and referrals, police, health and school checks.",
    )
    history_findings = _text("What the history checks found", "Enter what the history checks found (R-007)")
    screening_analysis = _text("Screening analysis", "Enter the screening analysis", rows=6)
    priority = _choice("Priority", Priority.choices, "Select the priority: red, amber or green")


class ConsentSignOffForm(forms.Form):
    rationale = _text(
        "Why it is right to proceed without the parents' consent",
        "Enter why it is right to proceed without the parents' consent",
    )


class DecisionForm(forms.Form):
    decision = _choice("Decision", ContactDecision.choices, "Select the decision")
    rationale = _text("Reasons for the decision", "Enter the reasons for the decision", rows=6)
    advice_given = _text("Advice or information given", help_text="Needed when the decision is advice or information.")
    threshold_level = _select(
        "Threshold level",
        ThresholdLevel.choices,
        "Select the threshold level",
        required=False,
        help_text="Needed for a referral: the level of need in the council's threshold document.",
    )
    primary_need = _select(
        "Primary need",
        PrimaryNeed.choices,
        "Select the child's primary need",
        required=False,
        help_text="Needed for a referral, unless it needs no further action.",
    )
    no_further_action = forms.BooleanField(
        label="The referral needs no further action (closed today, with no assessment)", required=False
    )
    stepped_up_from_early_help = forms.BooleanField(label="The child is stepped up from early help", required=False)
    step_up_reason = _text("Why the child is stepped up", help_text="Only if they are.")


class FollowUpForm(forms.Form):
    followed_up_on = GovukDateField(
        label="Date of the follow-up", error_label="the date of the follow-up", not_in_future=True
    )
    family_got_help = _choice("Did the family get help?", YES_NO, "Select whether the family got help")
    notes = _text("Notes", help_text="Who you spoke to and what help the family has; what happens next if none.")


# --- referrals ---------------------------------------------------------------------------------------------


class ReferralForm(forms.Form):
    referral_date = GovukDateField(label="Referral date", error_label="the referral date", not_in_future=True)
    source = _select("Source of the referral", ReferralSource.choices, "Select the source of the referral")
    threshold_level = _select("Threshold level", ThresholdLevel.choices, "Select the threshold level")
    primary_need = _select(
        "Primary need",
        PrimaryNeed.choices,
        "Select the child's primary need",
        required=False,
        help_text="Needed unless the referral needs no further action.",
    )
    no_further_action = forms.BooleanField(label="No further action at referral", required=False)
    stepped_up_from_early_help = forms.BooleanField(label="The child is stepped up from early help", required=False)
    step_up_reason = _text("Why the child is stepped up", help_text="Only if they are.")


class ClosureForm(forms.Form):
    closed_on = GovukDateField(label="Closure date", error_label="the closure date", not_in_future=True)
    reason = _choice("Reason for closing the case", ReasonForClosure.choices, "Select the reason for closing the case")
    rationale = _text("Reasons for closing", "Enter the reasons for closing the case", rows=6)
    stepped_down_to_early_help = forms.BooleanField(label="The family is stepped down to early help", required=False)
    step_down_reason = _text("Why the family is stepped down", help_text="Only if they are.")


# --- early help ---------------------------------------------------------------------------------------------


class EarlyHelpAssessmentForm(forms.Form):
    agency = _line("Agency that made the assessment", "Enter the agency that made the assessment")
    lead_professional = _line("Lead professional", "Enter the lead professional")
    assessed_on = GovukDateField(
        label="Date of the assessment", error_label="the date of the assessment", not_in_future=True
    )
    level_of_need = _choice("Level of need", ThresholdLevel.choices, "Select the level of need")
    needs_identified = _text("Needs identified", "Enter the needs the assessment identified", rows=6)
    plan = _text("Support plan agreed", "Enter the support plan agreed", rows=6)
    family_consented = _choice("Did the family consent?", YES_NO, "Select whether the family consented")
    outcome = _choice("Outcome", EarlyHelpOutcome.choices, "Select the outcome")


class AuditForm(forms.Form):
    audited_on = GovukDateField(label="Date of the audit", error_label="the date of the audit", not_in_future=True)
    grade = _choice("Grade", AuditGrade.choices, "Select the grade")
    findings = _text("Findings", "Enter the audit findings", rows=6)


# --- police protection -------------------------------------------------------------------------------------


class PoliceProtectionForm(_DateAndTime):
    moments = (("started", True), ("parents_informed", False))

    started_on = GovukDateField(
        label="Date police protection began", error_label="the date police protection began", not_in_future=True
    )
    started_time = TimeOfDayField(label="Time it began", error_label="the time police protection began")
    reason = _text(
        "Why the police used their powers of protection", "Enter why the police used their powers of protection"
    )
    police_officer = _line("Police officer", "Enter the police officer involved", help_text="Name, rank and number")
    where_placed = forms.CharField(
        label="Where the child was taken or kept",
        max_length=200,
        error_messages={"required": "Enter where the child was taken or kept"},
    )
    parents_informed_on = GovukDateField(
        label="Date the parents were told", error_label="the date the parents were told", required=False
    )
    parents_informed_time = TimeOfDayField(
        label="Time the parents were told", error_label="the time the parents were told", required=False
    )


class EndPoliceProtectionForm(_DateAndTime):
    moments = (("ended", True),)

    ended_on = GovukDateField(label="Date it ended", error_label="the date police protection ended", not_in_future=True)
    ended_time = TimeOfDayField(label="Time it ended", error_label="the time police protection ended")
    what_followed = _choice("What followed", AfterPoliceProtection.choices, "Select what followed")
    notes = _text("Notes", help_text="The legal route and the placement; needed when you choose Other.")


# --- out of hours -------------------------------------------------------------------------------------------


class OutOfHoursForm(_DateAndTime):
    moments = (("received", True),)

    received_on = GovukDateField(label="Date of the call", error_label="the date of the call", not_in_future=True)
    received_time = TimeOfDayField(label="Time of the call", error_label="the time of the call")
    caller = _line("Who called", "Enter who called")
    children = KithIdsField(
        label="Children the call was about",
        required_message="Enter the Kith ID of at least one child",
        help_text="Kith IDs, separated by commas, for example K0000123, K0000124.",
    )
    responsible_authority = _line("Local authority responsible")
    what_happened = _text("What happened", "Enter what happened", rows=6)
    advice_or_action = _text("Advice given or action taken", "Enter the advice given or action taken", rows=6)
    strategy_discussion_held = forms.BooleanField(label="A strategy discussion was held out of hours", required=False)
    call_back_needed = forms.BooleanField(label="The day team must call back", required=False)
    handed_over_to = forms.ModelChoiceField(
        label="Day team to hand over to",
        queryset=Team.objects.order_by("name"),
        empty_label="Choose",
        error_messages={"required": "Select the day team to hand over to", "invalid_choice": "Select a team"},
    )


class AcknowledgeForm(forms.Form):
    day_team_action = _text("What the day team will do", "Enter what the day team will do")


# --- professional disagreement (R-075) ---------------------------------------------------------------------


class DisagreementForm(forms.Form):
    raised_on = GovukDateField(label="Date raised", error_label="the date it was raised", not_in_future=True)
    raised_by_name = _line("Who raised it", "Enter who raised the disagreement")
    raised_by_agency = _select("Their agency", Agency.choices, "Select their agency")
    disagreement = _text("What they disagree with, and why", "Enter what they disagree with and why", rows=6)


class EscalationForm(forms.Form):
    stage = _choice("Escalated to", EscalationStage.choices, "Select the stage it is escalated to")
    escalated_on = GovukDateField(label="Date escalated", error_label="the date of the escalation", not_in_future=True)
    escalated_to = _line("Who it is escalated to", "Enter who it is escalated to")
    notes = _text("Notes")


class ResolutionForm(forms.Form):
    resolved_on = GovukDateField(label="Date resolved", error_label="the date it was resolved", not_in_future=True)
    outcome = _choice("Outcome", DisagreementOutcome.choices, "Select the outcome")
    resolution = _text("How it was resolved", "Enter how it was resolved", rows=6)
