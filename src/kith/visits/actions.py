"""Recording a statutory visit to a child on a child in need or child protection plan.

The visit is recorded against the child's open child protection plan, else their open child
in need plan. When the child was seen, the visit meets the plan's visit clock
(``child_protection.visit``, default every 10 working days, or ``child_in_need.visit``, every
20) and starts the next from the day of the visit. When the child was not seen, the clock
keeps running: the visit still has to happen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.people.access import staff_of
from kith.people.models import Person
from kith.plans.records import open_objectives, record_progress
from kith.plans.rules import ProgressEntry, progress_problems
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.chronology.record import record_event
from kith.platform.rules import RuleBroken, require
from kith.platform.timescales.clocks import meet_clock, start_clock
from kith.visits import events, queries, rules
from kith.visits.access import can_record_visit
from kith.visits.models import Visit, VisitUnder

if TYPE_CHECKING:
    from kith.platform.access.models import User


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
    for field, messages in progress_problems(list(open_objectives(plan)), progress).items():
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
    kind = "Child protection" if under == VisitUnder.CHILD_PROTECTION_PLAN else "Child in need"
    event = record_event(
        events.VISIT_RECORDED.code,
        children=[child],
        by=by,
        summary=f"{kind} visit ({visit.where}): {child.given_name} {_seen_in_words(visit)}. Outcome: {visit.outcome}",
        occurred_on=visited_on,
        subject=visit,
    )
    if child_seen:
        code = queries.CLOCKS[under]
        running = queries.next_visit_due(plan)
        # A visit entered late, dated before the clock now running started, leaves the clocks alone.
        if running is None or visited_on >= running.started_on:
            meet_clock(code, subject=plan, met_on=visited_on, event=event)
            start_clock(code, child=child, subject=plan, started_on=visited_on)
    return visit
