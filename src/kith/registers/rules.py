"""What makes a private fostering or register record acceptable: pure checks that name the dates.

Each function returns ``{field: [message, ...]}``; empty means the change may be made.
"""

from __future__ import annotations

from datetime import date

from kith.platform.calendar.working_days import long_date
from kith.registers.models import (
    ArrangementEndReason,
    AssessmentOutcome,
    CheckKind,
    CheckOutcome,
    PrivateFosteringArrangement,
    RegisterCheckKind,
    RegisterEntry,
    RegisterKind,
    RemovalReason,
)

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


def _choice(problems: Problems, field: str, value: str, allowed: list[str], message: str) -> None:
    if value not in allowed:
        _add(problems, field, message)


def _still_open(problems: Problems, field: str, arrangement: PrivateFosteringArrangement) -> None:
    if arrangement.ended_on is not None:
        _add(problems, field, f"The arrangement already ended on {long_date(arrangement.ended_on)}")


def notification_problems(
    *,
    already_open: PrivateFosteringArrangement | None,
    child_is_child: bool,
    carer_is_adult: bool,
    parents_are_adults: bool,
    notified_on: date,
    notified_by: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if not child_is_child:
        _add(problems, "child", "Private fostering is recorded on a child's record")
    if not carer_is_adult:
        _add(problems, "carer", "The private foster carer must be an adult")
    if not parents_are_adults:
        _add(problems, "parents", "The parents must be adults")
    if already_open is not None:
        _add(
            problems,
            "notified_on",
            f"An arrangement notified on {long_date(already_open.notified_on)} is still open: end it first",
        )
    _not_in_future(problems, "notified_on", "The date of the notification", notified_on, today)
    _required(problems, "notified_by", notified_by, "Enter who told the council")
    return problems


def check_problems(
    arrangement: PrivateFosteringArrangement, *, kind: str, completed_on: date, outcome: str, today: date
) -> Problems:
    problems: Problems = {}
    _choice(problems, "kind", kind, CheckKind.values, "Select the check")
    _choice(problems, "outcome", outcome, CheckOutcome.values, "Select what the check found")
    _still_open(problems, "completed_on", arrangement)
    _not_in_future(problems, "completed_on", "The date of the check", completed_on, today)
    _not_before(
        problems, "completed_on", "The date of the check", completed_on, "the notification", arrangement.notified_on
    )
    return problems


def assessment_problems(
    arrangement: PrivateFosteringArrangement,
    *,
    completed_on: date,
    outcome: str,
    summary: str,
    checks_recorded: int,
    today: date,
) -> Problems:
    problems: Problems = {}
    if arrangement.assessment_completed_on is not None:
        _add(
            problems,
            "completed_on",
            f"The assessment was already completed on {long_date(arrangement.assessment_completed_on)}",
        )
    if checks_recorded == 0:
        _add(problems, "completed_on", "Record the checks before completing the assessment")
    _still_open(problems, "completed_on", arrangement)
    _not_in_future(problems, "completed_on", "The date the assessment was completed", completed_on, today)
    _not_before(
        problems,
        "completed_on",
        "The date the assessment was completed",
        completed_on,
        "the notification",
        arrangement.notified_on,
    )
    _choice(problems, "outcome", outcome, AssessmentOutcome.values, "Select the outcome of the assessment")
    _required(problems, "summary", summary, "Enter the assessment's findings")
    return problems


def visit_problems(
    arrangement: PrivateFosteringArrangement,
    *,
    visited_on: date,
    child_seen: bool,
    seen_alone: bool,
    child_views: str,
    last_visit_on: date | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    _still_open(problems, "visited_on", arrangement)
    _not_in_future(problems, "visited_on", "The date of the visit", visited_on, today)
    _not_before(
        problems, "visited_on", "The date of the visit", visited_on, "the notification", arrangement.notified_on
    )
    if last_visit_on is not None:
        _not_before(problems, "visited_on", "The date of the visit", visited_on, "the last visit", last_visit_on)
    if seen_alone and not child_seen:
        _add(problems, "seen_alone", "A child seen alone was seen: answer yes to both, or no to seen alone")
    if child_seen and not child_views.strip():
        _add(problems, "child_views", "Enter the child's views on the arrangement, in their words")
    return problems


def oversight_problems(
    arrangement: PrivateFosteringArrangement, *, decided_on: date, decision: str, rationale: str, today: date
) -> Problems:
    problems: Problems = {}
    _not_in_future(problems, "decided_on", "The date of the decision", decided_on, today)
    _not_before(
        problems, "decided_on", "The date of the decision", decided_on, "the notification", arrangement.notified_on
    )
    _required(problems, "decision", decision, "Enter the decision")
    _required(problems, "rationale", rationale, "Enter the reasons for the decision")
    return problems


def ending_problems(
    arrangement: PrivateFosteringArrangement,
    *,
    ended_on: date,
    reason: str,
    last_visit_on: date | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    _still_open(problems, "ended_on", arrangement)
    _not_in_future(problems, "ended_on", "The date the arrangement ended", ended_on, today)
    _not_before(
        problems, "ended_on", "The date the arrangement ended", ended_on, "the date it started", arrangement.started_on
    )
    _not_before(
        problems, "ended_on", "The date the arrangement ended", ended_on, "the notification", arrangement.notified_on
    )
    if last_visit_on is not None:
        _not_before(problems, "ended_on", "The date the arrangement ended", ended_on, "the last visit", last_visit_on)
    _choice(problems, "reason", reason, ArrangementEndReason.values, "Select why the arrangement ended")
    return problems


def adding_problems(
    *, already_open: RegisterEntry | None, register: str, added_on: date, source: str, reason: str, today: date
) -> Problems:
    problems: Problems = {}
    _choice(problems, "register", register, RegisterKind.values, "Select the register")
    if already_open is not None:
        _add(
            problems,
            "register",
            f"The child is already on the {already_open.get_register_display().lower()} register, since "
            f"{long_date(already_open.added_on)}",
        )
    _not_in_future(problems, "added_on", "The date added to the register", added_on, today)
    _required(problems, "source", source, "Enter who told the council")
    _required(problems, "reason", reason, "Enter why the child is on the register")
    return problems


def register_check_problems(
    entry: RegisterEntry,
    *,
    kind: str,
    checked_on: date,
    outcome: str,
    last_check_on: date | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    _choice(problems, "kind", kind, RegisterCheckKind.values, "Select the kind of check")
    if entry.removed_on is not None:
        _add(problems, "checked_on", f"The child was removed from the register on {long_date(entry.removed_on)}")
    _not_in_future(problems, "checked_on", "The date of the check", checked_on, today)
    _not_before(
        problems, "checked_on", "The date of the check", checked_on, "the date added to the register", entry.added_on
    )
    if last_check_on is not None:
        _not_before(problems, "checked_on", "The date of the check", checked_on, "the last check", last_check_on)
    _required(problems, "outcome", outcome, "Enter what the check found")
    return problems


def removal_problems(
    entry: RegisterEntry, *, removed_on: date, reason: str, last_check_on: date | None, today: date
) -> Problems:
    problems: Problems = {}
    if entry.removed_on is not None:
        _add(problems, "removed_on", f"The child was already removed on {long_date(entry.removed_on)}")
    _not_in_future(problems, "removed_on", "The date removed from the register", removed_on, today)
    _not_before(
        problems,
        "removed_on",
        "The date removed from the register",
        removed_on,
        "the date added",
        entry.added_on,
    )
    if last_check_on is not None:
        _not_before(
            problems, "removed_on", "The date removed from the register", removed_on, "the last check", last_check_on
        )
    _choice(problems, "reason", reason, RemovalReason.values, "Select why the child is removed")
    return problems
