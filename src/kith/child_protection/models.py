"""Child protection conferences, child protection plans and core groups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"


class ChildParticipation(models.TextChoices):
    ATTENDED = "attended", "Attended in person"
    ATTENDED_PART = "attended_part", "Attended part of the conference"
    VIEWS_THROUGH_ADVOCATE = "advocate", "Views given through an advocate"
    VIEWS_IN_WRITING = "in_writing", "Views given in writing, drawing or recording"
    VIEWS_THROUGH_WORKER = "through_worker", "Views shared by the social worker"
    TOO_YOUNG = "too_young", "Too young to take part"
    DID_NOT_TAKE_PART = "did_not_take_part", "Did not take part"


class ConferenceDecision(models.TextChoices):
    PLAN = "plan", "Child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE_PLAN = "continue", "Plan continues"
    END_PLAN = "end", "Plan ends"


@pghistory.track()
class Conference(models.Model):
    """An initial or review child protection conference (R-022, R-062–R-064, R-066)."""

    referral = models.ForeignKey("front_door.Referral", on_delete=models.PROTECT, related_name="conferences")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="conferences")
    kind = models.CharField(max_length=12, choices=ConferenceKind.choices)
    section_47_enquiry = models.ForeignKey(
        "assessments.Section47Enquiry", on_delete=models.PROTECT, null=True, blank=True, related_name="conferences"
    )
    plan = models.ForeignKey(
        "ChildProtectionPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="conferences"
    )
    held_on = models.DateField()
    chair = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    # when the social worker's report reached the parents and the child.
    report_shared_with_parents_on = models.DateField(null=True, blank=True)
    report_shared_with_child_on = models.DateField(null=True, blank=True)
    child_participation = models.CharField(max_length=20, choices=ChildParticipation.choices)
    child_views = models.TextField(blank=True)
    parents_views = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=ConferenceDecision.choices)
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    decision_rationale = models.TextField()
    # the chair's quality-assurance feedback to the social worker's manager, and its follow-up.
    chair_feedback = models.TextField(blank=True)
    chair_feedback_to = models.ForeignKey(
        "workforce.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    feedback_followed_up_on = models.DateField(null=True, blank=True)
    feedback_follow_up = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.held_on)}"


@pghistory.track()
class ConferenceMember(models.Model):
    """Someone invited to, or attending, a conference, by agency.

    "Not invited" is kept apart from "invited and absent", so no professional who was
    never invited is minuted as absent (R-062, R-064).
    """

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=150)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    role = models.CharField(max_length=150, blank=True)
    invited_on = models.DateField(null=True, blank=True)
    attended = models.BooleanField(default=False)
    sent_apologies = models.BooleanField(default=False)
    report_submitted = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class PlanEndReason(models.TextChoices):
    NO_LONGER_AT_RISK = "no_longer_at_risk", "No longer at continuing risk of significant harm"
    LOOKED_AFTER = "looked_after", "Became looked after, risk managed through the care plan"
    MOVED_AWAY = "moved_away", "Moved to another local authority"
    TURNED_18 = "turned_18", "Reached 18"
    DIED = "died", "Died"


@pghistory.track()
class ChildProtectionPlan(models.Model):
    """A child protection plan (census ``ChildProtectionPlans``), from the conference decision to its end."""

    referral = models.ForeignKey("front_door.Referral", on_delete=models.PROTECT, related_name="child_protection_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="child_protection_plans")
    started_on = models.DateField()
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    # Counted when the plan starts (census NumberOfPreviousCPP).
    previous_plans = models.PositiveSmallIntegerField(default=0)
    is_pre_birth = models.BooleanField(default=False)
    # how risks will be reduced, and what happens if the plan is not working.
    how_risks_will_be_reduced = models.TextField(blank=True)
    contingency = models.TextField(blank=True)
    # identity needs and the actions for them.
    identity_actions = models.TextField(blank=True)
    summary_for_family = models.TextField(blank=True)
    shared_with_family_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=PlanEndReason.choices, blank=True)
    step_down_plan = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="cp_plan_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_cp_plan_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Child protection plan from {long_date(self.started_on)}"


@dataclass(frozen=True)
class Quorum:
    """Whether a core group was quorate, and if not, what was missing (R-065)."""

    missing: tuple[str, ...]

    @property
    def quorate(self) -> bool:
        return not self.missing

    @property
    def in_words(self) -> str:
        if self.quorate:
            return "Quorate"
        return "Not quorate: " + "; ".join(self.missing)


def quorum_of(attendance: Iterable[tuple[str, bool]]) -> Quorum:
    """A core group is quorate when someone from children's social care (normally the child's social
    worker, who chairs it), a parent or carer (agency "family") and at least one other agency attended.

    ``attendance`` is (agency, attended) for each member.
    """
    came = {agency for agency, attended in attendance if attended}
    missing = []
    if Agency.SOCIAL_CARE not in came:
        missing.append("no social worker attended")
    if Agency.FAMILY not in came:
        missing.append("no parent or carer attended")
    if not came - {Agency.SOCIAL_CARE, Agency.FAMILY}:
        missing.append("no other agency attended")
    return Quorum(missing=tuple(missing))


@pghistory.track()
class CoreGroup(models.Model):
    """A core group meeting: who came, whether it was quorate, and progress on the plan (R-065)."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="core_groups")
    held_on = models.DateField()
    quorate = models.BooleanField()
    child_views = models.TextField(blank=True)
    identity_considerations = models.TextField(blank=True)
    drift_or_concerns = models.TextField(blank=True)
    new_actions = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Core group on {long_date(self.held_on)}"

    @property
    def quorum(self) -> Quorum:
        """Worked out again from who attended (uses the prefetched members when there are any)."""
        return quorum_of((member.agency, member.attended) for member in self.members.all())


@pghistory.track()
class CoreGroupMember(models.Model):
    core_group = models.ForeignKey(CoreGroup, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=150)
    agency = models.CharField(max_length=20, choices=Agency.choices)
    role = models.CharField(max_length=150, blank=True)
    attended = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"
