"""The generator's follow-ups to a missing episode, written into the diary for days after the child's
return: recorded by the case's worker while the child is still theirs, and not at all once they may no
longer record on the child (the case closed in between)."""

from __future__ import annotations

from datetime import date, datetime
from typing import cast
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kith.missing.actions import record_return, report_missing
from kith.missing.models import MissingEpisode, ReturnHomeInterview, SocialWorkerMeeting
from kith.missing.rules import Police
from kith.synthetic.generator import missing
from kith.synthetic.generator.case import Case, Path
from kith.synthetic.generator.population import Household
from kith.synthetic.generator.world import World
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def _today_is_1_november_2027(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(datetime(2027, 11, 1, 10, 0, tzinfo=LONDON), tick=False)


def _returned(authority: Authority) -> MissingEpisode:
    """Ava, Priya Shah's and looked after since 1 February 2027, missing overnight on 10 July."""
    ava, priya = authority.own_child, authority.social_worker
    given_looked_after_child(ava, priya, on=date(2027, 2, 1))
    went = datetime(2027, 7, 10, 22, 0, tzinfo=LONDON)
    episode = report_missing(
        ava,
        kind="M",
        started_at=went,
        circumstances="Did not come back to the placement at the time agreed",
        police=Police(reported_at=went, reference="MP-1"),
        by=priya.user,
    )
    back = datetime(2027, 7, 11, 14, 0, tzinfo=LONDON)
    return record_return(episode, ended_at=back, where_found="At a friend's flat", by=priya.user)


def _case(authority: Authority, worker_name: str) -> Case:
    return Case(
        child=authority.own_child,
        household=cast(Household, None),
        path=Path(route="care"),
        worker=getattr(authority, worker_name),
    )


def test_the_meeting_is_recorded_by_the_worker_who_still_holds_the_child(authority: Authority) -> None:
    episode = _returned(authority)
    # when the meeting comes round in the diary, Priya still holding Ava
    missing._meeting(cast(World, None), _case(authority, "social_worker"), 0, episode)
    # then
    assert list(SocialWorkerMeeting.objects.filter(episode=episode).values_list("met_on", flat=True)) == [
        date(2027, 11, 1)
    ]


def test_neither_the_meeting_nor_the_interview_is_recorded_by_a_worker_who_no_longer_may(
    authority: Authority,
) -> None:
    episode = _returned(authority)
    # when the follow-ups come round with the case's worker one who may not record on Ava: Sam Okafor, of
    # another team, as a worker is once the case has closed
    case = _case(authority, "south_worker")
    missing._interview(cast(World, None), case, 0, episode)
    missing._meeting(cast(World, None), case, 0, episode)
    # then nothing is recorded, and nothing is refused
    assert SocialWorkerMeeting.objects.filter(episode=episode).count() == 0
    assert ReturnHomeInterview.objects.filter(episode=episode).count() == 0
