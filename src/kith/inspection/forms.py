"""Inspection forms. They parse input; the actions decide what may be stored (and name the dates)."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from kith.inspection import frameworks, themes
from kith.inspection.models import Rag
from kith.platform.ui.forms import GovukDateField
from kith.workforce.models import StaffMember

# A report is a few hundred kilobytes as text and a few megabytes as a PDF.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_KITH_ID = re.compile(r"^[Kk]?0*([0-9]{1,9})$")


class ImportForm(forms.Form):
    report = forms.FileField(
        label="Inspection report",
        help_text="The report as Ofsted published it: a PDF, or its text saved as a .txt or .md file.",
        error_messages={"required": "Choose the report to import", "empty": "The file is empty: choose the report"},
    )

    def clean_report(self) -> Any:
        upload = self.cleaned_data["report"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 20 MB: choose the report itself")
        return upload


class PublicationForm(forms.Form):
    published = GovukDateField(label="Date the report was published", not_in_future=True)


def _staff_label(staff: StaffMember) -> str:
    return f"{staff.full_name}, {staff.team.name}"


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(
        label="Owner",
        help_text="The leader who answers for this item.",
        queryset=StaffMember.objects.none(),
        empty_label="Select a member of staff",
        error_messages={"required": "Select the owner", "invalid_choice": "Select the owner"},
    )
    due_on = GovukDateField(label="Due date (optional)", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = StaffMember.objects.filter(is_active=True).select_related("team").order_by("full_name")
        owner.label_from_instance = _staff_label  # type: ignore[method-assign, assignment]


class PlanActionForm(forms.Form):
    description = forms.CharField(
        label="What will be done",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter what will be done"},
    )
    due_on = GovukDateField(label="Target date (optional)", required=False)


class CompleteActionForm(forms.Form):
    completed_on = GovukDateField(label="Date it was completed", not_in_future=True)


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label="Where does the item stand?",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the item stands", "invalid_choice": "Select where the item stands"},
    )
    note = forms.CharField(
        label="Progress since the last update",
        help_text="What has been done, what it has changed for children, and what is next.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Enter what has happened since the last update"},
    )
    written_on = GovukDateField(label="Date of the update", not_in_future=True)


class EvidenceForm(forms.Form):
    description = forms.CharField(
        label="What the evidence shows",
        max_length=300,
        error_messages={"required": "Enter what the evidence shows"},
    )
    url = forms.CharField(
        label="Link (optional)",
        help_text="A KPI, an audit or a document: a web address, or a Kith page such as /quality/…",
        max_length=500,
        required=False,
    )
    child = forms.CharField(
        label="A child's Kith ID (optional)",
        help_text="A child's record that shows the change, for example K0000012. Give a link or a child, not both.",
        max_length=20,
        required=False,
    )

    def clean_child(self) -> int | None:
        raw = self.cleaned_data["child"].strip()
        if not raw:
            return None
        found = _KITH_ID.match(raw)
        if not found:
            raise forms.ValidationError("Enter a Kith ID like K0000012")
        return int(found.group(1))


class SelfEvaluationForm(forms.Form):
    text = forms.CharField(
        label="Your evaluation",
        help_text="What you know about the quality of practice here, how you know it, and what you are doing about it.",
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=20000,
        error_messages={"required": "Enter your evaluation"},
    )


class ReferenceSearchForm(forms.Form):
    grade = forms.ChoiceField(label="With a judgement of", required=False)
    theme = forms.ChoiceField(label="With an area for improvement about", required=False)
    words = forms.CharField(label="Words in an area for improvement", max_length=100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        grade = self.fields["grade"]
        theme = self.fields["theme"]
        assert isinstance(grade, forms.ChoiceField)
        assert isinstance(theme, forms.ChoiceField)
        grade.choices = [("", "Any judgement"), *frameworks.all_grades()]
        theme.choices = [("", "Any theme"), *themes.choices()]
