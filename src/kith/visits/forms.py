"""The visit form. It parses input; the action decides what may be stored.

Written for the child who may read it one day (R-005): the hints ask for plain words, what
the child said in their own words, and what it means for them.
"""

from __future__ import annotations

from typing import Any

from django import forms

from kith.people.models import Person
from kith.plans.forms import add_progress_fields, progress_entries, progress_rows
from kith.plans.models import Objective
from kith.plans.rules import ProgressEntry
from kith.platform.ui.forms import GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, *, required_message: str = "", help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect(attrs={"inline": True}),
        required=bool(required_message),
        error_messages={"required": required_message, "invalid_choice": required_message or "Choose yes or no"},
    )


class VisitForm(forms.Form):
    def __init__(
        self, *args: Any, child: Person, objectives: list[Objective], is_child_protection: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        self.open_objectives = objectives
        self.is_child_protection = is_child_protection
        name = child.given_name
        self.fields["visited_on"] = GovukDateField(
            label="Date of the visit", error_label="the date of the visit", not_in_future=True
        )
        self.fields["where"] = forms.CharField(
            label="Where did the visit take place?",
            help_text="For example: at home, at school, at grandma's house.",
            max_length=150,
            error_messages={"required": "Enter where the visit took place"},
        )
        self.fields["child_seen"] = _yes_no(f"Was {name} seen?", required_message=f"Say whether {name} was seen")
        self.fields["seen_alone"] = _yes_no(f"Was {name} seen alone?", help_text=f"Only if {name} was seen.")
        self.fields["spoken_to_alone"] = _yes_no(f"Was {name} spoken to alone?", help_text=f"Only if {name} was seen.")
        self.fields["why_not_alone"] = forms.CharField(
            label=f"Why was {name} not seen alone or spoken to alone?",
            help_text=f"If {name} was seen but not alone: for example, too young to talk, or refused.",
            widget=forms.Textarea(attrs={"rows": 2}),
            max_length=5000,
            required=False,
        )
        self.fields["why_not_seen"] = forms.CharField(
            label=f"Why was {name} not seen?",
            help_text=f"If {name} was not seen: what happened, and what you did about it.",
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=5000,
            required=False,
        )
        self.fields["bedroom_seen"] = _yes_no(
            f"Was {name}'s bedroom seen?",
            required_message=f"Say whether {name}'s bedroom was seen" if is_child_protection else "",
        )
        self.fields["observations"] = forms.CharField(
            label="What did you see and hear?",
            help_text=f"{name} and the family, the home, how people got on. Write so that {name} could read it "
            "one day and understand.",
            widget=forms.Textarea(attrs={"rows": 6}),
            max_length=20000,
            error_messages={"required": "Enter what you saw and heard"},
        )
        self.fields["child_views"] = forms.CharField(
            label=f"{name}'s wishes and feelings",
            help_text=f"What {name} said, drew or showed you, in their own words where you can.",
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=20000,
            required=False,
        )
        self.fields["direct_work"] = forms.CharField(
            label="Direct work (optional)",
            help_text="Any direct work done, such as a three houses tool, a drawing or a life story session, "
            "and what came of it.",
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=20000,
            required=False,
        )
        self.fields["analysis"] = forms.CharField(
            label="What does this tell you?",
            help_text=f"Your analysis: what the visit tells you about {name}'s safety, needs and the plan, "
            "not just what happened.",
            widget=forms.Textarea(attrs={"rows": 5}),
            max_length=20000,
            error_messages={"required": f"Enter what the visit tells you about {name}'s safety and needs"},
        )
        self.fields["outcome"] = forms.CharField(
            label="Outcome and next steps",
            help_text="What was agreed, any further action, by whom and by when.",
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=20000,
            error_messages={"required": "Enter the outcome of the visit and what happens next"},
        )
        add_progress_fields(self, objectives)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        name = self.child.given_name
        if cleaned.get("child_seen") == "yes":
            if not cleaned.get("seen_alone") and "seen_alone" not in self.errors:
                self.add_error("seen_alone", f"Say whether {name} was seen alone")
            if not cleaned.get("spoken_to_alone") and "spoken_to_alone" not in self.errors:
                self.add_error("spoken_to_alone", f"Say whether {name} was spoken to alone")
        return cleaned

    def answers(self) -> dict[str, Any]:
        """The cleaned answers as the action takes them."""
        data = self.cleaned_data
        bedroom = data.get("bedroom_seen")
        return {
            "visited_on": data["visited_on"],
            "where": data["where"],
            "child_seen": data["child_seen"] == "yes",
            "seen_alone": data.get("seen_alone") == "yes",
            "spoken_to_alone": data.get("spoken_to_alone") == "yes",
            "bedroom_seen": None if not bedroom else bedroom == "yes",
            "why_not_seen": data["why_not_seen"],
            "why_not_alone": data["why_not_alone"],
            "observations": data["observations"],
            "child_views": data["child_views"],
            "direct_work": data["direct_work"],
            "analysis": data["analysis"],
            "outcome": data["outcome"],
            "progress": self.progress(),
        }

    def progress(self) -> list[ProgressEntry]:
        return progress_entries(self, self.open_objectives)

    def progress_rows(self) -> list[tuple[Objective, Any, Any]]:
        return progress_rows(self, self.open_objectives)
