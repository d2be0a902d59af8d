"""Private fostering and education register forms. They parse input; the actions decide what may be stored."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from kith.people.models import Person
from kith.platform.ui.forms import GovukDateField
from kith.registers.models import (
    ArrangementEndReason,
    AssessmentOutcome,
    CheckKind,
    CheckOutcome,
    RegisterCheckKind,
    RegisterKind,
    RemovalReason,
)

YES_NO = [("yes", "Yes"), ("no", "No")]


def _text(label: str, *, required_message: str = "", hint: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        required=bool(required_message),
        error_messages={"required": required_message} if required_message else {},
    )


def _line(label: str, *, required_message: str = "", hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=200,
        required=bool(required_message),
        error_messages={"required": required_message} if required_message else {},
    )


def _choice(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _yes_no(label: str, message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect(attrs={"inline": True}),
        error_messages={"required": message, "invalid_choice": message},
    )


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.kith_id})"


class _PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.kith_id})"


class NotificationForm(forms.Form):
    carer = _PersonChoice(
        label="Private foster carer",
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        help_text="The adults recorded as related to the child. Add the carer and their relationship first if "
        "they are not listed.",
        error_messages={"required": "Select the carer", "invalid_choice": "Select the carer"},
    )
    parents = _PeopleChoice(
        label="Parents (optional)",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notified_on = GovukDateField(label="Date the council was told", error_label="the date of the notification")
    notified_by = _line(
        "Who told the council",
        required_message="Enter who told the council",
        hint="For example: the parent, the carer, the school.",
    )
    started_on = GovukDateField(label="Date the arrangement started, or will start", error_label="the start date")
    expected_length = _line("How long the arrangement is expected to last (optional)")

    def __init__(self, *args: Any, adults: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["carer"].queryset = adults  # type: ignore[attr-defined]
        self.fields["parents"].queryset = adults  # type: ignore[attr-defined]


class PrivateFosteringCheckForm(forms.Form):
    kind = _choice("Which check?", list(CheckKind.choices), "Select the check")
    completed_on = GovukDateField(label="Date of the check", error_label="the date of the check")
    outcome = _choice("What did it find?", list(CheckOutcome.choices), "Select what the check found")
    notes = _text("Notes (optional)", rows=3)


class AssessmentForm(forms.Form):
    outcome = _choice(
        "Outcome of the assessment", list(AssessmentOutcome.choices), "Select the outcome of the assessment"
    )
    summary = _text("Findings", required_message="Enter the assessment's findings", rows=6)
    completed_on = GovukDateField(label="Date the assessment was completed", error_label="the date it was completed")


class PrivateFosteringVisitForm(forms.Form):
    visited_on = GovukDateField(label="Date of the visit", error_label="the date of the visit")
    child_seen = _yes_no("Was the child seen?", "Select whether the child was seen")
    seen_alone = _yes_no("Was the child seen alone?", "Select whether the child was seen alone")
    child_views = _text(
        "The child's views on the arrangement",
        hint="In the child's own words where you can. Required when the child was seen.",
        rows=4,
    )
    notes = _text("Notes (optional)", rows=3)


class OversightForm(forms.Form):
    decision = _text("Decision", required_message="Enter the decision", rows=4)
    rationale = _text("Reasons for the decision", required_message="Enter the reasons for the decision", rows=6)
    decided_on = GovukDateField(label="Date of the decision", error_label="the date of the decision")


class EndArrangementForm(forms.Form):
    reason = _choice(
        "Why did the arrangement end?", list(ArrangementEndReason.choices), "Select why the arrangement ended"
    )
    details = _text("Details (optional)", rows=3)
    ended_on = GovukDateField(label="Date the arrangement ended", error_label="the date it ended")


class AddToRegisterForm(forms.Form):
    register = _choice("Which register?", list(RegisterKind.choices), "Select the register")
    added_on = GovukDateField(label="Date added to the register", error_label="the date added")
    source = _line(
        "Who told the council",
        required_message="Enter who told the council",
        hint="For example: the school, the parent, another local authority.",
    )
    reason = _text("Why the child is on the register", required_message="Enter why the child is on the register")


class RegisterCheckForm(forms.Form):
    kind = _choice("What was done?", list(RegisterCheckKind.choices), "Select the kind of check")
    checked_on = GovukDateField(label="Date of the check", error_label="the date of the check")
    child_seen = _yes_no("Was the child seen?", "Select whether the child was seen")
    safeguarding_concern = _yes_no("Were there any safeguarding concerns?", "Select whether there were concerns")
    outcome = _text("What the check found", required_message="Enter what the check found")


class RemoveFromRegisterForm(forms.Form):
    reason = _choice(
        "Why is the child coming off the register?", list(RemovalReason.choices), "Select why the child is removed"
    )
    destination = _line("Where the child went (optional)", hint="The school, or the local authority or country.")
    removed_on = GovukDateField(label="Date removed from the register", error_label="the date removed")
