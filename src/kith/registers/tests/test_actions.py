"""Private fostering and the education registers, recorded through the actions: rows, clocks, chronology."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.people.actions import PersonDetails, add_person
from kith.people.models import Person
from kith.platform import clock
from kith.platform.calendar import add_working_days
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.registers import actions
from kith.registers.models import (
    ArrangementEndReason,
    AssessmentOutcome,
    CheckKind,
    CheckOutcome,
    PrivateFosteringArrangement,
    PrivateFosteringVisit,
    RegisterCheck,
    RegisterCheckKind,
    RegisterEntry,
    RegisterKind,
    RemovalReason,
)
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


def _adult(authority: Authority, given: str, family: str) -> Person:
    details = PersonDetails(kind="adult", given_name=given, family_name=family, date_of_birth=date(1980, 5, 17))
    return add_person(details, by=authority.social_worker.user)


def _notified(
    authority: Authority, *, days_ago: int = 60, started_days_ago: int = 70, carer: Person | None = None
) -> PrivateFosteringArrangement:
    return actions.notify_private_fostering(
        authority.own_child,
        carer=carer or _adult(authority, "Jean", "Morley"),
        parents=[] if carer else [_adult(authority, "Kerry", "Thompson")],
        notified_on=_days_ago(days_ago),
        notified_by="Ava's school",
        started_on=_days_ago(started_days_ago),
        expected_length="Until her mother returns from Poland, about six months",
        by=authority.social_worker.user,
    )


def _deadlines() -> list[tuple[str, date, date, date | None, date | None]]:
    return list(
        Deadline.objects.order_by("started_on", "pk").values_list(
            "timescale_code", "started_on", "due_on", "met_on", "cancelled_on"
        )
    )


@pytest.mark.requirement("R-130")
def test_a_notification_records_the_carer_and_parents_and_starts_the_7_working_day_visit_clock(
    authority: Authority,
) -> None:
    # given / when
    arrangement = _notified(authority)
    # then
    assert (arrangement.carer.full_name, [parent.full_name for parent in arrangement.parents.all()]) == (
        "Jean Morley",
        ["Kerry Thompson"],
    )
    assert _deadlines() == [
        (
            "registers.private_fostering_first_visit",
            _days_ago(60),
            add_working_days(_days_ago(60), 7),
            None,
            None,
        )
    ]
    notified = chronology_of(authority.own_child, event_types=["registers.private_fostering_notified"]).get()
    assert (notified.occurred_on, notified.summary) == (
        _days_ago(60),
        f"Privately fostered by Jean Morley from {long_date(_days_ago(70))}; the council was told by Ava's school",
    )


def test_a_second_open_arrangement_is_refused_and_nothing_changes(authority: Authority) -> None:
    # given
    first = _notified(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        _notified(authority, days_ago=5, started_days_ago=5, carer=first.carer)
    # then
    assert refused.value.problems["notified_on"] == [
        f"An arrangement notified on {long_date(_days_ago(60))} is still open: end it first"
    ]
    assert (PrivateFosteringArrangement.objects.count(), CaseEvent.objects.count()) == (1, events_before)


@pytest.mark.requirement("R-130")
def test_visits_that_see_the_child_meet_the_clock_and_start_the_next_six_weekly_one(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    # when a visit sees Ava alone, with her views
    visit = actions.record_private_fostering_visit(
        arrangement,
        visited_on=_days_ago(56),
        child_seen=True,
        seen_alone=True,
        child_views="I like it at Jean's but I miss Mum",
        by=authority.social_worker.user,
    )
    # then
    assert (visit.child_seen, visit.seen_alone, visit.child_views) == (
        True,
        True,
        "I like it at Jean's but I miss Mum",
    )
    assert _deadlines() == [
        (
            "registers.private_fostering_first_visit",
            _days_ago(60),
            add_working_days(_days_ago(60), 7),
            _days_ago(56),
            None,
        ),
        ("registers.private_fostering_visit_first_year", _days_ago(56), _days_ago(56) + timedelta(weeks=6), None, None),
    ]
    assert chronology_of(
        authority.own_child, event_types=["registers.private_fostering_visit_recorded"]
    ).get().summary == ("Private fostering visit, child seen alone. Views: I like it at Jean's but I miss Mum")


def test_a_visit_that_did_not_see_the_child_leaves_the_clock_running(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    # when
    actions.record_private_fostering_visit(
        arrangement, visited_on=_days_ago(58), child_seen=False, seen_alone=False, by=authority.social_worker.user
    )
    # then
    assert [(code, met) for code, _started, _due, met, _cancelled in _deadlines()] == [
        ("registers.private_fostering_first_visit", None)
    ]


def test_after_the_first_year_visits_are_due_every_12_weeks(authority: Authority) -> None:
    # given an arrangement that started 400 days ago
    arrangement = _notified(authority, days_ago=395, started_days_ago=400)
    # when Ava is seen today
    actions.record_private_fostering_visit(
        arrangement,
        visited_on=clock.today(),
        child_seen=True,
        seen_alone=False,
        child_views="Fine",
        by=authority.social_worker.user,
    )
    # then
    assert _deadlines()[-1][:3] == (
        "registers.private_fostering_visit_after_first_year",
        clock.today(),
        clock.today() + timedelta(weeks=12),
    )


def test_seen_alone_but_not_seen_and_no_views_are_refused_and_nothing_is_saved(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.record_private_fostering_visit(
            arrangement, visited_on=_days_ago(61), child_seen=False, seen_alone=True, by=authority.social_worker.user
        )
    # then
    assert refused.value.problems == {
        "visited_on": [
            f"The date of the visit ({long_date(_days_ago(61))}) cannot be before the notification "
            f"({long_date(_days_ago(60))})"
        ],
        "seen_alone": ["A child seen alone was seen: answer yes to both, or no to seen alone"],
    }
    assert (PrivateFosteringVisit.objects.count(), CaseEvent.objects.count()) == (0, events_before)


@pytest.mark.requirement("R-130")
def test_the_assessment_needs_its_checks_first_then_records_the_outcome(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    worker = authority.social_worker.user
    # when the assessment is attempted before any check
    with pytest.raises(RuleBroken) as refused:
        actions.complete_private_fostering_assessment(
            arrangement, completed_on=_days_ago(30), outcome=AssessmentOutcome.SUITABLE, summary="Good", by=worker
        )
    # and then after the DBS and home checks
    actions.record_private_fostering_check(
        arrangement, kind=CheckKind.DBS, completed_on=_days_ago(45), outcome=CheckOutcome.NO_CONCERNS, by=worker
    )
    actions.record_private_fostering_check(
        arrangement, kind=CheckKind.HOME, completed_on=_days_ago(40), outcome=CheckOutcome.NO_CONCERNS, by=worker
    )
    assessed = actions.complete_private_fostering_assessment(
        arrangement,
        completed_on=_days_ago(30),
        outcome=AssessmentOutcome.SUITABLE,
        summary="Jean meets Ava's needs",
        by=worker,
    )
    # then
    assert refused.value.problems == {"completed_on": ["Record the checks before completing the assessment"]}
    assert (assessed.assessment_completed_on, assessed.assessment_outcome) == (_days_ago(30), "suitable")
    assert [check.get_kind_display() for check in assessed.checks.all()] == [
        "DBS checks on the carer and household members aged 16 or over",
        "The home and its safety",
    ]


@pytest.mark.requirement("R-130")
def test_management_oversight_is_a_managers_decision_with_reasons(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    # when a social worker tries, and then the team manager records it
    with pytest.raises(NotAllowed):
        actions.record_private_fostering_oversight(
            arrangement, decided_on=_days_ago(1), decision="Continue", rationale="Fine", by=authority.social_worker.user
        )
    made = actions.record_private_fostering_oversight(
        arrangement,
        decided_on=_days_ago(1),
        decision="The arrangement continues",
        rationale="Checks clear; Ava is settled and seen alone at every visit",
        by=authority.team_manager.user,
    )
    # then
    assert (made.decided_by, made.rationale) == (
        authority.team_manager,
        "Checks clear; Ava is settled and seen alone at every visit",
    )
    assert chronology_of(
        authority.own_child, key_only=True, event_types=["registers.private_fostering_oversight_recorded"]
    ).get().summary == ("Private fostering oversight by Tom Hughes: The arrangement continues")


def test_ending_the_arrangement_stops_the_visit_clocks(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    # when
    actions.end_private_fostering(
        arrangement, ended_on=_days_ago(2), reason=ArrangementEndReason.RETURNED_HOME, by=authority.social_worker.user
    )
    # then
    assert [(code, cancelled) for code, _s, _d, _m, cancelled in _deadlines()] == [
        ("registers.private_fostering_first_visit", _days_ago(2))
    ]


def test_an_arrangement_cannot_end_before_it_started(authority: Authority) -> None:
    # given
    arrangement = _notified(authority)
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.end_private_fostering(
            arrangement, ended_on=_days_ago(71), reason=ArrangementEndReason.OTHER, by=authority.social_worker.user
        )
    # then
    assert refused.value.problems == {
        "ended_on": [
            f"The date the arrangement ended ({long_date(_days_ago(71))}) cannot be before the date it started "
            f"({long_date(_days_ago(70))})",
            f"The date the arrangement ended ({long_date(_days_ago(71))}) cannot be before the notification "
            f"({long_date(_days_ago(60))})",
        ]
    }
    arrangement.refresh_from_db()
    assert arrangement.ended_on is None


def _on_cme_register(authority: Authority, days_ago: int = 30) -> RegisterEntry:
    return actions.add_to_register(
        authority.own_child,
        register=RegisterKind.MISSING_EDUCATION,
        added_on=_days_ago(days_ago),
        source="Oakfield Primary School",
        reason="Not attended for 10 school days; family not at home",
        by=authority.social_worker.user,
    )


@pytest.mark.requirement("R-113")
def test_a_child_missing_education_is_tracked_with_checks_until_placed(authority: Authority) -> None:
    # given
    entry = _on_cme_register(authority)
    worker = authority.social_worker.user
    # when a home visit and a school-to-school search are recorded, and Ava starts at a new school
    actions.record_register_check(
        entry,
        kind=RegisterCheckKind.HOME_VISIT,
        checked_on=_days_ago(28),
        child_seen=True,
        safeguarding_concern=False,
        outcome="Family moved within the town; Ava seen and well",
        by=worker,
    )
    actions.record_register_check(
        entry,
        kind=RegisterCheckKind.SCHOOL_TO_SCHOOL,
        checked_on=_days_ago(20),
        child_seen=False,
        safeguarding_concern=False,
        outcome="Place offered at Westgate Primary",
        by=worker,
    )
    actions.remove_from_register(
        entry,
        removed_on=_days_ago(10),
        reason=RemovalReason.STARTED_SCHOOL,
        destination="Westgate Primary School",
        by=worker,
    )
    # then
    code = "registers.missing_education_check"
    assert _deadlines() == [
        (code, _days_ago(30), add_working_days(_days_ago(30), 10), _days_ago(28), None),
        (code, _days_ago(28), add_working_days(_days_ago(28), 10), _days_ago(20), None),
        (code, _days_ago(20), add_working_days(_days_ago(20), 10), None, _days_ago(10)),
    ]
    assert [event.summary for event in chronology_of(authority.own_child, event_types=_REGISTER_EVENTS)] == [
        "Removed from the children missing education register: Started at or returned to a school "
        "(Westgate Primary School)",
        "School to school (S2S) search (children missing education), child not seen: Place offered at Westgate Primary",
        "Home visit (children missing education), child seen: Family moved within the town; Ava seen and well",
        "Added to the children missing education register: Not attended for 10 school days; family not at home",
    ]


_REGISTER_EVENTS = ["registers.entry_added", "registers.check_recorded", "registers.entry_removed"]


@pytest.mark.requirement("R-113")
def test_the_home_education_register_expects_contact_every_year(authority: Authority) -> None:
    # given / when
    actions.add_to_register(
        authority.own_child,
        register=RegisterKind.HOME_EDUCATION,
        added_on=_days_ago(3),
        source="Parent's letter to the school",
        reason="Parents chose to educate Ava at home",
        by=authority.social_worker.user,
    )
    # then
    assert _deadlines() == [
        ("registers.home_education_check", _days_ago(3), _days_ago(3).replace(year=_days_ago(3).year + 1), None, None)
    ]


def test_a_check_before_the_child_was_added_is_refused_naming_the_dates(authority: Authority) -> None:
    # given
    entry = _on_cme_register(authority)
    events_before = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.record_register_check(
            entry,
            kind=RegisterCheckKind.POLICE,
            checked_on=_days_ago(31),
            child_seen=False,
            safeguarding_concern=False,
            outcome="Not known to police",
            by=authority.social_worker.user,
        )
    # then
    assert refused.value.problems == {
        "checked_on": [
            f"The date of the check ({long_date(_days_ago(31))}) cannot be before the date added to the register "
            f"({long_date(_days_ago(30))})"
        ]
    }
    assert (RegisterCheck.objects.count(), CaseEvent.objects.count()) == (0, events_before)


def test_a_child_cannot_be_on_the_same_register_twice(authority: Authority) -> None:
    # given
    _on_cme_register(authority)
    # when
    with pytest.raises(RuleBroken) as refused:
        _on_cme_register(authority, days_ago=1)
    # then
    assert refused.value.problems == {
        "register": [
            f"The child is already on the children missing education register, since {long_date(_days_ago(30))}"
        ]
    }
    assert RegisterEntry.objects.count() == 1


def test_removal_before_the_last_check_is_refused(authority: Authority) -> None:
    # given
    entry = _on_cme_register(authority)
    actions.record_register_check(
        entry,
        kind=RegisterCheckKind.HOME_VISIT,
        checked_on=_days_ago(5),
        child_seen=True,
        safeguarding_concern=False,
        outcome="Seen",
        by=authority.social_worker.user,
    )
    # when
    with pytest.raises(RuleBroken) as refused:
        actions.remove_from_register(
            entry, removed_on=_days_ago(6), reason=RemovalReason.MOVED_AREA, by=authority.social_worker.user
        )
    # then
    assert refused.value.problems == {
        "removed_on": [
            f"The date removed from the register ({long_date(_days_ago(6))}) cannot be before the last check "
            f"({long_date(_days_ago(5))})"
        ]
    }
    entry.refresh_from_db()
    assert entry.removed_on is None
