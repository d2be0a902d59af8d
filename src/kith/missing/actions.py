"""Reporting a child missing, recording their return, and the return home interview.

A child in care is recorded against the period of care and the placement they were in when the
episode started (the 903 missing table); a child open to social care but not looked after can
be recorded as missing too (Annex A, and the service's own analysis), never as "away from
placement". The return of a missing child starts the 72-hour return home interview clock; the
interview meets it whether the child takes it up or declines it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from kith.children_in_care.queries import period_of_care_on, placement_on
from kith.missing import events, queries, rules
from kith.missing.access import can_record_missing
from kith.missing.models import InterviewOutcome, MissingEpisode, ReturnHomeInterview, SocialWorkerMeeting
from kith.missing.rules import InterviewDetails, Police, at_words, local_date
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import MissingKind
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import meet_clock, start_clock

if TYPE_CHECKING:
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def report_missing(
    child: Person,
    *,
    kind: str,
    started_at: datetime,
    circumstances: str,
    police: Police,
    by: User,
) -> MissingEpisode:
    """The child went missing (or away from placement without authorisation) at ``started_at``."""
    require(can_record_missing(by, child))
    started_on = local_date(started_at)
    period = period_of_care_on(child, started_on)
    refuse_if(
        rules.start_problems(
            child,
            kind=kind,
            started_at=started_at,
            circumstances=circumstances,
            police=police,
            now=clock.now(),
            looked_after=period,
            open_to_social_care=queries.open_to_social_care_on(child, started_on),
            others=queries.other_episodes(child),
        )
    )
    reported = police.reported_at is not None
    episode = MissingEpisode.objects.create(
        child=child,
        period=period,
        placement=placement_on(period, started_on) if period is not None else None,
        kind=kind,
        started_at=started_at,
        circumstances=circumstances.strip(),
        reported_to_police_at=police.reported_at,
        police_reference=police.reference.strip() if reported else "",
        why_not_reported=police.why_not_reported.strip() if not reported else "",
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    told = f"reported to the police ({episode.police_reference})" if reported else "not reported to the police"
    where = f" (placed with {episode.placement.carer})" if episode.placement is not None else ""
    record_event(
        events.EPISODE_STARTED.code,
        children=[child],
        by=by,
        summary=f"{MissingKind(kind).label} from {at_words(started_at)}{where}; {told}",
        occurred_on=started_on,
        subject=episode,
    )
    return episode


@action
def record_return(
    episode: MissingEpisode,
    *,
    ended_at: datetime,
    where_found: str,
    safe_and_well_check: bool | None = None,
    by: User,
) -> MissingEpisode:
    """The child came back or was found at ``ended_at``; a missing child is owed a return home interview."""
    child = episode.child
    require(can_record_missing(by, child))
    refuse_if(
        rules.return_problems(
            episode,
            ended_at=ended_at,
            where_found=where_found,
            now=clock.now(),
            period_ended_on=queries.care_ended_on(episode),
            later=queries.later_episodes(episode),
        )
    )
    episode.ended_at = ended_at
    episode.where_found = where_found.strip()
    episode.safe_and_well_check = safe_and_well_check
    episode.save(update_fields=["ended_at", "where_found", "safe_and_well_check"])
    returned_on = local_date(ended_at)
    record_event(
        events.EPISODE_ENDED.code,
        children=[child],
        by=by,
        summary=f"Back at {at_words(ended_at)}, after being {MissingKind(episode.kind).label.lower()} since "
        f"{at_words(episode.started_at)}: {episode.where_found}",
        occurred_on=returned_on,
        subject=episode,
    )
    # The guidance's interview is for a child who was missing; being away from placement starts no clock.
    if episode.kind == MissingKind.MISSING:
        start_clock(queries.RETURN_HOME_INTERVIEW, child=child, subject=episode, started_on=returned_on)
    return episode


@action
def record_return_home_interview(
    episode: MissingEpisode, *, details: InterviewDetails, by: User
) -> ReturnHomeInterview:
    """The return home interview was offered and held, or declined: either meets the 72-hour clock."""
    child = episode.child
    require(can_record_missing(by, child))
    existing = ReturnHomeInterview.objects.filter(episode=episode).first()
    today = clock.today()
    returned_on = local_date(episode.ended_at) if episode.ended_at else today
    refuse_if(
        rules.interview_problems(
            episode,
            details,
            today=today,
            social_worker=queries.social_worker_on(child, returned_on),
            existing=existing,
        )
    )
    assert details.offered_on is not None  # checked above
    accepted = details.outcome == InterviewOutcome.ACCEPTED
    interview = ReturnHomeInterview.objects.create(
        episode=episode,
        child=child,
        offered_on=details.offered_on,
        outcome=details.outcome,
        held_on=details.held_on if accepted else None,
        declined_reason="" if accepted else details.declined_reason.strip(),
        interviewer=details.interviewer.strip(),
        interviewer_organisation=details.interviewer_organisation.strip(),
        child_views=details.child_views.strip(),
        push_factors=details.push_factors.strip(),
        pull_factors=details.pull_factors.strip(),
        risk_of_sexual_exploitation=details.risk_of_sexual_exploitation,
        risk_of_criminal_exploitation=details.risk_of_criminal_exploitation,
        risk_of_trafficking=details.risk_of_trafficking,
        actions_agreed=details.actions_agreed.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    done_on = interview.held_on if accepted and interview.held_on else interview.offered_on
    risks = interview.exploitation_risks
    flagged = f"; risk of {', '.join(risks)}" if risks else ""
    what = f"held on {long_date(done_on)}" if accepted else f"declined: {interview.declined_reason}"
    event = record_event(
        events.RETURN_HOME_INTERVIEW_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Return home interview by {interview.interviewer} {what}{flagged}",
        occurred_on=done_on,
        subject=interview,
    )
    meet_clock(queries.RETURN_HOME_INTERVIEW, subject=episode, met_on=done_on, event=event)
    return interview


@action
def record_safe_and_well_check(
    episode: MissingEpisode, *, checked_on: date, officer: str, notes: str = "", by: User
) -> MissingEpisode:
    """The police saw the child safe and well after their return: when, which officer, what they found (R-127)."""
    child = episode.child
    require(can_record_missing(by, child))
    refuse_if(rules.safe_and_well_problems(episode, checked_on=checked_on, officer=officer, today=clock.today()))
    episode.safe_and_well_check = True
    episode.safe_and_well_on = checked_on
    episode.safe_and_well_officer = officer.strip()
    episode.safe_and_well_notes = notes.strip()
    episode.save(
        update_fields=["safe_and_well_check", "safe_and_well_on", "safe_and_well_officer", "safe_and_well_notes"]
    )
    record_event(
        events.SAFE_AND_WELL_CHECK.code,
        children=[child],
        by=by,
        summary=f"Seen safe and well by {episode.safe_and_well_officer}"
        + (f": {episode.safe_and_well_notes}" if episode.safe_and_well_notes else ""),
        occurred_on=checked_on,
        subject=episode,
    )
    return episode


@action
def record_social_worker_meeting(
    episode: MissingEpisode, *, met_on: date, child_views: str, actions_agreed: str = "", by: User
) -> SocialWorkerMeeting:
    """The social worker (the one recording) met the child after the episode (R-126)."""
    child = episode.child
    require(can_record_missing(by, child))
    existing = SocialWorkerMeeting.objects.filter(episode=episode).first()
    refuse_if(
        rules.worker_meeting_problems(
            episode,
            met_on=met_on,
            child_views=child_views,
            already_on=existing.met_on if existing else None,
            today=clock.today(),
        )
    )
    staff = _staff(by)
    meeting = SocialWorkerMeeting.objects.create(
        episode=episode,
        child=child,
        met_on=met_on,
        worker=staff,
        child_views=child_views.strip(),
        actions_agreed=actions_agreed.strip(),
        recorded_by=staff,
        recorded_at=clock.now(),
    )
    after = "being missing" if episode.kind == MissingKind.MISSING else "being away from placement"
    record_event(
        events.SOCIAL_WORKER_MEETING.code,
        children=[child],
        by=by,
        summary=f"{staff.full_name} met {child.given_name} after {after}: {meeting.child_views}",
        occurred_on=met_on,
        subject=meeting,
    )
    return meeting
