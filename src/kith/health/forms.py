"""The health pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from django import forms

from kith.health.models import SDQ_HIGHEST, SDQ_LOWEST, AssessorRole, PregnancyOutcome
from kith.platform.ui.forms import GovukDateField

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


def _yes_no(label: str, *, required: bool = False, message: str = "", help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=required,
        help_text=help_text,
        error_messages={"required": message or f"Answer: {label[0].lower()}{label[1:]}"},
    )


def yes_no_or_none(value: str) -> bool | None:
    """``"yes"`` and ``"no"`` as booleans; an unanswered question as None."""
    return None if not value else value == "yes"


class HealthAssessmentForm(forms.Form):
    assessed_on = GovukDateField(
        label="Date of the assessment", error_label="the date of the assessment", not_in_future=True
    )
    assessor_name = forms.CharField(
        label="Name of the health professional",
        max_length=150,
        error_messages={"required": "Give the name of the health professional who saw the child"},
    )
    assessor_role = forms.ChoiceField(
        label="Their role",
        choices=AssessorRole.choices,
        widget=forms.RadioSelect,
        help_text="The initial assessment is by a doctor; a nurse, health visitor or midwife may do reviews.",
        error_messages={"required": "Choose the health professional's role"},
    )
    child_seen = _yes_no("Was the child seen?", required=True, message="Say whether the child was seen")
    outcomes = _text("What the assessment found", message="Record what the assessment found")
    health_plan = _text(
        "The health plan's actions",
        help_text="What will be done, by whom and by when.",
        message="Record the health plan's actions: what will be done, and by whom",
    )
    risk_discussion = _text(
        "Discussion of risk-taking",
        required=False,
        rows=3,
        help_text="Sexual health, substance misuse, smoking: what was discussed, for older children.",
    )
    substance_misuse = _yes_no("Was a substance misuse problem identified?", help_text="Leave blank if not asked.")
    intervention_received = _yes_no("Did the child receive an intervention for it?")
    intervention_offered = _yes_no("If not, was an intervention offered?")
    child_views_on_services = _text(
        "The child's views on the health services they receive",
        rows=3,
        help_text="Their GP, dentist, optician, CAMHS: what works for them and what does not. "
        "If they could not give their views, say why.",
        message="Record the child's views on their health services, or why they could not give them",
    )
    out_of_area = _yes_no(
        "Was the assessment done by a health team out of area?",
        required=True,
        message="Say whether the assessment was done out of area",
        help_text="Its forms are then scrutinised when they come back.",
    )


class QualityCheckForm(forms.Form):
    checked_on = GovukDateField(
        label="Date quality assured", error_label="the date it was quality assured", not_in_future=True
    )
    checked_by = forms.CharField(
        label="Quality assured by",
        max_length=150,
        help_text="The member of the looked-after children's health team.",
        error_messages={"required": "Give the name of who quality assured the assessment"},
    )
    meets_standard = _yes_no(
        "Does the assessment meet the standard?",
        required=True,
        message="Say whether the assessment meets the standard",
    )
    notes = _text("Notes", required=False, rows=3, help_text="What falls short, and what will be done about it.")


class ScrutinyForm(forms.Form):
    scrutinised_on = GovukDateField(
        label="Date the forms were scrutinised", error_label="the date of the scrutiny", not_in_future=True
    )
    scrutinised_by = forms.CharField(
        label="Scrutinised by",
        max_length=150,
        error_messages={"required": "Give the name of who scrutinised the forms"},
    )
    outcome = _text("What the scrutiny found", rows=3, message="Record what the scrutiny found")


class PregnancyForm(forms.Form):
    known_on = GovukDateField(
        label="Date the pregnancy was known", error_label="the date it was known", not_in_future=True
    )
    support = _text(
        "Support offered",
        help_text="Midwife, the looked-after children's nurse, the young person's wishes and who they want told.",
        message="Record the support offered to the young person",
    )


class PregnancyOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="How the pregnancy ended",
        choices=PregnancyOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the pregnancy ended"},
    )
    outcome_on = GovukDateField(label="Date", error_label="the date", not_in_future=True)
    notes = _text("Notes", required=False, rows=3, help_text="The support now, for the young person and any baby.")


class PassportGivenForm(forms.Form):
    given_on = GovukDateField(label="Date given", error_label="the date it was given", not_in_future=True)


class DentalCheckForm(forms.Form):
    checked_on = GovukDateField(label="Date of the check", error_label="the date of the check", not_in_future=True)
    dentist = forms.CharField(label="Dentist or practice", required=False, max_length=150)
    notes = _text("Notes", required=False, rows=3, help_text="Any treatment needed, and who will take the child.")


class ImmunisationsForm(forms.Form):
    checked_on = GovukDateField(label="Date checked", error_label="the date checked", not_in_future=True)
    up_to_date = _yes_no(
        "Were the child's immunisations up to date?",
        required=True,
        message="Say whether the immunisations were up to date",
    )
    outstanding = _text("Which are outstanding", required=False, rows=2, help_text="Leave blank when up to date.")


class SdqForm(forms.Form):
    completed_on = GovukDateField(
        label="Date completed", error_label="the date the questionnaire was completed", not_in_future=True
    )
    score = forms.IntegerField(
        label="Total difficulties score",
        help_text=f"From {SDQ_LOWEST} to {SDQ_HIGHEST}.",
        error_messages={"required": "Enter the total difficulties score", "invalid": "Enter the score as a number"},
    )
    completed_by = forms.CharField(
        label="Completed by",
        max_length=150,
        help_text="The carer, and the young person where they took part.",
        error_messages={"required": "Say who completed the questionnaire"},
    )
