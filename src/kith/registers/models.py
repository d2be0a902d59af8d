"""Private fostering arrangements; the registers of children missing education and in elective home education."""

from __future__ import annotations

import pghistory
from django.db import models
from django.db.models import F, Q

from kith.platform.calendar.working_days import long_date


class CheckKind(models.TextChoices):
    """The checks on a private fostering arrangement (the matters in Schedule 1 of the 2005 Regulations)."""

    DBS = "dbs", "DBS checks on the carer and household members aged 16 or over"
    LOCAL_AUTHORITY_RECORDS = "local_authority_records", "Local authority records"
    HOME = "home", "The home and its safety"
    REFERENCES = "references", "Personal references"
    HEALTH = "health", "Health (GP or health visitor)"
    EDUCATION = "education", "School or education"
    PARENTS = "parents", "Parents' views and contact"


class CheckOutcome(models.TextChoices):
    NO_CONCERNS = "no_concerns", "No concerns"
    CONCERNS = "concerns", "Concerns found"


class AssessmentOutcome(models.TextChoices):
    SUITABLE = "suitable", "Suitable"
    SUITABLE_WITH_REQUIREMENTS = "requirements", "Suitable, with requirements on the carer"
    NOT_SUITABLE = "not_suitable", "Not suitable: prohibition or other action needed"


class ArrangementEndReason(models.TextChoices):
    RETURNED_HOME = "returned_home", "Returned to a parent"
    LOOKED_AFTER = "looked_after", "Became looked after"
    AGED_OUT = "aged_out", "Reached 16 (18 if disabled)"
    COURT_ORDER = "court_order", "A court order (child arrangements or special guardianship)"
    MOVED_AWAY = "moved_away", "Moved out of the area"
    OTHER = "other", "Another reason"


@pghistory.track()
class PrivateFosteringArrangement(models.Model):
    """A child cared for by someone who is not a close relative for 28 days or more, notified to the council."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="private_fostering")
    carer = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="private_fostering_as_carer")
    parents = models.ManyToManyField("people.Person", related_name="private_fostering_as_parent", blank=True)
    notified_on = models.DateField()
    notified_by = models.CharField(max_length=200)
    started_on = models.DateField()
    expected_length = models.CharField(max_length=200, blank=True)
    assessment_completed_on = models.DateField(null=True, blank=True)
    assessment_outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    assessment_summary = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=ArrangementEndReason.choices, blank=True)
    end_details = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-notified_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_on__isnull=True), name="one_open_private_fostering_per_child"
            ),
            models.CheckConstraint(
                condition=Q(assessment_completed_on__isnull=True) | Q(assessment_completed_on__gte=F("notified_on")),
                name="private_fostering_assessed_after_notification",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="private_fostering_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, end_reason="") | (Q(ended_on__isnull=False) & ~Q(end_reason="")),
                name="private_fostering_end_has_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(assessment_completed_on__isnull=True, assessment_outcome="")
                | (Q(assessment_completed_on__isnull=False) & ~Q(assessment_outcome="")),
                name="private_fostering_assessment_has_an_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Private fostering notified {long_date(self.notified_on)}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


@pghistory.track()
class PrivateFosteringCheck(models.Model):
    arrangement = models.ForeignKey(PrivateFosteringArrangement, on_delete=models.PROTECT, related_name="checks")
    kind = models.CharField(max_length=30, choices=CheckKind.choices)
    completed_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=CheckOutcome.choices)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["completed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_outcome_display()}"


@pghistory.track()
class PrivateFosteringVisit(models.Model):
    arrangement = models.ForeignKey(PrivateFosteringArrangement, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField()
    child_seen = models.BooleanField()
    seen_alone = models.BooleanField()
    child_views = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-visited_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(seen_alone=False) | Q(child_seen=True), name="private_fostering_seen_alone_means_seen"
            ),
        ]

    def __str__(self) -> str:
        return f"Visit on {long_date(self.visited_on)}"


@pghistory.track()
class PrivateFosteringOversight(models.Model):
    """A manager's oversight of the arrangement: the decision and why."""

    arrangement = models.ForeignKey(PrivateFosteringArrangement, on_delete=models.PROTECT, related_name="oversight")
    decided_on = models.DateField()
    decision = models.TextField()
    rationale = models.TextField()
    decided_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"Oversight on {long_date(self.decided_on)}"


class RegisterKind(models.TextChoices):
    MISSING_EDUCATION = "missing_education", "Children missing education"
    HOME_EDUCATION = "home_education", "Elective home education"


class RemovalReason(models.TextChoices):
    STARTED_SCHOOL = "started_school", "Started at or returned to a school"
    HOME_EDUCATED = "home_educated", "Now electively home educated"
    MOVED_AREA = "moved_area", "Moved to another local authority's area"
    MOVED_ABROAD = "moved_abroad", "Moved abroad"
    COMPULSORY_AGE = "compulsory_age", "No longer of compulsory school age"
    OTHER = "other", "Another reason"


class RegisterCheckKind(models.TextChoices):
    HOME_VISIT = "home_visit", "Home visit"
    FAMILY_CONTACT = "family_contact", "Contact with the family"
    SCHOOLS = "schools", "Enquiry with schools and admissions"
    OTHER_AUTHORITY = "other_authority", "Enquiry with another local authority"
    HEALTH = "health", "Enquiry with health services"
    POLICE = "police", "Enquiry with the police"
    SCHOOL_TO_SCHOOL = "school_to_school", "School to school (S2S) search"
    EDUCATION_REPORT = "education_report", "Report on the education provided at home"


@pghistory.track()
class RegisterEntry(models.Model):
    """A child on the children missing education or the elective home education register."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="register_entries")
    register = models.CharField(max_length=20, choices=RegisterKind.choices)
    added_on = models.DateField()
    source = models.CharField(max_length=200)
    reason = models.TextField()
    removed_on = models.DateField(null=True, blank=True)
    removal_reason = models.CharField(max_length=20, choices=RemovalReason.choices, blank=True)
    destination = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-added_on", "-pk"]
        verbose_name_plural = "register entries"
        constraints = [
            models.UniqueConstraint(
                fields=["child", "register"], condition=Q(removed_on__isnull=True), name="one_open_entry_per_register"
            ),
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True) | Q(removed_on__gte=F("added_on")),
                name="register_removal_not_before_adding",
            ),
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True, removal_reason="")
                | (Q(removed_on__isnull=False) & ~Q(removal_reason="")),
                name="register_removal_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_register_display()} from {long_date(self.added_on)}"

    @property
    def is_open(self) -> bool:
        return self.removed_on is None


@pghistory.track()
class RegisterCheck(models.Model):
    """A check on a child on a register: a home visit, an enquiry, or a report on home education."""

    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="checks")
    kind = models.CharField(max_length=20, choices=RegisterCheckKind.choices)
    checked_on = models.DateField()
    child_seen = models.BooleanField()
    safeguarding_concern = models.BooleanField()
    outcome = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.checked_on)}"
