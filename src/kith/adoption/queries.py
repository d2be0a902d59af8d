"""Reading a child's adoption plan: the plan open now, its reviews, what is due, how long each stage took,
and the 903 AD1 and PlacedAdoption rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from kith.adoption.models import AdoptionPlan, AdoptionReview, AuthorityBasis
from kith.children_in_care.models import Episode, PeriodOfCare
from kith.platform import clock
from kith.platform.calendar.working_days import add_months
from kith.platform.timescales.models import OPEN, Deadline

REVIEW_BEFORE_PLACEMENT = "children_in_care.adoption_review_before_placement"
LATER_REVIEW_BEFORE_PLACEMENT = "children_in_care.adoption_later_review_before_placement"
FIRST_REVIEW_AFTER_PLACEMENT = "children_in_care.adoption_first_review_after_placement"
SECOND_REVIEW_AFTER_PLACEMENT = "children_in_care.adoption_second_review_after_placement"
LATER_REVIEW_AFTER_PLACEMENT = "children_in_care.adoption_later_review_after_placement"
CLOCKS_BEFORE_PLACEMENT = (REVIEW_BEFORE_PLACEMENT, LATER_REVIEW_BEFORE_PLACEMENT)
CLOCKS_AFTER_PLACEMENT = (
    FIRST_REVIEW_AFTER_PLACEMENT,
    SECOND_REVIEW_AFTER_PLACEMENT,
    LATER_REVIEW_AFTER_PLACEMENT,
)
ADOPTION_REVIEW_CLOCKS = (*CLOCKS_BEFORE_PLACEMENT, *CLOCKS_AFTER_PLACEMENT)
# M62: a child should be placed within 12 months of the decision that they should be placed (RC12 ¶135).
PLACED_WITHIN_MONTHS = 12


def open_plan(period: PeriodOfCare) -> AdoptionPlan | None:
    """The period's adoption plan that has neither ceased nor ended in an order, if any."""
    return (
        AdoptionPlan.objects.filter(period=period, ceased_on__isnull=True, adoption_order_on__isnull=True)
        .select_related("placement")
        .first()
    )


def latest_plan(period: PeriodOfCare) -> AdoptionPlan | None:
    return AdoptionPlan.objects.filter(period=period).order_by("-decided_on", "-pk").first()


def plans_of(child: Any) -> QuerySet[AdoptionPlan]:
    """Every adoption plan of the child, oldest first."""
    return AdoptionPlan.objects.filter(child=child).order_by("decided_on", "pk")


def consent_to_place_on(period: PeriodOfCare) -> date | None:
    """The day the parents consented under section 19, when that is the open plan's authority to place.

    A placement for adoption with consent (A3, A4) needs it (read by ``children_in_care``'s moves).
    """
    plan = open_plan(period)
    if plan is None or plan.authority_basis != AuthorityBasis.CONSENT:
        return None
    return plan.authority_given_on


def legal_status_on(period: PeriodOfCare, on: date) -> str:
    """The 903 legal status of the episode the child was in on ``on`` (on the day of a change, the new one)."""
    episode = (
        Episode.objects.filter(period=period, started_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .order_by("-started_on", "-pk")
        .first()
    )
    return episode.legal_status if episode is not None else ""


def reviews_of(plan: AdoptionPlan) -> QuerySet[AdoptionReview]:
    return AdoptionReview.objects.filter(plan=plan).order_by("held_on", "pk")


def next_review_due(period: PeriodOfCare) -> Deadline | None:
    """The open adoption review clock of the period, if one is running."""
    return (
        Deadline.objects.filter(OPEN, timescale_code__in=ADOPTION_REVIEW_CLOCKS, child_id=period.child_id)
        .order_by("due_on")
        .first()
    )


@dataclass(frozen=True)
class Timeliness:
    """How long the plan took: days from the decision to the match and to the placement, and whether the
    child was placed (or is still waiting) beyond 12 months of the decision (M62)."""

    days_to_match: int | None
    days_to_placement: int | None
    # The last day a placement counts as within 12 months of the decision.
    placed_by: date
    # Placed after ``placed_by``, or still waiting beyond it while the plan is open.
    over_twelve_months: bool


def timeliness(plan: AdoptionPlan, *, today: date) -> Timeliness:
    placed_by = add_months(plan.decided_on, PLACED_WITHIN_MONTHS)
    # Placed late, or still waiting past the day while the plan is open.
    waiting_until = plan.placed_on if plan.placed_on is not None else (today if plan.is_open else placed_by)
    late = waiting_until > placed_by
    return Timeliness(
        days_to_match=(plan.matched_on - plan.decided_on).days if plan.matched_on else None,
        days_to_placement=(plan.placed_on - plan.decided_on).days if plan.placed_on else None,
        placed_by=placed_by,
        over_twelve_months=late,
    )


# -- the SSDA903 rows ---------------------------------------------------------------------------------


def placed_adoption_rows(child: Any) -> list[dict[str, Any]]:
    """The 903 PlacedAdoption rows of the child: one for each decision that they should be placed."""
    return [
        {
            "DATE_PLACED": plan.decided_on,
            "DATE_PLACED_CEASED": plan.ceased_on,
            "REASON_PLACED_CEASED": plan.reason_ceased,
        }
        for plan in plans_of(child)
    ]


def ad1_row(child: Any) -> dict[str, Any] | None:
    """The 903 AD1 row of a child adopted from care (the plan that ended in an adoption order), else None."""
    plan = AdoptionPlan.objects.filter(child=child, adoption_order_on__isnull=False).order_by("-decided_on").first()
    if plan is None:
        return None
    return {
        "DATE_INT": plan.decided_on,
        "DATE_MATCH": plan.matched_on,
        "FOSTER_CARE": 1 if plan.adopted_by_foster_carers else 0,
        "NB_ADOPTR": plan.number_of_adopters,
        "SEX_ADOPTR": plan.adopters_sex,
        "LS_ADOPTR": plan.adopters_legal_status,
    }


def record_summary(child: Any) -> dict[str, Any]:
    """The "Adoption" panel of the Case work tab: the open plan (or the last of the latest period of care)
    with its timeliness and the next review due; while the child is looked after with no plan, a link to
    record the decision."""
    period = PeriodOfCare.objects.filter(child=child).order_by("-started_on", "-pk").first()
    if period is None:
        return {"period": None, "plan": None}
    plan = open_plan(period) or latest_plan(period)
    is_open = period.ended_on is None
    if plan is None and not is_open:
        return {"period": None, "plan": None}
    today = clock.today()
    return {
        "period": period,
        "is_looked_after": is_open,
        "plan": plan,
        "timeliness": timeliness(plan, today=today) if plan is not None else None,
        "next_review": next_review_due(period) if plan is not None and plan.is_open else None,
        "today": today,
    }
