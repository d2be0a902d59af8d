"""Scenario verbs for missing episodes and return home interviews.

The step's date and time is when the child went missing (``report_missing``) or came back
(``record_return``), unless ``started_at`` or ``ended_at`` says otherwise.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kith.missing.actions import (
    record_return,
    record_return_home_interview,
    record_safe_and_well_check,
    record_social_worker_meeting,
    report_missing,
)
from kith.missing.models import MissingEpisode, ReturnHomeInterview, SocialWorkerMeeting
from kith.missing.rules import LONDON, InterviewDetails, Police
from kith.people.models import Person
from kith.platform import clock
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _moment(raw: Any, name: str) -> datetime:
    """A date and time given in a step (``2027-07-10 22:30``), in London; absent: the step's own moment."""
    if raw is None:
        return clock.now()
    if isinstance(raw, datetime):
        return raw if raw.tzinfo else raw.replace(tzinfo=LONDON)
    try:
        moment = datetime.fromisoformat(str(raw))
    except ValueError as problem:
        raise ScenarioError(f"`{name}` must be a date and time like 2027-07-10 22:30") from problem
    return moment if moment.tzinfo else moment.replace(tzinfo=LONDON)


def _episode(replay: Replay, step: Step) -> MissingEpisode:
    episode = replay.record(step["episode"])
    if not isinstance(episode, MissingEpisode):
        raise ScenarioError(f"{step['episode']!r} is not a missing episode")
    return episode


@verb("report_missing")
def _report_missing(replay: Replay, step: Step, by: StaffMember, on: date) -> MissingEpisode:
    values = step.get("with", {})
    child: Person = replay.person(step["child"])
    reported = values.get("reported_to_police_at")
    return report_missing(
        child,
        kind=str(values.get("kind", "M")),
        started_at=_moment(values.get("started_at"), "started_at"),
        circumstances=str(values.get("circumstances", "")),
        police=Police(
            reported_at=_moment(reported, "reported_to_police_at") if reported else None,
            reference=str(values.get("police_reference", "")),
            why_not_reported=str(values.get("why_not_reported", "")),
        ),
        by=by.user,
    )


@verb("record_return")
def _record_return(replay: Replay, step: Step, by: StaffMember, on: date) -> MissingEpisode:
    values = step.get("with", {})
    check = values.get("safe_and_well_check")
    return record_return(
        _episode(replay, step),
        ended_at=_moment(values.get("ended_at"), "ended_at"),
        where_found=str(values.get("where_found", "")),
        safe_and_well_check=None if check is None else bool(check),
        by=by.user,
    )


@verb("record_return_home_interview")
def _record_return_home_interview(replay: Replay, step: Step, by: StaffMember, on: date) -> ReturnHomeInterview:
    """Offered on ``offered_on`` (the step's date by default); held on the step's date when ``accepted``."""
    values = step.get("with", {})
    accepted = values.get("outcome", "accepted") == "accepted"
    offered = values.get("offered_on")
    return record_return_home_interview(
        _episode(replay, step),
        details=InterviewDetails(
            offered_on=as_date(offered, "offered_on") if offered else on,
            outcome=str(values.get("outcome", "accepted")),
            interviewer=str(values.get("interviewer", "")),
            interviewer_organisation=str(values.get("interviewer_organisation", "")),
            held_on=on if accepted else None,
            declined_reason=str(values.get("declined_reason", "")),
            child_views=str(values.get("child_views", "")),
            push_factors=str(values.get("push_factors", "")),
            pull_factors=str(values.get("pull_factors", "")),
            risk_of_sexual_exploitation=bool(values.get("risk_of_sexual_exploitation", False)),
            risk_of_criminal_exploitation=bool(values.get("risk_of_criminal_exploitation", False)),
            risk_of_trafficking=bool(values.get("risk_of_trafficking", False)),
            actions_agreed=str(values.get("actions_agreed", "")),
        ),
        by=by.user,
    )


@verb("record_safe_and_well_check")
def _record_safe_and_well_check(replay: Replay, step: Step, by: StaffMember, on: date) -> MissingEpisode:
    values = step.get("with", {})
    return record_safe_and_well_check(
        _episode(replay, step),
        checked_on=on,
        officer=str(values.get("officer", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_social_worker_meeting")
def _record_social_worker_meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> SocialWorkerMeeting:
    """The member of staff doing the step is the social worker who met the child."""
    values = step.get("with", {})
    return record_social_worker_meeting(
        _episode(replay, step),
        met_on=on,
        child_views=str(values.get("child_views", "")),
        actions_agreed=str(values.get("actions_agreed", "")),
        by=by.user,
    )
