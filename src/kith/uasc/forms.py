"""The UASC pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from django import forms

from kith.platform.ui.forms import GovukDateField
from kith.uasc.models import AgeAssessmentOutcome, CeasedReason, ImmigrationStatus


class RecordUascForm(forms.Form):
    became_uasc_on = GovukDateField(
        label="Date they became an unaccompanied asylum-seeking child",
        error_label="the date they became an unaccompanied asylum-seeking child",
        help_text="Usually the day they arrived or first came to the council.",
    )
    home_office_reference = forms.CharField(label="Home Office reference", required=False, max_length=40)
    age_disputed = forms.BooleanField(label="Their age is disputed", required=False)
    transferred_from = forms.CharField(
        label="Transferred under the National Transfer Scheme from",
        required=False,
        max_length=100,
        help_text="The council that transferred the child. Leave blank if they were not transferred.",
    )
    transferred_on = GovukDateField(
        label="Date of the transfer", error_label="the date of the transfer", required=False
    )


class AgeAssessmentForm(forms.Form):
    assessed_on = GovukDateField(label="Date of the assessment", error_label="the date of the assessment")
    outcome = forms.ChoiceField(
        label="What did the assessment find?",
        choices=AgeAssessmentOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the assessment found"},
    )
    notes = forms.CharField(
        label="Who assessed the child's age, and how",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
        error_messages={"required": "Say who assessed the child's age and how"},
    )


class ImmigrationStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="What happened?",
        choices=ImmigrationStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the new immigration status"},
    )
    changed_on = GovukDateField(label="Date", error_label="the date")
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=10000)


class CeasedForm(forms.Form):
    ceased_on = GovukDateField(label="Date UASC status ceased", error_label="the date UASC status ceased")
    reason = forms.ChoiceField(
        label="Why?",
        choices=CeasedReason.choices,
        widget=forms.RadioSelect,
        help_text="On the 18th birthday UASC status ends by itself: there is nothing to record.",
        error_messages={"required": "Choose why the child is no longer an unaccompanied asylum-seeking child"},
    )
