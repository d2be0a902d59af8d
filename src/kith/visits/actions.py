"""Recording a statutory visit to a child on a child in need or child protection plan, or in care.

The visit is recorded against the child's open child protection plan, else their time in care,
else their open child in need plan. When the child was seen, the visit meets the visit clock
running (``child_protection.visit``, default every 10 working days; ``child_in_need.visit``,
every 20; for a child in care, the placement's clock under reg 28, see
``kith.children_in_care.visiting``) and starts the next from the day of the visit. When the
child was not seen, the clock keeps running: the visit still has to happen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.adoption.models import AdoptionReview
from kith.care_reviews.queries import reviews_of
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.children_in_care.models import PeriodOfCare, Placement
from kith.children_in_care.queries import current_episode, current_placement, placement_on
from kith.children_in_care.visiting import VISIT_CLOCKS as CARE_VISIT_CLOCKS
from kith.children_in_care.visiting import next_visit_timescale
from kith.people.access import staff_of
from kith.people.models import Person
from kith.plans.records import open_objectives, record_progress
from kith.plans.rules import ProgressEntry, progress_problems
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import ADOPTIVE_PLACEMENTS
from kith.platform.rules import RuleBroken, require
from kith.platform.timescales.clocks import meet_clock, meet_clocks, start_clock
from kith.visits import events, queries, rules
from kith.visits.access import can_record_visit
from kith.visits.models import Visit, VisitUnder

if TYPE_CHECKING:
    from kith.platform.access.models import User


KIND_IN_WORDS = {
    VisitUnder.CHILD_PROTECTION_PLAN: "Child protection",
    VisitUnder.CHILD_IN_NEED_PLAN: "Child in need",
    VisitUnder.CARE: "Child in care",
}


def _seen_in_words(visit: Visit) -> str:
    if not visit.child_seen:
        return f"not seen ({visit.why_not_seen})"
    words = "seen alone" if visit.child_seen_alone else "seen, not alone"
    words += ", spoken to alone" if visit.child_spoken_to_alone else ", not spoken to alone"
    if visit.bedroom_seen is not None:
        words += ", bedroom seen" if visit.bedroom_seen else ", bedroom not seen"
    return words


@action
def record_visit(
    child: Person,
    *,
    visited_on: date,
    where: str,
    child_seen: bool,
    seen_alone: bool,
    spoken_to_alone: bool,
    bedroom_seen: bool | None,
    why_not_seen: str,
    observations: str,
    child_views: str,
    direct_work: str,
    analysis: str,
    outcome: str,
    progress: Sequence[ProgressEntry],
    why_not_alone: str = "",
    by: User,
) -> Visit:
    """Record a visit (R-002, R-003, R-004) and progress on each open objective of the plan.

    Refused when the child has no open plan, and when the record leaves out whether the child was
    seen, seen alone and spoken to alone (or why not), whether the bedroom was seen (child
    protection visits), what was observed, what it means, the outcome, or progress on any objective.
    """
    require(can_record_visit(by, child))
    plan = queries.open_plan_for(child)
    if plan is None:
        raise RuleBroken(rules.no_plan_problems(child))
    is_child_protection = isinstance(plan, ChildProtectionPlan)
    period = plan if isinstance(plan, PeriodOfCare) else None
    placement = placement_on(period, visited_on) if period is not None else None
    with_objectives = queries.plan_with_objectives(plan)
    problems = rules.visit_problems(
        child,
        plan_name=queries.plan_name(plan),
        plan_started_on=plan.started_on,
        is_child_protection=is_child_protection,
        visited_on=visited_on,
        today=clock.today(),
        where=where,
        child_seen=child_seen,
        seen_alone=seen_alone,
        spoken_to_alone=spoken_to_alone,
        why_not_seen=why_not_seen,
        why_not_alone=why_not_alone,
        bedroom_seen=bedroom_seen,
        observations=observations,
        child_views=child_views,
        analysis=analysis,
        outcome=outcome,
    )
    objectives = list(open_objectives(with_objectives)) if with_objectives is not None else []
    for field, messages in progress_problems(objectives, progress).items():
        problems.setdefault(field, []).extend(messages)
    if problems:
        raise RuleBroken(problems)
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    under = queries.under(plan)
    visit = Visit.objects.create(
        child=child,
        under=under,
        child_protection_plan=plan if isinstance(plan, ChildProtectionPlan) else None,
        child_in_need_plan=plan if isinstance(plan, ChildInNeedPlan) else None,
        period_of_care=period,
        placement=placement,
        visited_on=visited_on,
        visited_by=staff,
        where=where.strip(),
        child_seen=child_seen,
        child_seen_alone=child_seen and seen_alone,
        child_spoken_to_alone=child_seen and spoken_to_alone,
        bedroom_seen=bedroom_seen,
        why_not_seen="" if child_seen else why_not_seen.strip(),
        why_not_alone=why_not_alone.strip() if child_seen and not (seen_alone and spoken_to_alone) else "",
        observations=observations.strip(),
        child_views=child_views.strip(),
        direct_work=direct_work.strip(),
        analysis=analysis.strip(),
        outcome=outcome.strip(),
        recorded_by=staff,
        recorded_at=clock.now(),
    )
    for objective, value, notes in progress:
        record_progress(objective, progress=value, notes=notes, recorded_on=visited_on, at=visit)
    kind = KIND_IN_WORDS[under]
    event = record_event(
        events.VISIT_RECORDED.code,
        children=[child],
        by=by,
        summary=f"{kind} visit ({visit.where}): {child.given_name} {_seen_in_words(visit)}. Outcome: {visit.outcome}",
        occurred_on=visited_on,
        subject=visit,
    )
    if child_seen and isinstance(plan, PeriodOfCare):
        _meet_care_visit_clock(plan, visited_at=placement, visited_on=visited_on, event=event)
    elif child_seen:
        code = queries.CLOCKS[under]
        running = queries.next_visit_due(plan)
        # A visit entered late, dated before the clock now running started, leaves the clocks alone.
        if running is None or visited_on >= running.started_on:
            meet_clock(code, subject=plan, met_on=visited_on, event=event)
            start_clock(code, child=child, subject=plan, started_on=visited_on)
    return visit


def _meet_care_visit_clock(
    period: PeriodOfCare, *, visited_at: Placement | None, visited_on: date, event: object
) -> None:
    """Meet the current placement's visit clock and start the next one the regulations set.

    A visit entered late, to an earlier placement or before the clock now running started,
    leaves the clocks alone.
    """
    # The placement the visit was at is the current one unless it has ended (most visits are recorded
    # the day they happen): only then is the current one read.
    placement = visited_at if visited_at is not None and visited_at.ended_on is None else current_placement(period)
    if placement is None or visited_on < placement.started_on:
        return
    running = queries.placement_visit_due(placement)
    if running is not None and visited_on < running.started_on:
        return
    meet_clocks(CARE_VISIT_CLOCKS, subject=placement, met_on=visited_on, event=event)
    episode = current_episode(period)
    next_code = next_visit_timescale(
        placement,
        legal_status=episode.legal_status if episode is not None else "",
        visited_on=visited_on,
        first_review_held=_first_review_held(period, placement, visited_on=visited_on),
    )
    start_clock(next_code, child=period.child, subject=placement, started_on=visited_on)


def _first_review_held(period: PeriodOfCare, placement: Placement, *, visited_on: date) -> bool:
    """For a placement for adoption, an adoption review since it began; otherwise the child's first review."""
    if placement.placement_type in ADOPTIVE_PLACEMENTS:
        return AdoptionReview.objects.filter(
            plan__period=period, held_on__gte=placement.started_on, held_on__lte=visited_on
        ).exists()
    return reviews_of(period).filter(held_on__lte=visited_on).exists()
