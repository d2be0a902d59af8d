"""Care leavers' pathway plans.

A pathway plan is agreed with the young person, then reviewed at least every six
months; each agreed version is a row, and the one in force is the latest not yet
replaced. Its actions live in ``kith.plans`` as objectives, so progress is recorded
against them the same way as on every other plan.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


@pghistory.track()
class PathwayPlan(models.Model):
    """One agreed version of a young person's pathway plan (Care Leavers Regulations 2010, reg 6)."""

    # Named ``child`` like every other plan's, so the shared plan code reads it the same way.
    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="pathway_plans", verbose_name="young person"
    )
    agreed_on = models.DateField()
    # Set when a reviewed version replaces this one, or when support ends.
    replaced_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(replaced_on__isnull=True) | models.Q(replaced_on__gte=models.F("agreed_on")),
                name="pathway_plan_replaced_after_it_was_agreed",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(replaced_on__isnull=True),
                name="one_pathway_plan_in_force_per_young_person",
            ),
        ]

    def __str__(self) -> str:
        return f"Pathway plan agreed on {long_date(self.agreed_on)}"
