"""Reading the fostering service: households with their status, vacancies and reviews due; who is placed where."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from kith.children_in_care.models import Placement
from kith.children_in_care.queries import current_placement, open_period_of_care
from kith.fostering.models import (
    ApprovalReview,
    Household,
    HouseholdCarer,
    HouseholdStatus,
    PlacementLink,
)
from kith.platform.timescales.models import OPEN, Deadline

TEMPORARY_APPROVAL = "fostering.temporary_approval"
ANNUAL_REVIEW = "fostering.annual_review"


def carers_of(household: Household) -> list[Any]:
    return [row.person for row in HouseholdCarer.objects.filter(household=household).select_related("person")]


def fostering_elsewhere(people: list[Any]) -> dict[int, str]:
    """Of ``people``, those already carers of a household still fostering, with its name."""
    rows = HouseholdCarer.objects.filter(person__in=people, household__ended_on__isnull=True).select_related(
        "household"
    )
    return {row.person_id: row.household.name for row in rows}


def placed_now(household: Household) -> list[Placement]:
    """The open placements linked to the household: the children living there now."""
    return list(
        Placement.objects.filter(fostering_household__household=household, ended_on__isnull=True)
        .select_related("child")
        .order_by("started_on", "pk")
    )


def last_reviewed_on(household: Household) -> Any:
    return ApprovalReview.objects.filter(household=household).values_list("reviewed_on", flat=True).first()


def household_of(placement: Placement) -> Household | None:
    link = PlacementLink.objects.filter(placement=placement).select_related("household").first()
    return link.household if link else None


def _open_deadlines(code: str, households: Sequence[Household]) -> dict[str, Deadline]:
    found = Deadline.objects.filter(
        OPEN,
        timescale_code=code,
        subject_type__app_label="fostering",
        subject_type__model="household",
        subject_id__in=[str(h.pk) for h in households],
    )
    return {deadline.subject_id: deadline for deadline in found}


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the fostering service page."""

    household: Household
    carers: list[Any]
    status: HouseholdStatus
    placed: int
    vacancies: int | None
    review_due: Deadline | None
    temporary_approval_due: Deadline | None


def household_rows(*, include_ended: bool = False) -> list[HouseholdRow]:
    """Every household (still fostering, unless ``include_ended``), with vacancies and what is due."""
    households = Household.objects.annotate(
        placed=Count("placements", filter=Q(placements__placement__ended_on__isnull=True))
    ).prefetch_related("carers__person")
    if not include_ended:
        households = households.filter(ended_on__isnull=True)
    found = list(households.order_by("name", "pk"))
    reviews = _open_deadlines(ANNUAL_REVIEW, found)
    temporary = _open_deadlines(TEMPORARY_APPROVAL, found)
    rows = []
    for household in found:
        placed: int = household.placed
        places = household.approved_places if household.may_take_children else None
        rows.append(
            HouseholdRow(
                household=household,
                carers=[row.person for row in household.carers.all()],
                status=household.status,
                placed=placed,
                vacancies=max(places - placed, 0) if places is not None else None,
                review_due=reviews.get(str(household.pk)),
                temporary_approval_due=temporary.get(str(household.pk)),
            )
        )
    return rows


def households_taking_children() -> QuerySet[Household]:
    """Households approved (or temporarily approved) and still fostering: those a placement can be linked to."""
    return (
        Household.objects.filter(ended_on__isnull=True)
        .filter(Q(approved_on__isnull=False) | Q(temporary_approval_on__isnull=False))
        .order_by("name", "pk")
    )


def deadlines_of(household: Household) -> QuerySet[Deadline]:
    return Deadline.objects.filter(
        subject_type__model="household", subject_type__app_label="fostering", subject_id=str(household.pk)
    ).order_by("started_on", "pk")


def record_summary(child: Any) -> dict[str, Any]:
    """What the child's Case work tab shows: the fostering household of their current foster placement."""
    period = open_period_of_care(child)
    placement = current_placement(period) if period is not None else None
    return {
        "placement": placement,
        "household": household_of(placement) if placement is not None else None,
        "is_foster_placement": placement is not None and placement.placement_type.startswith("U"),
    }
