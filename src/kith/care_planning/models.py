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


class PermanencePlan(models.TextChoices):
    """How the child will have a permanent home (Care Planning Regulations 2010, reg 5; the 2015 guidance)."""

    RETURN_HOME = "return_home", "Return to parents or the wider family"
    SPECIAL_GUARDIANSHIP = "special_guardianship", "Special guardianship order"
    CHILD_ARRANGEMENTS = "child_arrangements", "Child arrangements order"
    ADOPTION = "adoption", "Adoption"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    RESIDENTIAL = "residential", "Residential care"
    INDEPENDENCE = "independence", "Independent living or staying put at 18"
    TO_BE_DECIDED = "to_be_decided", "Not yet decided: assessment under way"


@pghistory.track()
class CarePlan(models.Model):
    """One agreed version of the child's care plan (Care Planning Regulations 2010, reg 5)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="care_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_plans")
    agreed_on = models.DateField()
    # The IRO the plan names (reg 5(d)): the child's IRO on the day it was agreed.
    iro = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+", null=True)
    why_looked_after = models.TextField()
    # From the second version on: why the child still needs to be looked after (drift, §1.23).
    why_remains = models.TextField(blank=True)
    permanence_plan = models.CharField(max_length=30, choices=PermanencePlan.choices)
    permanence_target_on = models.DateField(null=True, blank=True)
    contingency = models.TextField()
    # Family time with parents, brothers and sisters, and others who matter (reg 8, §1.24).
    family_time = models.TextField()
    sibling_contact = models.TextField(blank=True)
    sibling_contact_assessed = models.BooleanField(null=True)
    child_views = models.TextField()
    # When the child was given a copy, in words they can follow (§2.7).
    copy_given_to_child_on = models.DateField(null=True, blank=True)
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


@pghistory.track()
class PermanenceMeeting(models.Model):
    """A permanence planning meeting: who chaired it, what was decided, when it meets next, so that
    the plan for a permanent home does not drift (inspection_findings §1.23)."""

    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="permanence_meetings"
    )
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="permanence_meetings")
    held_on = models.DateField()
    chair = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    attendees = models.TextField()
    decisions = models.TextField()
    next_meeting_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Permanence planning meeting on {long_date(self.held_on)}"
