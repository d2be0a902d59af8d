"""What makes a review, an IRO allocation or a challenge acceptable: pure checks naming the dates and codes.

The 903 rules behind a check are named in brackets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kith.care_reviews.models import STAGE_ORDER, ChallengeStage, IroChallenge, OfferOutcome, Review, SupportKind
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import ReviewParticipation


@dataclass(frozen=True)
class DecisionDetails:
    """A decision of a review as the IRO words it: what, who, by when."""

    decision: str
    owner: str
    due_on: date | None


def merge(*found: Problems) -> Problems:
    problems: Problems = {}
    for each in found:
        for field, messages in each.items():
            problems.setdefault(field, []).extend(messages)
    return problems


def in_care_problems(period: Any, *, on: date, field: str, label: str, today: date) -> Problems:
    """Work on a period of care is dated inside it: not before the child came into care, not after care ended."""
    problems = dated_work_problems(field, label, on, child=period.child, today=today)
    if on < period.started_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before {period.child.full_name} came into care "
            f"({long_date(period.started_on)})",
        )
    if period.ended_on is not None and on > period.ended_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is after {period.child.full_name} stopped being looked after "
            f"({long_date(period.ended_on)})",
        )
    return problems


def participation_problems(child: Any, *, participation: str, held_on: date) -> Problems:
    """PN0 is for a child under 4 on the day of the review, and only for them (rule 167 and the guide)."""
    problems: Problems = {}
    if participation not in ReviewParticipation.values:
        add(problems, "participation", "Choose how the child took part in the review")
        return problems
    age = child.age_on(held_on)
    under_four = age is not None and age < 4
    if under_four and participation != ReviewParticipation.UNDER_FOUR:
        add(problems, "participation", f"{child.full_name} was {age} on the day of the review: the code is PN0")
    if not under_four and participation == ReviewParticipation.UNDER_FOUR:
        add(
            problems,
            "participation",
            f"PN0 is for a child under 4; {child.full_name} was {age} on {long_date(held_on)}",
        )
    return problems


def decision_problems(decisions: Sequence[DecisionDetails], *, held_on: date) -> Problems:
    problems: Problems = {}
    if not decisions:
        add(problems, "decisions", "Record at least one decision, with who will do it and by when")
    for number, each in enumerate(decisions, start=1):
        field = f"decision_{number}"
        required(problems, field, each.decision, f"Decision {number}: say what was decided")
        required(problems, field, each.owner, f"Decision {number}: say who will do it")
        if each.due_on is None:
            add(problems, field, f"Decision {number}: say by when")
        elif each.due_on < held_on:
            add(
                problems,
                field,
                f"Decision {number} is due on {long_date(each.due_on)}, before the review ({long_date(held_on)})",
            )
    return problems


def review_problems(
    period: Any,
    *,
    held_on: date,
    today: date,
    chair_may_chair: bool,
    participation: str,
    iro_met_child_on: date | None,
    why_iro_did_not_meet_child: str,
    previous: Review | None,
    previous_decisions_checked: bool | None,
    previous_decisions_notes: str,
    child_views: str,
    progress: str,
    decisions: Sequence[DecisionDetails],
    same_day: bool,
) -> Problems:
    child = period.child
    problems = in_care_problems(period, on=held_on, field="held_on", label="The review", today=today)
    if same_day:
        add(problems, "held_on", f"A review of {long_date(held_on)} is already recorded for {child.full_name}")
    if not chair_may_chair:
        add(problems, "chair", "The chair must be an independent reviewing officer or a manager still in post")
    if iro_met_child_on is None:
        required(
            problems,
            "why_iro_did_not_meet_child",
            why_iro_did_not_meet_child,
            "Say when the IRO met the child before the review, or why they did not",
        )
    elif iro_met_child_on > held_on:
        add(
            problems,
            "iro_met_child_on",
            f"The IRO's meeting with the child ({long_date(iro_met_child_on)}) is after the review "
            f"({long_date(held_on)})",
        )
    if previous is not None:
        if previous_decisions_checked is None:
            add(
                problems,
                "previous_decisions_checked",
                f"Say whether the decisions of the review on {long_date(previous.held_on)} were checked",
            )
        required(
            problems,
            "previous_decisions_notes",
            previous_decisions_notes,
            f"Say what became of the decisions of the review on {long_date(previous.held_on)}",
        )
    required(problems, "child_views", child_views, "Record the child's views, or how they were sought")
    required(problems, "progress", progress, "Record the progress since the last review")
    return merge(
        problems,
        participation_problems(child, participation=participation, held_on=held_on),
        decision_problems(decisions, held_on=held_on),
    )


def minutes_problems(review: Review, *, distributed_on: date, recipients: str, today: date) -> Problems:
    problems: Problems = {}
    if distributed_on > today:
        add(problems, "distributed_on", f"The date the minutes went out ({long_date(distributed_on)}) is in the future")
    if distributed_on < review.held_on:
        add(
            problems,
            "distributed_on",
            f"The minutes cannot go out ({long_date(distributed_on)}) before the review ({long_date(review.held_on)})",
        )
    required(problems, "recipients", recipients, "Say who the minutes went to, including the parents")
    return problems


def escalation_problems(
    challenge: IroChallenge, *, escalated_on: date, to_stage: str, reason: str, today: date
) -> Problems:
    problems: Problems = {}
    if challenge.resolved_on is not None:
        add(problems, "to_stage", f"The challenge was resolved on {long_date(challenge.resolved_on)}")
    if escalated_on > today:
        add(problems, "escalated_on", f"The escalation ({long_date(escalated_on)}) is in the future")
    if escalated_on < challenge.raised_on:
        add(
            problems,
            "escalated_on",
            f"The escalation ({long_date(escalated_on)}) is before the challenge was raised "
            f"({long_date(challenge.raised_on)})",
        )
    if to_stage not in ChallengeStage.values:
        add(problems, "to_stage", "Choose the stage the challenge goes to")
    elif STAGE_ORDER.index(to_stage) <= STAGE_ORDER.index(challenge.stage):
        add(
            problems,
            "to_stage",
            f"The challenge is already at {ChallengeStage(challenge.stage).label.lower()}: choose a later stage",
        )
    required(problems, "reason", reason, "Say why the challenge goes further")
    return problems


def support_offer_problems(
    period: Any, *, kind: str, offered_on: date, outcome: str, reason_declined: str, provider: str, today: date
) -> Problems:
    problems = in_care_problems(period, on=offered_on, field="offered_on", label="The offer", today=today)
    if kind not in SupportKind.values:
        add(problems, "kind", "Choose what was offered: an advocate or an independent visitor")
    if outcome not in OfferOutcome.values:
        add(problems, "outcome", "Choose what came of the offer")
    elif outcome == OfferOutcome.DECLINED:
        required(problems, "reason_declined", reason_declined, "Say why the child declined, in their words if you can")
    elif outcome == OfferOutcome.PROVIDED:
        required(problems, "provider", provider, "Say who provides the advocate or visitor")
    return problems
