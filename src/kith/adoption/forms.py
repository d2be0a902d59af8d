"""The adoption pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from django import forms

from kith.adoption.models import ADOPTION_ORDER_REASONS, AuthorityBasis
from kith.adoption.rules import MatchDetails
from kith.platform.reference.ssda903 import AdopterLegalStatus, AdopterSex, ReasonPlacedCeased
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


def _radios(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": message}
    )


class DecisionForm(forms.Form):
    decided_on = GovukDateField(
        label="Date of the decision", error_label="the date of the decision", not_in_future=True
    )
    decision_maker = forms.CharField(
        label="Agency decision maker",
        help_text="Name and post, for example Helen Marsh, head of service.",
        max_length=200,
        error_messages={"required": "Enter the agency decision maker's name and post"},
    )
    reasons = _text(
        "Why adoption is in the child's best interests", message="Say why adoption is in the child's best interests"
    )
    panel_recommended_on = GovukDateField(
        label="Date of the adoption panel's recommendation",
        error_label="the date of the panel's recommendation",
        required=False,
        not_in_future=True,
        help_text="Leave blank if the case did not go to panel.",
    )
    raa_notified_on = GovukDateField(
        label="Date the regional adoption agency was notified",
        error_label="the date of the notification",
        required=False,
        not_in_future=True,
    )
    regional_adoption_agency = forms.CharField(label="Regional adoption agency", required=False, max_length=200)


class AuthorityForm(forms.Form):
    basis = _radios("What gives the authority to place?", AuthorityBasis.choices, "Choose what gives the authority")
    given_on = GovukDateField(
        label="Date the order was made or consent given", error_label="the date of the authority", not_in_future=True
    )


class MatchForm(forms.Form):
    matching_panel_on = GovukDateField(
        label="Date of the matching panel", error_label="the date of the matching panel", required=False
    )
    matched_on = GovukDateField(
        label="Date of the match",
        error_label="the date of the match",
        not_in_future=True,
        help_text="The agency decision maker's decision on the panel's recommendation.",
    )
    adopters = forms.CharField(
        label="Prospective adopters",
        max_length=200,
        error_messages={"required": "Enter the prospective adopters' names"},
    )
    number_of_adopters = _radios(
        "How many adopters?", [("1", "One"), ("2", "Two")], "Say whether there is one adopter or two"
    )
    adopters_sex = _radios("The adopters' sexes", AdopterSex.choices, "Choose the adopters' sexes")
    adopters_legal_status = _radios(
        "The adopters' legal status", AdopterLegalStatus.choices, "Choose the adopters' legal status"
    )
    adopted_by_foster_carers = _radios(
        "Are the adopters the child's foster carers?", YES_NO, "Say whether the adopters are the child's foster carers"
    )
    transition_plan = _text(
        "Transition plan",
        help_text="How the child gets to know the adopters and moves, with dates.",
        message="Describe the transition plan for the child's move",
    )

    def match(self) -> MatchDetails:
        data = self.cleaned_data
        return MatchDetails(
            matched_on=data["matched_on"],
            matching_panel_on=data["matching_panel_on"],
            adopters=data["adopters"],
            number_of_adopters=int(data["number_of_adopters"]),
            adopters_sex=data["adopters_sex"],
            adopters_legal_status=data["adopters_legal_status"],
            adopted_by_foster_carers=data["adopted_by_foster_carers"] == "yes",
            transition_plan=data["transition_plan"],
        )


class PlacedForm(forms.Form):
    """Nothing to type: the placement for adoption is the child's current placement."""


class ReviewForm(forms.Form):
    held_on = GovukDateField(label="Date of the review", error_label="the date of the review", not_in_future=True)
    child_views = _text("The child's views", message="Record the child's views, or how they were sought")
    progress = _text("Progress of the plan", message="Record the progress of the plan since the last review")
    decisions = _text("Decisions", required=False, rows=3)


class CeasedForm(forms.Form):
    ceased_on = GovukDateField(label="Date of the decision", error_label="the date of the decision", not_in_future=True)
    reason = _radios("Why", ReasonPlacedCeased.choices, "Choose why the child should no longer be placed for adoption")
    why = _text("What changed", rows=3, message="Say what changed")


class AdoptionOrderForm(forms.Form):
    made_on = GovukDateField(
        label="Date of the adoption order", error_label="the date of the order", not_in_future=True
    )
    reason_ceased = _radios(
        "The application",
        ADOPTION_ORDER_REASONS,
        "Choose whether the application was unopposed (E11) or consent dispensed (E12)",
    )
