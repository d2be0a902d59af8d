"""Adoption of children in care: the plan from the decision to the adoption order, and its reviews.

An *adoption plan* starts with the agency decision maker's decision that a child in care
should be placed for adoption (the 903's DATE_INT, and DATE_PLACED of the PlacedAdoption
table). Its stages are recorded on it in turn by the actions: the authority to place (a
placement order, or the parents' consent under section 19 of the Adoption and Children Act
2002), the match with prospective adopters (DATE_MATCH and the AD1 facts about them), the
day the child was placed with them, then either the adoption order or the decision ceasing
(DATE_PLACED_CEASED, REASON_PLACED_CEASED). A period of care may hold more than one plan
over time, but only one that is still open (903 rule 579).

Adoption reviews (Adoption Agencies Regulations 2005, reg 36) are their own records.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import (
    AdopterLegalStatus,
    AdopterSex,
    ReasonEpisodeCeased,
    ReasonPlacedCeased,
)


class AuthorityBasis(models.TextChoices):
    """What authorises the agency to place the child for adoption."""

    PLACEMENT_ORDER = "placement_order", "Placement order made by the court (section 21)"
    CONSENT = "consent", "Parents' consent to placement (section 19)"


ADOPTION_ORDER_REASONS = [
    (ReasonEpisodeCeased.ADOPTED_UNOPPOSED.value, ReasonEpisodeCeased.ADOPTED_UNOPPOSED.label),
    (ReasonEpisodeCeased.ADOPTED_CONSENT_DISPENSED.value, ReasonEpisodeCeased.ADOPTED_CONSENT_DISPENSED.label),
]


@pghistory.track()
class AdoptionPlan(models.Model):
    """The decision that the child should be placed for adoption, and each stage that followed."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="adoption_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="adoption_plans")

    # -- the decision (DATE_INT; the PlacedAdoption table's DATE_PLACED) ---------------------------
    decided_on = models.DateField()
    # The agency decision maker, by name and post (often outside the child's team, or in the RAA).
    decision_maker = models.CharField(max_length=200)
    # Why adoption is in the child's best interests, as the decision maker recorded it.
    reasons = models.TextField()
    # The adoption panel's recommendation, when the case went to panel (relinquished children).
    panel_recommended_on = models.DateField(null=True, blank=True)
    # Early notification to the Regional Adoption Agency (inspection_findings §1.28).
    raa_notified_on = models.DateField(null=True, blank=True)
    regional_adoption_agency = models.CharField(max_length=200, blank=True)

    # -- authority to place ---------------------------------------------------------------------------
    authority_basis = models.CharField(max_length=20, choices=AuthorityBasis.choices, blank=True)
    authority_given_on = models.DateField(null=True, blank=True)

    # -- the match (DATE_MATCH and the AD1 facts about the adopters) ------------------------------
    matching_panel_on = models.DateField(null=True, blank=True)
    matched_on = models.DateField(null=True, blank=True)
    # The prospective adopters as the agency knows them (names; the agency holds their records).
    adopters = models.CharField(max_length=200, blank=True)
    number_of_adopters = models.PositiveSmallIntegerField(null=True, blank=True)
    adopters_sex = models.CharField(max_length=2, choices=AdopterSex.choices, blank=True)
    adopters_legal_status = models.CharField(max_length=3, choices=AdopterLegalStatus.choices, blank=True)
    # FOSTER_CARE: the adopters are the child's foster carers (903 rules 114, 335).
    adopted_by_foster_carers = models.BooleanField(null=True, blank=True)
    transition_plan = models.TextField(blank=True)

    # -- placed for adoption ------------------------------------------------------------------------
    placed_on = models.DateField(null=True, blank=True)
    placement = models.ForeignKey(
        "children_in_care.Placement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # -- the end: an adoption order, or the decision ceasing -----------------------------------------
    adoption_order_on = models.DateField(null=True, blank=True)
    ceased_on = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, choices=ReasonPlacedCeased.choices, blank=True)
    why_ceased = models.TextField(blank=True)

    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["period"],
                condition=models.Q(ceased_on__isnull=True, adoption_order_on__isnull=True),
                name="one_open_adoption_plan_per_period",
            ),
            models.CheckConstraint(
                condition=(models.Q(ceased_on__isnull=True) & models.Q(reason_ceased=""))
                | (models.Q(ceased_on__isnull=False) & ~models.Q(reason_ceased="")),
                name="adoption_decision_ceases_with_a_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(ceased_on__isnull=True) | models.Q(ceased_on__gte=models.F("decided_on")),
                name="adoption_decision_ceases_after_it_was_made",
            ),
            models.CheckConstraint(
                condition=models.Q(matched_on__isnull=True) | models.Q(matched_on__gte=models.F("decided_on")),
                name="adoption_match_after_the_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(placed_on__isnull=True) | models.Q(placed_on__gte=models.F("matched_on")),
                name="placed_for_adoption_after_the_match",
            ),
            models.CheckConstraint(
                condition=models.Q(number_of_adopters__isnull=True) | models.Q(number_of_adopters__in=[1, 2]),
                name="one_or_two_adopters",
            ),
        ]

    def __str__(self) -> str:
        return f"Decision to place for adoption on {long_date(self.decided_on)}"

    @property
    def is_open(self) -> bool:
        return self.ceased_on is None and self.adoption_order_on is None


@pghistory.track()
class AdoptionReview(models.Model):
    """A review of the child's adoption plan (Adoption Agencies Regulations 2005, reg 36)."""

    plan = models.ForeignKey(AdoptionPlan, on_delete=models.PROTECT, related_name="reviews")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="adoption_reviews")
    held_on = models.DateField()
    # Whether the child was placed for adoption when the review was held (which clock it met).
    after_placement = models.BooleanField()
    child_views = models.TextField()
    progress = models.TextField()
    decisions = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "held_on"], name="one_adoption_review_a_day")]

    def __str__(self) -> str:
        return f"Adoption review on {long_date(self.held_on)}"
