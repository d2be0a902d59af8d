"""Missing episodes of children in care: going missing, coming back, the police's safe and well check,
the return home interview within 72 hours, and the social worker's meeting.

About one looked-after child in ten goes missing in a year, nearly all of them teenagers, and those
who do go missing several times (SSDA903: about 12% of looked-after children had a missing incident,
with about six each). Most come back within a day; the police check most on return; most return
home interviews are offered within 72 hours and about four in five are accepted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kith.missing.access import can_record_missing
from kith.missing.actions import (
    record_return,
    record_return_home_interview,
    record_social_worker_meeting,
    report_missing,
)
from kith.missing.models import MissingEpisode
from kith.missing.rules import InterviewDetails, Police
from kith.platform import clock
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import LONDON, World, at

WHERE_FOUND = (
    "Came back to the placement by themselves late at night",
    "Found by the police at a friend's house",
    "Found by the police in the town centre with older young people",
    "Returned to the placement by a parent in the morning",
)
PUSH = ("Rows with the carers about coming home on time", "Missing family and friends", "Bored at the placement")
PULL = (
    "Seeing friends from the old neighbourhood",
    "Money and gifts from older young people",
    "A boyfriend or girlfriend",
)


def plan_for(world: World, case: Case, stage: int, *, age: int) -> None:
    """At entry to care: whether this child will go missing while looked after, and when first."""
    if age < 11 or not world.chance(0.25 if age >= 14 else 0.08):
        return
    case.notes["missing"] = 0
    _next(world, case, stage)


def _next(world: World, case: Case, stage: int) -> None:
    day = clock.today() + timedelta(days=world.between(14, 90))
    world.on(day, at(world.between(21, 23), world.pick((0, 15, 30, 45))), _goes_missing, case, stage)


def _goes_missing(world: World, case: Case, stage: int) -> None:
    if stage != case.stage or case.period is None or case.period.ended_on is not None:
        return
    leaves_on = case.notes.get("leaves_on")
    if leaves_on is not None and (leaves_on - clock.today()).days < 4:
        return  # not in the last days of care: the episode would outlast it
    assert case.worker is not None
    now = clock.now()
    started_at = now - timedelta(minutes=world.between(60, 150))
    episode = report_missing(
        case.child,
        kind="M",
        started_at=started_at,
        circumstances="Did not come back to the placement at the time agreed and did not answer the phone",
        police=Police(reported_at=now, reference=f"MP-{now:%Y%m%d}-{world.between(1000, 9999)}"),
        by=case.worker.user,
    )
    case.notes["missing"] += 1
    gone_for = timedelta(hours=world.between(3, 40))
    back = (started_at + gone_for).astimezone(LONDON)
    # Recorded half an hour after the child is back, which may be past midnight.
    recorded = back + timedelta(minutes=30)
    world.on(recorded.date(), at(recorded.hour, recorded.minute), _comes_back, case, stage, episode, back)


def _comes_back(world: World, case: Case, stage: int, episode: MissingEpisode, back: datetime) -> None:
    # Whatever else has happened since, the child's return is recorded: an episode is never left open.
    assert case.worker is not None
    checked = world.chance(0.85)
    found = record_return(
        episode,
        ended_at=back,
        where_found=world.pick(WHERE_FOUND),
        safe_and_well_check=checked,
        by=case.worker.user,
    )
    # The interview within 72 hours for most; some late.
    days = world.between(1, 3) if world.chance(0.85) else world.between(4, 8)
    world.on(back.date() + timedelta(days=days), at(16, 0), _interview, case, stage, found)
    world.on(back.date() + timedelta(days=world.between(1, 7)), at(17, 0), _meeting, case, stage, found)
    if stage == case.stage and case.notes["missing"] < 12:
        _next(world, case, stage)


def _still_theirs(case: Case) -> bool:
    """Whether the case's worker may still record on the child: days after the return, the case may
    have closed (the child gone home, or 18), and then nobody records the follow-up."""
    assert case.worker is not None
    return can_record_missing(case.worker.user, case.child)


def _interview(world: World, case: Case, stage: int, episode: MissingEpisode) -> None:
    if not _still_theirs(case):
        return
    assert case.worker is not None
    assert episode.ended_at is not None
    today = clock.today()
    returned_on = episode.ended_at.astimezone(LONDON).date()
    accepted = world.chance(0.8)
    record_return_home_interview(
        episode,
        details=InterviewDetails(
            offered_on=max(returned_on, today - timedelta(days=1)),
            outcome="accepted" if accepted else "declined",
            interviewer=f"{world.fake.first_name()} {world.fake.last_name()}",
            interviewer_organisation="Return interview service",
            held_on=today if accepted else None,
            declined_reason="" if accepted else "Did not want to talk about it",
            child_views="Wanted time away from the placement" if accepted else "",
            push_factors=world.pick(PUSH) if accepted else "",
            pull_factors=world.pick(PULL) if accepted else "",
            risk_of_criminal_exploitation=accepted and world.chance(0.2),
            risk_of_sexual_exploitation=accepted and world.chance(0.1),
            actions_agreed="Share what was learned with the carers and the police" if accepted else "",
        ),
        by=case.worker.user,
    )


def _meeting(world: World, case: Case, stage: int, episode: MissingEpisode) -> None:
    if not _still_theirs(case):
        return
    assert case.worker is not None
    record_social_worker_meeting(
        episode,
        met_on=clock.today(),
        child_views="Says they are fine and wanted to see friends",
        actions_agreed="Agreed a later curfew at weekends with the carers",
        by=case.worker.user,
    )
