"""Pre-proceedings under the Public Law Outline, care proceedings and their hearings."""

from __future__ import annotations

import pghistory
from django.db import models
from django.db.models import F, Q

from kith.platform.calendar.working_days import long_date


class PreProceedingsOutcome(models.TextChoices):
    """The exit decision: step down, or issue proceedings (the census's StepDecisionDate and PPOutcome)."""

    STEP_DOWN_CP = "step_down_cp", "Step down to a child protection plan"
    STEP_DOWN_CIN = "step_down_cin", "Step down to a child in need plan"
    NO_FURTHER_ACTION = "no_further_action", "Step down with no further action"
    ISSUE_PROCEEDINGS = "issue_proceedings", "Issue care proceedings"


class MeetingKind(models.TextChoices):
    INITIAL = "initial", "Initial pre-proceedings meeting"
    REVIEW = "review", "Review meeting"


class ApplicationKind(models.TextChoices):
    CARE_ORDER = "care_order", "Care order"
    SUPERVISION_ORDER = "supervision_order", "Supervision order"
    PLACEMENT_ORDER = "placement_order", "Placement order"
    EMERGENCY_PROTECTION_ORDER = "emergency_protection_order", "Emergency protection order"
    CHILD_ASSESSMENT_ORDER = "child_assessment_order", "Child assessment order"


# Applications the 26-week limit applies to (Children Act 1989 s.32: Part IV care and supervision orders).
TWENTY_SIX_WEEK_APPLICATIONS = frozenset({ApplicationKind.CARE_ORDER, ApplicationKind.SUPERVISION_ORDER})


class HearingKind(models.TextChoices):
    FIRST = "first", "First hearing or case management hearing"
    FURTHER_CASE_MANAGEMENT = "further_case_management", "Further case management hearing"
    INTERIM = "interim", "Contested interim hearing"
    ISSUES_RESOLUTION = "issues_resolution", "Issues resolution hearing (IRH)"
    FINAL = "final", "Final hearing"
    EMERGENCY = "emergency", "Emergency hearing"


class Order(models.TextChoices):
    NONE = "none", "No order: directions only"
    INTERIM_CARE_ORDER = "interim_care_order", "Interim care order"
    INTERIM_SUPERVISION_ORDER = "interim_supervision_order", "Interim supervision order"
    EMERGENCY_PROTECTION_ORDER = "emergency_protection_order", "Emergency protection order"
    CARE_ORDER = "care_order", "Care order"
    SUPERVISION_ORDER = "supervision_order", "Supervision order"
    PLACEMENT_ORDER = "placement_order", "Placement order"
    CHILD_ARRANGEMENTS_ORDER = "child_arrangements_order", "Child arrangements order"
    SPECIAL_GUARDIANSHIP_ORDER = "special_guardianship_order", "Special guardianship order"
    NO_ORDER = "no_order", "No order made"
    WITHDRAWN = "withdrawn", "Application withdrawn"


# The orders that can end proceedings (a hearing may also give directions only).
FINAL_ORDERS = [choice for choice in Order.choices if choice[0] != Order.NONE]


@pghistory.track()
class PreProceedings(models.Model):
    """A child's time in pre-proceedings, from the manager's decision to enter to the exit decision."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="pre_proceedings")
    entered_on = models.DateField()
    decision_maker = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, related_name="pre_proceedings_entered"
    )
    reason = models.TextField()
    # The letter before proceedings: the individual risks, the changes expected and the support offered.
    letter_sent_on = models.DateField(null=True, blank=True)
    letter_risks = models.TextField(blank=True)
    letter_changes_expected = models.TextField(blank=True)
    letter_support_offered = models.TextField(blank=True)
    # Family group decision-making (the census's FGDMMeetingOffer and FGDMMeetingFac).
    family_meeting_offered_on = models.DateField(null=True, blank=True)
    family_meeting_held_on = models.DateField(null=True, blank=True)
    # The exit decision.
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=PreProceedingsOutcome.choices, blank=True)
    exit_rationale = models.TextField(blank=True)
    exit_decided_by = models.ForeignKey(
        "workforce.StaffMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pre_proceedings_ended",
    )
    letter_of_issue_sent_on = models.DateField(null=True, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-entered_on", "-pk"]
        verbose_name_plural = "pre-proceedings"
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_on__isnull=True), name="one_open_pre_proceedings_per_child"
            ),
            models.CheckConstraint(
                condition=Q(letter_sent_on__isnull=True) | Q(letter_sent_on__gte=F("entered_on")),
                name="letter_before_proceedings_not_before_entry",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("entered_on")),
                name="pre_proceedings_end_not_before_entry",
            ),
            models.CheckConstraint(
                condition=Q(family_meeting_offered_on__isnull=True) | Q(family_meeting_offered_on__gte=F("entered_on")),
                name="family_meeting_offer_not_before_entry",
            ),
            models.CheckConstraint(
                condition=Q(family_meeting_held_on__isnull=True)
                | Q(family_meeting_held_on__gte=F("family_meeting_offered_on")),
                name="family_meeting_held_after_offer",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, outcome="", exit_decided_by__isnull=True)
                | (Q(ended_on__isnull=False, exit_decided_by__isnull=False) & ~Q(outcome="") & ~Q(exit_rationale="")),
                name="pre_proceedings_exit_is_a_whole_decision",
            ),
        ]

    def __str__(self) -> str:
        return f"Pre-proceedings from {long_date(self.entered_on)}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


@pghistory.track()
class PreProceedingsMeeting(models.Model):
    pre_proceedings = models.ForeignKey(PreProceedings, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=10, choices=MeetingKind.choices)
    held_on = models.DateField()
    attendees = models.TextField()
    summary = models.TextField()
    next_review_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_on__isnull=True) | Q(next_review_on__gt=F("held_on")),
                name="pre_proceedings_next_review_after_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.held_on)}"


@pghistory.track()
class CareProceedings(models.Model):
    """An application to the family court about a child, from issue to the final order."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_proceedings")
    pre_proceedings = models.ForeignKey(
        PreProceedings, on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    application_kind = models.CharField(max_length=30, choices=ApplicationKind.choices)
    application_made_on = models.DateField()
    court = models.CharField(max_length=200)
    reason = models.TextField()
    decided_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    ended_on = models.DateField(null=True, blank=True)
    final_order = models.CharField(max_length=30, choices=Order.choices, blank=True)
    outcome_summary = models.TextField(blank=True)
    delay_reasons = models.TextField(blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-application_made_on", "-pk"]
        verbose_name_plural = "care proceedings"
        constraints = [
            models.UniqueConstraint(
                fields=["child", "application_kind"],
                condition=Q(ended_on__isnull=True),
                name="one_open_application_of_a_kind_per_child",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("application_made_on")),
                name="proceedings_end_not_before_application",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, final_order="") | (Q(ended_on__isnull=False) & ~Q(final_order="")),
                name="concluded_proceedings_have_a_final_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_application_kind_display()} application, {long_date(self.application_made_on)}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def has_twenty_six_week_limit(self) -> bool:
        return self.application_kind in TWENTY_SIX_WEEK_APPLICATIONS


@pghistory.track()
class Hearing(models.Model):
    proceedings = models.ForeignKey(CareProceedings, on_delete=models.PROTECT, related_name="hearings")
    held_on = models.DateField()
    kind = models.CharField(max_length=30, choices=HearingKind.choices)
    order_made = models.CharField(max_length=30, choices=Order.choices, default=Order.NONE)
    summary = models.TextField(blank=True)
    next_hearing_on = models.DateField(null=True, blank=True)
    delay_cause = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_hearing_on__isnull=True) | Q(next_hearing_on__gt=F("held_on")),
                name="next_hearing_after_hearing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.held_on)}"
