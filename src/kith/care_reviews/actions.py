"""Allocating the IRO, holding reviews, following up their decisions and minutes, the IRO's challenges.

A review meets whichever review clock of the period is running (the first within 20
working days, the second within 3 months, then every 6 months) and starts the next:
after the first, the second; after any later one, the next six-monthly review.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.care_reviews import events, queries, rules
from kith.care_reviews.access import (
    can_allocate_iro,
    can_chair_review,
    can_follow_up_review,
    may_chair_reviews,
)
from kith.care_reviews.models import (
    ChallengeEscalation,
    ChallengeStage,
    IroAllocation,
    IroChallenge,
    IroContact,
    IroContactKind,
    OfferOutcome,
    Review,
    ReviewDecision,
    SupportKind,
    SupportOffer,
)
from kith.care_reviews.rules import DecisionDetails
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import ReviewParticipation
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import meet_clocks, start_clock

if TYPE_CHECKING:
    from kith.children_in_care.models import PeriodOfCare
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def allocate_iro(period: PeriodOfCare, *, iro: StaffMember, allocated_on: date, by: User) -> IroAllocation:
    """Make ``iro`` the child's independent reviewing officer from ``allocated_on``, ending any before."""
    child = period.child
    require(can_allocate_iro(by, child))
    problems = rules.in_care_problems(
        period, on=allocated_on, field="allocated_on", label="The allocation", today=clock.today()
    )
    if iro.role != "iro" or not iro.is_active:
        rules.add(problems, "iro", f"{iro.full_name} is not an independent reviewing officer in post")
    current = queries.current_iro(child)
    if current is not None and current.iro_id == iro.pk:
        rules.add(problems, "iro", f"{iro.full_name} is already {child.full_name}'s IRO")
    elif current is not None and allocated_on < current.allocated_on:
        rules.add(
            problems,
            "allocated_on",
            f"{current.iro.full_name} has been the IRO since {long_date(current.allocated_on)}: the new IRO "
            "cannot start before that",
        )
    refuse_if(problems)
    if current is not None:
        current.ended_on = allocated_on
        current.save(update_fields=["ended_on"])
    allocation = IroAllocation.objects.create(
        period=period,
        child=child,
        iro=iro,
        allocated_on=allocated_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.IRO_ALLOCATED.code,
        children=[child],
        by=by,
        summary=f"{iro.full_name} is the independent reviewing officer",
        occurred_on=allocated_on,
        subject=allocation,
    )
    return allocation


@action
def hold_review(
    period: PeriodOfCare,
    *,
    held_on: date,
    participation: str,
    iro_met_child_on: date | None,
    why_iro_did_not_meet_child: str = "",
    reports_received: str = "",
    previous_decisions_checked: bool | None = None,
    previous_decisions_notes: str = "",
    child_views: str,
    parents_views: str = "",
    carers_views: str = "",
    progress: str,
    care_plan_meets_needs: bool,
    decisions: Sequence[DecisionDetails],
    complaints_information_given: bool | None = None,
    advocate_offered: bool | None = None,
    by: User,
) -> Review:
    """Record a review the user chaired; meet the review clock running and start the next."""
    child = period.child
    require(can_chair_review(by, child))
    chair = _staff(by)
    previous = queries.last_review(period, before=held_on)
    refuse_if(
        rules.review_problems(
            period,
            held_on=held_on,
            today=clock.today(),
            chair_may_chair=may_chair_reviews(chair),
            participation=participation,
            iro_met_child_on=iro_met_child_on,
            why_iro_did_not_meet_child=why_iro_did_not_meet_child,
            previous=previous,
            previous_decisions_checked=previous_decisions_checked,
            previous_decisions_notes=previous_decisions_notes,
            child_views=child_views,
            progress=progress,
            decisions=decisions,
            same_day=Review.objects.filter(child=child, held_on=held_on).exists(),
        )
    )
    review = Review.objects.create(
        period=period,
        child=child,
        held_on=held_on,
        chair=chair,
        participation=participation,
        iro_met_child_on=iro_met_child_on,
        why_iro_did_not_meet_child=why_iro_did_not_meet_child.strip() if iro_met_child_on is None else "",
        reports_received=reports_received.strip(),
        previous_decisions_checked=previous_decisions_checked if previous is not None else None,
        previous_decisions_notes=previous_decisions_notes.strip(),
        child_views=child_views.strip(),
        parents_views=parents_views.strip(),
        carers_views=carers_views.strip(),
        progress=progress.strip(),
        care_plan_meets_needs=care_plan_meets_needs,
        complaints_information_given=complaints_information_given,
        advocate_offered=advocate_offered,
        recorded_by=chair,
        recorded_at=clock.now(),
    )
    for each in decisions:
        assert each.due_on is not None  # checked above
        ReviewDecision.objects.create(
            review=review, decision=each.decision.strip(), owner=each.owner.strip(), due_on=each.due_on
        )
    count = Review.objects.filter(period=period).count()
    event = record_event(
        events.REVIEW_HELD.code,
        children=[child],
        by=by,
        summary=f"Review chaired by {chair.full_name}: {ReviewParticipation(participation).label.lower()}; "
        f"{len(decisions)} decision{'s' if len(decisions) != 1 else ''}",
        occurred_on=held_on,
        subject=review,
    )
    _meet_and_restart_review_clock(period, held_on=held_on, event=event, first=count == 1)
    return review


def _meet_and_restart_review_clock(period: PeriodOfCare, *, held_on: date, event: object, first: bool) -> None:
    meet_clocks(queries.REVIEW_CLOCKS, subject=period, met_on=held_on, event=event)
    next_code = queries.SECOND_REVIEW if first else queries.LATER_REVIEW
    start_clock(next_code, child=period.child, subject=period, started_on=held_on)


@action
def complete_review_decision(decision: ReviewDecision, *, completed_on: date, by: User) -> ReviewDecision:
    """A review decision was carried out on ``completed_on``."""
    review = decision.review
    child = review.child
    require(can_follow_up_review(by, child))
    problems: rules.Problems = {}
    if decision.completed_on is not None:
        rules.add(problems, "completed_on", f"Already carried out on {long_date(decision.completed_on)}")
    if completed_on < review.held_on:
        rules.add(
            problems,
            "completed_on",
            f"The decision cannot be carried out ({long_date(completed_on)}) before the review that made it "
            f"({long_date(review.held_on)})",
        )
    if completed_on > clock.today():
        rules.add(problems, "completed_on", f"{long_date(completed_on)} is in the future")
    refuse_if(problems)
    decision.completed_on = completed_on
    decision.save(update_fields=["completed_on"])
    late = completed_on > decision.due_on
    record_event(
        events.DECISION_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"Done{' late' if late else ''}: {decision.decision} (due {long_date(decision.due_on)})",
        occurred_on=completed_on,
        subject=decision,
    )
    return decision


@action
def record_minutes_distributed(review: Review, *, distributed_on: date, recipients: str, by: User) -> Review:
    """The review's minutes went out on ``distributed_on`` to ``recipients``."""
    child = review.child
    require(can_follow_up_review(by, child))
    refuse_if(rules.minutes_problems(review, distributed_on=distributed_on, recipients=recipients, today=clock.today()))
    review.minutes_distributed_on = distributed_on
    review.minutes_recipients = recipients.strip()
    review.save(update_fields=["minutes_distributed_on", "minutes_recipients"])
    record_event(
        events.MINUTES_DISTRIBUTED.code,
        children=[child],
        by=by,
        summary=f"Minutes of the review on {long_date(review.held_on)} sent to {review.minutes_recipients}",
        occurred_on=distributed_on,
        subject=review,
    )
    return review


@action
def record_iro_contact(period: PeriodOfCare, *, contact_on: date, kind: str, notes: str, by: User) -> IroContact:
    """The IRO saw or spoke with the child between reviews."""
    child = period.child
    require(can_chair_review(by, child))
    problems = rules.in_care_problems(
        period, on=contact_on, field="contact_on", label="The contact", today=clock.today()
    )
    rules.required(problems, "notes", notes, "Say what the child said and what the IRO noticed")
    if kind not in IroContactKind.values:
        rules.add(problems, "kind", "Choose how the IRO was in touch")
    refuse_if(problems)
    contact = IroContact.objects.create(
        period=period,
        child=child,
        iro=_staff(by),
        contact_on=contact_on,
        kind=kind,
        notes=notes.strip(),
        recorded_at=clock.now(),
    )
    record_event(
        events.IRO_CONTACT.code,
        children=[child],
        by=by,
        summary=f"IRO contact ({contact.get_kind_display().lower()})",
        occurred_on=contact_on,
        subject=contact,
    )
    return contact


@action
def raise_iro_challenge(
    period: PeriodOfCare, *, raised_on: date, concern: str, review: Review | None = None, by: User
) -> IroChallenge:
    """The IRO challenges the care planning, at a review or between reviews."""
    child = period.child
    require(can_chair_review(by, child))
    problems = rules.in_care_problems(
        period, on=raised_on, field="raised_on", label="The challenge", today=clock.today()
    )
    rules.required(problems, "concern", concern, "Say what the IRO is challenging and why")
    if review is not None and review.period_id != period.pk:
        rules.add(problems, "review", "The review chosen belongs to another period of care")
    refuse_if(problems)
    challenge = IroChallenge.objects.create(
        period=period,
        child=child,
        iro=_staff(by),
        raised_on=raised_on,
        review=review,
        concern=concern.strip(),
        recorded_at=clock.now(),
    )
    record_event(
        events.CHALLENGE_RAISED.code,
        children=[child],
        by=by,
        summary=f"IRO challenge{' at the review' if review else ''}: {challenge.concern}",
        occurred_on=raised_on,
        subject=challenge,
    )
    return challenge


@action
def escalate_iro_challenge(
    challenge: IroChallenge, *, escalated_on: date, to_stage: str, reason: str, by: User
) -> IroChallenge:
    """The challenge goes to a later stage of dispute resolution."""
    child = challenge.child
    require(can_chair_review(by, child))
    refuse_if(
        rules.escalation_problems(
            challenge, escalated_on=escalated_on, to_stage=to_stage, reason=reason, today=clock.today()
        )
    )
    ChallengeEscalation.objects.create(
        challenge=challenge,
        escalated_on=escalated_on,
        to_stage=to_stage,
        reason=reason.strip(),
        recorded_at=clock.now(),
    )
    challenge.stage = to_stage
    challenge.save(update_fields=["stage"])
    record_event(
        events.CHALLENGE_ESCALATED.code,
        children=[child],
        by=by,
        summary=f"IRO challenge escalated to {ChallengeStage(to_stage).label.lower()}: {reason.strip()}",
        occurred_on=escalated_on,
        subject=challenge,
    )
    return challenge


@action
def resolve_iro_challenge(challenge: IroChallenge, *, resolved_on: date, agreed_actions: str, by: User) -> IroChallenge:
    """The challenge is settled, with the actions agreed."""
    child = challenge.child
    require(can_chair_review(by, child))
    problems: rules.Problems = {}
    if challenge.resolved_on is not None:
        rules.add(problems, "resolved_on", f"Already resolved on {long_date(challenge.resolved_on)}")
    if resolved_on < challenge.raised_on:
        rules.add(
            problems,
            "resolved_on",
            f"The challenge cannot be resolved ({long_date(resolved_on)}) before it was raised "
            f"({long_date(challenge.raised_on)})",
        )
    if resolved_on > clock.today():
        rules.add(problems, "resolved_on", f"{long_date(resolved_on)} is in the future")
    rules.required(problems, "agreed_actions", agreed_actions, "Say what was agreed")
    refuse_if(problems)
    challenge.resolved_on = resolved_on
    challenge.agreed_actions = agreed_actions.strip()
    challenge.save(update_fields=["resolved_on", "agreed_actions"])
    record_event(
        events.CHALLENGE_RESOLVED.code,
        children=[child],
        by=by,
        summary=f"IRO challenge resolved at {ChallengeStage(challenge.stage).label.lower()}: "
        f"{challenge.agreed_actions}",
        occurred_on=resolved_on,
        subject=challenge,
    )
    return challenge


@action
def record_support_offer(
    period: PeriodOfCare,
    *,
    kind: str,
    offered_on: date,
    outcome: str,
    purpose: str = "",
    reason_declined: str = "",
    provider: str = "",
    by: User,
) -> SupportOffer:
    """An advocate or independent visitor offered to the child, and what came of it."""
    child = period.child
    require(can_follow_up_review(by, child))
    refuse_if(
        rules.support_offer_problems(
            period,
            kind=kind,
            offered_on=offered_on,
            outcome=outcome,
            reason_declined=reason_declined,
            provider=provider,
            today=clock.today(),
        )
    )
    offer = SupportOffer.objects.create(
        period=period,
        child=child,
        kind=kind,
        offered_on=offered_on,
        outcome=outcome,
        purpose=purpose.strip(),
        reason_declined=reason_declined.strip() if outcome == OfferOutcome.DECLINED else "",
        provider=provider.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    words = {
        OfferOutcome.ACCEPTED: "accepted",
        OfferOutcome.PROVIDED: f"provided by {offer.provider}",
        OfferOutcome.DECLINED: f"declined: {offer.reason_declined}",
    }[OfferOutcome(outcome)]
    record_event(
        events.SUPPORT_OFFERED.code,
        children=[child],
        by=by,
        summary=f"{SupportKind(kind).label} offered; {words}",
        occurred_on=offered_on,
        subject=offer,
    )
    return offer
