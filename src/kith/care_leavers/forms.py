"""The leaving care pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from typing import Any

from django import forms

from kith.care_leavers.models import (
    OC3_BIRTHDAYS,
    Arrangement,
    ChangeDecision,
    ContactKind,
    Entitlement,
    SupportDecision,
)
from kith.care_leavers.rules import NEEDS_MESSAGES, PLAN_MESSAGES, NeedsDetails, PlanDetails, ordinal
from kith.platform.reference.ssda903 import Accommodation, Activity, InTouch
from kith.platform.ui.forms import GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]


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


def yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class StartSupportForm(forms.Form):
    on = GovukDateField(label="Date", error_label="the date", not_in_future=True)


class NeedsAssessmentForm(forms.Form):
    completed_on = GovukDateField(
        label="Date the assessment was completed", error_label="the date it was completed", not_in_future=True
    )
    young_person_views = _text("The young person's views", message=NEEDS_MESSAGES["young_person_views"])
    health_and_development = _text("Health and development", message=NEEDS_MESSAGES["health_and_development"])
    education_training_employment = _text(
        "Education, training and employment", message=NEEDS_MESSAGES["education_training_employment"]
    )
    family_and_relationships = _text("Family and relationships", message=NEEDS_MESSAGES["family_and_relationships"])
    practical_skills_and_money = _text(
        "Practical skills and money", message=NEEDS_MESSAGES["practical_skills_and_money"]
    )
    accommodation = _text("Accommodation", message=NEEDS_MESSAGES["accommodation"])

    def details(self) -> NeedsDetails:
        return NeedsDetails(**{name: self.cleaned_data[name] for name in NEEDS_MESSAGES})


class AllocateAdviserForm(forms.Form):
    allocated_on = GovukDateField(label="From", error_label="the date the adviser takes over", not_in_future=True)

    def __init__(self, *args: Any, advisers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["adviser"] = forms.ChoiceField(
            label="Personal adviser",
            choices=[("", "Choose a personal adviser"), *advisers],
            error_messages={"required": "Choose the personal adviser"},
        )
        self.order_fields(["adviser", "allocated_on"])


class PathwayPlanForm(forms.Form):
    young_person_views = _text("The young person's views", message=PLAN_MESSAGES["young_person_views"])
    accommodation = _text("Accommodation", message=PLAN_MESSAGES["accommodation"])
    education_training_employment = _text(
        "Education, training and employment", message=PLAN_MESSAGES["education_training_employment"]
    )
    health_and_wellbeing = _text("Health and emotional wellbeing", message=PLAN_MESSAGES["health_and_wellbeing"])
    finance = _text("Money and financial support", message=PLAN_MESSAGES["finance"])
    support_network = _text("Who supports them", message=PLAN_MESSAGES["support_network"])
    contingency = _text("If the plan does not work out", message=PLAN_MESSAGES["contingency"])
    copy_given_on = GovukDateField(
        label="Date the young person was given a copy",
        error_label="the date the copy was given",
        required=False,
        not_in_future=True,
        help_text="Leave blank if they do not have it yet.",
    )

    def details(self) -> PlanDetails:
        return PlanDetails(**{name: self.cleaned_data[name] for name in PLAN_MESSAGES})


class AgreePlanForm(PathwayPlanForm):
    agreed_on = GovukDateField(label="Date agreed", error_label="the date the plan was agreed", not_in_future=True)
    field_order = ["agreed_on"]


class ReviewPlanForm(PathwayPlanForm):
    reviewed_on = GovukDateField(label="Date of the review", error_label="the date of the review", not_in_future=True)
    what_changed = _text(
        "What changed",
        help_text="Including any change the young person asked for, and what was done about it.",
        message="Say what changed, including any change the young person asked for",
    )
    field_order = ["reviewed_on", "what_changed"]


class CopyGivenForm(forms.Form):
    given_on = GovukDateField(label="Date given", error_label="the date the copy was given", not_in_future=True)


class ContactForm(forms.Form):
    contact_on = GovukDateField(label="Date", error_label="the date of the contact", not_in_future=True)
    kind = forms.ChoiceField(
        label="How", choices=ContactKind.choices, widget=forms.RadioSelect, error_messages={"required": "Choose how"}
    )
    where = forms.CharField(label="Where you saw them", required=False, max_length=200)
    young_person_views = _text("What the young person said", required=False)
    notes = _text(
        "What was talked about and what you noticed",
        message="Record what was talked about and what you noticed",
    )


class AccommodationForm(forms.Form):
    moved_on = GovukDateField(label="Date of the move", error_label="the date of the move", not_in_future=True)
    accommodation = forms.ChoiceField(
        label="Kind of accommodation",
        choices=[("", "Choose"), *Accommodation.choices],
        error_messages={"required": "Choose the kind of accommodation"},
    )
    suitable = forms.ChoiceField(
        label="Is it suitable for them?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the accommodation is suitable"},
    )
    description = forms.CharField(
        label="Address or provider",
        max_length=300,
        error_messages={"required": "Say where the young person lives (the address or provider)"},
    )
    arrangement = forms.ChoiceField(
        label="Is it one of these arrangements?",
        choices=[*Arrangement.choices, ("none", "None of these")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the arrangement, or none of these"},
    )

    def arrangement_code(self) -> str:
        value: str = self.cleaned_data["arrangement"]
        return "" if value == "none" else value


class SupportAfter21Form(forms.Form):
    decided_on = GovukDateField(label="Date", error_label="the date of the decision", not_in_future=True)
    decision = forms.ChoiceField(
        label="What the young person decided",
        choices=SupportDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the young person's decision"},
    )
    young_person_views = _text(
        "What the young person said",
        help_text="If they do not want support, how they can ask again before 25, and how we will keep in touch.",
        message="Record what the young person said",
    )


class EntitlementExplainedForm(forms.Form):
    entitlement = forms.ChoiceField(
        label="Entitlement or right explained",
        choices=Entitlement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the entitlement"},
    )
    explained_on = GovukDateField(label="Date explained", error_label="the date it was explained", not_in_future=True)


class EntitlementTakenUpForm(forms.Form):
    taken_up_on = GovukDateField(label="Date taken up", error_label="the date it was taken up", not_in_future=True)

    def __init__(self, *args: Any, explained: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entitlement"] = forms.ChoiceField(
            label="Entitlement taken up",
            choices=explained,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the entitlement"},
        )
        self.order_fields(["entitlement", "taken_up_on"])


class HandoverForm(forms.Form):
    handed_over_on = GovukDateField(
        label="Date handed over", error_label="the date of the handover", not_in_future=True
    )
    handed_over = _text(
        "What was handed over",
        rows=5,
        help_text="The pathway plan, health and education, money and documents (passport, birth certificate, "
        "National Insurance number), and who matters to the young person.",
        message="Say what was handed over",
    )

    def __init__(self, *args: Any, teams: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label, message in (
            ("from_team", "From the team", "Choose the team handing over"),
            ("to_team", "To the team", "Choose the team taking over"),
        ):
            self.fields[name] = forms.ChoiceField(
                label=label, choices=[("", "Choose"), *teams], error_messages={"required": message}
            )
        self.order_fields(["handed_over_on", "from_team", "to_team", "handed_over"])


class ParenthoodForm(forms.Form):
    baby_born_on = GovukDateField(
        label="The baby's date of birth", error_label="the baby's date of birth", not_in_future=True
    )
    lives_with_young_person = forms.ChoiceField(
        label="Does the baby live with the young person?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the baby lives with the young person"},
    )
    support_given = _text(
        "Support given",
        help_text="To the young person and their baby: health visitor, parenting support, housing, money.",
        message="Record the support given to the young person and their baby",
    )


class ChangeRequestForm(forms.Form):
    requested_on = GovukDateField(label="Date asked", error_label="the date of the request", not_in_future=True)
    what_was_asked = _text(
        "What the young person asked to change", message="Record what the young person asked to change"
    )
    decision = forms.ChoiceField(
        label="Decision",
        choices=ChangeDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the change was agreed"},
    )
    decided_on = GovukDateField(label="Date decided", error_label="the date of the decision", not_in_future=True)
    how_handled = _text(
        "How it was handled",
        help_text="Who decided, what changed in the plan, and what the young person was told.",
        message="Say how the request was handled and what the young person was told",
    )


class BirthdayContactForm(forms.Form):
    birthday = forms.TypedChoiceField(
        label="Birthday",
        choices=[(str(n), f"{ordinal(n)} birthday") for n in OC3_BIRTHDAYS],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the birthday"},
    )
    contact_on = GovukDateField(
        label="Date you were in touch (or last tried)", error_label="the date of the contact", not_in_future=True
    )
    in_touch = forms.ChoiceField(
        label="Was the council in touch?",
        choices=InTouch.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the council was in touch"},
    )
    activity = forms.ChoiceField(
        label="Main activity",
        choices=[("", "Choose"), *Activity.choices],
        error_messages={"required": "Choose the young person's main activity"},
    )
    accommodation = forms.ChoiceField(
        label="Accommodation", choices=[("", "Not known (0)"), *Accommodation.choices], required=False
    )
    accommodation_suitable = forms.ChoiceField(
        label="Is the accommodation suitable?", choices=YES_NO, widget=forms.RadioSelect, required=False
    )
