"""Conferences, child protection plans and core groups: every change to them is one of these actions.

Each action checks who may do it, refuses with a message naming the dates when a rule
would be broken (nothing is saved half-way: the action is one transaction), writes its
rows, starts and meets the statutory clocks, and writes one chronology event.

Decisions taken here (see docs/domain/child_protection.md):

* An initial conference follows a section 47 enquiry of the same referral. When the enquiry
  is still open, the conference ends it on the conference date with the outcome "initial
  child protection conference"; an enquiry that ended with another outcome cannot lead to one.
* A child protection plan starts on the day of the conference that decided it (census rule
  2885). An open child in need plan ends the same day, "Replaced by a child protection plan":
  the census accepts a CIN plan ending on the day a CP plan starts (rules 4001, 4017).
* The category of abuse changes only at a review conference (``latest_category``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.assessments.models import EnquiryOutcome, Section47Enquiry
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection import events
from kith.child_protection.access import (
    can_chair_conference,
    can_follow_up_feedback,
    can_record_case_work,
    can_record_chair_feedback,
    may_chair,
)
from kith.child_protection.models import (
    ChildParticipation,
    ChildProtectionPlan,
    Conference,
    ConferenceDecision,
    ConferenceKind,
    ConferenceMember,
    CoreGroup,
    CoreGroupMember,
    PlanEndReason,
    quorum_of,
)
from kith.child_protection.queries import last_conference_on, last_core_group_on, last_strategy_discussion_on
from kith.child_protection.rules import (
    CIN_PLAN_REPLACED,
    INITIAL_DECISIONS,
    REVIEW_DECISIONS,
    CoreGroupMemberDetails,
    MemberDetails,
    ObjectiveProgress,
    PlanDetails,
    after_death,
    before_referral,
    before_strategy_discussion,
    core_group_date_problem,
    core_group_member_problems,
    in_future,
    member_problems,
    plan_end_problem,
    review_too_early,
)
from kith.front_door.models import Referral
from kith.people.access import staff_of
from kith.people.models import Person
from kith.plans.models import Progress
from kith.plans.records import ObjectiveDetails, add_objectives, objective_problems, open_objectives, record_progress
from kith.platform import clock
from kith.platform.access.roles import MANAGER_ROLES
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.cin_census import CategoryOfAbuse
from kith.platform.rules import RuleBroken, require
from kith.platform.timescales.clocks import close_clocks_for, meet_clock, start_clock
from kith.workforce.models import StaffMember

if TYPE_CHECKING:
    from kith.platform.access.models import User

__all__ = [
    "CoreGroupMemberDetails",
    "MemberDetails",
    "ObjectiveDetails",
    "ObjectiveProgress",
    "PlanDetails",
    "end_child_protection_plan",
    "hold_core_group",
    "hold_initial_conference",
    "hold_review_conference",
    "record_chair_feedback",
    "record_child_protection_plan_shared",
    "record_feedback_follow_up",
]

INITIAL_CONFERENCE = "child_protection.initial_conference"
FIRST_CORE_GROUP = "child_protection.first_core_group"
CORE_GROUP = "child_protection.core_group"
FIRST_REVIEW = "child_protection.first_review_conference"
REVIEW = "child_protection.review_conference"
VISIT = "child_protection.visit"
PRE_BIRTH_REVIEW = "child_protection.pre_birth_review"
CP_IS_NHS_NUMBER = "child_protection.cp_is_nhs_number"
PLAN_ENDED = "plan ended"

Problems = dict[str, list[str]]


def _add(problems: Problems, field: str, message: str | None) -> None:
    if message:
        problems.setdefault(field, []).append(message)


def _date_problems(problems: Problems, field: str, on: date, *, child: Person, what: str) -> None:
    _add(problems, field, in_future(on, today=clock.today(), what=what))
    _add(problems, field, after_death(on, died_on=child.date_of_death, what=what, name=child.full_name))


def _conference_problems(
    problems: Problems,
    *,
    child: Person,
    held_on: date,
    chair: StaffMember | None,
    members: Sequence[MemberDetails],
    report_shared_with_parents_on: date | None,
    report_shared_with_child_on: date | None,
    child_participation: str,
    decision_rationale: str,
) -> None:
    """What every conference needs, initial or review."""
    _date_problems(problems, "held_on", held_on, child=child, what="The conference")
    if not may_chair(chair):
        _add(problems, "chair", "Choose the chair: an independent reviewing officer or a manager")
    for message in member_problems(members, held_on=held_on):
        _add(problems, "members", message)
    if report_shared_with_parents_on is not None:
        _add(
            problems,
            "report_shared_with_parents_on",
            in_future(
                report_shared_with_parents_on, today=clock.today(), what="The date the report reached the parents"
            ),
        )
    if report_shared_with_child_on is not None:
        _add(
            problems,
            "report_shared_with_child_on",
            in_future(report_shared_with_child_on, today=clock.today(), what="The date the report reached the child"),
        )
    if child_participation not in ChildParticipation.values:
        _add(problems, "child_participation", "Select how the child took part in the conference")
    if not decision_rationale.strip():
        _add(problems, "decision_rationale", "Enter the reasons for the decision")


def _objective_problems(problems: Problems, field: str, objectives: Sequence[ObjectiveDetails], *, on: date) -> None:
    for message in objective_problems(objectives, plan_starts=on):
        _add(problems, field, message)


def _create_conference(
    *,
    referral: Referral,
    child: Person,
    kind: str,
    section_47_enquiry: Section47Enquiry | None,
    plan: ChildProtectionPlan | None,
    held_on: date,
    chair: StaffMember,
    members: Sequence[MemberDetails],
    report_shared_with_parents_on: date | None,
    report_shared_with_child_on: date | None,
    child_participation: str,
    child_views: str,
    parents_views: str,
    decision: str,
    category: str,
    decision_rationale: str,
    recorder: StaffMember,
) -> Conference:
    conference = Conference.objects.create(
        referral=referral,
        child=child,
        kind=kind,
        section_47_enquiry=section_47_enquiry,
        plan=plan,
        held_on=held_on,
        chair=chair,
        report_shared_with_parents_on=report_shared_with_parents_on,
        report_shared_with_child_on=report_shared_with_child_on,
        child_participation=child_participation,
        child_views=child_views.strip(),
        parents_views=parents_views.strip(),
        decision=decision,
        category=category,
        decision_rationale=decision_rationale.strip(),
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    ConferenceMember.objects.bulk_create(
        ConferenceMember(
            conference=conference,
            name=member.name.strip(),
            agency=member.agency,
            role=member.role.strip(),
            invited_on=member.invited_on,
            attended=member.attended,
            sent_apologies=member.sent_apologies and not member.attended,
            report_submitted=member.report_submitted,
        )
        for member in members
    )
    return conference


@action
def hold_initial_conference(
    referral: Referral,
    *,
    section_47_enquiry: Section47Enquiry | None,
    held_on: date,
    chair: StaffMember | None,
    members: Sequence[MemberDetails],
    report_shared_with_parents_on: date | None = None,
    report_shared_with_child_on: date | None = None,
    child_participation: str,
    child_views: str = "",
    parents_views: str = "",
    decision: str,
    category: str = "",
    decision_rationale: str,
    plan: PlanDetails | None = None,
    by: User,
) -> Conference:
    """Record an initial child protection conference and, when it decides so, start the plan.

    Meets the initial conference clock (15 working days from the last strategy discussion).
    With a plan: the plan starts that day with the category as both initial and latest
    category, counts the child's earlier plans, marks a plan for an unborn child as pre-birth,
    ends an open child in need plan, and starts the first core group (10 working days), first
    review conference (3 months) and visit clocks.
    """
    child = referral.child
    require(can_chair_conference(by, child))
    recorder = staff_of(by)
    assert recorder is not None  # can_chair_conference needs an active staff record
    problems: Problems = {}
    _conference_problems(
        problems,
        child=child,
        held_on=held_on,
        chair=chair,
        members=members,
        report_shared_with_parents_on=report_shared_with_parents_on,
        report_shared_with_child_on=report_shared_with_child_on,
        child_participation=child_participation,
        decision_rationale=decision_rationale,
    )
    _referral_problems(problems, referral, section_47_enquiry, held_on=held_on)
    if decision not in INITIAL_DECISIONS:
        _add(problems, "decision", "Select whether the child is to be made subject to a child protection plan")
    cin_plan = ChildInNeedPlan.objects.filter(child=child, ended_on__isnull=True).select_for_update().first()
    if decision == ConferenceDecision.PLAN:
        _plan_problems(problems, child=child, held_on=held_on, category=category, plan=plan, cin_plan=cin_plan)
    if problems:
        raise RuleBroken(problems)
    assert chair is not None
    assert section_47_enquiry is not None

    if section_47_enquiry.ended_on is None:
        section_47_enquiry.ended_on = held_on
        section_47_enquiry.outcome = EnquiryOutcome.INITIAL_CONFERENCE
        section_47_enquiry.outcome_rationale = f"Initial child protection conference held on {long_date(held_on)}"
        section_47_enquiry.save(update_fields=["ended_on", "outcome", "outcome_rationale"])
    new_plan = None
    if decision == ConferenceDecision.PLAN:
        assert plan is not None
        new_plan = _start_plan(referral, child=child, held_on=held_on, category=category, plan=plan, by=recorder)
        if cin_plan is not None:
            cin_plan.ended_on = held_on
            cin_plan.end_reason = CIN_PLAN_REPLACED
            cin_plan.save(update_fields=["ended_on", "end_reason"])
            close_clocks_for(cin_plan, on=held_on, reason=CIN_PLAN_REPLACED.lower())
    conference = _create_conference(
        referral=referral,
        child=child,
        kind=ConferenceKind.INITIAL,
        section_47_enquiry=section_47_enquiry,
        plan=new_plan,
        held_on=held_on,
        chair=chair,
        members=members,
        report_shared_with_parents_on=report_shared_with_parents_on,
        report_shared_with_child_on=report_shared_with_child_on,
        child_participation=child_participation,
        child_views=child_views,
        parents_views=parents_views,
        decision=decision,
        category=category if new_plan else "",
        decision_rationale=decision_rationale,
        recorder=recorder,
    )
    if new_plan is None:
        outcome = "no child protection plan"
    else:
        outcome = f"child protection plan, category {CategoryOfAbuse(category).label.lower()}"
        if new_plan.is_pre_birth:
            outcome += " (pre-birth)"
        if cin_plan is not None:
            outcome += "; the child in need plan ended"
    event = record_event(
        events.INITIAL_CONFERENCE_HELD.code,
        children=[child],
        by=by,
        summary=f"Initial child protection conference chaired by {chair.full_name}: {outcome}",
        occurred_on=held_on,
        subject=conference,
    )
    meet_clock(INITIAL_CONFERENCE, subject=referral, met_on=held_on, event=event)
    if new_plan is not None:
        _start_plan_clocks(new_plan, child=child, on=held_on)
    return conference


def _start_plan_clocks(plan: ChildProtectionPlan, *, child: Person, on: date) -> None:
    for code in (FIRST_CORE_GROUP, FIRST_REVIEW, VISIT):
        start_clock(code, child=child, subject=plan, started_on=on)
    # CP-IS shares the plan with the NHS by NHS number; an unborn child has none until birth.
    if not child.nhs_number and not child.is_unborn:
        start_clock(CP_IS_NHS_NUMBER, child=child, subject=plan, started_on=on)


def _referral_problems(
    problems: Problems, referral: Referral, enquiry: Section47Enquiry | None, *, held_on: date
) -> None:
    """The conference is on an open referral, after the referral, its strategy discussion and its enquiry."""
    if referral.closed_on is not None:
        _add(
            problems,
            "referral",
            f"The referral closed on {long_date(referral.closed_on)}; "
            "a conference cannot be added to a closed referral",
        )
    _add(problems, "held_on", before_referral(held_on, referred_on=referral.referral_date))
    _add(problems, "held_on", before_strategy_discussion(held_on, discussed_on=last_strategy_discussion_on(referral)))
    if enquiry is None or enquiry.referral_id != referral.pk:
        _add(problems, "section_47_enquiry", "Select the section 47 enquiry this conference follows")
        return
    if held_on < enquiry.started_on:
        _add(
            problems,
            "held_on",
            f"The conference on {long_date(held_on)} is before the section 47 enquiry started on "
            f"{long_date(enquiry.started_on)}",
        )
    if enquiry.ended_on is None:
        return
    if enquiry.outcome != EnquiryOutcome.INITIAL_CONFERENCE:
        _add(
            problems,
            "section_47_enquiry",
            f"The section 47 enquiry ended on {long_date(enquiry.ended_on)} with the outcome "
            f"“{enquiry.get_outcome_display()}”, not a conference",
        )
    elif enquiry.ended_on > held_on:
        _add(
            problems,
            "held_on",
            f"The section 47 enquiry ended on {long_date(enquiry.ended_on)}, after the conference on "
            f"{long_date(held_on)}",
        )


def _plan_problems(
    problems: Problems,
    *,
    child: Person,
    held_on: date,
    category: str,
    plan: PlanDetails | None,
    cin_plan: ChildInNeedPlan | None,
) -> None:
    """A plan needs a category, how risks will be reduced, a contingency and objectives (R-043–R-045)."""
    if category not in CategoryOfAbuse.values:
        _add(problems, "category", "Select the category of abuse")
    if plan is None or not plan.how_risks_will_be_reduced.strip():
        _add(problems, "how_risks_will_be_reduced", "Enter how the risks to the child will be reduced")
    if plan is None or not plan.contingency.strip():
        _add(problems, "contingency", "Enter the contingency plan: what will happen if things do not change")
    if plan is None or not plan.objectives:
        _add(
            problems,
            "objectives",
            "Add at least one objective: what needs to change, what will be done, who will do it and by when",
        )
    else:
        _objective_problems(problems, "objectives", plan.objectives, on=held_on)
    current = ChildProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()
    if current is not None:
        _add(
            problems,
            "decision",
            f"{child.full_name} has been on a child protection plan since {long_date(current.started_on)}; "
            "end that plan before starting another",
        )
    if cin_plan is not None and cin_plan.started_on > held_on:
        _add(
            problems,
            "held_on",
            f"{child.full_name}'s child in need plan started on {long_date(cin_plan.started_on)}, after the "
            f"conference on {long_date(held_on)}. A child protection plan and a child in need plan cannot be "
            "open together: check the dates",
        )


def _start_plan(
    referral: Referral, *, child: Person, held_on: date, category: str, plan: PlanDetails, by: StaffMember
) -> ChildProtectionPlan:
    born = child.date_of_birth
    started = ChildProtectionPlan.objects.create(
        referral=referral,
        child=child,
        started_on=held_on,
        initial_category=category,
        latest_category=category,
        previous_plans=ChildProtectionPlan.objects.filter(child=child).count(),
        is_pre_birth=child.is_unborn or (born is not None and held_on < born),
        how_risks_will_be_reduced=plan.how_risks_will_be_reduced.strip(),
        contingency=plan.contingency.strip(),
        identity_actions=plan.identity_actions.strip(),
        summary_for_family=plan.summary_for_family.strip(),
        recorded_by=by,
        recorded_at=clock.now(),
    )
    add_objectives(started, plan.objectives, added_on=held_on)
    return started


def _open_plan_problem(problems: Problems, plan: ChildProtectionPlan, *, doing: str) -> None:
    if plan.ended_on is not None:
        _add(
            problems,
            "plan",
            f"The plan ended on {long_date(plan.ended_on)}; {doing} cannot be recorded on a plan that has ended",
        )


@action
def hold_review_conference(
    plan: ChildProtectionPlan,
    *,
    held_on: date,
    chair: StaffMember | None,
    members: Sequence[MemberDetails],
    report_shared_with_parents_on: date | None = None,
    report_shared_with_child_on: date | None = None,
    child_participation: str,
    child_views: str = "",
    parents_views: str = "",
    decision: str,
    latest_category: str = "",
    decision_rationale: str,
    end_reason: str = "",
    step_down_plan: str = "",
    new_objectives: Sequence[ObjectiveDetails] = (),
    by: User,
) -> Conference:
    """Record a review conference: the plan continues (the category may change) or ends.

    Meets the first review clock (3 months after the initial conference) or the review clock,
    and, when the plan continues, starts the next review clock (6 months). A decision to end
    the plan ends it that day with the reason and the step-down plan, and closes its clocks.
    """
    child = plan.child
    require(can_chair_conference(by, child))
    recorder = staff_of(by)
    assert recorder is not None
    problems: Problems = {}
    _open_plan_problem(problems, plan, doing="a review conference")
    _conference_problems(
        problems,
        child=child,
        held_on=held_on,
        chair=chair,
        members=members,
        report_shared_with_parents_on=report_shared_with_parents_on,
        report_shared_with_child_on=report_shared_with_child_on,
        child_participation=child_participation,
        decision_rationale=decision_rationale,
    )
    _add(
        problems,
        "held_on",
        review_too_early(held_on, plan_started_on=plan.started_on, last_conference_on=last_conference_on(plan)),
    )
    if decision not in REVIEW_DECISIONS:
        _add(problems, "decision", "Select whether the plan continues or ends")
    category = latest_category or plan.latest_category
    if category not in CategoryOfAbuse.values:
        _add(problems, "latest_category", "Select the category of abuse")
    if decision == ConferenceDecision.END_PLAN:
        _end_problems(problems, end_reason=end_reason, step_down_plan=step_down_plan)
    _objective_problems(problems, "objectives", new_objectives, on=held_on)
    if problems:
        raise RuleBroken(problems)
    assert chair is not None

    changes = []
    if category != plan.latest_category:
        changes.append(
            f"category changed from {plan.get_latest_category_display().lower()} to "
            f"{CategoryOfAbuse(category).label.lower()}"
        )
        plan.latest_category = category
    ending = decision == ConferenceDecision.END_PLAN
    if ending:
        plan.ended_on = held_on
        plan.end_reason = end_reason
        plan.step_down_plan = step_down_plan.strip()
    plan.save(update_fields=["latest_category", "ended_on", "end_reason", "step_down_plan"])
    add_objectives(plan, new_objectives, added_on=held_on)
    conference = _create_conference(
        referral=plan.referral,
        child=child,
        kind=ConferenceKind.REVIEW,
        section_47_enquiry=None,
        plan=plan,
        held_on=held_on,
        chair=chair,
        members=members,
        report_shared_with_parents_on=report_shared_with_parents_on,
        report_shared_with_child_on=report_shared_with_child_on,
        child_participation=child_participation,
        child_views=child_views,
        parents_views=parents_views,
        decision=decision,
        category=category,
        decision_rationale=decision_rationale,
        recorder=recorder,
    )
    outcome = f"the plan ends ({PlanEndReason(end_reason).label.lower()})" if ending else "the plan continues"
    event = record_event(
        events.REVIEW_CONFERENCE_HELD.code,
        children=[child],
        by=by,
        summary=f"Review child protection conference chaired by {chair.full_name}: " + "; ".join([outcome, *changes]),
        occurred_on=held_on,
        subject=conference,
    )
    if meet_clock(FIRST_REVIEW, subject=plan, met_on=held_on, event=event) is None:
        meet_clock(REVIEW, subject=plan, met_on=held_on, event=event)
    if ending:
        close_clocks_for(plan, on=held_on, reason=PLAN_ENDED)
    else:
        start_clock(REVIEW, child=child, subject=plan, started_on=held_on)
    return conference


def _end_problems(problems: Problems, *, end_reason: str, step_down_plan: str) -> None:
    """Why the plan ends, and (when the child is no longer at risk) the help that carries on."""
    if end_reason not in PlanEndReason.values:
        _add(problems, "end_reason", "Select why the plan is ending")
    elif end_reason == PlanEndReason.NO_LONGER_AT_RISK and not step_down_plan.strip():
        _add(problems, "step_down_plan", "Enter the step-down plan: the help that carries on after the plan ends")


@action
def hold_core_group(
    plan: ChildProtectionPlan,
    *,
    held_on: date,
    members: Sequence[CoreGroupMemberDetails],
    progress: Sequence[ObjectiveProgress],
    child_views: str = "",
    identity_considerations: str = "",
    drift_or_concerns: str = "",
    new_actions: Sequence[ObjectiveDetails] = (),
    by: User,
) -> CoreGroup:
    """Record a core group meeting: who came, whether it was quorate, progress on every open objective.

    Meets the first core group clock (10 working days after the initial conference) or the
    core group clock, and starts the next core group clock.
    """
    child = plan.child
    require(can_record_case_work(by, child))
    recorder = staff_of(by)
    assert recorder is not None
    problems: Problems = {}
    _open_plan_problem(problems, plan, doing="a core group")
    _date_problems(problems, "held_on", held_on, child=child, what="The core group")
    _add(
        problems,
        "held_on",
        core_group_date_problem(held_on, plan_started_on=plan.started_on, last_core_group_on=last_core_group_on(plan)),
    )
    for message in core_group_member_problems(members):
        _add(problems, "members", message)
    _progress_problems(problems, plan, progress)
    _objective_problems(problems, "new_actions", new_actions, on=held_on)
    if problems:
        raise RuleBroken(problems)

    quorum = quorum_of((member.agency, member.attended) for member in members)
    core_group = CoreGroup.objects.create(
        plan=plan,
        held_on=held_on,
        quorate=quorum.quorate,
        child_views=child_views.strip(),
        identity_considerations=identity_considerations.strip(),
        drift_or_concerns=drift_or_concerns.strip(),
        new_actions="\n".join(
            f"{action.action.strip()} ({action.owner.strip()}, by {long_date(action.target_date)})"
            for action in new_actions
        ),
        recorded_by=recorder,
        recorded_at=clock.now(),
    )
    CoreGroupMember.objects.bulk_create(
        CoreGroupMember(
            core_group=core_group,
            name=member.name.strip(),
            agency=member.agency,
            role=member.role.strip(),
            attended=member.attended,
        )
        for member in members
    )
    for reported in progress:
        record_progress(
            reported.objective, progress=reported.progress, notes=reported.notes, recorded_on=held_on, at=core_group
        )
    add_objectives(plan, new_actions, added_on=held_on)
    going_well = sum(1 for reported in progress if reported.progress in {Progress.ACHIEVED, Progress.ON_TRACK})
    summary = f"Core group ({quorum.in_words[:1].lower()}{quorum.in_words[1:]})"
    if progress:
        summary += f": {going_well} of {len(progress)} objectives achieved or on track"
    if new_actions:
        summary += f"; {len(new_actions)} new action{'s' if len(new_actions) != 1 else ''}"
    event = record_event(
        events.CORE_GROUP_HELD.code,
        children=[child],
        by=by,
        summary=summary,
        occurred_on=held_on,
        subject=core_group,
    )
    if meet_clock(FIRST_CORE_GROUP, subject=plan, met_on=held_on, event=event) is None:
        meet_clock(CORE_GROUP, subject=plan, met_on=held_on, event=event)
    meet_clock(PRE_BIRTH_REVIEW, subject=plan, met_on=held_on, event=event)
    start_clock(CORE_GROUP, child=child, subject=plan, started_on=held_on)
    return core_group


def _progress_problems(problems: Problems, plan: ChildProtectionPlan, progress: Sequence[ObjectiveProgress]) -> None:
    """Progress is reported on every open objective of this plan, once each (R-065)."""
    still_open = {objective.pk: objective for objective in open_objectives(plan)}
    reported: set[int] = set()
    for entry in progress:
        objective = entry.objective
        if objective.pk not in still_open:
            _add(problems, "progress", f"“{objective.action}” is not an open objective of this plan")
            continue
        if objective.pk in reported:
            _add(problems, "progress", f"Progress on “{objective.action}” is given twice")
        reported.add(objective.pk)
        if entry.progress not in Progress.values:
            _add(problems, "progress", f"Select the progress on “{objective.action}”")
    for pk, objective in still_open.items():
        if pk not in reported:
            _add(problems, "progress", f"Record the progress on “{objective.action}” ({objective.owner})")


@action
def end_child_protection_plan(
    plan: ChildProtectionPlan, *, ended_on: date, end_reason: str, step_down_plan: str = "", by: User
) -> ChildProtectionPlan:
    """End a plan outside a review conference (the child moved away, became looked after, turned 18, died).

    Closes every clock still running for the plan.
    """
    child = plan.child
    require(can_chair_conference(by, child))
    problems: Problems = {}
    _open_plan_problem(problems, plan, doing="an end")
    _date_problems(problems, "ended_on", ended_on, child=child, what="The end of the plan")
    if plan.ended_on is None:
        _add(problems, "ended_on", plan_end_problem(started_on=plan.started_on, ended_on=ended_on))
        _end_problems(problems, end_reason=end_reason, step_down_plan=step_down_plan)
    if problems:
        raise RuleBroken(problems)

    plan.ended_on = ended_on
    plan.end_reason = end_reason
    plan.step_down_plan = step_down_plan.strip()
    plan.save(update_fields=["ended_on", "end_reason", "step_down_plan"])
    record_event(
        events.PLAN_ENDED.code,
        children=[child],
        by=by,
        summary=f"Child protection plan ended: {plan.get_end_reason_display()}",
        occurred_on=ended_on,
        subject=plan,
    )
    close_clocks_for(plan, on=ended_on, reason=PLAN_ENDED)
    return plan


@action
def record_child_protection_plan_shared(plan: ChildProtectionPlan, *, shared_on: date, by: User) -> ChildProtectionPlan:
    """The day the family were given the plan written for them (R-047, R-050)."""
    child = plan.child
    require(can_record_case_work(by, child))
    problems: Problems = {}
    _add(problems, "shared_on", in_future(shared_on, today=clock.today(), what="The date the plan was shared"))
    if shared_on < plan.started_on:
        _add(
            problems,
            "shared_on",
            f"The plan cannot have been shared on {long_date(shared_on)}, before it started on "
            f"{long_date(plan.started_on)}",
        )
    if problems:
        raise RuleBroken(problems)
    plan.shared_with_family_on = shared_on
    plan.save(update_fields=["shared_with_family_on"])
    record_event(
        events.PLAN_SHARED_WITH_FAMILY.code,
        children=[child],
        by=by,
        summary="Child protection plan shared with the family",
        occurred_on=shared_on,
        subject=plan,
    )
    return plan


@action
def record_chair_feedback(conference: Conference, *, feedback: str, to: StaffMember | None, by: User) -> Conference:
    """The chair's quality-assurance feedback to the social worker's manager (R-066)."""
    require(can_record_chair_feedback(by, conference))
    problems: Problems = {}
    if conference.chair_feedback:
        _add(problems, "feedback", "The chair's feedback on this conference has already been recorded")
    if not feedback.strip():
        _add(problems, "feedback", "Enter your feedback")
    if to is None or not to.is_active or to.role not in MANAGER_ROLES:
        _add(problems, "to", "Choose the manager the feedback is for")
    if problems:
        raise RuleBroken(problems)
    assert to is not None
    conference.chair_feedback = feedback.strip()
    conference.chair_feedback_to = to
    conference.save(update_fields=["chair_feedback", "chair_feedback_to"])
    record_event(
        events.CHAIR_FEEDBACK_RECORDED.code,
        children=[conference.child],
        by=by,
        summary=f"{conference.chair.full_name} gave feedback on the {conference.get_kind_display().lower()} of "
        f"{long_date(conference.held_on)} to {to.full_name}",
        subject=conference,
    )
    return conference


@action
def record_feedback_follow_up(conference: Conference, *, followed_up_on: date, notes: str, by: User) -> Conference:
    """What the manager did about the chair's feedback, and when (R-066)."""
    require(can_follow_up_feedback(by, conference.child))
    problems: Problems = {}
    if not conference.chair_feedback:
        _add(problems, "notes", "The chair has not given feedback on this conference yet")
    elif conference.feedback_followed_up_on is not None:
        _add(
            problems,
            "notes",
            f"The feedback was already followed up on {long_date(conference.feedback_followed_up_on)}",
        )
    _add(problems, "followed_up_on", in_future(followed_up_on, today=clock.today(), what="The date of the follow-up"))
    if followed_up_on < conference.held_on:
        _add(
            problems,
            "followed_up_on",
            f"The follow-up on {long_date(followed_up_on)} is before the conference on {long_date(conference.held_on)}",
        )
    if not notes.strip():
        _add(problems, "notes", "Enter what was done about the feedback")
    if problems:
        raise RuleBroken(problems)
    conference.feedback_followed_up_on = followed_up_on
    conference.feedback_follow_up = notes.strip()
    conference.save(update_fields=["feedback_followed_up_on", "feedback_follow_up"])
    manager = staff_of(by)
    record_event(
        events.CHAIR_FEEDBACK_FOLLOWED_UP.code,
        children=[conference.child],
        by=by,
        summary=f"{manager.full_name if manager else 'A manager'} followed up the chair's feedback on the "
        f"{conference.get_kind_display().lower()} of {long_date(conference.held_on)}",
        occurred_on=followed_up_on,
        subject=conference,
    )
    return conference
