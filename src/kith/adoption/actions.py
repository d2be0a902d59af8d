"""The adoption plan's stages: the decision, authority to place, the match, the placement, reviews, and the
decision ceasing or the adoption order.

Every adoption clock runs on the period of care, so that care ending for any reason closes
them. Authority to place starts the first review before placement (3 months); each review
meets the clock running and starts the next (every 6 months while the child waits). Placing
the child cancels the clocks before placement and starts the first review after it (4 weeks),
then the second (3 months) and later ones (6 months). The decision ceasing, or the adoption
order, closes what is left.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.adoption import events, queries, rules
from kith.adoption.access import can_record_adoption_decision, can_record_adoption_work
from kith.adoption.models import AdoptionPlan, AdoptionReview, AuthorityBasis
from kith.adoption.rules import MatchDetails
from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.queries import current_placement
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import ADOPTED, AdopterSex, ReasonEpisodeCeased, ReasonPlacedCeased
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import cancel_clock, meet_clocks, start_clock

if TYPE_CHECKING:
    from kith.children_in_care.models import PeriodOfCare
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember

PLACED = "placed for adoption"
CEASED = "the child should no longer be placed for adoption"
ADOPTED_REASON = "adopted"


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


def _cancel(codes: tuple[str, ...], period: PeriodOfCare, *, on: date, reason: str) -> None:
    for code in codes:
        cancel_clock(code, subject=period, on=on, reason=reason)


@action
def record_adoption_decision(
    period: PeriodOfCare,
    *,
    decided_on: date,
    decision_maker: str,
    reasons: str,
    panel_recommended_on: date | None = None,
    raa_notified_on: date | None = None,
    regional_adoption_agency: str = "",
    by: User,
) -> AdoptionPlan:
    """The agency decision maker decided that the child should be placed for adoption (903 DATE_INT)."""
    child = period.child
    require(can_record_adoption_decision(by, child))
    refuse_if(
        rules.decision_problems(
            period,
            decided_on=decided_on,
            today=clock.today(),
            decision_maker=decision_maker,
            reasons=reasons,
            panel_recommended_on=panel_recommended_on,
            raa_notified_on=raa_notified_on,
            open_plan=queries.open_plan(period),
            last_plan=queries.latest_plan(period),
        )
    )
    plan = AdoptionPlan.objects.create(
        period=period,
        child=child,
        decided_on=decided_on,
        decision_maker=decision_maker.strip(),
        reasons=reasons.strip(),
        panel_recommended_on=panel_recommended_on,
        raa_notified_on=raa_notified_on,
        regional_adoption_agency=regional_adoption_agency.strip() if raa_notified_on else "",
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    notified = ""
    if raa_notified_on is not None:
        agency = plan.regional_adoption_agency or "the regional adoption agency"
        notified = f"; {agency} notified on {long_date(raa_notified_on)}"
    record_event(
        events.SHOULD_BE_PLACED.code,
        children=[child],
        by=by,
        summary=f"{plan.decision_maker} decided that {child.given_name} should be placed for adoption{notified}",
        occurred_on=decided_on,
        subject=plan,
    )
    return plan


@action
def record_authority_to_place(plan: AdoptionPlan, *, basis: str, given_on: date, by: User) -> AdoptionPlan:
    """The agency may now place the child: a placement order made (the child's legal status is already E1),
    or the parents' consent under section 19. Starts the 3-month clock to the first adoption review."""
    period = plan.period
    child = period.child
    require(can_record_adoption_work(by, child))
    refuse_if(
        rules.authority_problems(
            plan,
            basis=basis,
            given_on=given_on,
            today=clock.today(),
            legal_status_that_day=queries.legal_status_on(period, given_on),
        )
    )
    plan.authority_basis = basis
    plan.authority_given_on = given_on
    plan.save(update_fields=["authority_basis", "authority_given_on"])
    record_event(
        events.AUTHORITY_TO_PLACE_GIVEN.code,
        children=[child],
        by=by,
        summary=f"Authority to place for adoption: {AuthorityBasis(basis).label.lower()}",
        occurred_on=given_on,
        subject=plan,
    )
    start_clock(queries.REVIEW_BEFORE_PLACEMENT, child=child, subject=period, started_on=given_on)
    return plan


@action
def record_adoption_match(plan: AdoptionPlan, *, match: MatchDetails, by: User) -> AdoptionPlan:
    """The child is matched with prospective adopters (903 DATE_MATCH and the AD1 facts about them)."""
    child = plan.period.child
    require(can_record_adoption_work(by, child))
    refuse_if(rules.match_problems(plan, match, today=clock.today()))
    plan.matched_on = match.matched_on
    plan.matching_panel_on = match.matching_panel_on
    plan.adopters = match.adopters.strip()
    plan.number_of_adopters = match.number_of_adopters
    plan.adopters_sex = match.adopters_sex
    plan.adopters_legal_status = match.adopters_legal_status
    plan.adopted_by_foster_carers = match.adopted_by_foster_carers
    plan.transition_plan = match.transition_plan.strip()
    plan.save(
        update_fields=[
            "matched_on",
            "matching_panel_on",
            "adopters",
            "number_of_adopters",
            "adopters_sex",
            "adopters_legal_status",
            "adopted_by_foster_carers",
            "transition_plan",
        ]
    )
    days = (match.matched_on - plan.decided_on).days
    record_event(
        events.MATCHED.code,
        children=[child],
        by=by,
        summary=f"Matched with {plan.adopters} ({AdopterSex(plan.adopters_sex).label.lower()}), "
        f"{days} days after the decision",
        occurred_on=match.matched_on,
        subject=plan,
    )
    return plan


@action
def record_placed_for_adoption(plan: AdoptionPlan, *, by: User) -> AdoptionPlan:
    """The child's current placement (A3–A6, made by a move) is the placement for adoption, from the day it
    began. Cancels the review clocks before placement and starts the first review after it (4 weeks)."""
    period = plan.period
    child = period.child
    require(can_record_adoption_work(by, child))
    placement = current_placement(period)
    refuse_if(rules.placed_problems(plan, placement=placement))
    assert placement is not None  # the rules refuse a plan without one
    placed_on = placement.started_on
    plan.placed_on = placed_on
    plan.placement = placement
    plan.save(update_fields=["placed_on", "placement"])
    timeliness = queries.timeliness(plan, today=clock.today())
    record_event(
        events.PLACED_FOR_ADOPTION.code,
        children=[child],
        by=by,
        summary=f"Placed for adoption with {plan.adopters} ({placement.placement_type}), "
        f"{timeliness.days_to_placement} days after the decision"
        + (" (more than 12 months)" if timeliness.over_twelve_months else ""),
        occurred_on=placed_on,
        subject=plan,
    )
    _cancel(queries.CLOCKS_BEFORE_PLACEMENT, period, on=placed_on, reason=PLACED)
    start_clock(queries.FIRST_REVIEW_AFTER_PLACEMENT, child=child, subject=period, started_on=placed_on)
    return plan


@action
def record_adoption_review(
    plan: AdoptionPlan, *, held_on: date, child_views: str, progress: str, decisions: str = "", by: User
) -> AdoptionReview:
    """An adoption review (reg 36): meets the adoption review clock running and starts the next."""
    period = plan.period
    child = period.child
    require(can_record_adoption_work(by, child))
    problems = rules.review_problems(
        plan, held_on=held_on, today=clock.today(), child_views=child_views, progress=progress
    )
    if AdoptionReview.objects.filter(plan=plan, held_on=held_on).exists():
        rules.add(problems, "held_on", f"An adoption review on {long_date(held_on)} is already recorded")
    refuse_if(problems)
    after_placement = plan.placed_on is not None and held_on >= plan.placed_on
    review = AdoptionReview.objects.create(
        plan=plan,
        child=child,
        held_on=held_on,
        after_placement=after_placement,
        child_views=child_views.strip(),
        progress=progress.strip(),
        decisions=decisions.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    event = record_event(
        events.ADOPTION_REVIEW_HELD.code,
        children=[child],
        by=by,
        summary=f"Adoption review {'after' if after_placement else 'before'} placement: {review.progress}",
        occurred_on=held_on,
        subject=review,
    )
    _meet_and_restart_review_clock(plan, held_on=held_on, after_placement=after_placement, event=event)
    return review


def _meet_and_restart_review_clock(plan: AdoptionPlan, *, held_on: date, after_placement: bool, event: object) -> None:
    period = plan.period
    running = queries.next_review_due(period)
    # A review entered late, dated before the clock now running started, leaves the clocks alone.
    if running is not None and held_on < running.started_on:
        return
    meet_clocks(queries.ADOPTION_REVIEW_CLOCKS, subject=period, met_on=held_on, event=event)
    if not after_placement:
        next_code = queries.LATER_REVIEW_BEFORE_PLACEMENT
    elif AdoptionReview.objects.filter(plan=plan, after_placement=True).count() == 1:
        next_code = queries.SECOND_REVIEW_AFTER_PLACEMENT
    else:
        next_code = queries.LATER_REVIEW_AFTER_PLACEMENT
    start_clock(next_code, child=period.child, subject=period, started_on=held_on)


@action
def record_adoption_decision_ceased(
    plan: AdoptionPlan, *, ceased_on: date, reason: str, why: str, by: User
) -> AdoptionPlan:
    """The child should no longer be placed for adoption (903 DATE_PLACED_CEASED, REASON_PLACED_CEASED):
    the adoption review clocks close."""
    period = plan.period
    child = period.child
    require(can_record_adoption_decision(by, child))
    refuse_if(
        rules.ceased_problems(
            plan,
            ceased_on=ceased_on,
            today=clock.today(),
            reason=reason,
            why=why,
            placement=current_placement(period),
        )
    )
    plan.ceased_on = ceased_on
    plan.reason_ceased = reason
    plan.why_ceased = why.strip()
    plan.save(update_fields=["ceased_on", "reason_ceased", "why_ceased"])
    record_event(
        events.DECISION_CEASED.code,
        children=[child],
        by=by,
        summary=f"{child.given_name} should no longer be placed for adoption ({reason}: "
        f"{ReasonPlacedCeased(reason).label.lower()}): {plan.why_ceased}",
        occurred_on=ceased_on,
        subject=plan,
    )
    _cancel(queries.ADOPTION_REVIEW_CLOCKS, period, on=ceased_on, reason=CEASED)
    return plan


@action
def record_adoption_order(plan: AdoptionPlan, *, made_on: date, reason_ceased: str, by: User) -> AdoptionPlan:
    """The court made the adoption order: the child stops being looked after that day (E11 or E12, through
    ``end_period_of_care``, unless care was already ended so on that day) and the plan ends."""
    period = plan.period
    child = period.child
    require(can_record_adoption_work(by, child))
    problems = rules.adoption_order_problems(plan, made_on=made_on, reason_ceased=reason_ceased, today=clock.today())
    ended_on = period.ended_on
    if ended_on is not None and (ended_on != made_on or period.reason_ceased not in ADOPTED):
        rules.add(
            problems,
            "made_on",
            f"{child.full_name} stopped being looked after on {long_date(ended_on)} "
            f"({period.reason_ceased}), not by adoption on {long_date(made_on)}",
        )
    refuse_if(problems)
    if ended_on is None:
        end_period_of_care(period, ended_on=made_on, reason_ceased=reason_ceased, by=by)
    plan.adoption_order_on = made_on
    plan.save(update_fields=["adoption_order_on"])
    record_event(
        events.ADOPTION_ORDER_MADE.code,
        children=[child],
        by=by,
        summary=f"Adoption order made: {child.given_name} adopted by {plan.adopters} "
        f"({ReasonEpisodeCeased(period.reason_ceased or reason_ceased).label.lower()})",
        occurred_on=made_on,
        subject=plan,
    )
    _cancel(queries.ADOPTION_REVIEW_CLOCKS, period, on=made_on, reason=ADOPTED_REASON)
    return plan
