"""The fostering service's households: assessment, approval, reviews, training and the children placed.

A *household* is a record in its own right: the carers are adults with their own Person records
(added in ``kith.people`` like any adult, once), and the household names them. Its stages are
recorded on it in turn: the enquiry, the assessment started, for a connected person (a relative
or friend of a child) a temporary approval under reg 24 of the Care Planning Regulations 2010
while the full assessment runs (16 weeks at most, reg 25), the fostering panel's recommendation,
and the agency decision that approves the carers on terms (how many children, what ages, what
kind of care). Approval is reviewed at least once a year (Fostering Services Regulations 2011,
reg 28) and ends when the carers resign or the service ends it.

Which children live with a household is not typed again: the placing team links the child's
``children_in_care.Placement`` to the household (``PlacementLink``), so the vacancies are the
approved places less the open placements linked (inspection_findings §1.29).
"""

from __future__ import annotations

from datetime import date

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


class HouseholdKind(models.TextChoices):
    MAINSTREAM = "mainstream", "In-house mainstream foster carers"
    CONNECTED_PERSON = "connected_person", "Connected person (family and friends) foster carers"
    SHORT_BREAKS = "short_breaks", "Short breaks (respite) foster carers"
    STAYING_PUT = "staying_put", "Staying put carers (a young person stays on after 18)"


class KindOfCare(models.TextChoices):
    EMERGENCY = "emergency", "Emergency and short-term"
    LONG_TERM = "long_term", "Long-term (permanence)"
    SHORT_BREAKS = "short_breaks", "Short breaks (respite)"
    PARENT_AND_CHILD = "parent_and_child", "Parent and child"
    NAMED_CHILD = "named_child", "A named child only (connected person)"


class HouseholdStatus(models.TextChoices):
    """Where the household is, read from the dates its stages were recorded on (never typed)."""

    ENQUIRY = "enquiry", "Enquiry"
    IN_ASSESSMENT = "in_assessment", "In assessment"
    TEMPORARILY_APPROVED = "temporarily_approved", "Temporarily approved (reg 24)"
    APPROVED = "approved", "Approved"
    ENDED = "ended", "No longer fostering"


class EndReason(models.TextChoices):
    RESIGNED = "resigned", "The carers resigned"
    DEREGISTERED = "deregistered", "Approval terminated by the agency decision maker"
    NOT_APPROVED = "not_approved", "Not approved after assessment"
    WITHDRAWN = "withdrawn", "Withdrew before approval"


@pghistory.track()
class Household(models.Model):
    """A fostering household and the stages of its assessment and approval."""

    name = models.CharField(max_length=150)
    postcode = models.CharField(max_length=8)
    kind = models.CharField(max_length=20, choices=HouseholdKind.choices)
    enquiry_on = models.DateField()
    assessment_started_on = models.DateField(null=True, blank=True)
    assessor = models.CharField(max_length=150, blank=True)
    # Reg 24: a connected person approved for a named child while the full assessment runs.
    temporary_approval_on = models.DateField(null=True, blank=True)
    temporary_approval_child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    panel_recommended_on = models.DateField(null=True, blank=True)
    # The agency decision maker's decision to approve (the approval date).
    approved_on = models.DateField(null=True, blank=True)
    decision_maker = models.CharField(max_length=200, blank=True)
    # The terms of approval in force (set by the approval or temporary approval, changed at a review).
    approved_places = models.PositiveSmallIntegerField(null=True, blank=True)
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    kind_of_care = models.CharField(max_length=20, choices=KindOfCare.choices, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    end_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_from__isnull=True)
                | models.Q(age_to__isnull=True)
                | models.Q(age_from__lte=models.F("age_to")),
                name="fostering_age_range_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(approved_on__isnull=True) | models.Q(approved_places__gte=1),
                name="fostering_approval_has_places",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def status(self) -> HouseholdStatus:
        if self.ended_on is not None:
            return HouseholdStatus.ENDED
        if self.approved_on is not None:
            return HouseholdStatus.APPROVED
        if self.temporary_approval_on is not None:
            return HouseholdStatus.TEMPORARILY_APPROVED
        if self.assessment_started_on is not None:
            return HouseholdStatus.IN_ASSESSMENT
        return HouseholdStatus.ENQUIRY

    @property
    def may_take_children(self) -> bool:
        return self.status in {HouseholdStatus.APPROVED, HouseholdStatus.TEMPORARILY_APPROVED}

    @property
    def approved_from(self) -> date | None:
        """The first day children could be placed: the temporary approval, else the approval."""
        return self.temporary_approval_on or self.approved_on

    @property
    def terms(self) -> str:
        if self.approved_places is None:
            return ""
        children = f"{self.approved_places} child{'ren' if self.approved_places != 1 else ''}"
        ages = (
            f" aged {self.age_from} to {self.age_to}" if self.age_from is not None and self.age_to is not None else ""
        )
        care = f": {KindOfCare(self.kind_of_care).label.lower()}" if self.kind_of_care else ""
        return f"{children}{ages}{care}"


@pghistory.track()
class HouseholdCarer(models.Model):
    """A carer of the household: an adult with their own record."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="carers")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="fostering_households")

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["household", "person"], name="one_carer_row_per_household")]

    def __str__(self) -> str:
        return f"{self.person} of {self.household}"


@pghistory.track()
class ApprovalReview(models.Model):
    """A review of the carers' approval (reg 28), with the terms it confirmed or changed."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    reviewer = models.CharField(max_length=150)
    carers_views = models.TextField()
    # The views of children placed, and of the carers' own children (RC12 ¶118).
    childrens_views = models.TextField(blank=True)
    recommendation = models.TextField()
    approved_places = models.PositiveSmallIntegerField()
    age_from = models.PositiveSmallIntegerField()
    age_to = models.PositiveSmallIntegerField()
    kind_of_care = models.CharField(max_length=20, choices=KindOfCare.choices)
    terms_changed = models.BooleanField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return f"Review of approval on {long_date(self.reviewed_on)}"


@pghistory.track()
class TrainingCompleted(models.Model):
    """Training a carer completed (CAMHS, KEEP, first aid, safer caring …)."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="training")
    carer = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    course = models.CharField(max_length=200)
    completed_on = models.DateField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.course} on {long_date(self.completed_on)}"


@pghistory.track()
class PlacementLink(models.Model):
    """A child's placement is with this household (the placement itself is children_in_care's)."""

    placement = models.OneToOneField(
        "children_in_care.Placement", on_delete=models.PROTECT, related_name="fostering_household"
    )
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="placements")
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.placement} with {self.household}"
