"""Care plans for children in care.

A care plan is agreed, then revised as the child's life changes; each agreed version
is a row, and the one in force is the latest not yet replaced. Objectives live in
``kith.plans`` like those of child in need and child protection plans, so progress is
recorded against them the same way.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


@pghistory.track()
class CarePlan(models.Model):
    """One agreed version of the child's care plan (Care Planning Regulations 2010, reg 5)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="care_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_plans")
    agreed_on = models.DateField()
    # Set when a later version replaces this one, or when the period of care ends.
    replaced_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(replaced_on__isnull=True) | models.Q(replaced_on__gte=models.F("agreed_on")),
                name="care_plan_replaced_after_it_was_agreed",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(replaced_on__isnull=True), name="one_care_plan_in_force_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Care plan agreed on {long_date(self.agreed_on)}"
