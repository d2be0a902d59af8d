"""List 10 (adoption) from ``kith.adoption``'s plans, and List 11 (adopters), which Kith does not record."""

from __future__ import annotations

from django.db.models import Q

from kith.adoption.models import AdoptionPlan, AuthorityBasis
from kith.children_in_care.models import Placement
from kith.platform.reference.ssda903 import PlacementType
from kith.returns.annex_a import codes
from kith.returns.annex_a.children import Row, about, disability
from kith.returns.annex_a.period import Inspection

# Early permanence: fostering for adoption, with a relative or friend or with other approved adopters.
FOSTERING_FOR_ADOPTION = (PlacementType.RELATIVE_FOSTER_FOR_ADOPTION, PlacementType.FOSTER_FOR_ADOPTION)


def adoption_plans(inspection: Inspection) -> list[Row]:
    """List 10: one row for each decision that a child should be placed for adoption that was still in force
    at some time in the twelve months: open, or ended in them by an adoption order or a decision that the
    child should no longer be placed."""
    on = inspection.on
    since = inspection.twelve_months_before
    plans = (
        AdoptionPlan.objects.filter(decided_on__lte=on)
        .filter(Q(adoption_order_on__isnull=True) | Q(adoption_order_on__gte=since))
        .filter(Q(ceased_on__isnull=True) | Q(ceased_on__gte=since))
        .select_related("period", "child")
        .prefetch_related("child__disabilities")
        .order_by("child_id", "decided_on", "pk")
    )
    rows = []
    for plan in plans:
        ceased_on = inspection.by_then(plan.ceased_on)
        fostered_for_adoption = (
            Placement.objects.filter(
                period_id=plan.period_id, placement_type__in=FOSTERING_FOR_ADOPTION, started_on__lte=on
            )
            .order_by("started_on", "pk")
            .values_list("started_on", flat=True)
            .first()
        )
        placement_order = plan.authority_basis == AuthorityBasis.PLACEMENT_ORDER
        rows.append(
            {
                **about(plan.child, inspection),
                # Kith keeps no family identifier for brothers and sisters adopted together.
                "Family identifier": None,
                "Does the Child have a Disability": disability(plan.child),
                "Date the Child Entered Care": plan.period.started_on,
                "Date of Decision that Child Should be Placed for Adoption": plan.decided_on,
                "Date of Placement Order": inspection.by_then(plan.authority_given_on) if placement_order else None,
                "Date of Matching Child and Prospective Adopters": inspection.by_then(plan.matched_on),
                "Date Placed for Adoption": inspection.by_then(plan.placed_on),
                "Date of Adoption Order": inspection.by_then(plan.adoption_order_on),
                "Date of Decision that Child Should No Longer be Placed for Adoption": ceased_on,
                "Reason Why Child No Longer Placed for Adoption": (
                    codes.ADOPTION_DECISION_CEASED[plan.reason_ceased] if ceased_on else None
                ),
                "Date the child was placed for fostering in FFA or concurrent planning placement": (
                    fostered_for_adoption
                ),
            }
        )
    return rows


def adopters(inspection: Inspection) -> list[Row]:
    """List 11: Kith does not yet record prospective adopters (their enquiry, stages, approval), so the list
    is written with its headers and no rows rather than with anything made up."""
    return []
