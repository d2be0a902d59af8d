"""What makes a LADO record acceptable: pure checks that name the dates."""

from __future__ import annotations

from datetime import date

from kith.lado.models import Allegation, AllegationCategory, DecisionKind, Outcome
from kith.platform.calendar.working_days import long_date

Problems = dict[str, list[str]]


def _add(problems: Problems, field: str, message: str) -> None:
    problems.setdefault(field, []).append(message)


def _not_in_future(problems: Problems, field: str, label: str, value: date, today: date) -> None:
    if value > today:
        _add(problems, field, f"{label} ({long_date(value)}) must be today or in the past")


def _not_before(problems: Problems, field: str, label: str, value: date, earlier_label: str, earlier: date) -> None:
    if value < earlier:
        _add(problems, field, f"{label} ({long_date(value)}) cannot be before {earlier_label} ({long_date(earlier)})")


def _required(problems: Problems, field: str, value: str, message: str) -> None:
    if not value.strip():
        _add(problems, field, message)


def allegation_problems(
    *,
    children: int,
    all_children_are_children: bool,
    subject_is_adult: bool,
    received_on: date,
    referrer_name: str,
    referrer_agency: str,
    subject_name: str,
    subject_role: str,
    subject_employer: str,
    category: str,
    details: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if children == 0:
        _add(problems, "children", "Enter at least one child the allegation affects")
    if not all_children_are_children:
        _add(problems, "children", "The people affected must be children")
    if not subject_is_adult:
        _add(problems, "subject_name", "The person the allegation is about must be an adult")
    _not_in_future(problems, "received_on", "The date the allegation was received", received_on, today)
    _required(problems, "referrer_name", referrer_name, "Enter who made the referral")
    _required(problems, "referrer_agency", referrer_agency, "Enter the referrer's agency")
    _required(problems, "subject_name", subject_name, "Enter the name of the person the allegation is about")
    _required(problems, "subject_role", subject_role, "Enter their role")
    _required(problems, "subject_employer", subject_employer, "Enter their employer or organisation")
    if category not in AllegationCategory.values:
        _add(problems, "category", "Select what the allegation is")
    _required(problems, "details", details, "Enter what is alleged")
    return problems


def decision_problems(
    allegation: Allegation, *, decided_on: date, decision: str, rationale: str, today: date
) -> Problems:
    problems: Problems = {}
    if allegation.closed_on is not None:
        _add(problems, "decided_on", f"The allegation was concluded on {long_date(allegation.closed_on)}")
    _not_in_future(problems, "decided_on", "The date of the decision", decided_on, today)
    _not_before(
        problems,
        "decided_on",
        "The date of the decision",
        decided_on,
        "the date the allegation was received",
        allegation.received_on,
    )
    if decision not in DecisionKind.values:
        _add(problems, "decision", "Select the decision")
    _required(problems, "rationale", rationale, "Enter the reasons for the decision")
    return problems


def closing_problems(
    allegation: Allegation, *, closed_on: date, outcome: str, last_decision_on: date | None, today: date
) -> Problems:
    problems: Problems = {}
    if allegation.closed_on is not None:
        _add(problems, "closed_on", f"The allegation was already concluded on {long_date(allegation.closed_on)}")
    if last_decision_on is None:
        _add(problems, "closed_on", "Record the LADO's decision, with the reasons, before concluding the allegation")
    _not_in_future(problems, "closed_on", "The date the allegation was concluded", closed_on, today)
    _not_before(
        problems,
        "closed_on",
        "The date the allegation was concluded",
        closed_on,
        "the date it was received",
        allegation.received_on,
    )
    if last_decision_on is not None:
        _not_before(
            problems,
            "closed_on",
            "The date the allegation was concluded",
            closed_on,
            "the last decision",
            last_decision_on,
        )
    if outcome not in Outcome.values:
        _add(problems, "outcome", "Select the outcome")
    return problems
