"""Forms for changing a plan's objectives. They parse input; the actions decide what may be stored."""

from __future__ import annotations

from typing import Any

from django import forms

from kith.plans.models import Objective, Progress
from kith.plans.records import ObjectiveDetails
from kith.plans.rules import ProgressEntry, progress_field
from kith.platform.calendar.working_days import long_date
from kith.platform.ui.forms import GovukDateField


class ObjectiveForm(forms.Form):
    """One objective: what needs to change, what will be done, who does it and by when (R-043, R-044)."""

    outcome = forms.CharField(
        label="What needs to change for the child",
        help_text="The difference the child should notice, in words the family can read.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter what needs to change for the child"},
    )
    action = forms.CharField(
        label="What will be done",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter what will be done"},
    )
    owner = forms.CharField(
        label="Who is responsible",
        help_text="A person by name, such as 'Kerry Bennett (mum)' or 'Priya Shah, social worker'.",
        max_length=150,
        error_messages={"required": "Name who is responsible"},
    )
    owner_agency = forms.CharField(label="Their agency or role", max_length=150, required=False)
    target_date = GovukDateField(label="Target date", error_label="the target date")

    def details(self) -> ObjectiveDetails:
        data = self.cleaned_data
        return ObjectiveDetails(
            outcome=data["outcome"],
            action=data["action"],
            owner=data["owner"],
            owner_agency=data["owner_agency"],
            target_date=data["target_date"],
        )


class WithdrawObjectiveForm(forms.Form):
    on = GovukDateField(label="Date withdrawn", error_label="the date withdrawn", not_in_future=True)
    reason = forms.CharField(
        label="Why is the objective withdrawn?",
        help_text="For example, agreed at the review on 3 March that it is no longer needed because the family moved.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter why the objective is withdrawn"},
    )


def add_progress_fields(form: forms.BaseForm, objectives: list[Objective]) -> None:
    """Add a "how is it going?" question and notes for each open objective (``progress_<pk>``,
    ``progress_notes_<pk>``): a review or visit records progress on every action of the plan (R-004)."""
    for objective in objectives:
        form.fields[progress_field(objective)] = forms.ChoiceField(
            label=f"How is '{objective.action}' going?",
            help_text=f"{objective.owner}, by {long_date(objective.target_date)}",
            choices=Progress.choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": f"Say how '{objective.action}' is progressing",
                "invalid_choice": f"Say how '{objective.action}' is progressing",
            },
        )
        form.fields[progress_notes_field(objective)] = forms.CharField(
            label="What has happened (optional)",
            widget=forms.Textarea(attrs={"rows": 2}),
            max_length=5000,
            required=False,
        )


def progress_notes_field(objective: Objective) -> str:
    return f"progress_notes_{objective.pk}"


def progress_entries(form: forms.BaseForm, objectives: list[Objective]) -> list[ProgressEntry]:
    """What the form says about each objective, for the action: (objective, progress, notes)."""
    data = form.cleaned_data
    return [
        (objective, data[progress_field(objective)], data.get(progress_notes_field(objective), ""))
        for objective in objectives
    ]


def progress_rows(form: forms.BaseForm, objectives: list[Objective]) -> list[tuple[Objective, Any, Any]]:
    """The bound progress fields, objective by objective, for the template."""
    return [
        (objective, form[progress_field(objective)], form[progress_notes_field(objective)]) for objective in objectives
    ]
