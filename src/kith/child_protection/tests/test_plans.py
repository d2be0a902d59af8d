"""Core groups, ending a plan, sharing it with the family, and the chair's feedback with its follow-up."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from kith.child_protection.actions import (
    CoreGroupMemberDetails,
    ObjectiveDetails,
    ObjectiveProgress,
    end_child_protection_plan,
    hold_core_group,
    record_chair_feedback,
    record_child_protection_plan_shared,
    record_feedback_follow_up,
)
from kith.child_protection.models import ChildProtectionPlan, CoreGroup, PlanEndReason
from kith.child_protection.tests.builders import ICPC_ON, Case, given_case, initial_conference, plan_from_conference
from kith.plans.models import Progress, ProgressUpdate
from kith.plans.records import open_objectives
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.agencies import Agency
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

CORE_GROUP_ON = date(2027, 1, 20)


def _clocks(plan: ChildProtectionPlan) -> list[tuple[str, date, date, date | None, date | None]]:
    return list(
        Deadline.objects.filter(subject_type=ContentType.objects.get_for_model(plan), subject_id=str(plan.pk))
        .order_by("timescale_code", "started_on")
        .values_list("timescale_code", "started_on", "due_on", "met_on", "cancelled_on")
    )


def _summaries(child: Any, code: str) -> list[str]:
    return [event.summary for event in chronology_of(child, event_types=[code])]


def _core_group_members(**attended: bool) -> list[CoreGroupMemberDetails]:
    """Priya (social care), Kerry (family) and the head teacher (education); ``attended`` says who came."""
    came = {"social_worker": True, "parent": True, "school": True, **attended}
    return [
        CoreGroupMemberDetails("Priya Shah", Agency.SOCIAL_CARE, "Social worker", came["social_worker"]),
        CoreGroupMemberDetails("Kerry Bennett", Agency.FAMILY, "Mother", came["parent"]),
        CoreGroupMemberDetails("Mr Singh", Agency.EDUCATION, "Head teacher", came["school"]),
    ]


def _progress(plan: ChildProtectionPlan, *values: str) -> list[ObjectiveProgress]:
    return [
        ObjectiveProgress(objective=objective, progress=value, notes=f"Note {number}")
        for number, (objective, value) in enumerate(zip(open_objectives(plan), values, strict=True), start=1)
    ]


def _core_group(plan: ChildProtectionPlan, by: StaffMember, **overrides: Any) -> CoreGroup:
    values: dict[str, Any] = {
        "held_on": CORE_GROUP_ON,
        "members": _core_group_members(),
        "progress": _progress(plan, Progress.ON_TRACK, Progress.NO_PROGRESS),
        "child_views": "Ava drew her family and said she likes breakfast club.",
        "identity_considerations": "Interpreter booked for Kerry; Ava's Polish Saturday school continues.",
        **overrides,
    }
    return hold_core_group(plan, by=by.user, **values)


@pytest.fixture
def plan(case: Case, iro: StaffMember) -> ChildProtectionPlan:
    return plan_from_conference(case, chair=iro)


# -- core groups --------------------------------------------------------------------------------


@pytest.mark.requirement("R-065")
@pytest.mark.requirement("R-022")
@pytest.mark.requirement("R-024")
def test_a_core_group_records_attendance_quorum_progress_on_each_objective_and_the_childs_views(
    plan: ChildProtectionPlan, authority: Authority
) -> None:
    # when the social worker records the first core group, a week after the conference
    core_group = _core_group(plan, authority.social_worker)
    # then it is quorate, with who came by agency, and progress on each objective is kept
    assert (core_group.held_on, core_group.quorate, core_group.quorum.in_words, core_group.recorded_by) == (
        CORE_GROUP_ON,
        True,
        "Quorate",
        authority.social_worker,
    )
    assert list(core_group.members.values_list("name", "agency", "attended")) == [
        ("Priya Shah", "social_care", True),
        ("Kerry Bennett", "family", True),
        ("Mr Singh", "education", True),
    ]
    assert list(
        ProgressUpdate.objects.order_by("pk").values_list(
            "objective__owner", "progress", "notes", "recorded_on", "recorded_at_kind", "recorded_at_id"
        )
    ) == [
        ("Sam Patel", "on_track", "Note 1", CORE_GROUP_ON, "core group", core_group.pk),
        ("Kerry Bennett", "no_progress", "Note 2", CORE_GROUP_ON, "core group", core_group.pk),
    ]
    assert (core_group.child_views, core_group.identity_considerations) == (
        "Ava drew her family and said she likes breakfast club.",
        "Interpreter booked for Kerry; Ava's Polish Saturday school continues.",
    )
    assert _summaries(plan.child, "child_protection.core_group_held") == [
        "Core group (quorate): 1 of 2 objectives achieved or on track"
    ]


@pytest.mark.requirement("R-065")
def test_without_another_agency_the_core_group_is_not_quorate_and_says_why(
    plan: ChildProtectionPlan, authority: Authority
) -> None:
    core_group = _core_group(plan, authority.social_worker, members=_core_group_members(school=False))
    assert (core_group.quorate, core_group.quorum.in_words) == (False, "Not quorate: no other agency attended")
    assert _summaries(plan.child, "child_protection.core_group_held") == [
        "Core group (not quorate: no other agency attended): 1 of 2 objectives achieved or on track"
    ]


def test_the_first_core_group_meets_its_clock_and_the_next_is_due_a_month_later(
    plan: ChildProtectionPlan, authority: Authority
) -> None:
    # when the first core group is held on 20 January 2027 (due by 27 January)
    _core_group(plan, authority.social_worker)
    # and the second on 17 February
    _core_group(
        plan,
        authority.social_worker,
        held_on=date(2027, 2, 17),
        progress=_progress(plan, Progress.ACHIEVED, Progress.SOME_PROGRESS),
    )
    # then
    assert [row for row in _clocks(plan) if "core_group" in row[0]] == [
        ("child_protection.core_group", CORE_GROUP_ON, date(2027, 2, 20), date(2027, 2, 17), None),
        ("child_protection.core_group", date(2027, 2, 17), date(2027, 3, 17), None, None),
        ("child_protection.first_core_group", ICPC_ON, date(2027, 1, 27), CORE_GROUP_ON, None),
    ]
    # and the achieved objective is no longer open
    assert [objective.owner for objective in open_objectives(plan)] == ["Kerry Bennett"]


@pytest.mark.requirement("R-065")
@pytest.mark.requirement("R-043")
def test_new_actions_agreed_at_a_core_group_join_the_plan(plan: ChildProtectionPlan, authority: Authority) -> None:
    core_group = _core_group(
        plan,
        authority.social_worker,
        new_actions=[
            ObjectiveDetails("Ava sees a dentist", "Book a dentist appointment", "Kerry Bennett", date(2027, 2, 28))
        ],
    )
    assert core_group.new_actions == "Book a dentist appointment (Kerry Bennett, by 28 February 2027)"
    assert plan.objectives.filter(added_on=CORE_GROUP_ON).count() == 1


@pytest.mark.parametrize(
    ("overrides", "problems"),
    [
        (
            {"progress": []},
            {
                "progress": [
                    "Record the progress on “Housing officer arranges repairs to the heating” (Sam Patel)",
                    "Record the progress on “Walk Ava to school each morning and check she has had breakfast” "
                    "(Kerry Bennett)",
                ]
            },
        ),
        (
            {"held_on": date(2027, 1, 12)},
            {"held_on": ["The core group on 12 January 2027 is before the plan started on 13 January 2027"]},
        ),
        ({"members": []}, {"members": ["Add who was at the core group"]}),
        (
            {"new_actions": [ObjectiveDetails("Safe", "Check", "Jo", date(2027, 1, 1))]},
            {"new_actions": ["Objective 1: the target date must be on or after the plan starts"]},
        ),
    ],
)
def test_a_core_group_that_breaks_a_rule_is_refused_and_nothing_is_saved(
    plan: ChildProtectionPlan, authority: Authority, overrides: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    events = CaseEvent.objects.count()
    with pytest.raises(RuleBroken) as refused:
        _core_group(plan, authority.social_worker, **overrides)
    assert refused.value.problems == problems
    assert (CoreGroup.objects.count(), ProgressUpdate.objects.count(), CaseEvent.objects.count()) == (0, 0, events)


def test_progress_on_an_objective_of_another_plan_is_refused(
    plan: ChildProtectionPlan, authority: Authority, iro: StaffMember
) -> None:
    other_case = given_case(authority.other_child, authority.south_worker)
    other_plan = plan_from_conference(other_case, chair=iro)
    stray = ObjectiveProgress(objective=open_objectives(other_plan)[0], progress=Progress.ON_TRACK)
    with pytest.raises(RuleBroken) as refused:
        _core_group(plan, authority.social_worker, progress=[*_progress(plan, "on_track", "on_track"), stray])
    assert refused.value.problems == {
        "progress": ["“Housing officer arranges repairs to the heating” is not an open objective of this plan"]
    }


def test_an_analyst_may_not_record_a_core_group(plan: ChildProtectionPlan, authority: Authority) -> None:
    with pytest.raises(NotAllowed):
        _core_group(plan, authority.analyst)
    assert CoreGroup.objects.count() == 0


# -- ending a plan --------------------------------------------------------------------------------


def test_ending_a_plan_records_the_reason_and_closes_its_clocks(plan: ChildProtectionPlan, iro: StaffMember) -> None:
    # when the child moves to another council on 1 March
    end_child_protection_plan(plan, ended_on=date(2027, 3, 1), end_reason=PlanEndReason.MOVED_AWAY, by=iro.user)
    # then
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (date(2027, 3, 1), "moved_away")
    assert {row[4] for row in _clocks(plan)} == {date(2027, 3, 1)}
    assert _summaries(plan.child, "child_protection.plan_ended") == [
        "Child protection plan ended: Moved to another local authority"
    ]


@pytest.mark.parametrize(
    ("ended_on", "message"),
    [
        (date(2027, 1, 10), "The plan cannot end on 10 January 2027, before it started on 13 January 2027"),
        (
            ICPC_ON,
            "The plan cannot end on the day it started (13 January 2027); the children in need census does not "
            "accept a plan that starts and ends on the same day",
        ),
    ],
)
def test_a_plan_cannot_end_before_or_on_the_day_it_started(
    plan: ChildProtectionPlan, iro: StaffMember, ended_on: date, message: str
) -> None:
    events = CaseEvent.objects.count()
    with pytest.raises(RuleBroken) as refused:
        end_child_protection_plan(plan, ended_on=ended_on, end_reason=PlanEndReason.MOVED_AWAY, by=iro.user)
    assert refused.value.problems == {"ended_on": [message]}
    plan.refresh_from_db()
    assert (plan.ended_on, CaseEvent.objects.count()) == (None, events)
    assert all(row[4] is None for row in _clocks(plan))


def test_a_plan_that_has_ended_cannot_end_again(plan: ChildProtectionPlan, iro: StaffMember) -> None:
    end_child_protection_plan(plan, ended_on=date(2027, 3, 1), end_reason=PlanEndReason.MOVED_AWAY, by=iro.user)
    with pytest.raises(RuleBroken) as refused:
        end_child_protection_plan(plan, ended_on=date(2027, 3, 2), end_reason=PlanEndReason.MOVED_AWAY, by=iro.user)
    assert refused.value.problems == {
        "plan": ["The plan ended on 1 March 2027; an end cannot be recorded on a plan that has ended"]
    }


def test_a_social_worker_may_not_end_a_plan(plan: ChildProtectionPlan, authority: Authority) -> None:
    with pytest.raises(NotAllowed):
        end_child_protection_plan(
            plan, ended_on=date(2027, 3, 1), end_reason=PlanEndReason.MOVED_AWAY, by=authority.social_worker.user
        )


# -- sharing the plan -----------------------------------------------------------------------------


def test_the_date_the_family_were_given_the_plan_is_kept(plan: ChildProtectionPlan, authority: Authority) -> None:
    record_child_protection_plan_shared(plan, shared_on=date(2027, 1, 15), by=authority.social_worker.user)
    plan.refresh_from_db()
    assert plan.shared_with_family_on == date(2027, 1, 15)
    assert _summaries(plan.child, "child_protection.plan_shared_with_family") == [
        "Child protection plan shared with the family"
    ]


def test_a_plan_cannot_be_shared_before_it_started(plan: ChildProtectionPlan, authority: Authority) -> None:
    with pytest.raises(RuleBroken) as refused:
        record_child_protection_plan_shared(plan, shared_on=date(2027, 1, 12), by=authority.social_worker.user)
    assert refused.value.problems == {
        "shared_on": ["The plan cannot have been shared on 12 January 2027, before it started on 13 January 2027"]
    }


# -- the chair's feedback -------------------------------------------------------------------------


@pytest.mark.requirement("R-066")
def test_the_chairs_feedback_to_the_team_manager_and_its_follow_up_are_recorded(
    case: Case, iro: StaffMember, authority: Authority
) -> None:
    # given the IRO chaired the conference
    conference = initial_conference(case, chair=iro)
    # when she gives feedback to the team manager, who follows it up
    record_chair_feedback(
        conference, feedback="Report was late; no GP invited in time.", to=authority.team_manager, by=iro.user
    )
    record_feedback_follow_up(
        conference,
        followed_up_on=date(2027, 1, 20),
        notes="Discussed in supervision; invitations now go out on the day of the strategy discussion.",
        by=authority.team_manager.user,
    )
    # then
    conference.refresh_from_db()
    assert (
        conference.chair_feedback,
        conference.chair_feedback_to,
        conference.feedback_followed_up_on,
        conference.feedback_follow_up,
    ) == (
        "Report was late; no GP invited in time.",
        authority.team_manager,
        date(2027, 1, 20),
        "Discussed in supervision; invitations now go out on the day of the strategy discussion.",
    )
    assert _summaries(case.child, "child_protection.chair_feedback_recorded") == [
        "Irene Walsh gave feedback on the initial child protection conference of 13 January 2027 to Tom Hughes"
    ]
    assert _summaries(case.child, "child_protection.chair_feedback_followed_up") == [
        "Tom Hughes followed up the chair's feedback on the initial child protection conference of 13 January 2027"
    ]


@pytest.mark.requirement("R-066")
def test_only_the_chair_may_give_the_chairs_feedback(case: Case, iro: StaffMember, authority: Authority) -> None:
    conference = initial_conference(case, chair=iro)
    with pytest.raises(NotAllowed):
        record_chair_feedback(
            conference, feedback="Good work", to=authority.team_manager, by=authority.team_manager.user
        )


@pytest.mark.parametrize(
    ("feedback", "to", "problems"),
    [
        ("  ", "team_manager", {"feedback": ["Enter your feedback"]}),
        ("Good", "social_worker", {"to": ["Choose the manager the feedback is for"]}),
    ],
)
def test_feedback_needs_words_and_a_manager(
    case: Case, iro: StaffMember, authority: Authority, feedback: str, to: str, problems: dict[str, list[str]]
) -> None:
    conference = initial_conference(case, chair=iro)
    with pytest.raises(RuleBroken) as refused:
        record_chair_feedback(conference, feedback=feedback, to=getattr(authority, to), by=iro.user)
    assert refused.value.problems == problems
    conference.refresh_from_db()
    assert conference.chair_feedback == ""


def test_a_follow_up_needs_feedback_first_and_comes_after_the_conference(
    case: Case, iro: StaffMember, authority: Authority
) -> None:
    conference = initial_conference(case, chair=iro)
    with pytest.raises(RuleBroken) as refused:
        record_feedback_follow_up(
            conference, followed_up_on=date(2027, 1, 12), notes="", by=authority.team_manager.user
        )
    assert refused.value.problems == {
        "notes": ["The chair has not given feedback on this conference yet", "Enter what was done about the feedback"],
        "followed_up_on": ["The follow-up on 12 January 2027 is before the conference on 13 January 2027"],
    }


def test_a_social_worker_may_not_follow_up_the_feedback(case: Case, iro: StaffMember, authority: Authority) -> None:
    conference = initial_conference(case, chair=iro)
    record_chair_feedback(conference, feedback="Late report", to=authority.team_manager, by=iro.user)
    with pytest.raises(NotAllowed):
        record_feedback_follow_up(
            conference, followed_up_on=date(2027, 1, 20), notes="Done", by=authority.social_worker.user
        )
