"""The care plan pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from typing import Any

from django import forms

from kith.care_planning.models import PermanencePlan
from kith.care_planning.rules import CarePlanDetails
from kith.plans.records import ObjectiveDetails
from kith.platform.ui.forms import GovukDateField

# Room for this many new objectives on one version; open ones carry over from the version before.
OBJECTIVE_ROWS = 5
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


class CarePlanForm(forms.Form):
    agreed_on = GovukDateField(label="Date agreed", error_label="the date the plan was agreed", not_in_future=True)
    why_looked_after = _text("Why the child is looked after", message="Say why the child is looked after")
    why_remains = _text(
        "Why the child still needs to be looked after",
        required=False,
        help_text="Needed from the second version on.",
    )
    permanence_plan = forms.ChoiceField(
        label="The plan for permanence",
        choices=PermanencePlan.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the plan for permanence"},
    )
    permanence_target_on = GovukDateField(
        label="Target date for permanence", error_label="the target date for permanence", required=False
    )
    contingency = _text("Contingency", rows=3, message="Say what happens if the plan for permanence cannot work")
    family_time = _text(
        "Family time",
        rows=3,
        help_text="With parents, brothers and sisters, and others who matter to the child: how often and where.",
        message="Say how the child will spend time with their family, brothers and sisters",
    )
    sibling_contact = _text("Contact with brothers and sisters living elsewhere", required=False, rows=2)
    sibling_contact_assessed = forms.ChoiceField(
        label="Was that contact assessed?", choices=YES_NO, widget=forms.RadioSelect, required=False
    )
    child_views = _text(
        "The child's views on the plan", rows=3, message="Record the child's views on the plan, or how they were sought"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, OBJECTIVE_ROWS + 1):
            self.fields[f"objective_{n}_outcome"] = forms.CharField(
                label=f"Objective {n}: what will change for the child", required=False, max_length=2000
            )
            self.fields[f"objective_{n}_action"] = forms.CharField(
                label="What will be done", required=False, max_length=2000
            )
            self.fields[f"objective_{n}_owner"] = forms.CharField(label="Who", required=False, max_length=150)
            self.fields[f"objective_{n}_target_date"] = GovukDateField(
                label="By when", error_label=f"the target date of objective {n}", required=False
            )

    def objective_rows(self) -> list[list[Any]]:
        return [
            [self[f"objective_{n}_{part}"] for part in ("outcome", "action", "owner", "target_date")]
            for n in range(1, OBJECTIVE_ROWS + 1)
        ]

    def details(self) -> CarePlanDetails:
        data = self.cleaned_data
        assessed = data.get("sibling_contact_assessed") or ""
        return CarePlanDetails(
            why_looked_after=data["why_looked_after"],
            why_remains=data.get("why_remains") or "",
            permanence_plan=data["permanence_plan"],
            permanence_target_on=data.get("permanence_target_on"),
            contingency=data["contingency"],
            family_time=data["family_time"],
            sibling_contact=data.get("sibling_contact") or "",
            sibling_contact_assessed=None if not assessed else assessed == "yes",
            child_views=data["child_views"],
        )

    def objectives(self) -> list[ObjectiveDetails]:
        """The rows that say anything, in order; a row missing its date is refused by the action."""
        data = self.cleaned_data
        rows = []
        for n in range(1, OBJECTIVE_ROWS + 1):
            outcome = data.get(f"objective_{n}_outcome", "")
            action = data.get(f"objective_{n}_action", "")
            owner = data.get(f"objective_{n}_owner", "")
            target = data.get(f"objective_{n}_target_date")
            if outcome.strip() or action.strip() or owner.strip() or target is not None:
                if target is None:
                    self.add_error(f"objective_{n}_target_date", f"Objective {n}: enter the target date")
                    continue
                rows.append(ObjectiveDetails(outcome=outcome, action=action, owner=owner, target_date=target))
        return rows


class CopyGivenForm(forms.Form):
    given_on = GovukDateField(label="Date the child was given a copy", error_label="the date", not_in_future=True)


class PermanenceMeetingForm(forms.Form):
    held_on = GovukDateField(label="Date of the meeting", error_label="the date of the meeting", not_in_future=True)
    attendees = _text("Who came", rows=2, message="Say who came")
    decisions = _text("What was decided", message="Record what was decided")
    next_meeting_on = GovukDateField(label="Next meeting", error_label="the date of the next meeting", required=False)

    def __init__(self, *args: Any, chairs: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"] = forms.ChoiceField(
            label="Chair", choices=[("", "Choose the chair"), *chairs], error_messages={"required": "Choose the chair"}
        )
        self.order_fields(["held_on", "chair", "attendees", "decisions", "next_meeting_on"])
