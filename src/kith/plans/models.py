"""Measurable plan objectives, shared by child in need, child protection, care and pathway plans (R-043, R-044).

Each objective says what must change, what will be done, who is responsible and by
when; progress is recorded against it at core groups, reviews and visits, so drift shows.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


@pghistory.track()
class Objective(models.Model):
    """One measurable objective on a plan: the outcome, the action, its owner and its target date."""

    child_protection_plan = models.ForeignKey(
        "child_protection.ChildProtectionPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="objectives",
    )
    child_in_need_plan = models.ForeignKey(
        "child_in_need.ChildInNeedPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="objectives"
    )
    care_plan = models.ForeignKey(
        "care_planning.CarePlan", on_delete=models.PROTECT, null=True, blank=True, related_name="objectives"
    )
    pathway_plan = models.ForeignKey(
        "care_leavers.PathwayPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="objectives"
    )
    outcome = models.TextField(help_text="What needs to change for the child")
    action = models.TextField(help_text="What will be done")
    owner = models.CharField(max_length=150, help_text="Who is responsible, by name")
    owner_agency = models.CharField(max_length=150, blank=True)
    target_date = models.DateField()
    achieved_on = models.DateField(null=True, blank=True)
    added_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["target_date", "pk"]
        constraints = [
            # Exactly one of the plan links is set.
            models.CheckConstraint(
                condition=models.Q(
                    child_protection_plan__isnull=False,
                    child_in_need_plan__isnull=True,
                    care_plan__isnull=True,
                    pathway_plan__isnull=True,
                )
                | models.Q(
                    child_protection_plan__isnull=True,
                    child_in_need_plan__isnull=False,
                    care_plan__isnull=True,
                    pathway_plan__isnull=True,
                )
                | models.Q(
                    child_protection_plan__isnull=True,
                    child_in_need_plan__isnull=True,
                    care_plan__isnull=False,
                    pathway_plan__isnull=True,
                )
                | models.Q(
                    child_protection_plan__isnull=True,
                    child_in_need_plan__isnull=True,
                    care_plan__isnull=True,
                    pathway_plan__isnull=False,
                ),
                name="objective_belongs_to_one_plan",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_on__isnull=True) | models.Q(withdrawn_on__gte=models.F("added_on")),
                name="objective_withdrawn_after_it_was_added",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} ({self.owner}, by {long_date(self.target_date)})"


class Progress(models.TextChoices):
    ACHIEVED = "achieved", "Achieved"
    ON_TRACK = "on_track", "On track"
    SOME_PROGRESS = "some_progress", "Some progress"
    NO_PROGRESS = "no_progress", "No progress"
    NOT_STARTED = "not_started", "Not started"


@pghistory.track()
class ProgressUpdate(models.Model):
    """Progress on one objective, recorded at a core group, a review or a visit (R-004, R-065)."""

    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="progress_updates")
    recorded_on = models.DateField()
    progress = models.CharField(max_length=14, choices=Progress.choices)
    notes = models.TextField(blank=True)
    # Where it was recorded: "core group", "visit", "review" — with the record's id.
    recorded_at_kind = models.CharField(max_length=20)
    recorded_at_id = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["recorded_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_progress_display()} on {long_date(self.recorded_on)}"
