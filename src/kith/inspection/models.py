"""Inspections and their judgements and findings, the council's improvement plans, and self-evaluation.

An ``Inspection`` is one imported report: the council's own (which gets an improvement plan)
or another council's (kept as reference). Frameworks, strands, areas, grades and timescales
are codes of the declarations in ``kith.inspection.frameworks``; the titles shown come from there.
"""

from __future__ import annotations

from datetime import date

import pghistory
import pgtrigger
from django.db import models
from django.db.models import F, Q

from kith.inspection import frameworks
from kith.inspection.frameworks import Area, Framework
from kith.platform.calendar.working_days import long_date


@pghistory.track()
class Inspection(models.Model):
    """One imported inspection report."""

    authority = models.CharField(max_length=150)
    # The council's name as compared ("hartlepool"): two spellings of one council give one key.
    authority_key = models.CharField(max_length=150, db_index=True)
    is_own_authority = models.BooleanField()
    framework = models.CharField(max_length=40)
    title = models.CharField(max_length=300, blank=True)
    inspection_start = models.DateField()
    inspection_end = models.DateField()
    published = models.DateField(null=True, blank=True)
    lead_inspector = models.CharField(max_length=150, blank=True)
    # What the importer could not settle on its own, word for word (docs/adr/0008).
    warnings = models.JSONField(default=list, blank=True)
    # The items of findings sections that are not for improvement (a letter's strengths): [{section, text}].
    other_findings = models.JSONField(default=list, blank=True)
    source_name = models.CharField(max_length=255, blank=True)
    # SHA-256 of the report's cleaned text: the same report imported twice is found by it.
    content_hash = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    imported_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-inspection_start", "authority"]
        constraints = [
            models.CheckConstraint(
                condition=Q(inspection_end__gte=F("inspection_start")), name="inspection_ends_after_it_starts"
            ),
            models.UniqueConstraint(
                fields=["authority_key", "framework", "inspection_start"], name="inspection_once_per_council_and_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority}: {self.framework_title}, {long_date(self.inspection_start)}"

    @property
    def framework_data(self) -> Framework:
        return frameworks.get(self.framework)

    @property
    def framework_title(self) -> str:
        return self.framework_data.short_title

    @property
    def dates_in_words(self) -> str:
        if self.inspection_start == self.inspection_end:
            return long_date(self.inspection_start)
        return f"{long_date(self.inspection_start)} to {long_date(self.inspection_end)}"


@pghistory.track()
class Judgement(models.Model):
    """A grade the report gives one judgement area (of one strand, in the frameworks that have strands)."""

    class Source(models.TextChoices):
        BOTH = "both", "Summary table and section heading"
        TABLE = "table", "Summary table"
        HEADING = "heading", "Section heading"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    strand = models.CharField(max_length=40, blank=True)  # "" in a framework without strands
    area = models.CharField(max_length=60)
    grade = models.CharField(max_length=60)
    # The report's own words for the grade ("Grade 2 (Good)"), kept beside the code.
    words = models.CharField(max_length=120, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["inspection", "position"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "strand", "area"], name="inspection_judgement_once_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.area_title}: {self.grade_label}"

    @property
    def area_data(self) -> Area:
        return self.inspection.framework_data.area(self.strand or None, self.area)

    @property
    def area_title(self) -> str:
        return self.area_data.title

    @property
    def strand_title(self) -> str:
        return self.inspection.framework_data.strand_title(self.strand or None)

    @property
    def grade_label(self) -> str:
        """The grade as the framework words it: "Good (grade 2)", "Requires improvement to be good"."""
        return self.inspection.framework_data.grade(self.grade).display

    @property
    def rank(self) -> int:
        return self.inspection.framework_data.grade(self.grade).rank


@pghistory.track()
class ImprovementArea(models.Model):
    """One area for improvement (or "what needs to improve", area for development, priority action) of a report."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="improvements")
    strand = models.CharField(max_length=40, blank=True)
    section = models.CharField(max_length=40)
    timescale = models.CharField(max_length=40, blank=True)  # "" when the report sets none
    addressee = models.CharField(max_length=300, blank=True)  # "" when the item names no one
    text = models.TextField()
    # Themes of improvement (kith.inspection.themes), for searching other councils' reports.
    themes = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["inspection", "position"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def timescale_title(self) -> str:
        if not self.timescale:
            return "No timescale set"
        return self.inspection.framework_data.timescale(self.timescale).title

    @property
    def section_title(self) -> str:
        return self.inspection.framework_data.section(self.section).title

    @property
    def strand_title(self) -> str:
        return self.inspection.framework_data.strand_title(self.strand or None)

    @property
    def addressed_to(self) -> str:
        return self.addressee or self.inspection.framework_data.default_addressee


@pghistory.track()
class ImprovementPlan(models.Model):
    """The council's plan for acting on one of its own inspections."""

    inspection = models.OneToOneField(Inspection, on_delete=models.PROTECT, related_name="plan")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-inspection__inspection_start"]

    def __str__(self) -> str:
        return f"Improvement plan: {self.inspection}"


class Rag(models.TextChoices):
    """Where an item stands, as its owner reports it (red, amber, green; blue when it is done)."""

    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"
    COMPLETE = "complete", "Complete"


@pghistory.track()
class PlanItem(models.Model):
    """What the council does about one area for improvement: an owner, a due date, actions, progress, evidence."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="items")
    area = models.OneToOneField(ImprovementArea, on_delete=models.PROTECT, related_name="plan_item")
    owner = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="inspection_items"
    )
    due_on = models.DateField(null=True, blank=True)
    # How the due date was set: "Within three months of publication (16 July 2010)", or who set it.
    due_reason = models.CharField(max_length=300, blank=True)
    # The latest progress update's status, kept here so lists and counts need no extra query.
    status = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=Rag.COMPLETE, completed_on__isnull=False)
                | (~Q(status=Rag.COMPLETE) & Q(completed_on__isnull=True)),
                name="inspection_item_completed_when_complete",
            ),
        ]

    def __str__(self) -> str:
        return str(self.area)

    def is_overdue(self, on: date) -> bool:
        return self.due_on is not None and self.due_on < on and self.status != Rag.COMPLETE


@pghistory.track()
class PlanAction(models.Model):
    """One thing to do towards an item, with an optional target date, done or not."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["item", "pk"]

    def __str__(self) -> str:
        return self.description[:80]


@pghistory.track()
class ProgressUpdate(models.Model):
    """A dated note of progress on an item, with its RAG status then."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="updates")
    written_on = models.DateField()
    status = models.CharField(max_length=10, choices=Rag.choices)
    note = models.TextField()
    written_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["item", "-written_on", "-pk"]
        constraints = [models.CheckConstraint(condition=~Q(note=""), name="inspection_progress_has_a_note")]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {long_date(self.written_on)}"


@pghistory.track()
class Evidence(models.Model):
    """Evidence for an item: a link (a KPI, an audit, a document) or a child's record as an example."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="evidence")
    description = models.CharField(max_length=300)
    url = models.CharField(max_length=500, blank=True)
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    added_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["item", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(child__isnull=True) & ~Q(url="")) | (Q(child__isnull=False) & Q(url="")),
                name="inspection_evidence_is_a_link_or_a_child",
            ),
        ]

    def __str__(self) -> str:
        return self.description


@pghistory.track()
class SelfEvaluation(models.Model):
    """Leaders' evaluation of one judgement area of a framework; every version is kept as row history."""

    framework = models.CharField(max_length=40)
    area = models.CharField(max_length=60)
    text = models.TextField()
    written_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["framework", "area"], name="inspection_one_self_evaluation_per_area"),
        ]

    def __str__(self) -> str:
        return f"Self-evaluation: {self.area}"


class Activity(models.Model):
    """The inspection area's own log: one entry per action, as a child's chronology has one per action.

    Inspection readiness is about the service, not a child, so its actions cannot write a
    child's chronology event; each writes one of these instead (docs/adr/0008). It is the
    plan's "who did what, when" and its progress over time. Append-only: the database
    refuses changes and deletions, so it needs no row history of its own.
    """

    code = models.CharField(max_length=60)
    summary = models.CharField(max_length=300)
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, null=True, blank=True, related_name="activity")
    recorded_by = models.ForeignKey("access.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    occurred_on = models.DateField()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name_plural = "activity"
        triggers = [
            pgtrigger.Protect(name="inspection_activity_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return self.summary
