"""Statutory visits to a child: under a child in need or child protection plan, or to a child in care."""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


class VisitUnder(models.TextChoices):
    CHILD_IN_NEED_PLAN = "cin_plan", "Child in need plan"
    CHILD_PROTECTION_PLAN = "cp_plan", "Child protection plan"
    CARE = "care", "Child in care"


@pghistory.track()
class Visit(models.Model):
    """A visit: seen, seen alone, spoken to alone or why not (R-002); what was seen and what it means (R-003);
    the outcome and progress on the plan (R-004)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="visits")
    under = models.CharField(max_length=10, choices=VisitUnder.choices)
    child_protection_plan = models.ForeignKey(
        "child_protection.ChildProtectionPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    child_in_need_plan = models.ForeignKey(
        "child_in_need.ChildInNeedPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    # A child in care is visited in their placement (Care Planning Regulations 2010, reg 28).
    period_of_care = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    placement = models.ForeignKey(
        "children_in_care.Placement", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    visited_on = models.DateField()
    visited_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    where = models.CharField(max_length=150)
    child_seen = models.BooleanField()
    child_seen_alone = models.BooleanField(default=False)
    child_spoken_to_alone = models.BooleanField(default=False)
    # Child protection visits: was the child's bedroom seen?
    bedroom_seen = models.BooleanField(null=True, blank=True)
    why_not_seen = models.TextField(blank=True)
    # Seen, but not seen alone or not spoken to alone: why.
    why_not_alone = models.TextField(blank=True)
    observations = models.TextField()
    child_views = models.TextField(blank=True)
    direct_work = models.TextField(blank=True)
    analysis = models.TextField()
    outcome = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-visited_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    under="cp_plan",
                    child_protection_plan__isnull=False,
                    child_in_need_plan__isnull=True,
                    period_of_care__isnull=True,
                )
                | models.Q(
                    under="cin_plan",
                    child_protection_plan__isnull=True,
                    child_in_need_plan__isnull=False,
                    period_of_care__isnull=True,
                )
                | models.Q(
                    under="care",
                    child_protection_plan__isnull=True,
                    child_in_need_plan__isnull=True,
                    period_of_care__isnull=False,
                    placement__isnull=False,
                ),
                name="visit_is_under_one_plan_or_care",
            ),
            models.CheckConstraint(
                condition=models.Q(child_seen=True) | models.Q(child_seen_alone=False, child_spoken_to_alone=False),
                name="visit_alone_only_when_seen",
            ),
        ]

    def __str__(self) -> str:
        return f"Visit on {long_date(self.visited_on)}"
