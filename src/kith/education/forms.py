"""The education pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from typing import Any

from django import forms

from kith.education.models import MOST_SUSPENSION_DAYS, ExclusionKind, OfstedJudgement, PepQuality, SenStatus, YearGroup
from kith.education.terms import Term, school_year_name, term_of
from kith.platform import clock
from kith.platform.reference.ssda903 import Activity
from kith.platform.ui.forms import GovukDateField


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


class SchoolForm(forms.Form):
    school_name = forms.CharField(
        label="School or early years setting",
        max_length=200,
        error_messages={"required": "Enter the name of the school"},
    )
    urn = forms.CharField(
        label="URN", required=False, max_length=20, help_text="The school's six-digit unique reference number."
    )
    year_group = forms.ChoiceField(
        label="Year group",
        choices=[("", "Choose the year group"), *YearGroup.choices],
        error_messages={"required": "Choose the year group"},
    )
    started_on = GovukDateField(label="Started at the school", error_label="the date they started", not_in_future=True)
    reason_for_change = _text(
        "Why the child is changing school",
        required=False,
        rows=3,
        help_text="Needed when the child moves from the school already recorded.",
    )
    ofsted_judgement = forms.ChoiceField(
        label="The school's last Ofsted judgement",
        choices=OfstedJudgement.choices,
        widget=forms.RadioSelect,
        help_text="Look it up before the school is chosen: a child in care goes to a good or outstanding school "
        "wherever they can.",
        error_messages={"required": "Choose the school's Ofsted judgement"},
    )
    sen_status = forms.ChoiceField(
        label="Special educational needs",
        choices=SenStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the child's special educational needs provision"},
    )


class StartPepForm(forms.Form):
    started_on = GovukDateField(label="Date started", error_label="the date the PEP was started", not_in_future=True)


class PepMeetingForm(forms.Form):
    held_on = GovukDateField(label="Date of the PEP meeting", error_label="the date of the meeting", not_in_future=True)
    designated_teacher = forms.CharField(
        label="Designated teacher",
        max_length=150,
        help_text="Or the early years setting's lead.",
        error_messages={"required": "Give the name of the designated teacher"},
    )
    virtual_school = forms.CharField(
        label="For the virtual school",
        max_length=150,
        error_messages={"required": "Give the name of who took part for the virtual school"},
    )
    child_views = _text(
        "The child's views",
        help_text="In their words where you can, or how they were sought.",
        message="Record the child's views, or how they were sought",
    )
    targets = _text(
        "Targets",
        help_text="Each specific, with how progress will be measured and by when.",
        message="Record the PEP's targets, each with how progress will be measured",
    )
    pupil_premium_plus = _text(
        "Pupil premium plus", required=False, rows=3, help_text="What it will pay for, and how much."
    )


class ExclusionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind",
        choices=ExclusionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a suspension or a permanent exclusion"},
    )
    starts_on = GovukDateField(label="From", error_label="the date it starts", not_in_future=True)
    days = forms.IntegerField(
        label="School days",
        required=False,
        help_text=f"For a suspension: from 1 to {MOST_SUSPENSION_DAYS}.",
        error_messages={"invalid": "Enter the number of school days as a whole number"},
    )
    reason = _text("The school's reason", rows=3, message="Give the school's reason")
    sen_status = forms.ChoiceField(
        label="Special educational needs when excluded",
        choices=SenStatus.choices,
        widget=forms.RadioSelect,
        help_text="Recorded with every exclusion, so the virtual school can see whether children with SEN are "
        "excluded more often.",
        error_messages={"required": "Choose the child's special educational needs provision"},
    )


class PepQualityForm(forms.Form):
    rating = forms.ChoiceField(
        label="Quality of the PEP",
        choices=PepQuality.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the quality rating"},
    )
    rated_on = GovukDateField(label="Date rated", error_label="the date it was rated", not_in_future=True)
    rated_by = forms.CharField(
        label="Rated by, for the virtual school",
        max_length=150,
        error_messages={"required": "Give the name of who rated the PEP for the virtual school"},
    )


class EetReviewForm(forms.Form):
    reviewed_on = GovukDateField(label="Date reviewed", error_label="the date of the review", not_in_future=True)
    activity = forms.ChoiceField(
        label="Main activity",
        choices=[("", "Choose"), *[(code, label) for code, label in Activity.choices if code != Activity.NOT_KNOWN]],
        error_messages={"required": "Choose the young person's main activity"},
    )
    virtual_school = forms.CharField(
        label="Reviewed by, for the virtual school",
        max_length=150,
        error_messages={"required": "Give the name of who reviewed it for the virtual school"},
    )
    notes = _text(
        "What they are doing, and the help agreed",
        message="Record what the young person is doing and what will be done to help",
    )


def _school_years() -> list[tuple[str, str]]:
    """This school year and the two before it."""
    this_year, _ = term_of(clock.today())
    return [(str(year), school_year_name(year)) for year in range(this_year, this_year - 3, -1)]


class AttendanceForm(forms.Form):
    term = forms.ChoiceField(
        label="Term", choices=Term.choices, widget=forms.RadioSelect, error_messages={"required": "Choose the term"}
    )
    attendance_percent = forms.DecimalField(
        label="Attendance (%)",
        max_digits=4,
        decimal_places=1,
        help_text="The share of possible sessions attended, from 0 to 100.",
        error_messages={
            "required": "Enter the attendance as a percentage",
            "invalid": "Enter the attendance as a number, like 92.5",
            "max_digits": "Attendance is a percentage from 0 to 100",
            "max_decimal_places": "Give the attendance to one decimal place",
            "max_whole_digits": "Attendance is a percentage from 0 to 100",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_year"] = forms.TypedChoiceField(
            label="School year",
            choices=_school_years(),
            coerce=int,
            error_messages={"required": "Choose the school year"},
        )
        self.order_fields(["school_year", "term", "attendance_percent"])
