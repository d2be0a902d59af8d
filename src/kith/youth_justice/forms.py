"""The youth justice pages' forms: they parse what was typed; the actions decide what may be stored."""

from __future__ import annotations

from django import forms

from kith.platform.ui.forms import GovukDateField
from kith.youth_justice.models import CustodyEndReason, CustodyKind, EstablishmentKind, OutcomeKind

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


def _line(label: str, *, message: str, max_length: int = 150) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, error_messages={"required": message})


def _choice(label: str, choices: list[tuple[str, str]], *, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": message}
    )


class OpenInvolvementForm(forms.Form):
    opened_on = GovukDateField(
        label="Date the YJS opened the case", error_label="the date the case opened", not_in_future=True
    )
    yos_worker = _line("YJS worker", message="Enter the name of the YJS worker")
    yos_team = _line("YJS team", message="Enter the YJS team")
    reason = _text("Why the youth justice service is involved", message="Say why the youth justice service is involved")


class OutcomeForm(forms.Form):
    kind = _choice("Outcome", OutcomeKind.choices, message="Choose the outcome")
    outcome_on = GovukDateField(label="Date of the outcome", error_label="the date of the outcome", not_in_future=True)
    offence = _line("Offence", message="Say what the offence was", max_length=300)
    details = _text("Details", required=False, help_text="Conditions, length of the order, the diversion programme.")


class CloseInvolvementForm(forms.Form):
    closed_on = GovukDateField(
        label="Date the YJS closed the case", error_label="the date the case closed", not_in_future=True
    )
    summary = _text("Why it closed and what it achieved", message="Say why the involvement closed and what it achieved")


class JointSupervisionForm(forms.Form):
    held_on = GovukDateField(label="Date", error_label="the date of the supervision", not_in_future=True)
    attendees = _text("Who took part", rows=2, message="Say who took part, from the YJS and from social care")
    discussion = _text("What was discussed", message="Say what was discussed")
    decisions = _text("Decisions, with who will do what", message="Record the decisions, with who will do what")


class StartCustodyForm(forms.Form):
    kind = _choice(
        "Remanded or sentenced?", CustodyKind.choices, message="Choose whether the child was remanded or sentenced"
    )
    establishment = _line("Establishment", message="Enter the name of the establishment", max_length=200)
    establishment_kind = _choice(
        "Kind of establishment", EstablishmentKind.choices, message="Choose the kind of establishment"
    )
    started_on = GovukDateField(
        label="Date the child went into custody", error_label="the date the child went into custody", not_in_future=True
    )
    education = _text(
        "Education in custody",
        required=False,
        help_text="Hours a week, courses, and how it links with the child's school.",
    )


class CustodyVisitForm(forms.Form):
    visited_on = GovukDateField(label="Date of the visit", error_label="the date of the visit", not_in_future=True)
    child_seen_alone = _choice("Was the child seen alone?", YES_NO, message="Say whether the child was seen alone")
    notes = _text("What the child said and how they are", rows=4, message="Say what the child said and how they are")


class ReleasePlanForm(forms.Form):
    agreed_on = GovukDateField(label="Date agreed", error_label="the date the plan was agreed", not_in_future=True)
    accommodation_on_release = _line(
        "Where the child will live on release", message="Say where the child will live on release", max_length=300
    )
    plan = _text(
        "The release plan",
        rows=4,
        help_text="Education, health, who meets the child, YJS supervision.",
        message="Say what the release plan is",
    )


class EndCustodyForm(forms.Form):
    ended_on = GovukDateField(
        label="Date the child left", error_label="the date the child left custody", not_in_future=True
    )
    reason = _choice("Why the child left", CustodyEndReason.choices, message="Choose why the child left custody")
