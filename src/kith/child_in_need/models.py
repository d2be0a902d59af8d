"""Child in need plans and their review meetings."""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


@pghistory.track()
class ChildInNeedPlan(models.Model):
    """A plan under section 17 Children Act 1989 (census ``CINPlanDates``)."""

    referral = models.ForeignKey("front_door.Referral", on_delete=models.PROTECT, related_name="child_in_need_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="child_in_need_plans")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    # What the plan is for, in words the family can read.
    summary_for_family = models.TextField(blank=True)
    contingency = models.TextField(blank=True)
    lead_professional = models.CharField(max_length=150, blank=True)
    shared_with_family_on = models.DateField(null=True, blank=True)
    # Set when the plan starts and at each review, so the family and the work tray know it.
    next_review_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="cin_plan_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(next_review_on__isnull=True) | models.Q(next_review_on__gte=models.F("started_on")),
                name="cin_plan_reviewed_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_cin_plan_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Child in need plan from {long_date(self.started_on)}"


@pghistory.track()
class ChildInNeedReview(models.Model):
    """A multi-agency review of the child in need plan: who came, what was decided, the child's views."""

    plan = models.ForeignKey(ChildInNeedPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    attendees = models.TextField()
    child_views = models.TextField(blank=True)
    parents_views = models.TextField(blank=True)
    decisions = models.TextField()
    plan_continues = models.BooleanField(default=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Child in need review on {long_date(self.held_on)}"
