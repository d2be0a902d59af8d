"""Child in need forms. They parse input; the actions decide what may be stored.

The plan form has rows of objectives that work without JavaScript: five blank rows, and an
"Add another objective" button that shows the same form again with one more row. Rows are
renumbered so the filled ones come first, so "Objective 2" in a message is the second row shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import QueryDict

from kith.plans.forms import add_progress_fields, progress_entries, progress_rows
from kith.plans.models import Objective
from kith.plans.records import ObjectiveDetails
from kith.plans.rules import ProgressEntry
from kith.platform.ui.forms import GovukDateField

BLANK_ROWS = 5
MOST_ROWS = 20
ROW_PARTS = ("outcome", "action", "owner", "owner_agency", "target_date")
TEXT_PARTS = ("outcome", "action", "owner", "owner_agency")
DATE_BOXES = ("day", "month", "year")
YES_NO = [("yes", "Yes"), ("no", "No")]


def _row_keys(number: int) -> list[str]:
    keys = [f"objective_{number}_{part}" for part in TEXT_PARTS]
    return keys + [f"objective_{number}_target_date_{box}" for box in DATE_BOXES]


def _row_is_blank(data: Mapping[str, Any], number: int) -> bool:
    return not any(str(data.get(key, "")).strip() for key in _row_keys(number))


def _rows_posted(data: Mapping[str, Any]) -> int:
    try:
        return min(max(int(data.get("rows", BLANK_ROWS)), 1), MOST_ROWS)
    except ValueError:
        return BLANK_ROWS


def compact_rows(data: QueryDict, *, extra: int = 0) -> tuple[QueryDict, int]:
    """The posted data with the filled objective rows renumbered 1, 2, 3… and how many rows to show."""
    posted = _rows_posted(data)
    filled = [number for number in range(1, posted + 1) if not _row_is_blank(data, number)]
    compacted = data.copy()
    for number in range(1, posted + 1):
        for key in _row_keys(number):
            compacted.pop(key, None)
    for new_number, old_number in enumerate(filled, start=1):
        for old_key, new_key in zip(_row_keys(old_number), _row_keys(new_number), strict=True):
            compacted[new_key] = data.get(old_key, "")
    rows = min(max(posted, len(filled)) + extra, MOST_ROWS)
    compacted["rows"] = str(rows)
    return compacted, rows


class ChildInNeedPlanForm(forms.Form):
    started_on = GovukDateField(
        label="Date the plan starts", error_label="the date the plan starts", not_in_future=True
    )
    lead_professional = forms.CharField(
        label="Lead professional",
        help_text="Who coordinates the plan and is the family's main contact. For a disabled child, the allocated "
        "social worker.",
        max_length=150,
        error_messages={"required": "Name the lead professional"},
    )
    summary_for_family = forms.CharField(
        label="What we are worried about",
        help_text="Write it for the family, and for the child who may read it one day: plain words, no jargon.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        error_messages={"required": "Enter what we are worried about, for the family to read"},
    )
    contingency = forms.CharField(
        label="What will happen if things do not change",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Enter what will happen if things do not change"},
    )
    first_review_on = GovukDateField(label="Date of the first review", error_label="the date of the first review")
    rows = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, data: QueryDict | None = None, *, add_row: bool = False, **kwargs: Any) -> None:
        self.row_count = BLANK_ROWS
        if data is not None:
            data, self.row_count = compact_rows(data, extra=1 if add_row else 0)
        super().__init__(data, **kwargs)
        for number in range(1, self.row_count + 1):
            prefix = f"objective_{number}_"
            self.fields[f"{prefix}outcome"] = forms.CharField(
                label="What needs to change for the child",
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                required=False,
            )
            self.fields[f"{prefix}action"] = forms.CharField(
                label="What will be done", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
            )
            self.fields[f"{prefix}owner"] = forms.CharField(
                label="Who is responsible", help_text="A person, by name.", max_length=150, required=False
            )
            self.fields[f"{prefix}owner_agency"] = forms.CharField(
                label="Their agency or role", max_length=150, required=False
            )
            self.fields[f"{prefix}target_date"] = GovukDateField(
                label="By when", error_label=f"the target date of objective {number}", required=False
            )
        self.initial.setdefault("rows", self.row_count)

    def objective_rows(self) -> list[dict[str, Any]]:
        return [
            {"number": number, **{part: self[f"objective_{number}_{part}"] for part in ROW_PARTS}}
            for number in range(1, self.row_count + 1)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for number in range(1, self.row_count + 1):
            prefix = f"objective_{number}_"
            if not self._row_has_anything(number):
                continue
            for part, message in (
                ("outcome", "enter what needs to change for the child"),
                ("action", "enter what will be done"),
                ("owner", "name who is responsible"),
            ):
                if not cleaned.get(f"{prefix}{part}", "").strip():
                    self.add_error(f"{prefix}{part}", f"Objective {number}: {message}")
            if cleaned.get(f"{prefix}target_date") is None and f"{prefix}target_date" not in self.errors:
                self.add_error(f"{prefix}target_date", f"Objective {number}: enter the target date")
        return cleaned

    def _row_has_anything(self, number: int) -> bool:
        return self.data is not None and not _row_is_blank(self.data, number)

    def objectives(self) -> list[ObjectiveDetails]:
        data = self.cleaned_data
        return [
            ObjectiveDetails(
                outcome=data[f"objective_{number}_outcome"],
                action=data[f"objective_{number}_action"],
                owner=data[f"objective_{number}_owner"],
                owner_agency=data[f"objective_{number}_owner_agency"],
                target_date=data[f"objective_{number}_target_date"],
            )
            for number in range(1, self.row_count + 1)
            if self._row_has_anything(number)
        ]


class ReviewForm(forms.Form):
    held_on = GovukDateField(label="Date of the review", error_label="the date of the review", not_in_future=True)
    attendees = forms.CharField(
        label="Who came",
        help_text="Names and agencies, including the child and family if they came. Say who sent apologies.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": "Enter who came to the review"},
    )
    child_views = forms.CharField(
        label="The child's views",
        help_text="What the child said, wrote, drew or showed about the plan, in their words where you can, "
        "or why their views could not be gathered.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Record the child's views, or why they could not be given"},
    )
    parents_views = forms.CharField(
        label="Parents' or carers' views",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Record the parents' or carers' views, or why they were not given"},
    )
    decisions = forms.CharField(
        label="What the review decided",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Enter what the review decided"},
    )
    plan_continues = forms.ChoiceField(
        label="Does the plan continue?",
        choices=YES_NO,
        widget=forms.RadioSelect(attrs={"inline": True}),
        error_messages={"required": "Say whether the plan continues"},
    )
    next_review_on = GovukDateField(
        label="Date of the next review",
        error_label="the date of the next review",
        help_text="If the plan continues.",
        required=False,
    )

    def __init__(self, *args: Any, objectives: list[Objective], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.open_objectives = objectives
        add_progress_fields(self, objectives)

    def progress(self) -> list[ProgressEntry]:
        return progress_entries(self, self.open_objectives)

    def progress_rows(self) -> list[tuple[Objective, Any, Any]]:
        return progress_rows(self, self.open_objectives)


class EndPlanForm(forms.Form):
    ended_on = GovukDateField(label="Date the plan ends", error_label="the date the plan ends", not_in_future=True)
    end_reason = forms.CharField(
        label="Why is the plan ending?",
        help_text="For example: the family's needs are met; stepped down to early help; a child protection plan "
        "started; the family moved away.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter why the plan is ending"},
    )


class SharedWithFamilyForm(forms.Form):
    shared_on = GovukDateField(
        label="Date the family were given the plan", error_label="the date the plan was shared", not_in_future=True
    )
