"""Care proceedings: the court work behind every child who comes into care on an order.

A child who comes into care on an interim care order (C1) does so because the authority applied
for a care order and the court made the interim order at the first hearing; a child taken into
care on an emergency protection order (L2) had one made the same day, and the care application
follows when the court makes the interim order. The case then goes through a further case
management hearing and an issues resolution hearing to the final hearing, where the care order
(or, when the plan is adoption, the placement order) ends the proceedings.

Most run past the 26 weeks the law sets (Children Act 1989 s32, as the Children and Families Act
2014 amended it): nationally a third of care cases end within them, and they take 40 weeks on
average (Family Court Statistics Quarterly, July to September 2024). The reasons for the delay
are recorded. A child who leaves care before the final hearing leaves with the order that lets
them: a special guardianship or child arrangements order, or a supervision order when they go home.
"""

from __future__ import annotations

from datetime import timedelta

from kith.legal.actions import conclude_care_proceedings, make_care_application, record_hearing
from kith.legal.models import ApplicationKind, CareProceedings, HearingKind, Order
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
