"""Care proceedings: the court work behind every child who comes into care on an order.

A child who comes into care on an interim care order (C1) does so because the authority applied
for a care order and the court made the interim order at the first hearing; a child taken into
care on an emergency protection order (L2) had one made the same day, and the care application
follows when the court makes the interim order. The case then goes through a further case
management hearing and an issues resolution hearing to the final hearing, where the care order
(or, when the plan is adoption, the placement order) ends the proceedings.

Before most planned applications comes pre-proceedings under the public law outline: a manager's
decision to enter it, the letter before proceedings, an initial meeting with the parents and their
lawyers, a family group decision-making meeting offered (and mostly held), review meetings, and the
manager's decision to issue proceedings or step down. Seven in ten children whose child protection
plan ends with care at least 100 days in go through it first, and one in five on long plans that do
not, stepping down to the plan after three or four months.

Most run past the 26 weeks the law sets (Children Act 1989 s32, as the Children and Families Act
2014 amended it): nationally a third of care cases end within them, and they take 40 weeks on
average (Family Court Statistics Quarterly, July to September 2024). The reasons for the delay
are recorded. A child who leaves care before the final hearing leaves with the order that lets
them: a special guardianship or child arrangements order, or a supervision order when they go home.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.legal.actions import (
    conclude_care_proceedings,
    end_pre_proceedings,
    make_care_application,
    record_family_group_decision_making,
    record_hearing,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
    start_pre_proceedings,
)
from kith.legal.models import (
    ApplicationKind,
    CareProceedings,
    HearingKind,
    MeetingKind,
    Order,
    PreProceedings,
    PreProceedingsOutcome,
)
from kith.legal.queries import CARE_PROCEEDINGS_CLOCK, open_deadline
from kith.platform import clock
from kith.platform.access.models import User
from kith.synthetic.generator.case import Case
from kith.synthetic.generator.world import World, at

# Why proceedings ran past 26 weeks, as case reviews of the public law outline find them.
DELAYS = {
    "An independent expert's assessment of the parents took longer than the timetable allowed": 35,
    "A relative came forward late in the proceedings and was assessed as a carer": 25,
    "The final hearing was relisted: the court had no judge available on the day": 20,
    "The parents changed their lawyers and asked for time to prepare": 10,
    "A parent's capacity to instruct a lawyer was assessed": 10,
}
# How a child who leaves care before the final hearing leaves the proceedings (903 reason ceased).
ORDER_ON_LEAVING = {
    "E45": Order.SPECIAL_GUARDIANSHIP_ORDER,
    "E47": Order.SPECIAL_GUARDIANSHIP_ORDER,
    "E41": Order.CHILD_ARRANGEMENTS_ORDER,
    "E4A": Order.SUPERVISION_ORDER,
    "E13": Order.SUPERVISION_ORDER,
}


# --- pre-proceedings ------------------------------------------------------------------------------------


def plan_pre_proceedings(world: World, case: Case, stage: int, *, plan_started_on: date) -> None:
    """When the child protection plan starts: whether the public law outline comes into it. Before care,
    it starts 10 to 16 weeks before the child comes into care; on a long plan that does not end in
    care, somewhere in its middle, ending in a step down well before the plan does."""
    path = case.path
    if path.care_after_days is not None:
        if path.care_after_days >= 100 and world.chance(0.7):
            starts = plan_started_on + timedelta(days=path.care_after_days - world.between(70, 112))
            world.on(world.next_working_day(starts), at(9, 30), _enter_pre_proceedings, case, stage, None)
    elif path.plan_days >= 330 and world.chance(0.2):
        starts = plan_started_on + timedelta(days=world.between(120, path.plan_days - 210))
        steps_down = starts + timedelta(days=world.between(84, 126))
        world.on(world.next_working_day(starts), at(9, 30), _enter_pre_proceedings, case, stage, steps_down)


def _enter_pre_proceedings(world: World, case: Case, stage: int, steps_down: date | None) -> None:
    if stage != case.stage:
        return
    assert case.team is not None
    today = clock.today()
    started = start_pre_proceedings(
        case.child,
        entered_on=today,
        reason="The legal planning meeting found the threshold met: the risks have not reduced under the plan",
        by=world.staff.manager(case.team).user,
    )
    case.notes["pre_proceedings"] = started
    letter_on = world.working_days_after(today, world.between(2, 7))
    world.on(letter_on, at(16, 0), _letter_before_proceedings, case, stage, started)
    if steps_down is not None:
        world.on(world.next_working_day(steps_down), at(15, 30), _step_down, case, stage, started)


def _letter_before_proceedings(world: World, case: Case, stage: int, started: PreProceedings) -> None:
    if not _in_pre_proceedings(case, stage, started):
        return
    today = clock.today()
    send_letter_before_proceedings(
        started,
        sent_on=today,
        risks="The children's exposure to neglect and to their parents' arguments; missed health appointments",
        changes_expected="A clean, safe home; the children at school every day; the parents working with the plan",
        support_offered="Parenting support, a family support worker twice a week, and help with the parents' health",
        by=_worker(case),
    )
    initial = world.working_days_after(today, world.between(5, 10))
    world.on(initial, at(10, 0), _pre_proceedings_meeting, case, stage, started, MeetingKind.INITIAL)


def _pre_proceedings_meeting(world: World, case: Case, stage: int, started: PreProceedings, kind: str) -> None:
    if not _in_pre_proceedings(case, stage, started):
        return
    today = clock.today()
    review_on = world.working_days_after(today, world.between(30, 40))
    record_pre_proceedings_meeting(
        started,
        kind=kind,
        held_on=today,
        attendees="The parents and their solicitors, the social worker, the team manager and the authority's lawyer",
        summary="The letter's concerns were gone through; the parents agreed to the support and to the assessments"
        if kind == MeetingKind.INITIAL
        else "Some of the changes asked for have been made; others not yet",
        next_review_on=review_on,
        by=_worker(case),
    )
    if kind == MeetingKind.INITIAL:
        held = world.working_days_after(today, world.between(10, 20))
        world.on(held, at(13, 0), _family_meeting, case, stage, started, today)
    world.on(review_on, at(10, 0), _pre_proceedings_meeting, case, stage, started, MeetingKind.REVIEW)


def _family_meeting(world: World, case: Case, stage: int, started: PreProceedings, offered_on: date) -> None:
    """A family group decision-making meeting, offered at the initial meeting: most families hold one."""
    if not _in_pre_proceedings(case, stage, started):
        return
    record_family_group_decision_making(
        started, offered_on=offered_on, held_on=clock.today() if world.chance(0.8) else None, by=_worker(case)
    )


def _step_down(world: World, case: Case, stage: int, started: PreProceedings) -> None:
    if _in_pre_proceedings(case, stage, started):
        _end_pre_proceedings(
            world,
            case,
            PreProceedingsOutcome.STEP_DOWN_CP,
            "The parents have made and kept the changes the letter asked for; the plan continues",
        )


def end_with_the_plan(world: World, case: Case, *, to_child_in_need: bool) -> None:
    """The child protection plan ends while the child is in pre-proceedings (a child who was to come
    into care but could not, say at 18): the manager steps down with it."""
    if in_pre_proceedings(case):
        _end_pre_proceedings(
            world,
            case,
            PreProceedingsOutcome.STEP_DOWN_CIN if to_child_in_need else PreProceedingsOutcome.NO_FURTHER_ACTION,
            "The child protection plan has ended; the risks no longer call for proceedings",
        )


def _issue(world: World, case: Case) -> None:
    """The decision to issue care proceedings ends pre-proceedings, the day the application is made."""
    if in_pre_proceedings(case):
        _end_pre_proceedings(
            world,
            case,
            PreProceedingsOutcome.ISSUE_PROCEEDINGS,
            "The changes needed have not been made within the child's timescales; the child is not safe at home",
            letter_of_issue_sent=True,
        )


def _end_pre_proceedings(
    world: World, case: Case, outcome: str, rationale: str, *, letter_of_issue_sent: bool = False
) -> None:
    """The team manager's exit decision, today."""
    assert case.team is not None
    today = clock.today()
    end_pre_proceedings(
        case.notes["pre_proceedings"],
        ended_on=today,
        outcome=outcome,
        rationale=rationale,
        letter_of_issue_sent_on=today if letter_of_issue_sent else None,
        by=world.staff.manager(case.team).user,
    )
    case.notes["pre_proceedings"] = None


def in_pre_proceedings(case: Case) -> bool:
    return case.notes.get("pre_proceedings") is not None


def _in_pre_proceedings(case: Case, stage: int, started: PreProceedings) -> bool:
    return stage == case.stage and case.notes.get("pre_proceedings") is started


# --- care proceedings -----------------------------------------------------------------------------------


def emergency_protection_order(world: World, case: Case) -> None:
    """The emergency protection order the child comes into care on (L2): applied for and made the same
    day, which ends that application."""
    made = _apply(world, case, ApplicationKind.EMERGENCY_PROTECTION_ORDER)
    today = clock.today()
    record_hearing(
        made,
        kind=HearingKind.EMERGENCY,
        held_on=today,
        order_made=Order.EMERGENCY_PROTECTION_ORDER,
        summary="The court was satisfied the child was likely to suffer significant harm if not removed",
        by=_worker(case),
    )
    conclude_care_proceedings(
        made,
        ended_on=today,
        final_order=Order.EMERGENCY_PROTECTION_ORDER,
        outcome_summary="Emergency protection order for up to eight days; a care application follows",
        by=_worker(case),
    )


def interim_care_order(world: World, case: Case) -> None:
    """The care application, and the interim care order at its first hearing the same day (C1)."""
    _issue(world, case)
    made = _apply(world, case, ApplicationKind.CARE_ORDER)
    today = clock.today()
    next_hearing = world.next_working_day(today + timedelta(days=world.between(21, 42)))
    record_hearing(
        made,
        kind=HearingKind.FIRST,
        held_on=today,
        order_made=Order.INTERIM_CARE_ORDER,
        summary="Interim care order made; directions for the parents' assessments and the timetable",
        next_hearing_on=next_hearing,
        by=_worker(case),
    )
    case.notes["proceedings"] = made
    world.on(next_hearing, at(10, 30), _case_management_hearing, case, made)


def _case_management_hearing(world: World, case: Case, proceedings: CareProceedings) -> None:
    if not _still_before_the_court(case, proceedings):
        return
    today = clock.today()
    next_hearing = world.next_working_day(today + timedelta(days=world.between(56, 112)))
    record_hearing(
        proceedings,
        kind=HearingKind.FURTHER_CASE_MANAGEMENT,
        held_on=today,
        summary="Directions for the expert assessments and the final evidence",
        next_hearing_on=next_hearing,
        by=_worker(case),
    )
    world.on(next_hearing, at(10, 30), _issues_resolution_hearing, case, proceedings)


def _issues_resolution_hearing(world: World, case: Case, proceedings: CareProceedings) -> None:
    if not _still_before_the_court(case, proceedings):
        return
    today = clock.today()
    record_hearing(
        proceedings,
        kind=HearingKind.ISSUES_RESOLUTION,
        held_on=today,
        summary="The issues narrowed; the final hearing listed",
        next_hearing_on=world.next_working_day(today + timedelta(days=world.between(21, 56))),
        by=_worker(case),
    )


def final_hearing(world: World, case: Case, order: str) -> None:
    """The final hearing: ``order`` ends the care proceedings (a care order, or a placement order when
    the plan is adoption)."""
    proceedings = case.notes.get("proceedings")
    if proceedings is None:
        return
    today = clock.today()
    record_hearing(
        proceedings,
        kind=HearingKind.FINAL,
        held_on=today,
        order_made=order,
        summary="The court approved the authority's care plan",
        by=_worker(case),
    )
    _conclude(world, case, proceedings, order, "The court approved the care plan")


def on_leaving_care(world: World, case: Case, how: str) -> None:
    """A child who leaves care before the final hearing: the order they leave on ends the proceedings
    (reaching 18 ends them too: the court can make no care order for an adult)."""
    proceedings = case.notes.get("proceedings")
    if proceedings is None:
        return
    order = ORDER_ON_LEAVING.get(how, Order.WITHDRAWN)
    _conclude(world, case, proceedings, order, "The child left care before the final hearing")


def _conclude(world: World, case: Case, proceedings: CareProceedings, order: str, summary: str) -> None:
    today = clock.today()
    running = open_deadline(CARE_PROCEEDINGS_CLOCK, proceedings)
    late = running is not None and today > running.due_on
    conclude_care_proceedings(
        proceedings,
        ended_on=today,
        final_order=order,
        outcome_summary=summary,
        delay_reasons=world.weighted(DELAYS) if late else "",
        by=_worker(case),
    )
    case.notes["proceedings"] = None


def _still_before_the_court(case: Case, proceedings: CareProceedings) -> bool:
    return case.notes.get("proceedings") is proceedings


def _apply(world: World, case: Case, kind: str) -> CareProceedings:
    assert case.team is not None
    return make_care_application(
        case.child,
        application_kind=kind,
        application_made_on=clock.today(),
        court=f"The Family Court at {world.profile.town}",
        reason="The child is suffering, or likely to suffer, significant harm attributable to the care given",
        by=world.staff.manager(case.team).user,
    )


def _worker(case: Case) -> User:
    assert case.worker is not None
    return case.worker.user
