"""Allegations against people who work with children, the LADO's decisions and the outcome."""

from __future__ import annotations

import pghistory
from django.db import models
from django.db.models import F, Q

from kith.platform.calendar.working_days import long_date


class AllegationCategory(models.TextChoices):
    """The harm test for an allegation (Working Together 2023; Keeping Children Safe in Education, part 4)."""

    HARMED = "harmed", "Behaved in a way that has harmed a child, or may have harmed a child"
    OFFENCE = "offence", "Possibly committed a criminal offence against or related to a child"
    RISK_OF_HARM = "risk_of_harm", "Behaved towards a child in a way that indicates they may pose a risk of harm"
    TRANSFERABLE = "transferable", "Behaved in a way that indicates they may not be suitable to work with children"


class DecisionKind(models.TextChoices):
    THRESHOLD_MET = "threshold_met", "Initial evaluation: the harm threshold is met"
    THRESHOLD_NOT_MET = "threshold_not_met", "Initial evaluation: the threshold is not met (advice given)"
    STRATEGY_DISCUSSION = "strategy_discussion", "Hold a strategy discussion"
    REFER_TO_POLICE = "refer_to_police", "Refer to the police"
    SECTION_47 = "section_47", "Children's social care enquiry (section 47)"
    EMPLOYER_INVESTIGATION = "employer_investigation", "Employer to investigate (disciplinary)"
    REFER_TO_DBS = "refer_to_dbs", "Refer to the DBS or the professional regulator"
    NO_FURTHER_ACTION = "no_further_action", "No further action"


class Outcome(models.TextChoices):
    """The outcome definitions of Keeping Children Safe in Education, part 4."""

    SUBSTANTIATED = "substantiated", "Substantiated"
    FALSE = "false", "False"
    MALICIOUS = "malicious", "Malicious"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    UNFOUNDED = "unfounded", "Unfounded"


@pghistory.track()
class Allegation(models.Model):
    """An allegation that someone who works with children has harmed or may pose a risk to them."""

    received_on = models.DateField()
    referrer_name = models.CharField(max_length=150)
    referrer_agency = models.CharField(max_length=200)
    # The person the allegation is about: an adult, named here, and linked to their record if they have one.
    subject_name = models.CharField(max_length=150)
    subject_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="lado_allegations_about"
    )
    subject_role = models.CharField(max_length=150)
    subject_employer = models.CharField(max_length=200)
    children = models.ManyToManyField("people.Person", related_name="lado_allegations")
    category = models.CharField(max_length=20, choices=AllegationCategory.choices)
    details = models.TextField()
    advice_given = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_summary = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("received_on")),
                name="lado_allegation_closed_after_received",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True, outcome="") | (Q(closed_on__isnull=False) & ~Q(outcome="")),
                name="lado_allegation_closed_with_an_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}, received {long_date(self.received_on)}"

    @property
    def reference(self) -> str:
        return f"LADO-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def days_to_resolution(self) -> int | None:
        return None if self.closed_on is None else (self.closed_on - self.received_on).days


@pghistory.track()
class LadoDecision(models.Model):
    """A decision the LADO made about an allegation, with the reasons."""

    allegation = models.ForeignKey(Allegation, on_delete=models.PROTECT, related_name="decisions")
    decided_on = models.DateField()
    decision = models.CharField(max_length=30, choices=DecisionKind.choices)
    rationale = models.TextField()
    decided_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(rationale=""), name="lado_decision_has_a_rationale"),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} on {long_date(self.decided_on)}"
