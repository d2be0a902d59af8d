"""Deadlines (one per clock an action started) and the council's local standards."""

from __future__ import annotations

from datetime import date

import pghistory
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from kith.platform.timescales import registry
from kith.platform.timescales.engine import DeadlineStatus, is_no_looser, status_on
from kith.platform.timescales.types import LIMIT_KINDS, Limit, Timescale, limit_from

OPEN = Q(met_on__isnull=True, cancelled_on__isnull=True)


@pghistory.track()
class Deadline(models.Model):
    """A clock started by an action: when it started, when it was due, and when (or whether) it was met.

    ``due_on`` and ``explanation`` are snapshots taken when the clock started: a later
    change to the declaration or to a local standard does not move a deadline already
    running. ``timescale_effective_from`` names the version of the timescale used.
    """

    timescale_code = models.CharField(max_length=80)
    timescale_effective_from = models.DateField()
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="deadlines")
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=64)
    subject = GenericForeignKey("subject_type", "subject_id")
    started_on = models.DateField()
    due_on = models.DateField()
    explanation = models.TextField()
    met_on = models.DateField(null=True, blank=True)
    met_by_event = models.ForeignKey(
        "chronology.CaseEvent", on_delete=models.PROTECT, null=True, blank=True, related_name="met_deadlines"
    )
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=200, blank=True)
    paused = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=F("started_on")), name="deadline_due_on_or_after_start"),
            models.CheckConstraint(
                condition=Q(met_on__isnull=True) | Q(met_on__gte=F("started_on")),
                name="deadline_met_on_or_after_start",
            ),
            models.CheckConstraint(
                condition=Q(met_on__isnull=True) | Q(cancelled_on__isnull=True),
                name="deadline_not_both_met_and_cancelled",
            ),
            models.UniqueConstraint(
                fields=["timescale_code", "subject_type", "subject_id"],
                condition=OPEN,
                name="one_open_deadline_per_timescale_and_subject",
            ),
        ]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="deadline_subject"),
            models.Index(fields=["timescale_code", "due_on"], name="deadline_code_due_on"),
            models.Index(fields=["due_on"], condition=OPEN, name="deadline_open_due_on"),
        ]

    def __str__(self) -> str:
        return f"{self.timescale_code} due {self.due_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.met_on is None and self.cancelled_on is None

    def status_on(self, today: date) -> DeadlineStatus:
        return status_on(
            due_on=self.due_on, met_on=self.met_on, cancelled_on=self.cancelled_on, paused=self.paused, today=today
        )


class LimitKind(models.TextChoices):
    WORKING_DAYS = "working_days", "Working days"
    CALENDAR_DAYS = "calendar_days", "Calendar days"
    WEEKS = "weeks", "Weeks"
    MONTHS = "months", "Months"


assert set(LimitKind.values) == set(LIMIT_KINDS)


@pghistory.track()
class LocalStandard(models.Model):
    """A council's own, stricter limit for a timescale, set in the administration screens.

    For a statutory timescale it may only be stricter than (or the same as) the statutory
    limit. For a timescale that is itself a local standard (visits to children on a plan,
    case recording), the council sets its own value freely.
    """

    timescale_code = models.CharField(max_length=80)
    limit_kind = models.CharField(max_length=16, choices=LimitKind.choices)
    limit_number = models.PositiveSmallIntegerField()
    reason = models.TextField(help_text="Why the council sets this standard, and who agreed it.")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["timescale_code", "-set_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["timescale_code"],
                condition=Q(active=True),
                name="one_active_local_standard_per_timescale",
                violation_error_message="This timescale already has an active local standard: make that one "
                "inactive first.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.timescale_code}: {self.limit.in_words}"

    @property
    def limit(self) -> Limit:
        return limit_from(self.limit_kind, self.limit_number)

    def clean(self) -> None:
        if not self.timescale_code or not self.limit_kind or self.limit_number is None:
            return  # the missing fields carry their own errors
        if self.timescale_code not in registry.codes():
            raise ValidationError({"timescale_code": f"No timescale has the code {self.timescale_code!r}."})
        statutory = _latest_version(self.timescale_code)
        if not statutory.is_local_standard and not is_no_looser(self.limit, statutory.limit):
            raise ValidationError(
                f"A local standard can only be stricter than the statutory {statutory.limit.in_words}",
                code="looser_than_statutory",
            )


def _latest_version(code: str) -> Timescale:
    return [version for version in registry.all_timescales() if version.code == code][-1]
