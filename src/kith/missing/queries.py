"""Reading a child's missing episodes: the open one, repeats in the last year, interviews still owed, and the
rows the 903 missing table and Annex A take."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from kith.children_in_care.models import PeriodOfCare
from kith.missing.models import InterviewOutcome, MissingEpisode
from kith.platform import clock
from kith.platform.reference.ssda903 import MissingKind
from kith.platform.timescales.models import OPEN, Deadline
from kith.workforce.models import Allocation

RETURN_HOME_INTERVIEW = "missing.return_home_interview"
LONDON = ZoneInfo("Europe/London")


def open_episode(child: Any) -> MissingEpisode | None:
    """The episode still running: the child has not come back yet."""
    return MissingEpisode.objects.filter(child=child, ended_at__isnull=True).first()


def episodes_of(child: Any) -> QuerySet[MissingEpisode]:
    """Every episode of the child, newest first, with its interview."""
    return (
        MissingEpisode.objects.filter(child=child)
        .select_related("return_interview", "placement", "social_worker_meeting")
        .order_by("-started_at", "-pk")
    )


def other_episodes(child: Any, *, leaving_out: MissingEpisode | None = None) -> list[MissingEpisode]:
    episodes = MissingEpisode.objects.filter(child=child)
    if leaving_out is not None:
        episodes = episodes.exclude(pk=leaving_out.pk)
    return list(episodes.select_related("child"))


def care_ended_on(episode: MissingEpisode) -> date | None:
    """The day the period of care the episode began in ended, read afresh (None: still looked after, or not in care)."""
    if episode.period_id is None:
        return None
    return PeriodOfCare.objects.filter(pk=episode.period_id).values_list("ended_on", flat=True).first()


def later_episodes(episode: MissingEpisode) -> list[MissingEpisode]:
    """The child's episodes that started after this one (the return must come before them)."""
    return list(
        MissingEpisode.objects.filter(child_id=episode.child_id, started_at__gt=episode.started_at).exclude(
            pk=episode.pk
        )
    )


def _year_before(day: date) -> datetime:
    """The first moment counted in "the last 12 months" up to ``day``: the day after the same date a year before."""
    try:
        start = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        start = day.replace(year=day.year - 1, day=28)
    return datetime.combine(start + timedelta(days=1), time(), tzinfo=LONDON)


def episodes_in_last_12_months(child: Any, *, on: date) -> QuerySet[MissingEpisode]:
    """Episodes that started in the 12 months up to ``on`` (repeat episodes, R-128)."""
    end = datetime.combine(on + timedelta(days=1), time(), tzinfo=LONDON)
    return MissingEpisode.objects.filter(child=child, started_at__gte=_year_before(on), started_at__lt=end)


def interviews_owed(child: Any) -> QuerySet[Deadline]:
    """The return home interview clocks still open for the child, soonest first."""
    return Deadline.objects.filter(OPEN, timescale_code=RETURN_HOME_INTERVIEW, child=child).order_by("due_on", "pk")


def social_worker_on(child: Any, day: date) -> str | None:
    """The name of the child's allocated worker on ``day``, if one was named."""
    allocation = (
        Allocation.objects.filter(child=child, started_on__lte=day, worker__isnull=False)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .select_related("worker")
        .order_by("-started_on")
        .first()
    )
    return allocation.worker.full_name if allocation and allocation.worker else None


def open_to_social_care_on(child: Any, day: date) -> bool:
    """Whether a team held the child's case on ``day``."""
    return (
        Allocation.objects.filter(child=child, started_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .exists()
    )


def in_care_episodes() -> QuerySet[MissingEpisode]:
    """The episodes the 903 missing table takes: those of children looked after when they started."""
    return MissingEpisode.objects.filter(period__isnull=False).select_related("child").order_by("child", "started_at")


@dataclass(frozen=True)
class AnnexAMissing:
    """Annex A list 8's missing columns for one child."""

    missing: int
    away: int
    offered_return_interview: bool | None
    accepted_return_interview: bool | None


def annex_a_missing(child: Any, *, on: date) -> AnnexAMissing:
    """Episodes missing and away in the 12 months to ``on``, and the interview after the last missing one."""
    recent = list(episodes_in_last_12_months(child, on=on).select_related("return_interview"))
    missing = [episode for episode in recent if episode.kind == MissingKind.MISSING]
    last = max(missing, key=lambda episode: episode.started_at, default=None)
    interview = getattr(last, "return_interview", None) if last is not None else None
    return AnnexAMissing(
        missing=len(missing),
        away=len(recent) - len(missing),
        offered_return_interview=None if last is None else interview is not None,
        accepted_return_interview=None
        if last is None
        else interview is not None and interview.outcome == InterviewOutcome.ACCEPTED,
    )


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows: the open episode, how many in the last 12 months, interviews owed."""
    today = clock.today()
    recent = list(episodes_of(child)[:3])
    return {
        "open_episode": open_episode(child),
        "in_last_12_months": episodes_in_last_12_months(child, on=today).count(),
        "interviews_owed": list(interviews_owed(child)),
        "recent": recent,
        # Every episode is followed by the social worker seeing the child: read from the recent
        # episodes already fetched with their meetings, so the panel costs no more queries.
        "meetings_owed": [
            episode
            for episode in recent
            if episode.ended_at is not None and not hasattr(episode, "social_worker_meeting")
        ],
        "today": today,
    }
