"""Assessments, strategy discussions and section 47 enquiries, each within a child's referral."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pghistory
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import AssessmentFactor

LONDON = ZoneInfo("Europe/London")


class AssessmentKind(models.TextChoices):
    CHILD_AND_FAMILY = "child_and_family", "Child and family assessment"
    PRE_BIRTH = "pre_birth", "Pre-birth assessment"
    CONNECTED_PERSON = "connected_person", "Connected person (family and friends) assessment"
    HOMELESS_16_17 = "homeless_16_17", "Assessment of a homeless 16 or 17 year old"


class AssessmentOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    EARLY_HELP = "early_help", "Step down to early help"
    CHILD_IN_NEED_PLAN = "cin_plan", "Child in need plan"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
    LOOKED_AFTER = "looked_after", "Child to become looked after"


@pghistory.track()
class Assessment(models.Model):
    """A child and family (single) assessment, started, completed and authorised by a manager (R-037)."""

    referral = models.ForeignKey("front_door.Referral", on_delete=models.PROTECT, related_name="assessments")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=20, choices=AssessmentKind.choices, default=AssessmentKind.CHILD_AND_FAMILY)
    # The adult assessed as a carer (connected person assessments).
    connected_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="assessed_as_carer"
    )
    worker = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    factors = ArrayField(models.CharField(max_length=3, choices=AssessmentFactor.choices), default=list, blank=True)
    # seen, seen alone, spoken to alone, or why not.
    child_seen = models.BooleanField(null=True, blank=True)
    child_seen_alone = models.BooleanField(null=True, blank=True)
    child_spoken_to_alone = models.BooleanField(null=True, blank=True)
    why_not_seen = models.TextField(blank=True)
    # R-020, R-021, R-027: the child's views, how issues they raised are followed up, others' views.
    child_views = models.TextField(blank=True)
    child_issues_follow_up = models.TextField(blank=True)
    parents_views = models.TextField(blank=True)
    professionals_views = models.TextField(blank=True)
    # required before completion.
    risk_factors = models.TextField(blank=True)
    protective_factors = models.TextField(blank=True)
    steps_to_reduce_risk = models.TextField(blank=True)
    # ethnicity, culture, religion, language, disability, and the actions to meet them.
    identity_needs = models.TextField(blank=True)
    identity_actions = models.TextField(blank=True)
    # history and analysis, research used.
    history_and_analysis = models.TextField(blank=True)
    analysis = models.TextField(blank=True)
    research_used = models.TextField(blank=True)
    # Homeless 16–17-year-olds: advice on their rights, including to become looked after (HP24 ¶21).
    advised_of_right_to_be_looked_after_on = models.DateField(null=True, blank=True)
    accommodation_secured = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    outcome_rationale = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True) | models.Q(completed_on__gte=models.F("started_on")),
                name="assessment_completed_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(authorised_on__isnull=True)
                | models.Q(completed_on__isnull=False, authorised_on__gte=models.F("completed_on")),
                name="assessment_authorised_after_completion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} started {long_date(self.started_on)}"

    @property
    def is_about_the_child(self) -> bool:
        """An assessment of the child's needs (the CIN census counts these), not of a carer."""
        return self.kind != AssessmentKind.CONNECTED_PERSON


class DiscussionMode(models.TextChoices):
    MEETING = "meeting", "Meeting"
    DISCUSSION = "discussion", "Discussion (telephone or video)"


class StrategyDecision(models.TextChoices):
    SINGLE_AGENCY_S47 = "single_agency_s47", "Single-agency section 47 enquiry"
    JOINT_S47 = "joint_s47", "Joint section 47 enquiry with the police"
    NO_S47 = "no_s47", "No section 47 enquiry"


@pghistory.track()
class StrategyDiscussion(models.Model):
    """A strategy discussion: who took part, what was shared, and whether to make s47 enquiries."""

    referral = models.ForeignKey("front_door.Referral", on_delete=models.PROTECT, related_name="strategy_discussions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="strategy_discussions")
    held_at = models.DateTimeField()
    mode = models.CharField(max_length=10, choices=DiscussionMode.choices)
    held_out_of_hours = models.BooleanField(default=False)
    chair = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    information_shared = models.TextField()
    risk_analysis = models.TextField()
    decision = models.CharField(max_length=20, choices=StrategyDecision.choices)
    immediate_protection = models.TextField(blank=True)
    legal_advice_sought = models.BooleanField(default=False)
    rationale = models.TextField()
    actions = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_at"]

    def __str__(self) -> str:
        return f"Strategy discussion on {long_date(self.held_on)}"

    @property
    def held_on(self) -> date:
        """The day it was held, in London."""
        return timezone.localtime(self.held_at, LONDON).date()

    @property
    def decided_section_47(self) -> bool:
        return self.decision in {StrategyDecision.SINGLE_AGENCY_S47, StrategyDecision.JOINT_S47}


@pghistory.track()
class StrategyParticipant(models.Model):
    """Everyone who took part, named with their agency (R-060, R-062)."""

    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(max_length=150)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    role = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class EnquiryOutcome(models.TextChoices):
    INITIAL_CONFERENCE = "icpc", "Initial child protection conference"
    CHILD_IN_NEED = "cin", "Child in need plan"
    NO_FURTHER_ACTION = "nfa", "No further action"


@pghistory.track()
class Section47Enquiry(models.Model):
    """Enquiries under section 47 Children Act 1989, from start to outcome."""

    referral = models.ForeignKey("front_door.Referral", on_delete=models.PROTECT, related_name="section_47_enquiries")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="section_47_enquiries")
    strategy_discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.PROTECT, related_name="enquiries")
    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, null=True, blank=True, related_name="section_47_enquiries"
    )
    worker = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    child_seen = models.BooleanField(null=True, blank=True)
    child_seen_alone = models.BooleanField(null=True, blank=True)
    why_not_seen = models.TextField(blank=True)
    findings = models.TextField(blank=True)
    medical_examination = models.TextField(blank=True)
    outcome = models.CharField(max_length=4, choices=EnquiryOutcome.choices, blank=True)
    outcome_rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="section_47_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True, outcome="")
                | (models.Q(ended_on__isnull=False) & ~models.Q(outcome="")),
                name="section_47_outcome_when_ended",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry from {long_date(self.started_on)}"
