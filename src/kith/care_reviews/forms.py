"""The review pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from typing import Any

from django import forms

from kith.care_reviews.models import ChallengeStage, IroContactKind, OfferOutcome, SupportKind
from kith.care_reviews.rules import DecisionDetails
from kith.platform.reference.ssda903 import ReviewParticipation
from kith.platform.ui.forms import GovukDateField

# Room for this many decisions on the form; a review with more records the rest at the next.
DECISION_ROWS = 5
YES_NO = [("yes", "Yes"), ("no", "No")]


def _text(
    label: str, *, required: bool = True, rows: int = 4, help_text: str = "", message: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=10000,
        error_messages={"required": message or f"Enter {label[0].lower()}{label[1:]}"},
    )


class ReviewForm(forms.Form):
    held_on = GovukDateField(label="Date of the review", error_label="the date of the review", not_in_future=True)
    participation = forms.ChoiceField(
        label="How did the child take part?",
        choices=ReviewParticipation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the child took part in the review"},
    )
    iro_met_child_on = GovukDateField(
        label="When did you meet the child before the review?",
        error_label="the date you met the child",
        required=False,
        not_in_future=True,
        help_text="Leave blank if you did not, and say why below.",
    )
    why_iro_did_not_meet_child = _text("Why you did not meet the child first", required=False, rows=2)
    reports_received = _text(
        "Reports received before the review",
        required=False,
        rows=3,
        help_text="Which agencies sent reports, and any that did not.",
    )
    previous_decisions_checked = forms.ChoiceField(
        label="Did you check the last review's decisions were carried out?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    previous_decisions_notes = _text("What became of the last review's decisions", required=False, rows=3)
    child_views = _text(
        "The child's views",
        help_text="In their words where you can, or how they were sought.",
        message="Record the child's views, or how they were sought",
    )
    parents_views = _text("Parents' views", required=False, rows=3)
    carers_views = _text("Carers' views", required=False, rows=3)
    progress = _text("Progress since the last review", message="Record the progress since the last review")
    care_plan_meets_needs = forms.ChoiceField(
        label="Does the care plan meet the child's needs?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the care plan meets the child's needs"},
    )

    complaints_information_given = forms.ChoiceField(
        label="Was the child told how to complain?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the child was told how to complain"},
    )
    advocate_offered = forms.ChoiceField(
        label="Was the child offered an advocate?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the child was offered an advocate"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, DECISION_ROWS + 1):
            self.fields[f"decision_{number}"] = forms.CharField(
                label=f"Decision {number}", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"owner_{number}"] = forms.CharField(label="Who will do it", required=False, max_length=150)
            self.fields[f"due_on_{number}"] = GovukDateField(
                label="By when", error_label=f"the date decision {number} is due", required=False
            )

    def decision_rows(self) -> list[tuple[Any, Any, Any]]:
        return [(self[f"decision_{n}"], self[f"owner_{n}"], self[f"due_on_{n}"]) for n in range(1, DECISION_ROWS + 1)]

    def decisions(self) -> list[DecisionDetails]:
        """The rows that say anything, in order; empty rows are left out."""
        data = self.cleaned_data
        rows = []
        for number in range(1, DECISION_ROWS + 1):
            decision = data.get(f"decision_{number}", "")
            owner = data.get(f"owner_{number}", "")
            due_on = data.get(f"due_on_{number}")
            if decision.strip() or owner.strip() or due_on is not None:
                rows.append(DecisionDetails(decision=decision, owner=owner, due_on=due_on))
        return rows


class AllocateIroForm(forms.Form):
    allocated_on = GovukDateField(label="From", error_label="the date the IRO takes over", not_in_future=True)

    def __init__(self, *args: Any, iros: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["iro"] = forms.ChoiceField(
            label="Independent reviewing officer",
            choices=[("", "Choose an IRO"), *iros],
            error_messages={"required": "Choose the IRO"},
        )
        self.order_fields(["iro", "allocated_on"])


class MinutesForm(forms.Form):
    distributed_on = GovukDateField(label="Date sent", error_label="the date the minutes went out", not_in_future=True)
    recipients = _text(
        "Who they went to",
        rows=2,
        help_text="The child, parents, carers and professionals.",
        message="Say who the minutes went to, including the parents",
    )


class DecisionDoneForm(forms.Form):
    completed_on = GovukDateField(label="Date carried out", error_label="the date it was done", not_in_future=True)


class ContactForm(forms.Form):
    contact_on = GovukDateField(label="Date", error_label="the date of the contact", not_in_future=True)
    kind = forms.ChoiceField(
        label="How", choices=IroContactKind.choices, widget=forms.RadioSelect, error_messages={"required": "Choose how"}
    )
    notes = _text("What the child said and what you noticed", message="Say what the child said and what you noticed")


class ChallengeForm(forms.Form):
    raised_on = GovukDateField(label="Date raised", error_label="the date the challenge was raised", not_in_future=True)
    concern = _text("What you are challenging, and why", message="Say what you are challenging and why")


class EscalateForm(forms.Form):
    escalated_on = GovukDateField(label="Date", error_label="the date of the escalation", not_in_future=True)
    to_stage = forms.ChoiceField(
        label="Escalated to",
        choices=ChallengeStage.choices[1:],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage"},
    )
    reason = _text("Why it goes further", rows=3, message="Say why the challenge goes further")


class ResolveForm(forms.Form):
    resolved_on = GovukDateField(label="Date resolved", error_label="the date it was resolved", not_in_future=True)
    agreed_actions = _text("What was agreed", rows=3, message="Say what was agreed")


class SupportOfferForm(forms.Form):
    kind = forms.ChoiceField(
        label="What was offered",
        choices=SupportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what was offered: an advocate or an independent visitor"},
    )
    offered_on = GovukDateField(label="Date offered", error_label="the date offered", not_in_future=True)
    purpose = _text("What for", required=False, rows=2, help_text="For example a placement concern or a complaint.")
    outcome = forms.ChoiceField(
        label="What came of it",
        choices=OfferOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what came of the offer"},
    )
    reason_declined = _text("Why the child declined", required=False, rows=2)
    provider = forms.CharField(label="Who provides it", required=False, max_length=200)
