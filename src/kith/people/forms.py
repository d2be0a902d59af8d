"""Forms for people's records: they parse and check input, the actions decide."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from kith.people import identifiers
from kith.people.actions import AddressDetails, PersonDetails
from kith.people.codes import (
    GenderIdentity,
    ImmigrationStatus,
    NameKind,
    PersonKind,
    ProfessionalRole,
    RelationshipKind,
    Religion,
    WarningKind,
)
from kith.people.models import Person, Professional
from kith.people.rules import (
    EARLIEST_BIRTH_DATE,
    check_birth_dates,
    check_death_date,
    check_disabilities,
    check_sex_for_unborn,
)
from kith.platform import clock
from kith.platform.access.models import User
from kith.platform.reference.dfe import Disability, Ethnicity, Sex
from kith.platform.ui.forms import GovukDateField

_IDENTIFIERS = {
    "nhs_number": identifiers.normalise_nhs_number,
    "upn": identifiers.normalise_upn,
    "former_upn": identifiers.normalise_upn,
}


def _text(
    label: str, *, required: bool = True, max_length: int = 100, help_text: str = "", width: str = ""
) -> forms.CharField:
    attrs = {"class": width} if width else {}
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}",
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
        widget=forms.TextInput(attrs=attrs),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Name, Kith ID or NHS number",
        required=False,
        max_length=100,
        help_text="Part of a name finds it, and so do near spellings: 'Smyth' finds Smith",
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False)
    kind = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "Everyone"), *PersonKind.choices],
        widget=forms.RadioSelect(attrs={"inline": True}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("q") and not cleaned.get("date_of_birth") and not self.errors:
            raise forms.ValidationError("Enter a name, Kith ID, NHS number or date of birth to search for")
        return cleaned


class PersonForm(forms.Form):
    """Who a person is. Used to add a person and to change their details."""

    kind = forms.ChoiceField(
        label="Who are you adding?",
        choices=PersonKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you are adding a child or an adult"},
    )
    given_name = _text("First name")
    middle_names = _text("Middle names", required=False, max_length=150)
    family_name = _text("Last name")
    preferred_name = _text("Known as", required=False, help_text="The name the person likes to be called, if different")
    date_of_birth = GovukDateField(
        label="Date of birth",
        required=False,
        not_in_future=True,
        not_before=EARLIEST_BIRTH_DATE,
        help_text="For example, 27 3 2015",
    )
    expected_date_of_birth = GovukDateField(
        label="Expected date of birth", required=False, not_in_past=True, help_text="Only for an unborn child"
    )
    sex = forms.ChoiceField(
        label="Sex", choices=Sex.choices, initial=Sex.UNKNOWN, widget=forms.RadioSelect(attrs={"inline": True})
    )
    gender_identity = forms.ChoiceField(
        label="Gender identity", choices=GenderIdentity.choices, initial=GenderIdentity.NOT_KNOWN
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity",
        choices=Ethnicity.choices,
        initial=Ethnicity.NOBT,
        help_text="As the child or family describe it; 'Information not yet obtained' until you have asked",
    )
    religion = forms.ChoiceField(label="Religion", choices=Religion.choices, initial=Religion.NOT_YET_KNOWN)
    first_language = _text("First language", required=False, max_length=60, width="govuk-input--width-20")
    interpreter_needed = forms.BooleanField(label="Needs an interpreter", required=False)
    community = forms.CharField(
        label="The community they grew up in",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Part of their cultural identity: where they grew up and who with, in their own words",
    )
    disabilities = forms.MultipleChoiceField(
        label="Disabilities",
        required=False,
        choices=Disability.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    is_uasc = forms.BooleanField(label="Unaccompanied asylum-seeking child", required=False)
    immigration_status = forms.ChoiceField(
        label="Immigration status", choices=ImmigrationStatus.choices, initial=ImmigrationStatus.UNKNOWN
    )
    nhs_number = _text(
        "NHS number",
        required=False,
        max_length=14,
        width="govuk-input--width-10",
        help_text="10 digits, like 943 476 5919",
    )
    upn = _text("Unique pupil number (UPN)", required=False, max_length=15, width="govuk-input--width-20")
    former_upn = _text("Former UPN", required=False, max_length=15, width="govuk-input--width-20")

    date_of_death = GovukDateField(
        label="Date of death", required=False, not_in_future=True, help_text="Only if the person has died"
    )

    def _clean_identifier(self, name: str) -> str:
        raw = self.cleaned_data.get(name, "")
        if not raw:
            return ""
        try:
            return _IDENTIFIERS[name](raw)
        except identifiers.InvalidIdentifier as problem:
            raise forms.ValidationError(str(problem)) from problem

    def clean_nhs_number(self) -> str:
        return self._clean_identifier("nhs_number")

    def clean_upn(self) -> str:
        return self._clean_identifier("upn")

    def clean_former_upn(self) -> str:
        return self._clean_identifier("former_upn")

    def clean_disabilities(self) -> list[str]:
        chosen = self.cleaned_data.get("disabilities", [])
        for message in check_disabilities(chosen):
            raise forms.ValidationError(message)
        return chosen

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if {"date_of_birth", "expected_date_of_birth"} & set(self.errors):
            return cleaned
        born, expected = cleaned.get("date_of_birth"), cleaned.get("expected_date_of_birth")
        problems = check_birth_dates(
            is_child=cleaned.get("kind") == PersonKind.CHILD,
            date_of_birth=born,
            expected_date_of_birth=expected,
            today=clock.today(),
        )
        for field, messages in problems.by_field.items():
            for message in messages:
                self.add_error(field, message)
        if "date_of_death" in self.fields and "date_of_death" not in self.errors:
            for message in check_death_date(
                date_of_death=cleaned.get("date_of_death"),
                date_of_birth=born,
                expected_date_of_birth=expected,
                today=clock.today(),
            ):
                self.add_error("date_of_death", message)
        for message in check_sex_for_unborn(
            sex=cleaned.get("sex", ""), is_unborn=born is None and expected is not None
        ):
            self.add_error("sex", message)
        return cleaned

    def details(self) -> PersonDetails:
        data = self.cleaned_data
        return PersonDetails(**{name: data[name] for name in PersonDetails.__dataclass_fields__ if name in data})

    @classmethod
    def initial_from(cls, person: Person) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(person, name) for name in PersonDetails.__dataclass_fields__ if name != "disabilities"
        }
        initial["disabilities"] = list(person.disabilities.values_list("code", flat=True))
        return initial


class AddressForm(forms.Form):
    line_1 = _text("Address line 1", max_length=120)
    line_2 = _text("Address line 2", required=False, max_length=120)
    town = _text("Town or city", max_length=80, width="govuk-!-width-two-thirds")
    postcode = _text("Postcode", max_length=10, width="govuk-input--width-10")
    moved_in_on = GovukDateField(label="Date moved in", not_in_future=True)

    def clean_postcode(self) -> str:
        try:
            return identifiers.normalise_postcode(self.cleaned_data["postcode"])
        except identifiers.InvalidIdentifier as problem:
            raise forms.ValidationError(str(problem)) from problem

    def address(self) -> AddressDetails:
        data = self.cleaned_data
        return AddressDetails(
            line_1=data["line_1"], line_2=data["line_2"], town=data["town"], postcode=data["postcode"]
        )


class NewPersonForm(PersonForm):
    """Adding a person: their details, and where they live if known."""

    date_of_death = None  # type: ignore[assignment]  # recorded later, on the change-details form

    line_1 = _text("Address line 1", required=False, max_length=120)
    line_2 = _text("Address line 2", required=False, max_length=120)
    town = _text("Town or city", required=False, max_length=80)
    postcode = _text("Postcode", required=False, max_length=10, width="govuk-input--width-10")
    moved_in_on = GovukDateField(
        label="Date moved in", required=False, not_in_future=True, help_text="Leave blank if not known: today is used"
    )

    def clean_postcode(self) -> str:
        raw = self.cleaned_data.get("postcode", "")
        if not raw:
            return ""
        try:
            return identifiers.normalise_postcode(raw)
        except identifiers.InvalidIdentifier as problem:
            raise forms.ValidationError(str(problem)) from problem

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        given = [name for name in ("line_1", "town", "postcode") if cleaned.get(name)]
        if (given or cleaned.get("line_2")) and len(given) < 3:
            for name, label in (("line_1", "address line 1"), ("town", "town or city"), ("postcode", "postcode")):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, f"Enter the {label}, or leave the whole address blank")
        return cleaned

    def address(self) -> AddressDetails | None:
        data = self.cleaned_data
        if not data.get("line_1"):
            return None
        return AddressDetails(
            line_1=data["line_1"], line_2=data.get("line_2", ""), town=data["town"], postcode=data["postcode"]
        )

    def moved_in_date(self) -> date | None:
        return self.cleaned_data.get("moved_in_on")


class RelationshipForm(forms.Form):
    relative_id = _text(
        "Kith ID of the other person",
        max_length=12,
        width="govuk-input--width-10",
        help_text="Search for them first, and add them if they are not in Kith",
    )
    kind = forms.ChoiceField(label="The other person is this person's", choices=RelationshipKind.choices)
    has_parental_responsibility = forms.BooleanField(
        label="The other person has parental responsibility", required=False
    )

    def clean_relative_id(self) -> int:
        raw = self.cleaned_data["relative_id"].strip().upper().lstrip("K")
        if not raw.isdigit():
            raise forms.ValidationError("Enter a Kith ID, like K0000123")
        return int(raw)


class ProfessionalForm(forms.Form):
    professional = forms.ModelChoiceField(
        label="Professional already in Kith",
        queryset=Professional.objects.order_by("name"),
        required=False,
        empty_label="Choose, or add a new professional below",
    )
    name = _text("Name", required=False, max_length=150)
    role = forms.ChoiceField(label="Role", required=False, choices=[("", "Choose a role"), *ProfessionalRole.choices])
    organisation = _text("Organisation", required=False, max_length=150)
    phone = _text("Phone", required=False, max_length=30, width="govuk-input--width-20")
    email = forms.EmailField(
        label="Email", required=False, error_messages={"invalid": "Enter an email address like name@example.org"}
    )
    started_on = GovukDateField(label="Involved since", not_in_future=True)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("professional") is None and not self.errors.get("professional"):
            for name, message in (
                ("name", "Enter the professional's name"),
                ("role", "Select the professional's role"),
                ("organisation", "Enter their organisation"),
            ):
                if not cleaned.get(name):
                    self.add_error(name, message)
        return cleaned


class WarningForm(forms.Form):
    kind = forms.ChoiceField(label="Warning", choices=WarningKind.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label="What staff need to know",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what staff need to know"},
    )


class OtherNameForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of name", choices=NameKind.choices, widget=forms.RadioSelect)
    given_name = _text("First name", required=False)
    family_name = _text("Last name")


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        error_messages={"required": "Enter the reason"},
    )


class GrantForm(ReasonForm):
    user = forms.ModelChoiceField(
        label="Member of staff", queryset=User.objects.none(), empty_label="Choose a member of staff"
    )

    def __init__(self, *args: Any, staff_users: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        field.queryset = staff_users  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: user.staff_member.full_name  # type: ignore[attr-defined]
        field.error_messages["required"] = "Choose who may see the record"


class ChronologyFilterForm(forms.Form):
    show = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("key", "Key events only"), ("all", "All events")],
        widget=forms.RadioSelect(attrs={"inline": True}),
    )
    event_type = forms.MultipleChoiceField(label="Type of event", required=False, widget=forms.CheckboxSelectMultiple)
    occurred_from = GovukDateField(label="From", required=False)
    occurred_to = GovukDateField(label="To", required=False)

    def __init__(self, *args: Any, event_types: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event_type"].choices = event_types  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("occurred_from"), cleaned.get("occurred_to")
        if start and end and end < start:
            self.add_error("occurred_to", "The 'to' date must be the same as or after the 'from' date")
        return cleaned
