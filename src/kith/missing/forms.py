"""The missing pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms

from kith.missing.models import InterviewOutcome
from kith.missing.rules import LONDON, InterviewDetails, Police
from kith.platform.reference.ssda903 import MissingKind
from kith.platform.ui.forms import GovukDateField

TIME_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I%p"]


def _text(
    label: str, *, required: bool = False, rows: int = 3, help_text: str = "", message: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        error_messages={"required": message or f"Enter {label[0].lower()}{label[1:]}"},
    )


def _time(label: str, *, what: str, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        help_text="For example, 9:30 or 22:15.",
        input_formats=TIME_FORMATS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": f"Enter the time {what}",
            "invalid": "Enter the time as hours and minutes, for example 9:30 or 22:15",
        },
    )


def _moment(day: date | None, at: time | None) -> datetime | None:
    if day is None or at is None:
        return None
    return datetime.combine(day, at, tzinfo=LONDON)


class ReportMissingForm(forms.Form):
    kind = forms.ChoiceField(
        label="Was the child missing, or away from their placement?",
        choices=MissingKind.choices,
        widget=forms.RadioSelect,
        help_text="Away: not where they should be, but it is known where they are (children in care only).",
        error_messages={"required": "Choose whether the child was missing or away from placement"},
    )
    started_on = GovukDateField(label="Date they went missing", error_label="the date they went missing")
    started_time = _time("Time", what="they went missing")
    circumstances = _text(
        "Where they were last seen, and what happened",
        required=True,
        rows=4,
        message="Say where the child was last seen and what happened",
    )
    reported_on = GovukDateField(
        label="Date reported to the police", error_label="the date reported to the police", required=False
    )
    reported_time = _time("Time reported", what="it was reported to the police", required=False)
    police_reference = forms.CharField(label="Police reference", required=False, max_length=40)
    why_not_reported = _text("Why the police were not told", rows=2)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("reported_on") and not cleaned.get("reported_time"):
            self.add_error("reported_time", "Enter the time it was reported to the police")
        return cleaned

    def started_at(self) -> datetime:
        moment = _moment(self.cleaned_data["started_on"], self.cleaned_data["started_time"])
        assert moment is not None  # both required
        return moment

    def police(self) -> Police:
        data = self.cleaned_data
        return Police(
            reported_at=_moment(data.get("reported_on"), data.get("reported_time")),
            reference=data["police_reference"],
            why_not_reported=data["why_not_reported"],
        )


SAFE_AND_WELL = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known yet")]


class ReturnForm(forms.Form):
    ended_on = GovukDateField(label="Date they came back or were found", error_label="the date they came back")
    ended_time = _time("Time", what="they came back")
    where_found = _text(
        "Where they were found, or came back to",
        required=True,
        rows=3,
        message="Say where the child was found or came back to",
    )
    safe_and_well_check = forms.ChoiceField(
        label="Did the police do a safe and well check?",
        choices=SAFE_AND_WELL,
        widget=forms.RadioSelect,
        initial="unknown",
        required=False,
    )

    def ended_at(self) -> datetime:
        moment = _moment(self.cleaned_data["ended_on"], self.cleaned_data["ended_time"])
        assert moment is not None  # both required
        return moment

    def safe_and_well(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("safe_and_well_check") or "unknown")


class InterviewForm(forms.Form):
    offered_on = GovukDateField(
        label="Date offered", error_label="the date the interview was offered", not_in_future=True
    )
    outcome = forms.ChoiceField(
        label="What happened?",
        choices=InterviewOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the child accepted or declined the interview"},
    )
    held_on = GovukDateField(
        label="Date held", error_label="the date the interview was held", required=False, not_in_future=True
    )
    declined_reason = _text("Why the child declined", rows=2)
    interviewer = forms.CharField(
        label="Who offered or held the interview",
        max_length=150,
        help_text="Someone independent of the child's social worker and carers.",
        error_messages={"required": "Enter who offered or held the interview"},
    )
    interviewer_organisation = forms.CharField(label="Their organisation", required=False, max_length=150)
    child_views = _text("What the child said", rows=4, help_text="In their words where you can.")
    push_factors = _text("What made them leave (push factors)")
    pull_factors = _text("What drew them away (pull factors)")
    risk_of_sexual_exploitation = forms.BooleanField(label="Risk of child sexual exploitation (CSE)", required=False)
    risk_of_criminal_exploitation = forms.BooleanField(
        label="Risk of child criminal exploitation (CCE), including county lines", required=False
    )
    risk_of_trafficking = forms.BooleanField(label="Risk of trafficking", required=False)
    actions_agreed = _text("Actions agreed", help_text="For example, a referral to the exploitation (MACE) meeting.")

    def details(self) -> InterviewDetails:
        data = self.cleaned_data
        return InterviewDetails(
            offered_on=data["offered_on"],
            outcome=data["outcome"],
            interviewer=data["interviewer"],
            interviewer_organisation=data["interviewer_organisation"],
            held_on=data["held_on"],
            declined_reason=data["declined_reason"],
            child_views=data["child_views"],
            push_factors=data["push_factors"],
            pull_factors=data["pull_factors"],
            risk_of_sexual_exploitation=data["risk_of_sexual_exploitation"],
            risk_of_criminal_exploitation=data["risk_of_criminal_exploitation"],
            risk_of_trafficking=data["risk_of_trafficking"],
            actions_agreed=data["actions_agreed"],
        )


class SafeAndWellForm(forms.Form):
    checked_on = GovukDateField(label="Date of the check", error_label="the date of the check", not_in_future=True)
    officer = forms.CharField(
        label="Police officer",
        max_length=150,
        help_text="Their name or collar number.",
        error_messages={"required": "Give the officer's name or number"},
    )
    notes = _text("What the police found", rows=3)


class SocialWorkerMeetingForm(forms.Form):
    met_on = GovukDateField(label="Date you met the child", error_label="the date of the meeting", not_in_future=True)
    child_views = _text(
        "What the child said",
        required=True,
        help_text="In their words where you can: why they went, where they were, what would help.",
        message="Record what the child said, in their words where you can",
    )
    actions_agreed = _text("What was agreed", rows=3, help_text="Changes to the care or safety plan.")
