"""The front door's records: contacts, referrals (the child in need episode), early help,
police protection and out-of-hours handovers.

A **contact** is what arrives at the front door about one or more children. Its decision
may make a **referral** for each child: the referral opens the child in need episode the
CIN census counts (``CINdetails``), from the referral date to its closure.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import PrimaryNeed, ReasonForClosure, ReferralSource


class Consent(models.TextChoices):
    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"
    DISPENSED_WITH = "dispensed_with", "Dispensed with to safeguard the child"


class Priority(models.TextChoices):
    RED = "red", "Red: immediate risk of significant harm"
    AMBER = "amber", "Amber: needs a response today"
    GREEN = "green", "Green: no immediate risk"


class ContactDecision(models.TextChoices):
    ADVICE = "advice", "Advice or information given"
    EARLY_HELP = "early_help", "Signpost or step down to early help"
    REFERRAL = "referral", "Referral to children's social care"
    STRATEGY_DISCUSSION = "strategy_discussion", "Referral straight to a strategy discussion"


@pghistory.track()
class Contact(models.Model):
    """Information about a child that reached the front door, screened and decided on."""

    received_at = models.DateTimeField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    referrer_name = models.CharField(max_length=150, blank=True)
    referrer_organisation = models.CharField(max_length=150, blank=True)
    referrer_contact_details = models.CharField(max_length=200, blank=True)
    children = models.ManyToManyField("people.Person", related_name="contacts_about")
    adults = models.ManyToManyField("people.Person", related_name="contacts_involving", blank=True)
    reason = models.TextField()
    # Another contact about any of these children in the 12 months before this one.
    is_repeat_contact = models.BooleanField(default=False)
    consent = models.CharField(max_length=16, choices=Consent.choices)
    # Why the front door proceeds without consent; a manager signs it off.
    consent_rationale = models.TextField(blank=True)
    consent_signed_off_by = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    consent_signed_off_at = models.DateTimeField(null=True, blank=True)
    history_checks = models.TextField(blank=True)
    history_findings = models.TextField(blank=True)
    screening_analysis = models.TextField(blank=True)
    priority = models.CharField(max_length=5, choices=Priority.choices, blank=True)
    decision = models.CharField(max_length=20, choices=ContactDecision.choices, blank=True)
    decision_rationale = models.TextField(blank=True)
    advice_given = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Signposted families are checked on later: did they get help?
    early_help_follow_up_due_on = models.DateField(null=True, blank=True)
    early_help_followed_up_on = models.DateField(null=True, blank=True)
    family_got_help = models.BooleanField(null=True, blank=True)
    early_help_follow_up_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_at__isnull=True) | models.Q(decided_at__gte=models.F("received_at")),
                name="contact_decided_after_received",
            ),
        ]

    def __str__(self) -> str:
        return f"Contact received {long_date(self.received_at.date())}"


class ThresholdLevel(models.TextChoices):
    """The council's levels of need (the local threshold document names them)."""

    UNIVERSAL = "1", "Level 1: universal"
    EARLY_HELP = "2", "Level 2: early help"
    TARGETED = "3", "Level 3: targeted or intensive (child in need)"
    STATUTORY = "4", "Level 4: statutory or specialist (child protection)"


@pghistory.track()
class Referral(models.Model):
    """A referral to children's social care: the child in need episode, from referral to closure."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals")
    referral_date = models.DateField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    # Required unless the referral needs no further action (census rule 8610).
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    threshold_level = models.CharField(max_length=1, choices=ThresholdLevel.choices)
    # No further action at the referral stage, without an assessment (census ReferralNFA).
    no_further_action = models.BooleanField(default=False)
    # A referral within 12 months of the child's last episode ending.
    is_re_referral = models.BooleanField(default=False)
    stepped_up_from_early_help = models.BooleanField(default=False)
    step_up_reason = models.TextField(blank=True)
    # Closed with the family passed to early help (RC9 after an assessment, or RC7 without one).
    stepped_down_to_early_help = models.BooleanField(default=False)
    step_down_reason = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ReasonForClosure.choices, blank=True)
    closure_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-referral_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("referral_date")),
                name="referral_closed_after_it_started",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True, closure_reason="")
                | (models.Q(closed_on__isnull=False) & ~models.Q(closure_reason="")),
                name="referral_closure_has_a_reason",
            ),
            # One open episode per child (census rules 8815, 8820).
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(closed_on__isnull=True), name="one_open_referral_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Referral on {long_date(self.referral_date)}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class EarlyHelpOutcome(models.TextChoices):
    CONTINUING = "continuing", "Early help continuing"
    NEEDS_MET = "needs_met", "Needs met, early help ended"
    STEPPED_UP = "stepped_up", "Stepped up to children's social care"
    DECLINED = "declined", "Family declined early help"


class AuditGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


@pghistory.track()
class EarlyHelpAssessment(models.Model):
    """An early help assessment (CAF, family help) made by a partner agency, on record and audited (R-042)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="early_help_assessments")
    agency = models.CharField(max_length=150)
    lead_professional = models.CharField(max_length=150)
    assessed_on = models.DateField()
    level_of_need = models.CharField(max_length=1, choices=ThresholdLevel.choices)
    needs_identified = models.TextField()
    plan = models.TextField()
    family_consented = models.BooleanField()
    outcome = models.CharField(max_length=12, choices=EarlyHelpOutcome.choices, default=EarlyHelpOutcome.CONTINUING)
    audited_on = models.DateField(null=True, blank=True)
    audited_by = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    audit_grade = models.CharField(max_length=20, choices=AuditGrade.choices, blank=True)
    audit_findings = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-assessed_on"]

    def __str__(self) -> str:
        return f"Early help assessment by {self.agency} on {long_date(self.assessed_on)}"


class AfterPoliceProtection(models.TextChoices):
    RETURNED_HOME = "returned_home", "Returned home"
    WITH_RELATIVES = "with_relatives", "Placed with relatives or friends"
    ACCOMMODATED = "accommodated", "Accommodated by the council (section 20)"
    EMERGENCY_PROTECTION_ORDER = "epo", "Emergency protection order"
    INTERIM_CARE_ORDER = "ico", "Interim care order"
    OTHER = "other", "Other"


@pghistory.track()
class PoliceProtection(models.Model):
    """Police powers of protection (s46 Children Act 1989), recorded so trends can be analysed (R-122)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="police_protections")
    started_at = models.DateTimeField()
    # Classified when recorded from the council's office hours; kept so analysis never recomputes it.
    in_office_hours = models.BooleanField()
    reason = models.TextField()
    police_officer = models.CharField(max_length=150)
    social_worker = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    where_placed = models.CharField(max_length=200)
    parents_informed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    what_followed = models.CharField(max_length=16, choices=AfterPoliceProtection.choices, blank=True)
    what_followed_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True) | models.Q(ended_at__gte=models.F("started_at")),
                name="police_protection_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"Police protection from {long_date(self.started_at.date())}"


@pghistory.track()
class OutOfHoursRecord(models.Model):
    """A call to the emergency duty team, handed over to the day team the next working day."""

    received_at = models.DateTimeField()
    caller = models.CharField(max_length=150)
    children = models.ManyToManyField("people.Person", related_name="out_of_hours_records")
    responsible_authority = models.CharField(max_length=150, blank=True)
    what_happened = models.TextField()
    advice_or_action = models.TextField()
    strategy_discussion_held = models.BooleanField(default=False)
    police_protection = models.ForeignKey(
        PoliceProtection, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    call_back_needed = models.BooleanField(default=False)
    handed_over_to = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="handovers")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    day_team_action = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"Out-of-hours call {long_date(self.received_at.date())}"


class EscalationStage(models.TextChoices):
    """The stages of the safeguarding partnership's escalation policy (HP10 ¶17, ¶23)."""

    PRACTITIONERS = "1", "Stage 1: between the practitioners"
    MANAGERS = "2", "Stage 2: between their managers"
    SENIOR_MANAGERS = "3", "Stage 3: between senior managers"
    PARTNERSHIP = "4", "Stage 4: the safeguarding partnership"


class DisagreementOutcome(models.TextChoices):
    DECISION_STOOD = "stood", "The decision stood"
    DECISION_CHANGED = "changed", "The decision was changed"
    WITHDRAWN = "withdrawn", "The disagreement was withdrawn"


@pghistory.track()
class ProfessionalDisagreement(models.Model):
    """A partner's disagreement with a front door decision: its escalation and how it was resolved (R-075)."""

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="disagreements")
    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, null=True, blank=True, related_name="disagreements"
    )
    raised_on = models.DateField()
    raised_by_name = models.CharField(max_length=150)
    raised_by_agency = models.CharField(max_length=20, choices=Agency.choices)
    # What the partner disagrees with, and why.
    disagreement = models.TextField()
    stage = models.CharField(max_length=1, choices=EscalationStage.choices, default=EscalationStage.PRACTITIONERS)
    escalated_on = models.DateField(null=True, blank=True)
    escalated_to = models.CharField(max_length=150, blank=True)
    escalation_notes = models.TextField(blank=True)
    resolved_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=DisagreementOutcome.choices, blank=True)
    resolution = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contact__isnull=False, referral__isnull=True)
                | models.Q(contact__isnull=True, referral__isnull=False),
                name="disagreement_about_a_contact_or_a_referral",
            ),
            models.CheckConstraint(
                condition=models.Q(escalated_on__isnull=True) | models.Q(escalated_on__gte=models.F("raised_on")),
                name="disagreement_escalated_after_raised",
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_on__isnull=True, outcome="")
                | (models.Q(resolved_on__isnull=False, resolved_on__gte=models.F("raised_on")) & ~models.Q(outcome="")),
                name="disagreement_resolved_after_raised_with_an_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Disagreement raised by {self.raised_by_name} on {long_date(self.raised_on)}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_on is not None
