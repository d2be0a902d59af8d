"""LADO forms. They parse input; the actions decide what may be stored (and name the dates)."""

from __future__ import annotations

import re

from django import forms

from kith.lado.models import AllegationCategory, DecisionKind, Outcome
from kith.platform.ui.forms import GovukDateField

_KITH_ID = re.compile(r"^[Kk]?0*([0-9]{1,9})$")


def _text(label: str, *, required_message: str = "", hint: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        required=bool(required_message),
        error_messages={"required": required_message} if required_message else {},
    )


def _line(label: str, required_message: str, hint: str = "") -> forms.CharField:
    return forms.CharField(label=label, help_text=hint, max_length=150, error_messages={"required": required_message})


def _choice(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class AllegationForm(forms.Form):
    children = forms.CharField(
        label="Children affected",
        help_text="Their Kith IDs, separated by commas (for example K0000012, K0000013).",
        max_length=500,
        error_messages={"required": "Enter at least one child the allegation affects"},
    )
    received_on = GovukDateField(label="Date the allegation was received", error_label="the date it was received")
    referrer_name = _line("Who made the referral", "Enter who made the referral")
    referrer_agency = _line(
        "Their agency",
        "Enter the referrer's agency",
        "For example: a school, a nursery, a private children's home, the police.",
    )
    subject_name = _line(
        "Name of the person the allegation is about", "Enter the name of the person the allegation is about"
    )
    subject_role = _line("Their role", "Enter their role", "For example: teaching assistant, foster carer, coach.")
    subject_employer = _line("Their employer or organisation", "Enter their employer or organisation")
    category = _choice(
        "What is alleged? The person has…", list(AllegationCategory.choices), "Select what the allegation is"
    )
    details = _text("What is alleged", required_message="Enter what is alleged", rows=6)
    advice_given = _text("Advice given to the referrer and employer (optional)", rows=4)

    def clean_children(self) -> list[int]:
        typed = [part.strip() for part in self.cleaned_data["children"].split(",") if part.strip()]
        ids: list[int] = []
        for part in typed:
            found = _KITH_ID.match(part)
            if found is None:
                raise forms.ValidationError(f"{part} is not a Kith ID: enter IDs like K0000012, separated by commas")
            ids.append(int(found.group(1)))
        if not ids:
            raise forms.ValidationError("Enter at least one child the allegation affects")
        return list(dict.fromkeys(ids))


class DecisionForm(forms.Form):
    decision = _choice("Decision", list(DecisionKind.choices), "Select the decision")
    rationale = _text(
        "Reasons for the decision",
        required_message="Enter the reasons for the decision",
        hint="What you weighed up: the harm test, the evidence, the views of the police and the employer.",
        rows=6,
    )
    decided_on = GovukDateField(label="Date of the decision", error_label="the date of the decision")


class CloseAllegationForm(forms.Form):
    outcome = _choice("Outcome", list(Outcome.choices), "Select the outcome")
    outcome_summary = _text("Summary of the outcome (optional)", rows=4)
    closed_on = GovukDateField(label="Date the allegation was concluded", error_label="the date it was concluded")
