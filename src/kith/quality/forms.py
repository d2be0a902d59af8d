"""The management decision form. It parses input; the action decides what may be stored."""

from __future__ import annotations

from django import forms

from kith.platform.ui.forms import GovukDateField
from kith.quality.models import DecisionKind


class ManagementDecisionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of decision is this?",
        choices=DecisionKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what kind of decision this is",
            "invalid_choice": "Select what kind of decision this is",
        },
    )
    decision = forms.CharField(
        label="Decision",
        help_text="What you decided, in words the family could read.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter the decision"},
    )
    rationale = forms.CharField(
        label="Reasons for the decision",
        help_text="What you weighed up, including the child's views and any risks.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": "Enter the reasons for the decision"},
    )
    next_steps = forms.CharField(
        label="Next steps (optional)",
        help_text="Who must do what, and by when.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    decided_on = GovukDateField(label="Date of the decision", not_in_future=True)
