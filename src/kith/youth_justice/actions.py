"""Opening and closing the youth justice involvement, recording outcomes, custody and joint supervision.

Every record is about a child (the child's workers record what the YJS tells them). An outcome's
kind decides whether it counts for the 903 OC2 CONVICTED flag; nothing else is keyed for it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.youth_justice import events, queries, rules
from kith.youth_justice.access import can_record_youth_justice
from kith.youth_justice.models import (
    CustodyEndReason,
    CustodyEpisode,
    CustodyKind,
    CustodyVisit,
    EstablishmentKind,
    Involvement,
    JointSupervision,
    Outcome,
    OutcomeKind,
)

if TYPE_CHECKING:
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def open_youth_justice_involvement(
    child: Person, *, opened_on: date, yos_worker: str, yos_team: str, reason: str, by: User
) -> Involvement:
    """The youth justice service opened a case with the child on ``opened_on``."""
    require(can_record_youth_justice(by, child))
    refuse_if(
        rules.opening_problems(
            child,
            opened_on=opened_on,
            yos_worker=yos_worker,
            yos_team=yos_team,
            reason=reason,
            today=clock.today(),
            open_involvement=queries.open_involvement(child),
            last_closed_on=queries.last_closed_on(child),
        )
    )
    involvement = Involvement.objects.create(
        child=child,
        opened_on=opened_on,
        yos_worker=yos_worker.strip(),
        yos_team=yos_team.strip(),
        reason=reason.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.INVOLVEMENT_OPENED.code,
        children=[child],
        by=by,
        summary=f"Youth justice involvement opened: {involvement.yos_worker}, {involvement.yos_team}. "
        f"{involvement.reason}",
        occurred_on=opened_on,
        subject=involvement,
    )
    return involvement


@action
def record_youth_justice_outcome(
    involvement: Involvement, *, kind: str, outcome_on: date, offence: str, details: str = "", by: User
) -> Outcome:
    """The police or the court decided ``kind`` on ``outcome_on`` for ``offence``."""
    child = involvement.child
    require(can_record_youth_justice(by, child))
    refuse_if(
        rules.outcome_problems(
            involvement, kind=kind, outcome_on=outcome_on, offence=offence, today=clock.today(), child=child
        )
    )
    outcome = Outcome.objects.create(
        involvement=involvement,
        child=child,
        kind=kind,
        outcome_on=outcome_on,
        offence=offence.strip(),
        details=details.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    counts = "counts as a conviction or caution for the 903" if outcome.counts_for_903 else "not a conviction"
    record_event(
        events.OUTCOME_RECORDED.code,
        children=[child],
        by=by,
        summary=f"{OutcomeKind(kind).label} for {outcome.offence} ({counts})",
        occurred_on=outcome_on,
        subject=outcome,
    )
    return outcome


@action
def close_youth_justice_involvement(
    involvement: Involvement, *, closed_on: date, summary: str, by: User
) -> Involvement:
    """The youth justice service closed its case on ``closed_on``."""
    child = involvement.child
    require(can_record_youth_justice(by, child))
    refuse_if(
        rules.closing_problems(
            involvement,
            closed_on=closed_on,
            summary=summary,
            today=clock.today(),
            open_custody=queries.open_custody(child),
        )
    )
    involvement.closed_on = closed_on
    involvement.closing_summary = summary.strip()
    involvement.save(update_fields=["closed_on", "closing_summary"])
    record_event(
        events.INVOLVEMENT_CLOSED.code,
        children=[child],
        by=by,
        summary=f"Youth justice involvement closed after {(closed_on - involvement.opened_on).days} days: "
        f"{involvement.closing_summary}",
        occurred_on=closed_on,
        subject=involvement,
    )
    return involvement


@action
def start_custody(
    involvement: Involvement,
    *,
    kind: str,
    establishment: str,
    establishment_kind: str,
    started_on: date,
    education: str = "",
    by: User,
) -> CustodyEpisode:
    """The child was remanded to youth detention accommodation, or began a custodial sentence, on ``started_on``.

    A remand makes the child looked after (903 legal status J1): that is recorded in children_in_care.
    """
    child = involvement.child
    require(can_record_youth_justice(by, child))
    refuse_if(
        rules.custody_problems(
            involvement,
            kind=kind,
            establishment=establishment,
            establishment_kind=establishment_kind,
            started_on=started_on,
            today=clock.today(),
            child=child,
            open_custody=queries.open_custody(child),
            last_custody_ended_on=queries.last_custody_ended_on(child),
            custodial_sentence_on=queries.custodial_sentence_on(child, on_or_before=started_on),
        )
    )
    episode = CustodyEpisode.objects.create(
        involvement=involvement,
        child=child,
        kind=kind,
        establishment=establishment.strip(),
        establishment_kind=establishment_kind,
        started_on=started_on,
        education=education.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.CUSTODY_STARTED.code,
        children=[child],
        by=by,
        summary=f"{CustodyKind(kind).label}: {episode.establishment} "
        f"({EstablishmentKind(establishment_kind).label.lower()})",
        occurred_on=started_on,
        subject=episode,
    )
    return episode


@action
def record_custody_visit(
    episode: CustodyEpisode, *, visited_on: date, child_seen_alone: bool, notes: str, by: User
) -> CustodyVisit:
    """The social worker visited the child in custody on ``visited_on``."""
    child = episode.child
    require(can_record_youth_justice(by, child))
    problems = rules.in_custody_problems(
        episode, on=visited_on, field="visited_on", label="The visit", today=clock.today()
    )
    rules.required(problems, "notes", notes, "Say what the child said and how they are")
    refuse_if(problems)
    visitor = _staff(by)
    visit = CustodyVisit.objects.create(
        episode=episode,
        child=child,
        visited_on=visited_on,
        visitor=visitor,
        child_seen_alone=child_seen_alone,
        notes=notes.strip(),
        recorded_at=clock.now(),
    )
    record_event(
        events.CUSTODY_VISITED.code,
        children=[child],
        by=by,
        summary=f"{visitor.full_name} visited at {episode.establishment}"
        f"{', seen alone' if child_seen_alone else ', not seen alone'}",
        occurred_on=visited_on,
        subject=visit,
    )
    return visit


@action
def agree_release_plan(
    episode: CustodyEpisode, *, agreed_on: date, plan: str, accommodation_on_release: str, by: User
) -> CustodyEpisode:
    """The plan for the child's release: where they will live, their education, who meets them."""
    child = episode.child
    require(can_record_youth_justice(by, child))
    problems = rules.in_custody_problems(
        episode, on=agreed_on, field="agreed_on", label="The plan", today=clock.today()
    )
    if episode.ended_on is not None:
        rules.add(problems, "agreed_on", f"The child left custody on {long_date(episode.ended_on)}")
    rules.required(problems, "plan", plan, "Say what the release plan is")
    rules.required(
        problems, "accommodation_on_release", accommodation_on_release, "Say where the child will live on release"
    )
    refuse_if(problems)
    episode.release_plan = plan.strip()
    episode.release_plan_agreed_on = agreed_on
    episode.accommodation_on_release = accommodation_on_release.strip()
    episode.save(update_fields=["release_plan", "release_plan_agreed_on", "accommodation_on_release"])
    record_event(
        events.RELEASE_PLAN_AGREED.code,
        children=[child],
        by=by,
        summary=f"Release plan from {episode.establishment}: to live at {episode.accommodation_on_release}",
        occurred_on=agreed_on,
        subject=episode,
    )
    return episode


@action
def end_custody(episode: CustodyEpisode, *, ended_on: date, reason: str, by: User) -> CustodyEpisode:
    """The child left custody on ``ended_on``."""
    child = episode.child
    require(can_record_youth_justice(by, child))
    refuse_if(rules.release_problems(episode, ended_on=ended_on, reason=reason, today=clock.today()))
    episode.ended_on = ended_on
    episode.end_reason = reason
    episode.save(update_fields=["ended_on", "end_reason"])
    days = (ended_on - episode.started_on).days
    record_event(
        events.CUSTODY_ENDED.code,
        children=[child],
        by=by,
        summary=f"Left {episode.establishment} after {days} day{'s' if days != 1 else ''}: "
        f"{CustodyEndReason(reason).label.lower()}",
        occurred_on=ended_on,
        subject=episode,
    )
    return episode


@action
def record_joint_supervision(
    involvement: Involvement, *, held_on: date, attendees: str, discussion: str, decisions: str, by: User
) -> JointSupervision:
    """The YJS and social care reviewed the child's case together on ``held_on``."""
    child = involvement.child
    require(can_record_youth_justice(by, child))
    problems: rules.Problems = {}
    rules.within_involvement(
        problems, involvement, on=held_on, field="held_on", label="The supervision", today=clock.today(), child=child
    )
    rules.required(problems, "attendees", attendees, "Say who took part, from the YJS and from social care")
    rules.required(problems, "discussion", discussion, "Say what was discussed")
    rules.required(problems, "decisions", decisions, "Record the decisions, with who will do what")
    refuse_if(problems)
    supervision = JointSupervision.objects.create(
        involvement=involvement,
        child=child,
        held_on=held_on,
        attendees=attendees.strip(),
        discussion=discussion.strip(),
        decisions=decisions.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.JOINT_SUPERVISION_HELD.code,
        children=[child],
        by=by,
        summary=f"Joint YJS and social care supervision ({supervision.attendees}): {supervision.decisions}",
        occurred_on=held_on,
        subject=supervision,
    )
    return supervision
