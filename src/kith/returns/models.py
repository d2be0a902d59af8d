"""Runs of the statutory returns: each file generated, its checks by the sector validator, its downloads.

Nothing is lost: a run keeps the exact bytes generated, with their SHA-256, and the database
refuses to change or delete it, so a later run never overwrites an earlier one and what was
sent to the DfE can always be shown again. Each validation keeps every issue the validator
found, with the child as the return names them (the Kith ID, ``K0000123``) and, when that
names a record, the person. Downloads are logged as the access log logs a look at a record.
"""

from __future__ import annotations

import pghistory
import pgtrigger
from django.db import models
from django.utils.timezone import localtime

from kith.platform.calendar.working_days import long_date


# The file's bytes are left out of the row history: the run itself keeps them, and never changes.
@pghistory.track(exclude=["content"])
class ReturnRun(models.Model):
    """One return generated for a collection year: the file, its checksum, and what it holds."""

    # A code of ``kith.returns.kinds`` (ssda903, cin_census); not a choice list, so a new return adds no migration.
    kind = models.CharField(max_length=30)
    # The day the return is as at: a collection year's 31 March, or the day asked for (an inspection date).
    as_at = models.DateField()
    # For a collection year's return, the year it ends (31 March): 2026 is 1 April 2025 to 31 March 2026.
    collection_year = models.PositiveSmallIntegerField(null=True, blank=True)
    generated_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    generated_at = models.DateTimeField()
    file_name = models.CharField(max_length=100)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    # SHA-256 of ``content``, in hex: quoted when the file is sent, and checked when it is downloaded.
    checksum = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    children = models.PositiveIntegerField()
    rows = models.PositiveIntegerField()
    # What the collection year says of itself when the return is written (a table Kith does not yet record).
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-generated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(checksum__regex=r"^[0-9a-f]{64}$"), name="run_checksum_is_sha256"
            ),
            models.CheckConstraint(condition=~models.Q(kind=""), name="run_names_its_return"),
            models.CheckConstraint(
                condition=models.Q(collection_year__isnull=True) | models.Q(as_at__year=models.F("collection_year")),
                name="run_as_at_its_collection_years_end",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="return_run_never_changes", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period_label} generated {long_date(localtime(self.generated_at).date())}"

    @property
    def period_label(self) -> str:
        """The collection year as it is spoken of (2026: "2025 to 2026"), or the day the return is as at."""
        if self.collection_year is not None:
            return f"{self.collection_year - 1} to {self.collection_year}"
        return f"As at {long_date(self.as_at)}"


@pghistory.track()
class ReturnValidation(models.Model):
    """The sector validator run over a run's file: who ran it, when, with which rules, and what it found.

    A run may be validated again (a newer validator, a rule fixed upstream); each validation is kept.
    """

    run = models.ForeignKey(ReturnRun, on_delete=models.PROTECT, related_name="validations")
    validated_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    validated_at = models.DateTimeField()
    ruleset = models.CharField(max_length=30)
    errors = models.PositiveIntegerField()
    queries = models.PositiveIntegerField()
    # Rules the validator could not run at all (its own bugs, listed rather than hidden).
    not_run = models.PositiveIntegerField()
    # Issues no record of the child could avoid (kith.returns.unmeetable): not errors to put right.
    cannot_be_met = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-validated_at", "-pk"]

    def __str__(self) -> str:
        return f"Validated {long_date(localtime(self.validated_at).date())}: {self.errors} errors"

    @property
    def passed(self) -> bool:
        return self.errors == 0


class Severity(models.TextChoices):
    ERROR = "error", "Error"
    # A query (a rule code ending in Q) asks the council to check; the DfE accepts the return with it.
    QUERY = "query", "Query"
    NOT_RUN = "not_run", "Rule failed to run"
    # The rule cannot be met by any record of the child's true history (kith.returns.unmeetable).
    CANNOT_BE_MET = "unmeetable", "No record can meet it"


class ValidationIssue(models.Model):
    """One issue a validation found. Append-only: the database refuses changes and deletions."""

    validation = models.ForeignKey(ReturnValidation, on_delete=models.PROTECT, related_name="issues")
    rule = models.CharField(max_length=60)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    # The child as the return names them (CHILD, LAchildID): blank for an issue about the whole return.
    child_in_return = models.CharField(max_length=40, blank=True)
    # The record that identifier names, when it names one.
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="return_issues"
    )
    table = models.CharField(max_length=200, blank=True)
    message = models.TextField()
    # Kith's account of why no record could meet the rule, for an issue that cannot be met.
    explanation = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        triggers = [
            pgtrigger.Protect(name="validation_issue_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


class ReturnDownload(models.Model):
    """Someone downloaded a run's file: the returns' access log. Append-only, like the access log itself."""

    run = models.ForeignKey(ReturnRun, on_delete=models.PROTECT, related_name="downloads")
    downloaded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    downloaded_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-downloaded_at", "-pk"]
        triggers = [
            pgtrigger.Protect(name="return_download_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.downloaded_by} downloaded run {self.run_id}"


class ReturnActivity(models.Model):
    """The returns area's own log: one entry per action (generated, validated).

    Returns are about the whole service, not a child, so their actions cannot write a child's
    chronology event; each writes one of these instead, as the inspection area does (docs/adr/0008).
    Append-only: the database refuses changes and deletions.
    """

    code = models.CharField(max_length=60)
    run = models.ForeignKey(ReturnRun, on_delete=models.PROTECT, related_name="activity")
    summary = models.CharField(max_length=300)
    recorded_by = models.ForeignKey("access.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name_plural = "return activity"
        triggers = [
            pgtrigger.Protect(name="return_activity_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return self.summary
