"""The chronology's one table."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from kith.platform.chronology.registry import Significance


class CaseEvent(models.Model):
    """Something that happened, recorded by the action that recorded it.

    ``occurred_on`` is when it happened in the child's life; ``recorded_at`` is when
    somebody wrote it down. The gap between them is how recording timeliness is
    audited (R-001), and a record entered late shows both.
    """

    event_type = models.CharField(max_length=80, db_index=True)
    occurred_on = models.DateField()
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    children = models.ManyToManyField("people.Person", related_name="case_events")
    summary = models.CharField(max_length=300)
    significance = models.CharField(max_length=16, choices=[(s.value, s.value.title()) for s in Significance])
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    subject_id = models.CharField(max_length=64, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")

    class Meta:
        ordering = ["-occurred_on", "-recorded_at", "-pk"]
        indexes = [models.Index(fields=["occurred_on", "recorded_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d %b %Y}: {self.summary}"

    @property
    def entered_late(self) -> bool:
        """Recorded on a later day than it happened; the page then shows both dates."""
        return timezone.localdate(self.recorded_at) > self.occurred_on
