"""What makes a pre-proceedings or court record acceptable: pure checks that name the dates.

Each function returns the problems it found as ``{field: [message, ...]}``; an empty
dict means the change may be made. Actions raise ``RuleBroken`` with them, so the
form shows each message beside the field it is about and nothing is saved.
"""

from __future__ import annotations

from datetime import date

from kith.legal.models import (
    ApplicationKind,
    CareProceedings,
    HearingKind,
    MeetingKind,
    Order,
    PreProceedings,
    PreProceedingsOutcome,
)
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


def entry_problems(*, already_open: PreProceedings | None, entered_on: date, reason: str, today: date) -> Problems:
    problems: Problems = {}
    if already_open is not None:
        _add(
            problems,
            "entered_on",
            f"The child is already in pre-proceedings, since {long_date(already_open.entered_on)}: "
            "end that before starting again",
        )
    _not_in_future(problems, "entered_on", "The date of entry", entered_on, today)
    _required(problems, "reason", reason, "Enter the reasons for entering pre-proceedings")
    return problems


def _still_open(problems: Problems, field: str, pre_proceedings: PreProceedings) -> None:
    if pre_proceedings.ended_on is not None:
        _add(problems, field, f"Pre-proceedings already ended on {long_date(pre_proceedings.ended_on)}")


def letter_problems(
    pre_proceedings: PreProceedings,
    *,
    sent_on: date,
    risks: str,
    changes_expected: str,
    support_offered: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if pre_proceedings.letter_sent_on is not None:
        _add(
            problems,
            "sent_on",
            "The letter before proceedings was already recorded as sent on "
            f"{long_date(pre_proceedings.letter_sent_on)}",
        )
    _still_open(problems, "sent_on", pre_proceedings)
    _not_in_future(problems, "sent_on", "The date the letter was sent", sent_on, today)
    _not_before(
        problems,
        "sent_on",
        "The date the letter was sent",
        sent_on,
        "the date pre-proceedings started",
        pre_proceedings.entered_on,
    )
    _required(problems, "risks", risks, "Enter the risks the letter sets out")
    _required(problems, "changes_expected", changes_expected, "Enter the changes the letter says are expected")
    _required(problems, "support_offered", support_offered, "Enter the support the letter offers")
    return problems


def meeting_problems(
    pre_proceedings: PreProceedings,
    *,
    initial_held_on: date | None,
    kind: str,
    held_on: date,
    next_review_on: date | None,
    attendees: str,
    summary: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if kind not in MeetingKind.values:
        _add(problems, "kind", "Select the kind of meeting")
    if kind == MeetingKind.INITIAL and initial_held_on is not None:
        _add(problems, "kind", f"The initial meeting was already recorded, on {long_date(initial_held_on)}")
    _not_in_future(problems, "held_on", "The date of the meeting", held_on, today)
    _not_before(
        problems,
        "held_on",
        "The date of the meeting",
        held_on,
        "the date pre-proceedings started",
        pre_proceedings.entered_on,
    )
    if pre_proceedings.ended_on is not None and held_on > pre_proceedings.ended_on:
        _add(
            problems,
            "held_on",
            f"The date of the meeting ({long_date(held_on)}) is after pre-proceedings ended "
            f"({long_date(pre_proceedings.ended_on)})",
        )
    if next_review_on is not None and next_review_on <= held_on:
        _add(
            problems,
            "next_review_on",
            f"The next review ({long_date(next_review_on)}) must be after the meeting ({long_date(held_on)})",
        )
    _required(problems, "attendees", attendees, "Enter who attended")
    _required(problems, "summary", summary, "Enter what was discussed and agreed")
    return problems


def family_meeting_problems(
    pre_proceedings: PreProceedings, *, offered_on: date, held_on: date | None, today: date
) -> Problems:
    problems: Problems = {}
    _still_open(problems, "offered_on", pre_proceedings)
    _not_in_future(problems, "offered_on", "The date the meeting was offered", offered_on, today)
    _not_before(
        problems,
        "offered_on",
        "The date the meeting was offered",
        offered_on,
        "the date pre-proceedings started",
        pre_proceedings.entered_on,
    )
    if held_on is not None:
        _not_in_future(problems, "held_on", "The date the meeting was held", held_on, today)
        _not_before(
            problems, "held_on", "The date the meeting was held", held_on, "the date it was offered", offered_on
        )
    return problems


def exit_problems(
    pre_proceedings: PreProceedings,
    *,
    ended_on: date,
    outcome: str,
    rationale: str,
    letter_of_issue_sent_on: date | None,
    last_meeting_on: date | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    _still_open(problems, "ended_on", pre_proceedings)
    _not_in_future(problems, "ended_on", "The date of the decision", ended_on, today)
    _not_before(
        problems,
        "ended_on",
        "The date of the decision",
        ended_on,
        "the date pre-proceedings started",
        pre_proceedings.entered_on,
    )
    if pre_proceedings.letter_sent_on is not None:
        _not_before(
            problems,
            "ended_on",
            "The date of the decision",
            ended_on,
            "the date the letter before proceedings was sent",
            pre_proceedings.letter_sent_on,
        )
    if last_meeting_on is not None:
        _not_before(problems, "ended_on", "The date of the decision", ended_on, "the last meeting", last_meeting_on)
    if outcome not in PreProceedingsOutcome.values:
        _add(problems, "outcome", "Select the decision: step down or issue proceedings")
    _required(problems, "rationale", rationale, "Enter the reasons for the decision")
    if letter_of_issue_sent_on is not None:
        if outcome != PreProceedingsOutcome.ISSUE_PROCEEDINGS:
            _add(problems, "letter_of_issue_sent_on", "A letter of issue is only sent when proceedings are issued")
        _not_in_future(
            problems, "letter_of_issue_sent_on", "The date the letter of issue was sent", letter_of_issue_sent_on, today
        )
        _not_before(
            problems,
            "letter_of_issue_sent_on",
            "The date the letter of issue was sent",
            letter_of_issue_sent_on,
            "the date pre-proceedings started",
            pre_proceedings.entered_on,
        )
    return problems


def application_problems(
    *,
    open_pre_proceedings: PreProceedings | None,
    open_of_same_kind: CareProceedings | None,
    application_kind: str,
    application_made_on: date,
    court: str,
    reason: str,
    today: date,
) -> Problems:
    problems: Problems = {}
    if application_kind not in ApplicationKind.values:
        _add(problems, "application_kind", "Select the order applied for")
    if open_pre_proceedings is not None:
        _add(
            problems,
            "application_made_on",
            f"The child is in pre-proceedings (since {long_date(open_pre_proceedings.entered_on)}): record the "
            "decision to issue proceedings first",
        )
    if open_of_same_kind is not None:
        _add(
            problems,
            "application_kind",
            f"A {open_of_same_kind.get_application_kind_display().lower()} application made on "
            f"{long_date(open_of_same_kind.application_made_on)} is still open",
        )
    _not_in_future(problems, "application_made_on", "The date of the application", application_made_on, today)
    _required(problems, "court", court, "Enter the court")
    _required(problems, "reason", reason, "Enter the grounds for the application")
    return problems


def hearing_problems(
    proceedings: CareProceedings,
    *,
    kind: str,
    order_made: str,
    held_on: date,
    next_hearing_on: date | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    if kind not in HearingKind.values:
        _add(problems, "kind", "Select the kind of hearing")
    if order_made not in Order.values:
        _add(problems, "order_made", "Select the order made, or directions only")
    _not_in_future(problems, "held_on", "The date of the hearing", held_on, today)
    _not_before(
        problems,
        "held_on",
        "The date of the hearing",
        held_on,
        "the date of the application",
        proceedings.application_made_on,
    )
    if proceedings.ended_on is not None and held_on > proceedings.ended_on:
        _add(
            problems,
            "held_on",
            f"The date of the hearing ({long_date(held_on)}) is after the proceedings ended "
            f"({long_date(proceedings.ended_on)})",
        )
    if next_hearing_on is not None and next_hearing_on <= held_on:
        _add(
            problems,
            "next_hearing_on",
            f"The next hearing ({long_date(next_hearing_on)}) must be after this hearing ({long_date(held_on)})",
        )
    return problems


def conclusion_problems(
    proceedings: CareProceedings,
    *,
    ended_on: date,
    final_order: str,
    delay_reasons: str,
    last_hearing_on: date | None,
    due_on: date | None,
    today: date,
) -> Problems:
    problems: Problems = {}
    if proceedings.ended_on is not None:
        _add(problems, "ended_on", f"The proceedings already ended on {long_date(proceedings.ended_on)}")
    _not_in_future(problems, "ended_on", "The date the proceedings ended", ended_on, today)
    _not_before(
        problems,
        "ended_on",
        "The date the proceedings ended",
        ended_on,
        "the date of the application",
        proceedings.application_made_on,
    )
    if last_hearing_on is not None:
        _not_before(
            problems, "ended_on", "The date the proceedings ended", ended_on, "the last hearing", last_hearing_on
        )
    if final_order not in Order.values or final_order == Order.NONE:
        _add(problems, "final_order", "Select the final order")
    if due_on is not None and ended_on > due_on and not delay_reasons.strip():
        _add(
            problems,
            "delay_reasons",
            f"Give the reasons for the delay: the proceedings ended on {long_date(ended_on)}, after the 26 weeks "
            f"that ended on {long_date(due_on)}",
        )
    return problems
