"""The care pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from kith.children_in_care.models import EntryRoute
from kith.children_in_care.rules import CATEGORIES_OF_NEED, PlacementDetails
from kith.platform.reference.cin_census import PrimaryNeed
from kith.platform.reference.ssda903 import (
    LEGAL_STATUSES_NO_LONGER_MADE,
    PLACEMENT_TYPES_NO_LONGER_USED,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    PreviousPermanence,
    ReasonEpisodeCeased,
    ReasonPlacementChange,
)
from kith.platform.ui.forms import GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]
PLACEMENT_FIELDS = (
    "placement_type",
    "provider",
    "carer",
    "urn",
    "postcode",
    "home_postcode",
    "in_area",
    "host_authority",
    "distance_miles",
    "planned",
    "matching",
    "siblings_placed_together",
    "temporary_approval",
    "unregistered",
)


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


def _choice(
    label: str, choices: Any, *, message: str, required: bool = True, radios: bool = False
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices if radios else [("", "Choose"), *choices],
        required=required,
        widget=forms.RadioSelect if radios else forms.Select,
        error_messages={"required": message},
    )


LEGAL_STATUS_CHOICES = [
    (c.value, f"{c.value}: {c.label}") for c in LegalStatus if c not in LEGAL_STATUSES_NO_LONGER_MADE
]
PLACEMENT_TYPE_CHOICES = [
    (c.value, f"{c.value}: {c.label}") for c in PlacementType if c not in PLACEMENT_TYPES_NO_LONGER_USED
]
NEED_CHOICES = [(c.value, f"{c.value}: {c.label}") for c in PrimaryNeed if c.value in CATEGORIES_OF_NEED]


class PlacementFieldsForm(forms.Form):
    """Where the child lives: the 903 placement type and provider, the carer, and where it is."""

    placement_type = _choice("Type of placement", PLACEMENT_TYPE_CHOICES, message="Choose the type of placement")
    provider = _choice(
        "Who provides it",
        [(c.value, f"{c.value}: {c.label}") for c in PlacementProvider],
        message="Choose who provides the placement",
        required=False,
    )
    carer = forms.CharField(
        label="Carer, home or provider",
        max_length=200,
        error_messages={"required": "Enter the carer, home or provider"},
    )
    urn = forms.CharField(
        label="Ofsted URN", required=False, max_length=8, help_text="For a registered home or agency."
    )
    postcode = forms.CharField(label="Postcode of the placement", max_length=8)
    home_postcode = forms.CharField(label="Postcode the child came from", max_length=8)
    in_area = _choice(
        "Is the placement in the council's area?", YES_NO, message="Say whether it is in the area", radios=True
    )
    host_authority = forms.CharField(
        label="Council the placement is in, if out of area", required=False, max_length=100
    )
    distance_miles = forms.DecimalField(
        label="Distance from home, in miles", required=False, min_value=Decimal(0), max_digits=5, decimal_places=1
    )
    planned = _choice(
        "Was the placement planned?", YES_NO, message="Say whether the placement was planned", radios=True
    )
    matching = _text("Why this placement: matching to the child's needs", required=False, rows=3)
    siblings_placed_together = forms.ChoiceField(
        label="Are brothers and sisters in care placed together?",
        choices=[("", "No brothers or sisters in care"), *YES_NO],
        required=False,
        widget=forms.RadioSelect,
    )
    temporary_approval = forms.BooleanField(
        label="A relative or friend approved temporarily as foster carer (reg 24)", required=False
    )

    unregistered = forms.BooleanField(
        label="Provision that should be registered with Ofsted and is not (unregistered)", required=False
    )

    def placement(self) -> PlacementDetails:
        data = self.cleaned_data
        siblings = data.get("siblings_placed_together") or ""
        return PlacementDetails(
            placement_type=data["placement_type"],
            provider=data.get("provider") or "",
            carer=data["carer"],
            urn=data.get("urn") or "",
            postcode=data["postcode"],
            home_postcode=data["home_postcode"],
            in_area=data["in_area"] == "yes",
            host_authority=data.get("host_authority") or "",
            distance_miles=data.get("distance_miles"),
            planned=data["planned"] == "yes",
            matching=data.get("matching") or "",
            siblings_placed_together=None if not siblings else siblings == "yes",
            temporary_approval=bool(data.get("temporary_approval")),
            unregistered=bool(data.get("unregistered")),
        )


class EnterCareForm(PlacementFieldsForm):
    started_on = GovukDateField(label="Date the child became looked after", error_label="the date", not_in_future=True)
    route = _choice(
        "How the child came into care", EntryRoute.choices, message="Choose how the child came into care", radios=True
    )
    legal_status = _choice("Legal status", LEGAL_STATUS_CHOICES, message="Choose the legal status")
    category_of_need = _choice("Category of need", NEED_CHOICES, message="Choose the category of need")
    reason_for_care = _text(
        "Why the child needs to be looked after", message="Say why the child needs to be looked after"
    )
    alternatives_considered = _text(
        "What was tried or considered first",
        help_text="Family and friends, support at home, a family group conference.",
        message="Say what was tried or considered before care",
    )

    previous_permanence = _choice(
        "Did the child have a permanence order before coming into care?",
        [(c.value, c.label) for c in PreviousPermanence],
        message="Say whether the child had a permanence order before care",
        radios=True,
    )
    previous_permanence_la = forms.CharField(label="Council that made the order", required=False, max_length=100)
    previous_permanence_on = GovukDateField(
        label="Date of the order", error_label="the date of the order", required=False
    )

    def __init__(self, *args: Any, decisions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"] = forms.ChoiceField(
            label="The manager's decision",
            choices=[("", "Choose the decision"), *decisions],
            error_messages={"required": "Choose the manager's decision that the child should be looked after"},
            help_text="A manager records it first, as a management decision of kind "
            "“Decision that the child should be looked after”.",
        )


class MoveForm(PlacementFieldsForm):
    moved_on = GovukDateField(label="Date of the move", error_label="the date of the move", not_in_future=True)
    reason_for_change = _choice(
        "Why the child moved",
        [(c.value, f"{c.value}: {c.label}") for c in ReasonPlacementChange],
        message="Choose why the child moved",
    )
    planned_move = _choice("Was the move planned?", YES_NO, message="Say whether the move was planned", radios=True)
    same_carer = forms.BooleanField(
        label="The same carer, in a new placement (for example, newly approved)", required=False
    )
    legal_status = _choice(
        "New legal status, if it changed on the same day",
        LEGAL_STATUS_CHOICES,
        message="",
        required=False,
    )


class LegalStatusForm(forms.Form):
    changed_on = GovukDateField(label="Date of the change", error_label="the date of the change", not_in_future=True)
    legal_status = _choice("New legal status", LEGAL_STATUS_CHOICES, message="Choose the new legal status")


class EndCareForm(forms.Form):
    ended_on = GovukDateField(label="Date care ended", error_label="the date care ended", not_in_future=True)
    reason_ceased = _choice(
        "Why care ended",
        [(c.value, f"{c.value}: {c.label}") for c in ReasonEpisodeCeased if c != ReasonEpisodeCeased.CONTINUES],
        message="Choose why care ended",
    )


class PlacementPlanForm(forms.Form):
    agreed_on = GovukDateField(label="Date agreed with the carer", error_label="the date agreed", not_in_future=True)
    arrangements = _text(
        "Day-to-day arrangements",
        help_text="Health, school, family time, routines: how the carer meets the child's needs.",
        message="Say how the carer will meet the child's needs day to day",
    )
    delegated_authority = _text(
        "What the carer may decide",
        rows=3,
        help_text="Haircuts, school trips, sleepovers, medical appointments.",
        message="Say what the carer may decide without asking",
    )
    child_views = _text(
        "The child's views on the placement",
        rows=3,
        message="Record the child's views on the placement, or how they were sought",
    )


class NotificationForm(forms.Form):
    notified_on = GovukDateField(
        label="Date notices were sent", error_label="the date notices were sent", not_in_future=True
    )
    recipients = _text(
        "Who was told",
        rows=2,
        help_text="The child, parents, the previous carer, the GP, the school and the IRO.",
        message="Say who was told: the child, parents, carer, GP, school and IRO",
    )
    health_team_notified_on = GovukDateField(
        label="Date the looked-after children's health team was told",
        error_label="the date the health team was told",
        not_in_future=True,
        required=False,
    )
    host_authority_notified_on = GovukDateField(
        label="Date the council where the child lives was told (out of area only)",
        error_label="the date the host council was told",
        not_in_future=True,
        required=False,
    )


class RiskForm(forms.Form):
    flagged_on = GovukDateField(label="Date", error_label="the date", not_in_future=True)
    concerns = _text("What puts the placement at risk", message="Say what puts the placement at risk")
    support = _text("Support put in to keep it going", message="Say what support is being put in to keep it going")


class LiftRiskForm(forms.Form):
    lifted_on = GovukDateField(label="Date", error_label="the date", not_in_future=True)
    outcome = _text(
        "What made the difference", rows=3, message="Say what made the difference, or why the flag is lifted"
    )


class DisruptionForm(forms.Form):
    held_on = GovukDateField(label="Date of the meeting", error_label="the date of the meeting", not_in_future=True)
    attendees = _text("Who came", rows=2, message="Say who came")
    what_happened = _text("What led to the placement ending", message="Say what led to the placement ending")
    learning = _text(
        "Learning for the next placement and the care plan",
        message="Record the learning for the next placement and the care plan",
    )

    def __init__(self, *args: Any, chairs: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"] = forms.ChoiceField(
            label="Chair", choices=[("", "Choose the chair"), *chairs], error_messages={"required": "Choose the chair"}
        )
        self.order_fields(["held_on", "chair", "attendees", "what_happened", "learning"])


class DistancePlanForm(forms.Form):
    agreed_on = GovukDateField(label="Date agreed", error_label="the date agreed", not_in_future=True)
    reason_for_distance = _text(
        "Why the child is placed at a distance", rows=3, message="Say why the child is placed at a distance"
    )
    visiting_pattern = _text("Who visits, and how often", rows=2, message="Say who visits and how often")
    return_plan = _text(
        "The plan to come back to the home area",
        rows=3,
        message="Say how and when the child will come back to the home area, or why not",
    )
    target_return_on = GovukDateField(label="Target date to return", error_label="the target date", required=False)


class OversightForm(forms.Form):
    checked_on = GovukDateField(label="Date of the check", error_label="the date of the check", not_in_future=True)
    safety = _text("How the child is kept safe there", message="Say how the child is kept safe there")
    registration_progress = _text(
        "Where registration has got to", rows=3, message="Say where the provider's registration has got to"
    )
    next_check_on = GovukDateField(label="Next check", error_label="the date of the next check", required=False)


class InboundForm(forms.Form):
    placing_authority = forms.CharField(
        label="Council that placed the child",
        max_length=100,
        error_messages={"required": "Enter the council that placed the child"},
    )
    placed_on = GovukDateField(label="Date placed", error_label="the date placed", not_in_future=True)
    notified_on = GovukDateField(
        label="Date this council was told",
        error_label="the date this council was told",
        not_in_future=True,
        required=False,
    )
    carer = forms.CharField(
        label="Carer, home or provider",
        max_length=200,
        error_messages={"required": "Enter the carer, home or provider"},
    )
    postcode = forms.CharField(
        label="Postcode of the placement",
        max_length=8,
        error_messages={"required": "Enter the placement's postcode, like TS24 8AB"},
    )
    services = _text("Local services provided", required=False, rows=3, help_text="Health, education, CAMHS, leisure.")


TRACKING_ROWS = 8


class TrackingMeetingForm(forms.Form):
    held_on = GovukDateField(label="Date of the meeting", error_label="the date of the meeting", not_in_future=True)
    attendees = _text("Who came", rows=2, message="Say who came")

    def __init__(self, *args: Any, children: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, TRACKING_ROWS + 1):
            self.fields[f"child_{n}"] = forms.ChoiceField(
                label=f"Child {n}", choices=[("", "Choose a child"), *children], required=False
            )
            self.fields[f"discussion_{n}"] = forms.CharField(
                label="What was discussed", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"action_{n}"] = forms.CharField(label="What will be done", required=False, max_length=2000)
            self.fields[f"owner_{n}"] = forms.CharField(label="Who", required=False, max_length=150)
            self.fields[f"due_on_{n}"] = GovukDateField(
                label="By when", error_label=f"the date row {n} is due", required=False
            )

    def rows(self) -> list[list[Any]]:
        return [
            [self[f"{part}_{n}"] for part in ("child", "discussion", "action", "owner", "due_on")]
            for n in range(1, TRACKING_ROWS + 1)
        ]

    def filled_rows(self) -> list[dict[str, Any]]:
        """The rows that say anything, in order; a row with no child is refused by the view."""
        data = self.cleaned_data
        found = []
        for n in range(1, TRACKING_ROWS + 1):
            row = {part: data.get(f"{part}_{n}") for part in ("child", "discussion", "action", "owner", "due_on")}
            if any(value for value in row.values()):
                found.append(row)
        return found


class DoneForm(forms.Form):
    done_on = GovukDateField(label="Date done", error_label="the date it was done", not_in_future=True)
