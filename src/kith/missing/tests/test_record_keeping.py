"""After every episode: the police safe and well check (R-127) and the social worker's own meeting with the child
(R-126), recorded once, after the return, in the chronology and on the episode's page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.missing.actions import record_safe_and_well_check, record_social_worker_meeting
from kith.missing.models import MissingEpisode, SocialWorkerMeeting
from kith.missing.queries import record_summary
from kith.missing.tests.conftest import at
from kith.missing.tests.test_actions import _back, _report
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _refusal(doing: Callable[[], Any]) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        doing()
    return refused.value.problems


def _returned(period: PeriodOfCare, authority: Authority) -> MissingEpisode:
    episode = _report(period.child, authority.social_worker, at(date(2027, 7, 10), 22))
    return _back(episode, authority.social_worker, at(date(2027, 7, 11), 14))


@pytest.mark.requirement("R-127")
def test_the_police_safe_and_well_check_is_recorded_after_the_return_once(
    authority: Authority, period: PeriodOfCare
) -> None:
    episode = _report(period.child, authority.social_worker, at(date(2027, 7, 10), 22))
    still_missing = _refusal(
        lambda: record_safe_and_well_check(
            episode, checked_on=date(2027, 7, 11), officer="PC 2217", by=authority.social_worker.user
        )
    )
    _back(episode, authority.social_worker, at(date(2027, 7, 11), 14))
    too_early = _refusal(
        lambda: record_safe_and_well_check(
            episode, checked_on=date(2027, 7, 10), officer="", by=authority.social_worker.user
        )
    )
    record_safe_and_well_check(
        episode,
        checked_on=date(2027, 7, 11),
        officer="PC 2217 Amy Shaw",
        notes="Tired but unhurt",
        by=authority.social_worker.user,
    )
    twice = _refusal(
        lambda: record_safe_and_well_check(
            episode, checked_on=date(2027, 7, 12), officer="PC 1", by=authority.social_worker.user
        )
    )
    episode.refresh_from_db()
    assert still_missing == {"checked_on": ["Kai Morgan is still missing: record their return first"]}
    assert too_early == {
        "checked_on": ["The check (10 July 2027) is before Kai Morgan came back (11 July 2027)"],
        "officer": ["Give the officer's name or number"],
    }
    assert twice == {"checked_on": ["The safe and well check on 11 July 2027 is recorded"]}
    assert (episode.safe_and_well_check, episode.safe_and_well_on, episode.safe_and_well_officer) == (
        True,
        date(2027, 7, 11),
        "PC 2217 Amy Shaw",
    )
    assert list(
        CaseEvent.objects.filter(event_type="missing.safe_and_well_check_recorded").values_list(
            "occurred_on", "summary"
        )
    ) == [(date(2027, 7, 11), "Seen safe and well by PC 2217 Amy Shaw: Tired but unhurt")]


@pytest.mark.requirement("R-126")
def test_the_social_worker_meets_the_child_after_every_episode(authority: Authority, period: PeriodOfCare) -> None:
    episode = _returned(period, authority)
    assert record_summary(period.child)["meetings_owed"] == [episode]
    no_views = _refusal(
        lambda: record_social_worker_meeting(
            episode, met_on=date(2027, 7, 12), child_views=" ", by=authority.social_worker.user
        )
    )
    meeting = record_social_worker_meeting(
        episode,
        met_on=date(2027, 7, 12),
        child_views="Kai wants a later curfew",
        actions_agreed="Curfew ten at weekends",
        by=authority.social_worker.user,
    )
    twice = _refusal(
        lambda: record_social_worker_meeting(
            episode, met_on=date(2027, 7, 13), child_views="Again", by=authority.social_worker.user
        )
    )
    assert no_views == {"child_views": ["Record what the child said, in their words where you can"]}
    assert twice == {"met_on": ["The social worker's meeting on 12 July 2027 is recorded"]}
    assert (meeting.worker, meeting.actions_agreed) == (authority.social_worker, "Curfew ten at weekends")
    assert record_summary(period.child)["meetings_owed"] == []
    event = CaseEvent.objects.get(event_type="missing.social_worker_meeting_recorded")
    assert (event.occurred_on, event.summary, event.significance) == (
        date(2027, 7, 12),
        "Priya Shah met Kai after being missing: Kai wants a later curfew",
        "key",
    )
    with pytest.raises(NotAllowed):
        record_social_worker_meeting(episode, met_on=date(2027, 7, 12), child_views="x", by=authority.south_worker.user)
    assert SocialWorkerMeeting.objects.count() == 1


@pytest.mark.requirement("R-126")
@pytest.mark.requirement("R-127")
def test_the_episode_page_records_both_and_shows_them(
    authority: Authority, sign_in: SignIn, period: PeriodOfCare
) -> None:
    episode = _returned(period, authority)
    client = sign_in(authority.social_worker)
    page = reverse("missing:episode", args=[episode.pk])
    bad = client.post(
        reverse("missing:worker_meeting", args=[episode.pk]),
        {**date_fields("met_on", date(2027, 7, 12)), "actions_agreed": "Curfew"},
    )
    meeting = client.post(
        reverse("missing:worker_meeting", args=[episode.pk]),
        {**date_fields("met_on", date(2027, 7, 12)), "child_views": "Kai wants a later curfew"},
    )
    check = client.post(
        reverse("missing:safe_and_well", args=[episode.pk]),
        {**date_fields("checked_on", date(2027, 7, 11)), "officer": "PC 2217 Amy Shaw"},
    )
    details = summary_list(client.get(page).content.decode(), "episode-details")
    assert "Record what the child said, in their words where you can" in bad.content.decode()
    assert "Curfew</textarea>" in bad.content.decode()
    assert [(r.status_code, r["Location"]) for r in (meeting, check)] == [(302, page), (302, page)]
    assert details["Police safe and well check"] == "11 July 2027 by PC 2217 Amy Shaw"
    assert details["Social worker's meeting with the child"] == "12 July 2027 by Priya Shah: Kai wants a later curfew"
