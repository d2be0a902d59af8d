"""The assessment, strategy discussion and section 47 forms. They parse input; the actions decide
what may be stored (and name the dates when they refuse)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any, ClassVar

from django import forms

from kith.assessments.actions import AssessmentAnswers
from kith.assessments.models import (
    LONDON,
    Assessment,
    AssessmentKind,
    AssessmentOutcome,
    DiscussionMode,
    EnquiryOutcome,
    StrategyDecision,
)
from kith.assessments.rules import SECTIONS_BY_SLUG
from kith.people.models import Person
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import AssessmentFactor
from kith.platform.ui.forms import GovukDateField
from kith.workforce.models import StaffMember

YES_NO = [("yes", "Yes"), ("no", "No")]
YES_NO_ANSWERS = frozenset({"child_seen", "child_seen_alone", "child_spoken_to_alone"})
LONG_TEXT = 20000


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


class _Later(forms.Field):
    """A question the assessment needs before it is completed, which may be left empty while the work
    is in progress: it is shown without "(optional)", and an empty answer is saved as empty."""

    def validate(self, value: Any) -> None:
        if value in self.empty_values:
            return
        super().validate(value)


class LaterText(_Later, forms.CharField):
    def __init__(self, *, rows: int = 5, **kwargs: Any) -> None:
        super().__init__(widget=forms.Textarea(attrs={"rows": rows}), max_length=LONG_TEXT, **kwargs)


class LaterYesNo(_Later, forms.TypedChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=YES_NO,
            coerce=lambda answer: answer == "yes",
            empty_value=None,
            widget=forms.RadioSelect(attrs={"inline": True}),
            **kwargs,
        )


class LaterChoices(_Later, forms.MultipleChoiceField):
    pass


class LaterLine(_Later, forms.CharField):
    pass


class LaterChoice(_Later, forms.ChoiceField):
    pass


class LaterDate(_Later, GovukDateField):
    pass


class YesNo(forms.TypedChoiceField):
    def __init__(self, *, required: bool = True, **kwargs: Any) -> None:
        super().__init__(
            choices=YES_NO,
            coerce=lambda answer: answer == "yes",
            empty_value=None,
            required=required,
            widget=forms.RadioSelect(attrs={"inline": True}),
            **kwargs,
        )


def _text(label: str, *, required: bool = True, rows: int = 5, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=LONG_TEXT,
        required=required,
        **kwargs,
    )


def _staff_choices(staff: Iterable[StaffMember]) -> list[tuple[str, str]]:
    return [(str(member.pk), f"{member.full_name}, {member.get_role_display().lower()}") for member in staff]


# --- starting an assessment ---------------------------------------------------------------------


class StartAssessmentForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of assessment is this?",
        choices=AssessmentKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of assessment", "invalid_choice": "Select the kind of assessment"},
    )
    started_on = GovukDateField(label="Date the assessment started", error_label="the date the assessment started")
    worker = forms.ChoiceField(
        label="Social worker",
        error_messages={"required": "Select the social worker", "invalid_choice": "Select the social worker"},
    )
    connected_person = forms.ChoiceField(
        label="Family member or friend being assessed as a carer",
        help_text="For a connected person assessment only.",
        required=False,
        error_messages={"invalid_choice": "Select one of the child's family members or friends"},
    )

    def __init__(self, *args: Any, workers: list[StaffMember], relatives: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = {str(member.pk): member for member in workers}
        self.relatives = {str(person.pk): person for person in relatives}
        self.fields["worker"].choices = _staff_choices(workers)  # type: ignore[attr-defined]
        self.fields["connected_person"].choices = [("", "No one: this is not a connected person assessment")] + [  # type: ignore[attr-defined]
            (str(person.pk), person.full_name) for person in relatives
        ]

    def chosen_worker(self) -> StaffMember:
        return self.workers[self.cleaned_data["worker"]]

    def chosen_connected_person(self) -> Person | None:
        return self.relatives.get(self.cleaned_data["connected_person"] or "")


# --- the sections ---------------------------------------------------------------------------------


class SectionForm(forms.Form):
    """One section of the assessment, saved with the version the worker opened."""

    slug: ClassVar[str]
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    @classmethod
    def initial_from(cls, assessment: Assessment) -> dict[str, Any]:
        initial: dict[str, Any] = {"version": assessment.version}
        for name in SECTIONS_BY_SLUG[cls.slug].fields:
            value = getattr(assessment, name)
            initial[name] = _yes_no(value) if name in YES_NO_ANSWERS else value
        return initial

    def answers(self) -> AssessmentAnswers:
        return AssessmentAnswers(**{name: self.cleaned_data[name] for name in SECTIONS_BY_SLUG[self.slug].fields})  # type: ignore[typeddict-item]


class ChildSectionForm(SectionForm):
    slug = "child"
    child_seen = LaterYesNo(label="Was the child seen?")
    child_seen_alone = LaterYesNo(label="Was the child seen alone?")
    child_spoken_to_alone = LaterYesNo(label="Was the child spoken to alone?")
    why_not_seen = LaterText(
        label="Why the child was not seen, seen alone or spoken to alone",
        help_text="Needed when any answer above is no.",
        rows=3,
    )
    child_views = LaterText(
        label="The child's views, wishes and feelings",
        help_text="In the child's own words where you can, and how you gathered them (direct work, drawings, "
        "observation). If the child could not give their views, say how you understood their experience.",
        rows=8,
    )
    child_issues_follow_up = LaterText(
        label="How the issues the child raised are being followed up",
        help_text="Say who will do what, and by when. If the child raised none, say so.",
    )


class ViewsSectionForm(SectionForm):
    slug = "views"
    parents_views = LaterText(label="Parents' and carers' views", rows=6)
    professionals_views = LaterText(
        label="Other professionals' views and information", help_text="Name the agency of each.", rows=6
    )


class HistorySectionForm(SectionForm):
    slug = "history"
    history_and_analysis = LaterText(
        label="History and chronology", help_text="Earlier contacts, referrals and what happened.", rows=6
    )
    analysis = LaterText(
        label="Analysis", help_text="What the history and the information gathered mean for the child.", rows=8
    )
    research_used = _text(
        "Research used to inform the judgement",
        required=False,
        help_text="For example, a study, a practice briefing or a tool.",
        rows=3,
    )


class RiskSectionForm(SectionForm):
    slug = "risk"
    risk_factors = LaterText(label="Risk factors", rows=6)
    protective_factors = LaterText(label="Protective factors", rows=6)
    steps_to_reduce_risk = LaterText(label="Steps needed to reduce the risk", rows=6)


class IdentitySectionForm(SectionForm):
    slug = "identity"
    identity_needs = LaterText(
        label="The child's identity needs",
        help_text="Ethnicity (including mixed heritage), culture, religion, language, and any disability.",
        rows=6,
    )
    identity_actions = LaterText(label="Actions to meet the child's identity needs", rows=5)


class FactorsSectionForm(SectionForm):
    slug = "factors"
    factors = LaterChoices(
        label="Factors identified at assessment",
        help_text="Select all that apply, or 'No factors identified' on its own.",
        choices=AssessmentFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose factors from the list"},
    )


class RightsSectionForm(SectionForm):
    slug = "rights"
    advised_of_right_to_be_looked_after_on = LaterDate(
        label="Date the young person was advised of their rights, including the right to become looked after",
        error_label="the date of the advice",
    )
    accommodation_secured = forms.CharField(
        label="Accommodation secured",
        help_text="For example, emergency accommodation, supported lodgings or a return home.",
        max_length=200,
        required=False,
    )


SECTION_FORMS: dict[str, type[SectionForm]] = {
    form.slug: form
    for form in (
        ChildSectionForm,
        ViewsSectionForm,
        HistorySectionForm,
        RiskSectionForm,
        IdentitySectionForm,
        FactorsSectionForm,
        RightsSectionForm,
    )
}


# --- completing and authorising ---------------------------------------------------------------


class CompleteAssessmentForm(forms.Form):
    completed_on = GovukDateField(label="Date the assessment was completed", error_label="the completion date")
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=AssessmentOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the outcome of the assessment",
            "invalid_choice": "Select the outcome of the assessment",
        },
    )
    outcome_rationale = _text(
        "Reasons for the outcome", error_messages={"required": "Enter the reasons for the outcome"}
    )


class AuthoriseAssessmentForm(forms.Form):
    authorised_on = GovukDateField(label="Date of authorisation", error_label="the date of authorisation")
    rationale = _text(
        "Reasons for authorising the assessment",
        help_text="Your view of the quality of the analysis and of the outcome, not only its timeliness.",
        error_messages={"required": "Enter the reasons for authorising the assessment"},
    )


# --- strategy discussions ---------------------------------------------------------------------------


class StrategyDiscussionForm(forms.Form):
    held_on = GovukDateField(label="Date of the strategy discussion", error_label="the date of the strategy discussion")
    held_time = forms.TimeField(
        label="Time it started",
        help_text="For example, 9:30 or 14:00.",
        input_formats=["%H:%M", "%H.%M", "%I:%M%p", "%I%p"],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": "Enter the time the strategy discussion started",
            "invalid": "Enter the time as hours and minutes, for example 9:30 or 14:00",
        },
    )
    mode = forms.ChoiceField(
        label="Was it a meeting or a discussion?",
        choices=DiscussionMode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether it was a meeting or a discussion"},
    )
    out_of_hours = forms.BooleanField(label="Held out of hours (by the emergency duty team)", required=False)
    chair = forms.ChoiceField(label="Chair", error_messages={"required": "Select the chair"})
    information_shared = _text(
        "Information shared", rows=8, error_messages={"required": "Enter the information shared"}
    )
    risk_analysis = _text("Analysis of risk", rows=6, error_messages={"required": "Enter the analysis of risk"})
    decision = forms.ChoiceField(
        label="Decision",
        choices=StrategyDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision: a section 47 enquiry (single-agency or joint), or none"},
    )
    rationale = _text("Reasons for the decision", error_messages={"required": "Enter the reasons for the decision"})
    immediate_protection = _text("Immediate protection needed", required=False, rows=3)
    legal_advice_sought = forms.BooleanField(label="Legal advice was sought", required=False)
    actions = _text("Actions agreed", required=False, help_text="Who will do what, and by when.", rows=5)

    def __init__(self, *args: Any, chairs: list[StaffMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chairs = {str(member.pk): member for member in chairs}
        self.fields["chair"].choices = _staff_choices(chairs)  # type: ignore[attr-defined]

    def chosen_chair(self) -> StaffMember:
        return self.chairs[self.cleaned_data["chair"]]

    def held_at(self) -> datetime:
        held_on: date = self.cleaned_data["held_on"]
        at: time = self.cleaned_data["held_time"]
        return datetime.combine(held_on, at, tzinfo=LONDON)


class ParticipantForm(forms.Form):
    """One person who took part: their name, agency and role (R-060)."""

    # Neither is marked "(optional)": a row is either left empty or names the person with their agency.
    name = LaterLine(label="Name", max_length=150)
    agency = LaterChoice(label="Agency", choices=[("", "Select an agency"), *Agency.choices])
    role = forms.CharField(label="Role", max_length=150, required=False, help_text="For example, DC, school nurse.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        name, agency = cleaned.get("name", "").strip(), cleaned.get("agency", "")
        if name and not agency:
            self.add_error("agency", f"Select {name}'s agency")
        if agency and not name:
            self.add_error("name", f"Enter the name of the person from {Agency(agency).label.lower()}")
        return cleaned

    def participant(self) -> tuple[str, str, str]:
        data = self.cleaned_data
        return (data.get("name", ""), data.get("agency", ""), data.get("role", ""))


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=4, max_num=40, absolute_max=40)


# --- section 47 enquiries --------------------------------------------------------------------------


class StartSection47Form(forms.Form):
    started_on = GovukDateField(label="Date the enquiry started", error_label="the date the enquiry started")
    worker = forms.ChoiceField(
        label="Social worker",
        error_messages={"required": "Select the social worker", "invalid_choice": "Select the social worker"},
    )
    assessment = forms.ChoiceField(label="Assessment the enquiry is part of", required=False)

    def __init__(self, *args: Any, workers: list[StaffMember], assessments: list[Assessment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = {str(member.pk): member for member in workers}
        self.assessments = {str(assessment.pk): assessment for assessment in assessments}
        self.fields["worker"].choices = _staff_choices(workers)  # type: ignore[attr-defined]
        self.fields["assessment"].choices = [("", "None yet")] + [  # type: ignore[attr-defined]
            (str(assessment.pk), str(assessment)) for assessment in assessments
        ]

    def chosen_worker(self) -> StaffMember:
        return self.workers[self.cleaned_data["worker"]]

    def chosen_assessment(self) -> Assessment | None:
        return self.assessments.get(self.cleaned_data["assessment"] or "")


class CompleteSection47Form(forms.Form):
    ended_on = GovukDateField(label="Date the enquiry ended", error_label="the date the enquiry ended")
    findings = _text("Findings", rows=8, error_messages={"required": "Enter the findings of the enquiry"})
    child_seen = YesNo(label="Was the child seen?", error_messages={"required": "Say whether the child was seen"})
    child_seen_alone = YesNo(label="Was the child seen alone?", required=False)
    why_not_seen = _text("Why the child was not seen, or not seen alone", required=False, rows=3)
    medical_examination = _text(
        "Medical examination", required=False, help_text="Who examined the child, when, and what was found.", rows=4
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=EnquiryOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the outcome: initial child protection conference, child in need plan or no further "
            "action"
        },
    )
    outcome_rationale = _text(
        "Reasons for the outcome", error_messages={"required": "Enter the reasons for the outcome"}
    )
