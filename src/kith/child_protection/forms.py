"""The conference, core group and plan forms. They parse what was typed; the actions decide what may be stored.

Repeating rows (who was invited, objectives, core group members) are Django formsets with
a few blank rows; rows left blank are ignored, and "Add more rows" posts the page back with
more, so the forms work without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory

from kith.child_protection.access import CHAIR_ROLES
from kith.child_protection.actions import CoreGroupMemberDetails, MemberDetails, ObjectiveDetails
from kith.child_protection.models import ChildParticipation, ConferenceDecision, PlanEndReason
from kith.plans.models import Progress
from kith.platform.access.roles import MANAGER_ROLES
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse
from kith.platform.ui.forms import GovukDateField
from kith.workforce.models import StaffMember

ATTENDED = "attended"
APOLOGIES = "apologies"
ABSENT = "absent"
ATTENDANCE = [(ATTENDED, "Attended"), (APOLOGIES, "Sent apologies"), (ABSENT, "Did not attend")]
AGENCY_CHOICES = [("", "Select an agency"), *Agency.choices]
# Blank rows shown at first, and how many more "Add more rows" adds.
MEMBER_ROWS = 6
OBJECTIVE_ROWS = 3
MORE_ROWS = 3


def _text(label: str, *, rows: int = 4, required: bool = False, help_text: str = "", **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.get_role_display()})"


def chair_field() -> StaffChoiceField:
    return StaffChoiceField(
        label="Who chaired the conference?",
        queryset=StaffMember.objects.filter(is_active=True, role__in=CHAIR_ROLES).order_by("full_name"),
        empty_label="Select the chair",
        error_messages={"required": "Select who chaired the conference"},
    )


# -- repeating rows ------------------------------------------------------------------------------


class MemberForm(forms.Form):
    """One person invited to, or at, the conference. No invitation date means they were not invited."""

    name = forms.CharField(label="Name", required=False, max_length=150)
    agency = forms.ChoiceField(label="Agency", choices=AGENCY_CHOICES, required=False)
    role = forms.CharField(label="Role", required=False, max_length=150, help_text="For example GP, school nurse")
    invited_on = GovukDateField(
        label="Date the invitation was sent",
        error_label="the date the invitation was sent",
        required=False,
        not_in_future=True,
        help_text="Leave empty if they were not invited. For example, 6 1 2027",
    )
    attendance = forms.ChoiceField(
        label="Did they come?",
        choices=ATTENDANCE,
        required=False,
        widget=forms.RadioSelect(attrs={"inline": True}),
    )
    report_submitted = forms.BooleanField(label="Sent a written report", required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.has_changed():
            return data
        if not (data.get("name") or "").strip():
            self.add_error("name", "Enter their name, or clear this row")
        if not data.get("agency"):
            self.add_error("agency", "Select their agency")
        if not data.get("attendance"):
            self.add_error("attendance", "Select whether they came")
        return data

    def details(self) -> MemberDetails:
        data = self.cleaned_data
        return MemberDetails(
            name=data["name"],
            agency=data["agency"],
            role=data["role"],
            invited_on=data["invited_on"],
            attended=data["attendance"] == ATTENDED,
            sent_apologies=data["attendance"] == APOLOGIES,
            report_submitted=data["report_submitted"],
        )


class ObjectiveForm(forms.Form):
    """One objective: what must change, what will be done, who will do it, by when (R-043, R-044)."""

    outcome = _text("What needs to change", rows=2)
    action = _text("What will be done", rows=2)
    owner = forms.CharField(label="Who will do it", required=False, max_length=150, help_text="A named person")
    owner_agency = forms.CharField(label="Their agency or relationship", required=False, max_length=150)
    target_date = GovukDateField(label="By when", error_label="the target date", required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.has_changed():
            return data
        for name, message in (
            ("outcome", "Enter what needs to change"),
            ("action", "Enter what will be done"),
            ("owner", "Enter who will do it"),
            ("target_date", "Enter the target date"),
        ):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        return data

    def details(self) -> ObjectiveDetails:
        data = self.cleaned_data
        return ObjectiveDetails(
            outcome=data["outcome"],
            action=data["action"],
            owner=data["owner"],
            owner_agency=data["owner_agency"],
            target_date=data["target_date"],
        )


class CoreGroupMemberForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=150)
    agency = forms.ChoiceField(label="Agency", choices=AGENCY_CHOICES, required=False)
    role = forms.CharField(label="Role", required=False, max_length=150)
    attended = forms.BooleanField(label="Attended", required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.has_changed():
            return data
        if not (data.get("name") or "").strip():
            self.add_error("name", "Enter their name, or clear this row")
        if not data.get("agency"):
            self.add_error("agency", "Select their agency")
        return data

    def details(self) -> CoreGroupMemberDetails:
        data = self.cleaned_data
        return CoreGroupMemberDetails(
            name=data["name"], agency=data["agency"], role=data["role"], attended=data["attended"]
        )


class ProgressForm(forms.Form):
    """Progress on one of the plan's open objectives (R-065)."""

    objective = forms.IntegerField(widget=forms.HiddenInput)
    progress = forms.ChoiceField(
        label="Progress",
        choices=Progress.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the progress on this objective"},
    )
    notes = _text("What has happened", rows=2)


class RowsFormSet(BaseFormSet):
    """A formset whose filled-in rows are the answer; blank rows are left out."""

    def filled(self) -> list[forms.Form]:
        return [form for form in self.forms if form.has_changed()]


MemberFormSet = formset_factory(MemberForm, formset=RowsFormSet, extra=MEMBER_ROWS)
ObjectiveFormSet = formset_factory(ObjectiveForm, formset=RowsFormSet, extra=OBJECTIVE_ROWS)
CoreGroupMemberFormSet = formset_factory(CoreGroupMemberForm, formset=RowsFormSet, extra=MEMBER_ROWS)
ProgressFormSet = formset_factory(ProgressForm, extra=0)


# -- conferences ---------------------------------------------------------------------------------


class ConferenceForm(forms.Form):
    """What every conference records: when, who chaired, the reports, the child's part, the decision."""

    held_on = GovukDateField(
        label="Date of the conference", error_label="the date of the conference", not_in_future=True
    )
    report_shared_with_parents_on = GovukDateField(
        label="Date the social worker's report was shared with the parents",
        error_label="the date the report was shared with the parents",
        required=False,
        not_in_future=True,
    )
    report_shared_with_child_on = GovukDateField(
        label="Date the report was shared with the child",
        error_label="the date the report was shared with the child",
        required=False,
        not_in_future=True,
        help_text="Leave empty if it was not shared with the child (for example, a baby).",
    )
    child_participation = forms.ChoiceField(
        label="How did the child take part?",
        choices=ChildParticipation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the child took part in the conference"},
    )
    child_views = _text("The child's views and wishes", help_text="In the child's own words where you can.")
    parents_views = _text("The parents' or carers' views")
    decision_rationale = _text(
        "Reasons for the decision",
        rows=5,
        required=True,
        error_messages={"required": "Enter the reasons for the decision"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"] = chair_field()
        self.order_fields(["section_47_enquiry", "held_on", "chair"])


class InitialConferenceForm(ConferenceForm):
    section_47_enquiry: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Which section 47 enquiry led to this conference?",
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the section 47 enquiry this conference follows"},
    )
    decision = forms.ChoiceField(
        label="What did the conference decide?",
        choices=[(ConferenceDecision.PLAN, "A child protection plan"), (ConferenceDecision.NO_PLAN, "No plan")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child is to be made subject to a child protection plan"},
    )
    category = forms.ChoiceField(
        label="Category of abuse",
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Needed when there is a plan.",
    )
    how_risks_will_be_reduced = _text("How the risks will be reduced", rows=5, help_text="Needed when there is a plan.")
    contingency = _text(
        "Contingency plan", rows=4, help_text="What will happen if things do not change. Needed when there is a plan."
    )
    identity_actions = _text(
        "The child's identity needs and what will be done about them",
        help_text="Ethnicity, culture, religion, language, disability.",
    )
    summary_for_family = _text(
        "What we are worried about, in words the family can read",
        help_text="Printed at the start of the family's copy of the plan.",
    )

    def __init__(self, *args: Any, enquiries: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["section_47_enquiry"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = enquiries


class ReviewConferenceForm(ConferenceForm):
    decision = forms.ChoiceField(
        label="What did the conference decide?",
        choices=[
            (ConferenceDecision.CONTINUE_PLAN, "The plan continues"),
            (ConferenceDecision.END_PLAN, "The plan ends"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the plan continues or ends"},
    )
    latest_category = forms.ChoiceField(
        label="Category of abuse",
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        help_text="Change it only if the conference decided a different category.",
        error_messages={"required": "Select the category of abuse"},
    )
    end_reason = forms.ChoiceField(
        label="Why is the plan ending?",
        choices=PlanEndReason.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Only when the plan ends.",
    )
    step_down_plan = _text(
        "Step-down plan", help_text="The help that carries on after the plan ends, for example a child in need plan."
    )


# -- core groups, plans and feedback ------------------------------------------------------------


class CoreGroupForm(forms.Form):
    held_on = GovukDateField(
        label="Date of the core group", error_label="the date of the core group", not_in_future=True
    )
    child_views = _text(
        "The child's views", help_text="What the child has said, or how they seem, since the last meeting."
    )
    identity_considerations = _text(
        "Identity, culture and diversity", help_text="Including any language or disability needs."
    )
    drift_or_concerns = _text("Drift or concerns", help_text="What has not happened that should have, and why.")


class EndPlanForm(forms.Form):
    ended_on = GovukDateField(label="Date the plan ended", error_label="the date the plan ended", not_in_future=True)
    end_reason = forms.ChoiceField(
        label="Why did the plan end?",
        choices=PlanEndReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the plan is ending"},
    )
    step_down_plan = _text("Step-down plan", help_text="The help that carries on after the plan ends.")


class PlanSharedForm(forms.Form):
    shared_on = GovukDateField(
        label="Date the family were given the plan", error_label="the date the plan was shared", not_in_future=True
    )


class ChairFeedbackForm(forms.Form):
    feedback = _text(
        "Your feedback",
        rows=8,
        required=True,
        help_text="On the quality of the work, the report, the plan and anything that needs to happen.",
        error_messages={"required": "Enter your feedback"},
    )
    to = StaffChoiceField(
        label="Which manager is it for?",
        queryset=StaffMember.objects.filter(is_active=True, role__in=MANAGER_ROLES).order_by("full_name"),
        empty_label="Select the manager",
        error_messages={"required": "Choose the manager the feedback is for"},
    )


class FeedbackFollowUpForm(forms.Form):
    followed_up_on = GovukDateField(
        label="Date you followed it up", error_label="the date of the follow-up", not_in_future=True
    )
    notes = _text(
        "What was done",
        rows=6,
        required=True,
        help_text="For example, discussed in supervision, the plan was changed.",
        error_messages={"required": "Enter what was done about the feedback"},
    )
