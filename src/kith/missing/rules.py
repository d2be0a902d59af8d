"""What makes a missing episode, a return and a return home interview acceptable: pure checks naming the
dates and times they compare. The 903 rules behind a check are named in brackets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from kith.missing.models import InterviewOutcome, MissingEpisode, ReturnHomeInterview
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import MissingKind

LONDON = ZoneInfo("Europe/London")


def local_date(moment: datetime) -> date:
    """The day ``moment`` fell on in London."""
    return moment.astimezone(LONDON).date()


def at_words(moment: datetime) -> str:
    """ "10 July 2027 at 10:30pm", in London time, in the GOV.UK style the pages use."""
    local = moment.astimezone(LONDON)
    hour, minute = local.hour, local.minute
    if (hour, minute) == (12, 0):
        clock_time = "midday"
    elif (hour, minute) == (0, 0):
        clock_time = "midnight"
    else:
        suffix = "am" if hour < 12 else "pm"
        clock_time = f"{hour % 12 or 12}{suffix}" if minute == 0 else f"{hour % 12 or 12}:{minute:02d}{suffix}"
    return f"{long_date(local.date())} at {clock_time}"


def _span(episode: MissingEpisode) -> str:
    if episode.ended_at is None:
        return f"since {at_words(episode.started_at)}"
    return f"from {at_words(episode.started_at)} to {at_words(episode.ended_at)}"


@dataclass(frozen=True)
class Police:
    """Whether and when the police were told, and the reference they gave."""

    reported_at: datetime | None
    reference: str = ""
    why_not_reported: str = ""


def start_problems(
    child: Any,
    *,
    kind: str,
    started_at: datetime,
    circumstances: str,
    police: Police,
    now: datetime,
    looked_after: Any,
    open_to_social_care: bool,
    others: Sequence[MissingEpisode],
) -> Problems:
    """A new episode: in the child's life, one at a time, never overlapping another (903 rules 574, 586).

    ``looked_after`` is the period of care the child was in when it started (None: not looked after);
    a child not looked after must be open to social care, and can only be missing, not away from placement.
    """
    name = child.full_name
    started_on = local_date(started_at)
    problems = dated_work_problems("started_at", "The start", started_on, child=child, today=local_date(now))
    if started_at > now and "started_at" not in problems:
        add(problems, "started_at", f"The start ({at_words(started_at)}) is in the future")
    if kind not in MissingKind.values:
        add(problems, "kind", "Choose whether the child was missing or away from placement without authorisation")
    if looked_after is None:
        if not open_to_social_care:
            add(
                problems,
                "started_at",
                f"{name} was neither looked after nor open to social care on {long_date(started_on)}",
            )
        elif kind == MissingKind.AWAY:
            add(
                problems,
                "kind",
                f"Away from placement without authorisation is for a child in care; {name} was not looked after "
                f"on {long_date(started_on)}: record them as missing",
            )
    required(problems, "circumstances", circumstances, "Say where the child was last seen and what happened")
    problems_of_police(problems, police, kind=kind, started_at=started_at, now=now)
    for other in others:
        if other.ended_at is None:
            add(
                problems,
                "started_at",
                f"{name} is already recorded as missing {_span(other)}: record their return first (903 rule 574)",
            )
        elif other.started_at <= started_at < other.ended_at:
            # An earlier episode recorded late is allowed; its return must then come before the next (return_problems).
            add(problems, "started_at", f"This overlaps the episode {_span(other)}")
    return problems


def problems_of_police(problems: Problems, police: Police, *, kind: str, started_at: datetime, now: datetime) -> None:
    if police.reported_at is None:
        # A child away from placement is where the carers know; a missing child is reported, or the reason given.
        if kind == MissingKind.MISSING:
            required(
                problems,
                "why_not_reported",
                police.why_not_reported,
                "Say when the police were told, or why they were not",
            )
        return
    if police.reported_at < started_at:
        add(
            problems,
            "reported_to_police_at",
            f"The police were told ({at_words(police.reported_at)}) before the child went missing "
            f"({at_words(started_at)})",
        )
    if police.reported_at > now:
        add(
            problems,
            "reported_to_police_at",
            f"The report to the police ({at_words(police.reported_at)}) is in the future",
        )
    required(problems, "police_reference", police.reference, "Enter the reference the police gave")


def return_problems(
    episode: MissingEpisode,
    *,
    ended_at: datetime,
    where_found: str,
    now: datetime,
    period_ended_on: date | None,
    later: Sequence[MissingEpisode],
) -> Problems:
    """The child came back: after they went, not in the future, inside the period of care the episode began in
    (903 rules 567, 577), and before any later episode."""
    problems: Problems = {}
    name = episode.child.full_name
    if episode.ended_at is not None:
        add(problems, "ended_at", f"{name}'s return was already recorded ({at_words(episode.ended_at)})")
        return problems
    if ended_at < episode.started_at:
        add(
            problems,
            "ended_at",
            f"The return ({at_words(ended_at)}) is before {name} went missing ({at_words(episode.started_at)})",
        )
    if ended_at > now:
        add(problems, "ended_at", f"The return ({at_words(ended_at)}) is in the future")
    if period_ended_on is not None and local_date(ended_at) > period_ended_on:
        add(
            problems,
            "ended_at",
            f"The return ({at_words(ended_at)}) is after {name} stopped being looked after "
            f"({long_date(period_ended_on)}): an episode that began in care ends by the day care ended",
        )
    for other in later:
        if other.started_at < ended_at:
            add(problems, "ended_at", f"This overlaps the episode {_span(other)}")
    required(problems, "where_found", where_found, "Say where the child was found or came back to")
    return problems


@dataclass(frozen=True)
class InterviewDetails:
    """A return home interview as the interviewer reports it."""

    offered_on: date | None
    outcome: str
    interviewer: str
    interviewer_organisation: str = ""
    held_on: date | None = None
    declined_reason: str = ""
    child_views: str = ""
    push_factors: str = ""
    pull_factors: str = ""
    risk_of_sexual_exploitation: bool = False
    risk_of_criminal_exploitation: bool = False
    risk_of_trafficking: bool = False
    actions_agreed: str = ""


def interview_problems(
    episode: MissingEpisode,
    details: InterviewDetails,
    *,
    today: date,
    social_worker: str | None,
    existing: ReturnHomeInterview | None,
) -> Problems:
    """Offered after the return, held on or after the offer when accepted, declined with the reason; by
    someone who is not the child's social worker (``social_worker``: their name, if allocated)."""
    problems: Problems = {}
    name = episode.child.full_name
    if episode.ended_at is None:
        add(problems, "offered_on", f"{name} is still missing: record their return first")
        return problems
    if existing is not None:
        add(
            problems,
            "offered_on",
            f"A return home interview was already recorded, offered on {long_date(existing.offered_on)}",
        )
        return problems
    returned_on = local_date(episode.ended_at)
    if details.offered_on is None:
        add(problems, "offered_on", "Enter the date the interview was offered")
    elif details.offered_on < returned_on:
        add(
            problems,
            "offered_on",
            f"The offer ({long_date(details.offered_on)}) is before {name} came back ({long_date(returned_on)})",
        )
    elif details.offered_on > today:
        add(problems, "offered_on", f"The offer ({long_date(details.offered_on)}) is in the future")
    if details.outcome == InterviewOutcome.ACCEPTED:
        _held_problems(problems, details, today=today)
    elif details.outcome == InterviewOutcome.DECLINED:
        required(problems, "declined_reason", details.declined_reason, "Say why the child declined the interview")
    else:
        add(problems, "outcome", "Choose whether the child accepted or declined the interview")
    required(problems, "interviewer", details.interviewer, "Enter who offered or held the interview")
    if social_worker and details.interviewer.strip().casefold() == social_worker.casefold():
        add(
            problems,
            "interviewer",
            f"The interview is independent of {name}'s social worker: {social_worker} is their allocated worker",
        )
    return problems


def _held_problems(problems: Problems, details: InterviewDetails, *, today: date) -> None:
    if details.held_on is None:
        add(problems, "held_on", "Enter the date the interview was held")
    elif details.offered_on is not None and details.held_on < details.offered_on:
        add(
            problems,
            "held_on",
            f"The interview ({long_date(details.held_on)}) is before it was offered ({long_date(details.offered_on)})",
        )
    elif details.held_on > today:
        add(problems, "held_on", f"The interview ({long_date(details.held_on)}) is in the future")
    required(problems, "child_views", details.child_views, "Record what the child said, in their words where you can")


def _after_the_return(
    problems: Problems, field: str, label: str, on: date, episode: MissingEpisode, today: date
) -> None:
    name = episode.child.full_name
    if episode.ended_at is None:
        add(problems, field, f"{name} is still missing: record their return first")
        return
    returned_on = local_date(episode.ended_at)
    if on < returned_on:
        add(problems, field, f"{label} ({long_date(on)}) is before {name} came back ({long_date(returned_on)})")
    if on > today:
        add(problems, field, f"{label} ({long_date(on)}) is in the future")


def safe_and_well_problems(episode: MissingEpisode, *, checked_on: date, officer: str, today: date) -> Problems:
    """After the return, once, by a named officer (R-127)."""
    problems: Problems = {}
    if episode.safe_and_well_on is not None:
        add(problems, "checked_on", f"The safe and well check on {long_date(episode.safe_and_well_on)} is recorded")
        return problems
    _after_the_return(problems, "checked_on", "The check", checked_on, episode, today)
    required(problems, "officer", officer, "Give the officer's name or number")
    return problems


def worker_meeting_problems(
    episode: MissingEpisode, *, met_on: date, child_views: str, already_on: date | None, today: date
) -> Problems:
    """After every episode, once, once the child is back (R-126)."""
    problems: Problems = {}
    if already_on is not None:
        add(problems, "met_on", f"The social worker's meeting on {long_date(already_on)} is recorded")
        return problems
    _after_the_return(problems, "met_on", "The meeting", met_on, episode, today)
    required(problems, "child_views", child_views, "Record what the child said, in their words where you can")
    return problems
