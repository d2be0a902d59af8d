"""Missing episodes: one at a time, inside the period of care; the return starts the 72-hour interview clock and
the interview meets it, held or declined. Refusals name the dates and times and save nothing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import PeriodOfCare
from kith.missing.actions import record_return, record_return_home_interview, report_missing
from kith.missing.models import MissingEpisode, ReturnHomeInterview
from kith.missing.queries import AnnexAMissing, annex_a_missing, in_care_episodes
from kith.missing.rules import InterviewDetails, Police
from kith.missing.tests.conftest import at
from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

TOLD = Police(reported_at=at(date(2027, 7, 10), 23, 15), reference="CL-2027-0710-88")


def _report(child: Person, worker: StaffMember, started_at: datetime, **changes: Any) -> MissingEpisode:
    values: dict[str, Any] = {
        "kind": "M",
        "started_at": started_at,
        "circumstances": "Did not come home from the park; phone switched off",
        "police": Police(reported_at=started_at, reference="CL-1"),
    }
    return report_missing(child, **(values | changes), by=worker.user)


def _back(episode: MissingEpisode, worker: StaffMember, ended_at: datetime, **changes: Any) -> MissingEpisode:
    values: dict[str, Any] = {"ended_at": ended_at, "where_found": "At a friend's flat in Hartlepool"}
    return record_return(episode, **(values | changes), by=worker.user)


def _interview(**changes: Any) -> InterviewDetails:
    values: dict[str, Any] = {
        "offered_on": date(2027, 7, 12),
        "outcome": "accepted",
        "held_on": date(2027, 7, 13),
        "interviewer": "Jess Carter",
        "interviewer_organisation": "Barnardo's return interview service",
        "child_views": "Kai says older boys give him cannabis and ask him to carry parcels",
        "push_factors": "Arguments with the carers about his phone",
        "pull_factors": "Older friends in town who give him money",
        "risk_of_criminal_exploitation": True,
        "actions_agreed": "Referral to the MACE meeting on 20 July",
    }
    return InterviewDetails(**(values | changes))


def _clocks(child: Person) -> list[tuple[str, date, date, date | None]]:
    return list(
        Deadline.objects.filter(child=child, timescale_code="missing.return_home_interview").values_list(
            "timescale_code", "started_on", "due_on", "met_on"
        )
    )


@pytest.mark.requirement("R-124")
def test_a_child_in_care_missing_from_placement_is_a_903_row_and_the_return_starts_the_72_hour_clock(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    # when Kai goes missing from the Rowleys at 10:30pm, is reported, and is found on Sunday afternoon
    episode = _report(kai, worker, at(date(2027, 7, 10), 22, 30), police=TOLD)
    _back(episode, worker, at(date(2027, 7, 11), 15, 0), safe_and_well_check=True)
    # then the episode hangs on the period and placement, and the interview is due 3 days after the return
    episode.refresh_from_db()
    assert (episode.period, episode.placement.carer, episode.in_care, episode.safe_and_well_check) == (
        period,
        "Sam and Alex Rowley",
        True,
        True,
    )
    assert _clocks(kai) == [("missing.return_home_interview", date(2027, 7, 11), date(2027, 7, 14), None)]
    events = CaseEvent.objects.filter(children=kai, event_type__startswith="missing.").order_by("pk")
    assert list(events.values_list("summary", flat=True)) == [
        "Missing from 10 July 2027 at 10:30pm (placed with Sam and Alex Rowley); reported to the police "
        "(CL-2027-0710-88)",
        "Back at 11 July 2027 at 3pm, after being missing since 10 July 2027 at 10:30pm: "
        "At a friend's flat in Hartlepool",
    ]


@pytest.mark.requirement("R-124")
def test_the_interview_held_meets_the_clock_and_flags_the_exploitation_risk(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    episode = _back(_report(kai, worker, at(date(2027, 7, 10), 22, 30)), worker, at(date(2027, 7, 11), 15, 0))
    interview = record_return_home_interview(episode, details=_interview(), by=worker.user)
    assert _clocks(kai) == [("missing.return_home_interview", date(2027, 7, 11), date(2027, 7, 14), date(2027, 7, 13))]
    assert interview.exploitation_risks == ["child criminal exploitation"]
    assert CaseEvent.objects.get(event_type="missing.return_home_interview_recorded").summary == (
        "Return home interview by Jess Carter held on 13 July 2027; risk of child criminal exploitation"
    )


def test_a_declined_interview_meets_the_clock_on_the_day_it_was_offered(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    episode = _back(_report(kai, worker, at(date(2027, 7, 10), 22, 30)), worker, at(date(2027, 7, 11), 15, 0))
    record_return_home_interview(
        episode,
        details=_interview(
            outcome="declined", held_on=None, declined_reason="Kai did not want to talk to anyone", child_views=""
        ),
        by=worker.user,
    )
    assert _clocks(kai) == [("missing.return_home_interview", date(2027, 7, 11), date(2027, 7, 14), date(2027, 7, 12))]
    assert ReturnHomeInterview.objects.get().declined_reason == "Kai did not want to talk to anyone"


def test_a_child_away_from_placement_is_owed_no_interview(authority: Authority, period: PeriodOfCare) -> None:
    kai, worker = period.child, authority.social_worker
    episode = _report(
        kai,
        worker,
        at(date(2027, 8, 2), 21, 0),
        kind="A",
        police=Police(reported_at=None),
        circumstances="Stayed out at his grandmother's without permission; the carers know where he is",
    )
    _back(episode, worker, at(date(2027, 8, 3), 9, 0), where_found="Brought back by his grandmother")
    assert _clocks(kai) == []


@pytest.mark.requirement("R-128")
def test_a_second_open_episode_or_one_inside_another_is_refused(authority: Authority, period: PeriodOfCare) -> None:
    kai, worker = period.child, authority.social_worker
    first = _report(kai, worker, at(date(2027, 7, 10), 22, 30))
    with pytest.raises(RuleBroken) as still_open:
        _report(kai, worker, at(date(2027, 7, 12), 20, 0))
    _back(first, worker, at(date(2027, 7, 11), 15, 0))
    with pytest.raises(RuleBroken) as inside:
        _report(kai, worker, at(date(2027, 7, 11), 9, 0))
    assert still_open.value.problems["started_at"] == [
        "Kai Morgan is already recorded as missing since 10 July 2027 at 10:30pm: record their return first "
        "(903 rule 574)"
    ]
    assert inside.value.problems["started_at"] == [
        "This overlaps the episode from 10 July 2027 at 10:30pm to 11 July 2027 at 3pm"
    ]
    assert MissingEpisode.objects.count() == 1


def test_a_missing_child_is_reported_to_the_police_with_a_reference_or_the_reason_is_given(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    with pytest.raises(RuleBroken) as not_told:
        _report(kai, worker, at(date(2027, 7, 10), 22, 30), police=Police(reported_at=None))
    with pytest.raises(RuleBroken) as no_reference:
        _report(kai, worker, at(date(2027, 7, 10), 22, 30), police=Police(reported_at=at(date(2027, 7, 10), 22, 0)))
    assert not_told.value.problems == {"why_not_reported": ["Say when the police were told, or why they were not"]}
    assert no_reference.value.problems == {
        "reported_to_police_at": [
            "The police were told (10 July 2027 at 10pm) before the child went missing (10 July 2027 at 10:30pm)"
        ],
        "police_reference": ["Enter the reference the police gave"],
    }


@pytest.mark.requirement("R-124")
def test_a_child_open_to_social_care_but_not_in_care_can_be_missing_but_not_away_and_is_no_903_row(
    authority: Authority, period: PeriodOfCare
) -> None:
    # given Ava, Priya Shah's since 2 October 2027 and not looked after
    ava, worker = authority.own_child, authority.social_worker
    episode = _back(_report(ava, worker, at(date(2027, 10, 20), 17, 0)), worker, at(date(2027, 10, 21), 8, 0))
    with pytest.raises(RuleBroken) as away:
        _report(ava, worker, at(date(2027, 10, 25), 17, 0), kind="A")
    with pytest.raises(RuleBroken) as before_allocation:
        _report(ava, worker, at(date(2027, 9, 1), 17, 0))
    assert (episode.period, episode.placement, episode.in_care) == (None, None, False)
    assert away.value.problems["kind"] == [
        "Away from placement without authorisation is for a child in care; Ava Thompson was not looked after on "
        "25 October 2027: record them as missing"
    ]
    assert before_allocation.value.problems["started_at"] == [
        "Ava Thompson was neither looked after nor open to social care on 1 September 2027"
    ]
    assert list(in_care_episodes()) == []


def test_the_return_is_after_the_start_and_inside_the_period_of_care(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    episode = _report(kai, worker, at(date(2027, 7, 10), 22, 30))
    end_period_of_care(period, ended_on=date(2027, 7, 20), reason_ceased="E4A", by=worker.user)
    with pytest.raises(RuleBroken) as before:
        _back(episode, worker, at(date(2027, 7, 10), 21, 0))
    with pytest.raises(RuleBroken) as after_care:
        _back(episode, worker, at(date(2027, 7, 21), 9, 0))
    assert before.value.problems["ended_at"] == [
        "The return (10 July 2027 at 9pm) is before Kai Morgan went missing (10 July 2027 at 10:30pm)"
    ]
    assert after_care.value.problems["ended_at"] == [
        "The return (21 July 2027 at 9am) is after Kai Morgan stopped being looked after (20 July 2027): an episode "
        "that began in care ends by the day care ended"
    ]
    episode.refresh_from_db()
    assert episode.ended_at is None


@pytest.mark.requirement("R-126")
def test_the_interview_is_independent_of_the_social_worker_and_follows_the_return(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    episode = _report(kai, worker, at(date(2027, 7, 10), 22, 30))
    with pytest.raises(RuleBroken) as still_missing:
        record_return_home_interview(episode, details=_interview(), by=worker.user)
    _back(episode, worker, at(date(2027, 7, 11), 15, 0))
    with pytest.raises(RuleBroken) as refused:
        record_return_home_interview(
            episode,
            details=_interview(offered_on=date(2027, 7, 10), held_on=date(2027, 7, 9), interviewer="priya shah"),
            by=worker.user,
        )
    assert still_missing.value.problems == {"offered_on": ["Kai Morgan is still missing: record their return first"]}
    assert refused.value.problems == {
        "offered_on": ["The offer (10 July 2027) is before Kai Morgan came back (11 July 2027)"],
        "held_on": ["The interview (9 July 2027) is before it was offered (10 July 2027)"],
        "interviewer": [
            "The interview is independent of Kai Morgan's social worker: Priya Shah is their allocated worker"
        ],
    }
    assert (ReturnHomeInterview.objects.count(), _clocks(kai)[0][3]) == (0, None)


def test_a_declined_interview_needs_the_reason_and_an_accepted_one_the_childs_words(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    episode = _back(_report(kai, worker, at(date(2027, 7, 10), 22, 30)), worker, at(date(2027, 7, 11), 15, 0))
    with pytest.raises(RuleBroken) as declined:
        record_return_home_interview(
            episode, details=_interview(outcome="declined", held_on=None, declined_reason=" "), by=worker.user
        )
    with pytest.raises(RuleBroken) as accepted:
        record_return_home_interview(episode, details=_interview(held_on=None, child_views=""), by=worker.user)
    assert declined.value.problems == {"declined_reason": ["Say why the child declined the interview"]}
    assert accepted.value.problems == {
        "held_on": ["Enter the date the interview was held"],
        "child_views": ["Record what the child said, in their words where you can"],
    }


@pytest.mark.requirement("R-128")
def test_annex_a_counts_missing_and_away_in_the_last_12_months_and_the_last_interview(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    first = _back(_report(kai, worker, at(date(2027, 7, 10), 22, 30)), worker, at(date(2027, 7, 11), 15, 0))
    record_return_home_interview(first, details=_interview(), by=worker.user)
    away = _report(kai, worker, at(date(2027, 8, 2), 21, 0), kind="A", police=Police(reported_at=None))
    _back(away, worker, at(date(2027, 8, 3), 9, 0))
    last = _report(kai, worker, at(date(2027, 9, 5), 19, 0))
    _back(last, worker, at(date(2027, 9, 6), 8, 0))
    assert annex_a_missing(kai, on=date(2027, 11, 1)) == AnnexAMissing(
        missing=2, away=1, offered_return_interview=False, accepted_return_interview=False
    )
    assert [episode.kind for episode in in_care_episodes()] == ["M", "A", "M"]


def test_an_earlier_episode_recorded_late_must_end_before_the_next_began(
    authority: Authority, period: PeriodOfCare
) -> None:
    kai, worker = period.child, authority.social_worker
    _back(_report(kai, worker, at(date(2027, 9, 5), 19, 0)), worker, at(date(2027, 9, 6), 8, 0))
    late = _report(kai, worker, at(date(2027, 9, 1), 19, 0))
    with pytest.raises(RuleBroken) as refused:
        _back(late, worker, at(date(2027, 9, 5), 20, 0))
    assert refused.value.problems["ended_at"] == [
        "This overlaps the episode from 5 September 2027 at 7pm to 6 September 2027 at 8am"
    ]
