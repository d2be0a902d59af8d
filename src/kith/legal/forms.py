"""Pre-proceedings and court forms. They parse input; the actions decide what may be stored (and name the dates)."""

from __future__ import annotations

from django import forms

from kith.legal.models import FINAL_ORDERS, ApplicationKind, HearingKind, MeetingKind, Order, PreProceedingsOutcome
from kith.platform.ui.forms import GovukDateField


def _text(label: str, *, required_message: str = "", hint: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        required=bool(required_message),
        error_messages={"required": required_message} if required_message else {},
    )


def _choice(label: str, choices: list[tuple[str, str]], message: str, *, radios: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices if radios else [("", "Select"), *choices],
        widget=forms.RadioSelect if radios else forms.Select,
        error_messages={"required": message, "invalid_choice": message},
    )


class EnterPreProceedingsForm(forms.Form):
    entered_on = GovukDateField(label="Date the child entered pre-proceedings", error_label="the date of entry")
    reason = _text(
        "Reasons for entering pre-proceedings",
        required_message="Enter the reasons for entering pre-proceedings",
        hint="What you weighed up at the legal planning meeting, and why the threshold is met.",
        rows=6,
    )


class LetterBeforeProceedingsForm(forms.Form):
    sent_on = GovukDateField(label="Date the letter was sent", error_label="the date the letter was sent")
    risks = _text("The risks to the child", required_message="Enter the risks the letter sets out")
    changes_expected = _text(
        "The changes expected of the parents", required_message="Enter the changes the letter says are expected"
    )
    support_offered = _text("The support offered", required_message="Enter the support the letter offers")


class PreProceedingsMeetingForm(forms.Form):
    kind = _choice("Which meeting was it?", list(MeetingKind.choices), "Select the kind of meeting")
    held_on = GovukDateField(label="Date of the meeting", error_label="the date of the meeting")
    attendees = _text("Who attended", required_message="Enter who attended", rows=3)
    summary = _text("What was discussed and agreed", required_message="Enter what was discussed and agreed", rows=6)
    next_review_on = GovukDateField(
        label="Date of the next review (optional)", error_label="the date of the next review", required=False
    )


class FamilyGroupMeetingForm(forms.Form):
    offered_on = GovukDateField(
        label="Date a family group decision-making meeting was offered", error_label="the date the meeting was offered"
    )
    held_on = GovukDateField(
        label="Date the meeting was held (optional)",
        error_label="the date the meeting was held",
        help_text="Leave empty if the meeting has not been held.",
        required=False,
    )


class EndPreProceedingsForm(forms.Form):
    outcome = _choice("What did you decide?", list(PreProceedingsOutcome.choices), "Select the decision")
    rationale = _text(
        "Reasons for the decision",
        required_message="Enter the reasons for the decision",
        hint="What has changed, what has not, and the child's views.",
        rows=6,
    )
    ended_on = GovukDateField(label="Date of the decision", error_label="the date of the decision")
    letter_of_issue_sent_on = GovukDateField(
        label="Date the letter of issue was sent (optional)",
        error_label="the date the letter of issue was sent",
        help_text="Only when you decide to issue proceedings.",
        required=False,
    )


class CareApplicationForm(forms.Form):
    application_kind = _choice("Which order are you applying for?", list(ApplicationKind.choices), "Select the order")
    application_made_on = GovukDateField(
        label="Date the application was issued", error_label="the date of the application"
    )
    court = forms.CharField(
        label="Court", max_length=200, error_messages={"required": "Enter the court"}, widget=forms.TextInput
    )
    reason = _text("Grounds for the application", required_message="Enter the grounds for the application", rows=6)


class HearingForm(forms.Form):
    kind = _choice("Which hearing was it?", list(HearingKind.choices), "Select the kind of hearing")
    held_on = GovukDateField(label="Date of the hearing", error_label="the date of the hearing")
    order_made = _choice("Order made", list(Order.choices), "Select the order made, or directions only", radios=False)
    summary = _text("What the court decided (optional)")
    next_hearing_on = GovukDateField(
        label="Date of the next hearing (optional)", error_label="the date of the next hearing", required=False
    )
    delay_cause = _text(
        "Anything that delayed the case (optional)",
        hint="For example: an expert report late, a parent's lawyer not instructed, no court time.",
        rows=3,
    )


class ConcludeProceedingsForm(forms.Form):
    final_order = _choice("Final order", FINAL_ORDERS, "Select the final order", radios=False)
    ended_on = GovukDateField(label="Date the proceedings ended", error_label="the date the proceedings ended")
    outcome_summary = _text("The outcome and any decision about the child returning home (optional)", rows=4)
    delay_reasons = _text(
        "Reasons for any delay (optional)",
        hint="Required when the proceedings took longer than 26 weeks.",
        rows=4,
    )
