"""Reading a child's reviews: the last one, the open decisions, what is due, the IRO."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from kith.care_reviews.models import IroAllocation, IroChallenge, Review, ReviewDecision, SupportOffer
from kith.platform import clock
from kith.platform.timescales.models import OPEN, Deadline

FIRST_REVIEW = "children_in_care.first_review"
SECOND_REVIEW = "children_in_care.second_review"
LATER_REVIEW = "children_in_care.later_review"
REVIEW_CLOCKS = (FIRST_REVIEW, SECOND_REVIEW, LATER_REVIEW)


def reviews_of(period: Any) -> QuerySet[Review]:
    """The period's reviews, oldest first, with their decisions."""
    return Review.objects.filter(period=period).order_by("held_on", "pk").prefetch_related("decisions")


def last_review(period: Any, *, before: date | None = None) -> Review | None:
    reviews = Review.objects.filter(period=period)
    if before is not None:
        reviews = reviews.filter(held_on__lt=before)
    return reviews.order_by("-held_on", "-pk").first()


def open_decisions(review: Review) -> QuerySet[ReviewDecision]:
    return review.decisions.filter(completed_on__isnull=True).order_by("due_on", "pk")


def current_iro(child: Any) -> IroAllocation | None:
    return IroAllocation.objects.filter(child=child, ended_on__isnull=True).select_related("iro").first()


def open_challenges(child: Any) -> QuerySet[IroChallenge]:
    return IroChallenge.objects.filter(child=child, resolved_on__isnull=True).order_by("raised_on", "pk")


def next_review_due(period: Any) -> Deadline | None:
    """The open review clock of the period, if one is running."""
    return (
        Deadline.objects.filter(OPEN, timescale_code__in=REVIEW_CLOCKS, child_id=period.child_id)
        .order_by("due_on")
        .first()
    )


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows about reviews: the IRO, the last review, what is due, open challenges."""
    period = child.periods_of_care.filter(ended_on__isnull=True).first()
    if period is None:
        return {"period": None}
    last = last_review(period)
    return {
        "period": period,
        "iro": current_iro(child),
        "last_review": last,
        "open_decisions": list(open_decisions(last)) if last else [],
        "next_due": next_review_due(period),
        "challenges": list(open_challenges(child)),
        "support_offers": list(SupportOffer.objects.filter(period=period)[:4]),
        "today": clock.today(),
    }
