"""The fostering pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from kith.fostering.models import EndReason, HouseholdKind, KindOfCare
from kith.fostering.rules import Terms
from kith.platform.ui.forms import GovukDateField

_KITH_ID = re.compile(r"^[Kk]?0*([0-9]{1,9})$")


def _text(
    label: str, *, required: bool = True, rows: int = 3, help_text: str = "", message: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        error_messages={"required": message or f"Enter {label[0].lower()}{label[1:]}"},
    )


def _line(label: str, *, message: str, max_length: int = 150, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, help_text=help_text, error_messages={"required": message}
    )


def _choice(label: str, choices: list[tuple[str, str]], *, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": message}
    )


def kith_numbers(typed: str) -> list[int]:
    """The record numbers in Kith IDs typed with commas or spaces (``K0000012, K0000013``)."""
    numbers: list[int] = []
    for token in re.split(r"[\s,;]+", typed.strip()):
        if not token:
            continue
        found = _KITH_ID.match(token)
        if found is None:
            raise forms.ValidationError(f"{token} is not a Kith ID: Kith IDs look like K0000123")
        numbers.append(int(found.group(1)))
    return numbers


class EnquiryForm(forms.Form):
    name = _line(
        "Household name",
        message="Enter the household's name, for example Bev and Carl Hunt",
        help_text="For example, Bev and Carl Hunt.",
    )
    postcode = _line("Postcode", message="Enter the household's postcode", max_length=8)
    kind = _choice("Kind of household", HouseholdKind.choices, message="Choose the kind of fostering household")
    carers = forms.CharField(
        label="Carers' Kith IDs",
        help_text="Add each carer as an adult first; then give their Kith IDs, separated by commas.",
        max_length=200,
        error_messages={"required": "Name at least one carer by their Kith ID"},
    )
    enquiry_on = GovukDateField(label="Date of the enquiry", error_label="the date of the enquiry", not_in_future=True)

    def clean_carers(self) -> list[int]:
        return kith_numbers(self.cleaned_data["carers"])


class AssessmentForm(forms.Form):
    started_on = GovukDateField(
        label="Date the assessment started", error_label="the date the assessment started", not_in_future=True
    )
    assessor = _line("Assessing social worker", message="Enter the assessing social worker")


class TemporaryApprovalForm(forms.Form):
    approved_on = GovukDateField(
        label="Date of the temporary approval", error_label="the date of the temporary approval", not_in_future=True
    )
    child = forms.CharField(
        label="The child's Kith ID", max_length=12, error_messages={"required": "Enter the child's Kith ID"}
    )

    def clean_child(self) -> int:
        numbers = kith_numbers(self.cleaned_data["child"])
        if len(numbers) != 1:
            raise forms.ValidationError("Enter one child's Kith ID")
        return numbers[0]


class _TermsForm(forms.Form):
    places = forms.IntegerField(
        label="Number of children",
        min_value=1,
        error_messages={"required": "Enter how many children the carers are approved for"},
    )
    age_from = forms.IntegerField(
        label="Ages from", min_value=0, max_value=17, error_messages={"required": "Enter the age range, from and to"}
    )
    age_to = forms.IntegerField(
        label="Ages to", min_value=0, max_value=17, error_messages={"required": "Enter the age range, from and to"}
    )
    kind_of_care = _choice("Kind of care", KindOfCare.choices, message="Choose the kind of care")

    def terms(self) -> Terms:
        data: dict[str, Any] = self.cleaned_data
        return Terms(
            places=data["places"], age_from=data["age_from"], age_to=data["age_to"], kind_of_care=data["kind_of_care"]
        )


class ApprovalForm(_TermsForm):
    panel_recommended_on = GovukDateField(
        label="Date of the fostering panel's recommendation", error_label="the date of the panel", not_in_future=True
    )
    approved_on = GovukDateField(
        label="Date of the agency decision", error_label="the date of the agency decision", not_in_future=True
    )
    decision_maker = _line("Agency decision maker", message="Enter the agency decision maker", max_length=200)
    field_order = [
        "panel_recommended_on",
        "approved_on",
        "decision_maker",
        "places",
        "age_from",
        "age_to",
        "kind_of_care",
    ]


class ReviewForm(_TermsForm):
    reviewed_on = GovukDateField(label="Date of the review", error_label="the date of the review", not_in_future=True)
    reviewer = _line("Reviewing officer", message="Enter who reviewed the approval")
    carers_views = _text("The carers' views", message="Record the carers' views")
    childrens_views = _text("The views of children placed, and of the carers' own children", required=False)
    recommendation = _text("Recommendation", message="Record the review's recommendation")
    field_order = [
        "reviewed_on",
        "reviewer",
        "carers_views",
        "childrens_views",
        "recommendation",
        "places",
        "age_from",
        "age_to",
        "kind_of_care",
    ]


class TrainingForm(forms.Form):
    def __init__(self, *args: Any, carers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["carer"] = forms.ChoiceField(
            label="Carer", choices=[("", "Choose a carer"), *carers], error_messages={"required": "Choose the carer"}
        )
        self.order_fields(["carer", "course", "completed_on"])

    course = _line("Course", message="Enter the course", max_length=200)
    completed_on = GovukDateField(
        label="Date completed", error_label="the date the course was completed", not_in_future=True
    )


class EndForm(forms.Form):
    ended_on = GovukDateField(label="Date", error_label="the date fostering ended", not_in_future=True)
    reason = _choice("Why", EndReason.choices, message="Choose why the household stopped fostering")
    notes = _text("What happened", message="Say why")


class LinkForm(forms.Form):
    def __init__(self, *args: Any, households: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["household"] = forms.ChoiceField(
            label="Fostering household",
            choices=[("", "Choose a household"), *households],
            error_messages={"required": "Choose the household"},
        )
