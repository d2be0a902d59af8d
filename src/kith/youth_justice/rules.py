"""What makes youth justice records acceptable: pure checks that name the dates they compare."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.youth_justice.models import (
    CustodyEndReason,
    CustodyEpisode,
    CustodyKind,
    EstablishmentKind,
    Involvement,
    OutcomeKind,
)

__all__ = ["AGE_OF_CRIMINAL_RESPONSIBILITY", "Problems", "add", "required"]

# No child under 10 can be cautioned or convicted in England (Children and Young Persons Act 1933, s50);
# 903 rule 542: a child under 10 has no conviction information.
AGE_OF_CRIMINAL_RESPONSIBILITY = 10


def within_involvement(
    problems: Problems, involvement: Involvement, *, on: date, field: str, label: str, today: date, child: Any
) -> None:
    """``on`` falls while the involvement was open, in the child's life, and not in the future."""
    for name, messages in dated_work_problems(field, label, on, child=child, today=today).items():
        for message in messages:
            add(problems, name, message)
    if on < involvement.opened_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before the youth justice involvement opened "
            f"({long_date(involvement.opened_on)})",
        )
    if involvement.closed_on is not None and on > involvement.closed_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is after the youth justice involvement closed "
            f"({long_date(involvement.closed_on)})",
        )


def opening_problems(
    child: Any,
    *,
    opened_on: date,
    yos_worker: str,
    yos_team: str,
    reason: str,
    today: date,
    open_involvement: Involvement | None,
    last_closed_on: date | None,
) -> Problems:
    problems = dated_work_problems("opened_on", "The opening", opened_on, child=child, today=today)
    if open_involvement is not None:
        add(
            problems,
            "opened_on",
            f"{child.full_name}'s youth justice involvement has been open since "
            f"{long_date(open_involvement.opened_on)}: close it first",
        )
    elif last_closed_on is not None and opened_on < last_closed_on:
        add(
            problems,
            "opened_on",
            f"The opening ({long_date(opened_on)}) is before the last involvement closed ({long_date(last_closed_on)})",
        )
    required(problems, "yos_worker", yos_worker, "Enter the name of the YJS worker")
    required(problems, "yos_team", yos_team, "Enter the YJS team")
    required(problems, "reason", reason, "Say why the youth justice service is involved")
    return problems


def old_enough(problems: Problems, child: Any, *, on: date, field: str, what: str) -> None:
    age = child.age_on(on)
    if age is not None and age < AGE_OF_CRIMINAL_RESPONSIBILITY:
        add(
            problems,
            field,
            f"{child.full_name} was {age} on {long_date(on)}: no {what} can be recorded for a child under "
            f"{AGE_OF_CRIMINAL_RESPONSIBILITY}",
        )


def outcome_problems(
    involvement: Involvement, *, kind: str, outcome_on: date, offence: str, today: date, child: Any
) -> Problems:
    problems: Problems = {}
    within_involvement(
        problems, involvement, on=outcome_on, field="outcome_on", label="The outcome", today=today, child=child
    )
    if kind not in OutcomeKind.values:
        add(problems, "kind", "Choose the outcome")
    old_enough(problems, child, on=outcome_on, field="outcome_on", what="outcome")
    required(problems, "offence", offence, "Say what the offence was")
    return problems


def closing_problems(
    involvement: Involvement, *, closed_on: date, summary: str, today: date, open_custody: CustodyEpisode | None
) -> Problems:
    problems: Problems = {}
    if involvement.closed_on is not None:
        add(problems, "closed_on", f"The involvement already closed on {long_date(involvement.closed_on)}")
    if closed_on < involvement.opened_on:
        add(
            problems,
            "closed_on",
            f"The closing ({long_date(closed_on)}) is before the involvement opened "
            f"({long_date(involvement.opened_on)})",
        )
    if closed_on > today:
        add(problems, "closed_on", f"The closing ({long_date(closed_on)}) must be today or in the past")
    if open_custody is not None:
        add(
            problems,
            "closed_on",
            f"The child has been in custody at {open_custody.establishment} since "
            f"{long_date(open_custody.started_on)}: record them leaving first",
        )
    required(problems, "summary", summary, "Say why the involvement closed and what it achieved")
    return problems


def custody_problems(
    involvement: Involvement,
    *,
    kind: str,
    establishment: str,
    establishment_kind: str,
    started_on: date,
    today: date,
    child: Any,
    open_custody: CustodyEpisode | None,
    last_custody_ended_on: date | None,
    custodial_sentence_on: date | None,
) -> Problems:
    """``custodial_sentence_on``: the date of the latest detention and training order on or before ``started_on``."""
    problems: Problems = {}
    within_involvement(
        problems, involvement, on=started_on, field="started_on", label="The start", today=today, child=child
    )
    old_enough(problems, child, on=started_on, field="started_on", what="custody")
    if kind not in CustodyKind.values:
        add(problems, "kind", "Choose whether the child was remanded or sentenced")
    elif kind == CustodyKind.SENTENCE and custodial_sentence_on is None:
        add(
            problems,
            "kind",
            f"No detention and training order is recorded on or before {long_date(started_on)}: record the sentence "
            "first",
        )
    if establishment_kind not in EstablishmentKind.values:
        add(problems, "establishment_kind", "Choose the kind of establishment")
    required(problems, "establishment", establishment, "Enter the name of the establishment")
    if open_custody is not None:
        add(
            problems,
            "started_on",
            f"{child.full_name} has been in custody at {open_custody.establishment} since "
            f"{long_date(open_custody.started_on)}: record them leaving first",
        )
    elif last_custody_ended_on is not None and started_on < last_custody_ended_on:
        add(
            problems,
            "started_on",
            f"The start ({long_date(started_on)}) is before the last time in custody ended "
            f"({long_date(last_custody_ended_on)})",
        )
    return problems


def in_custody_problems(episode: CustodyEpisode, *, on: date, field: str, label: str, today: date) -> Problems:
    """``on`` falls while the child was in custody, and is not in the future."""
    problems: Problems = {}
    if on > today:
        add(problems, field, f"{label} ({long_date(on)}) must be today or in the past")
    if on < episode.started_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before the child went into custody ({long_date(episode.started_on)})",
        )
    if episode.ended_on is not None and on > episode.ended_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is after the child left custody ({long_date(episode.ended_on)})",
        )
    return problems


def release_problems(episode: CustodyEpisode, *, ended_on: date, reason: str, today: date) -> Problems:
    problems: Problems = {}
    if episode.ended_on is not None:
        add(problems, "ended_on", f"The child already left custody on {long_date(episode.ended_on)}")
    if ended_on > today:
        add(problems, "ended_on", f"The day the child left ({long_date(ended_on)}) must be today or in the past")
    if ended_on < episode.started_on:
        add(
            problems,
            "ended_on",
            f"The day the child left ({long_date(ended_on)}) is before they went into custody "
            f"({long_date(episode.started_on)})",
        )
    if reason not in CustodyEndReason.values:
        add(problems, "reason", "Choose why the child left custody")
    # A sentenced child's release is planned; a remand can end at court without notice.
    if episode.kind == CustodyKind.SENTENCE and not episode.release_plan:
        add(problems, "reason", "Agree the release plan before recording a release from a sentence")
    return problems
