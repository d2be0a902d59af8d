"""Reviews of children in care, chaired by the independent reviewing officer, and the IRO's oversight.

The IRO is allocated to the child; reviews are held within 20 working days of the child
coming into care, then within 3 months, then at least every 6 months (Care Planning
Regulations 2010, reg 33). Each review records how the child took part (the 903 review
code), whether the IRO met the child first, which reports arrived beforehand, whether the
last review's decisions were checked, and its own decisions with owners and dates. The
IRO's contact with the child between reviews, and the IRO's challenges and the
dispute-resolution stages they went through, are records too (HP10 ¶51, ¶69).
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import ReviewParticipation


@pghistory.track()
class IroAllocation(models.Model):
    """The IRO responsible for the child during a period of care."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="iros")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="iro_allocations")
    iro = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="iro_allocations")
    allocated_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-allocated_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("allocated_on")),
                name="iro_allocation_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_iro_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.iro} as IRO from {long_date(self.allocated_on)}"


@pghistory.track()
class Review(models.Model):
    """A review of the child's care plan, chaired by the IRO (the 903 reviews table: date and code)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="reviews")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_reviews")
    held_on = models.DateField()
    chair = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    # The 903 REVIEW_CODE: how the child took part.
    participation = models.CharField(max_length=3, choices=ReviewParticipation.choices)
    # When the IRO met the child before the review, alone where possible (HP10 ¶69); null: did not.
    iro_met_child_on = models.DateField(null=True, blank=True)
    why_iro_did_not_meet_child = models.TextField(blank=True)
    # Which agencies' reports arrived before the review (RC12 ¶138).
    reports_received = models.TextField(blank=True)
    # Whether the last review's decisions were checked, and what became of them (HP10 ¶69).
    previous_decisions_checked = models.BooleanField(null=True)
    previous_decisions_notes = models.TextField(blank=True)
    child_views = models.TextField()
    parents_views = models.TextField(blank=True)
    carers_views = models.TextField(blank=True)
    progress = models.TextField()
    care_plan_meets_needs = models.BooleanField()
    # Whether the child was told how to complain and offered an advocate; null: not asked.
    complaints_information_given = models.BooleanField(null=True)
    advocate_offered = models.BooleanField(null=True)
    # Minutes: when they went out and to whom, parents included (RC12 ¶138, ¶140).
    minutes_distributed_on = models.DateField(null=True, blank=True)
    minutes_recipients = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["child", "held_on"], name="one_review_a_day"),
            models.CheckConstraint(
                condition=models.Q(minutes_distributed_on__isnull=True)
                | models.Q(minutes_distributed_on__gte=models.F("held_on")),
                name="minutes_go_out_after_the_review",
            ),
            models.CheckConstraint(
                condition=models.Q(iro_met_child_on__isnull=True) | models.Q(iro_met_child_on__lte=models.F("held_on")),
                name="iro_meets_child_before_the_review",
            ),
        ]

    def __str__(self) -> str:
        return f"Review on {long_date(self.held_on)}"


@pghistory.track()
class ReviewDecision(models.Model):
    """A decision or recommendation of a review: what, who, by when, and when it was done."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="decisions")
    decision = models.TextField()
    owner = models.CharField(max_length=150)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decision} ({self.owner}, by {long_date(self.due_on)})"


class IroContactKind(models.TextChoices):
    VISIT = "visit", "Visit"
    MEETING = "meeting", "Meeting outside a visit (for example at school)"
    CALL = "call", "Telephone or video call"
    MESSAGE = "message", "Letter, text or message"


@pghistory.track()
class IroContact(models.Model):
    """The IRO's contact with the child between reviews (HP24 ¶27)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="iro_contacts")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="iro_contacts")
    iro = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    contact_on = models.DateField()
    kind = models.CharField(max_length=10, choices=IroContactKind.choices)
    notes = models.TextField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-contact_on", "-pk"]

    def __str__(self) -> str:
        return f"IRO contact on {long_date(self.contact_on)}"


class ChallengeStage(models.TextChoices):
    """The council's dispute-resolution stages, from the informal conversation upward."""

    INFORMAL = "informal", "Informal: raised with the social worker"
    TEAM_MANAGER = "team_manager", "Stage 1: team manager"
    SERVICE_MANAGER = "service_manager", "Stage 2: service manager"
    HEAD_OF_SERVICE = "head_of_service", "Stage 3: head of service"
    DIRECTOR = "director", "Stage 4: director of children's services"
    CAFCASS = "cafcass", "Referred to Cafcass"


STAGE_ORDER = list(ChallengeStage.values)


@pghistory.track()
class IroChallenge(models.Model):
    """An IRO's challenge to the care planning, before or during a review, and how it was settled."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="challenges")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="iro_challenges")
    iro = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    raised_on = models.DateField()
    # Raised at this review, or between reviews when blank.
    review = models.ForeignKey(Review, on_delete=models.PROTECT, null=True, blank=True, related_name="challenges")
    concern = models.TextField()
    stage = models.CharField(max_length=20, choices=ChallengeStage.choices, default=ChallengeStage.INFORMAL)
    resolved_on = models.DateField(null=True, blank=True)
    agreed_actions = models.TextField(blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolved_on__isnull=True) | models.Q(resolved_on__gte=models.F("raised_on")),
                name="challenge_resolved_after_it_was_raised",
            ),
        ]

    def __str__(self) -> str:
        return f"IRO challenge raised on {long_date(self.raised_on)}"


@pghistory.track()
class ChallengeEscalation(models.Model):
    """One step up the dispute-resolution stages, with why."""

    challenge = models.ForeignKey(IroChallenge, on_delete=models.PROTECT, related_name="escalations")
    escalated_on = models.DateField()
    to_stage = models.CharField(max_length=20, choices=ChallengeStage.choices)
    reason = models.TextField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["escalated_on", "pk"]

    def __str__(self) -> str:
        return f"Escalated on {long_date(self.escalated_on)}"


class SupportKind(models.TextChoices):
    ADVOCATE = "advocate", "Advocate"
    INDEPENDENT_VISITOR = "independent_visitor", "Independent visitor"


class OfferOutcome(models.TextChoices):
    ACCEPTED = "accepted", "Accepted: waiting for a match or referral"
    PROVIDED = "provided", "Provided"
    DECLINED = "declined", "Declined"


@pghistory.track()
class SupportOffer(models.Model):
    """An advocate or an independent visitor offered to a child in care, and what came of it: accepted,
    provided (by whom) or declined, with the child's reasons (R-134, R-135)."""

    period = models.ForeignKey("children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="support_offers")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="support_offers")
    kind = models.CharField(max_length=20, choices=SupportKind.choices)
    offered_on = models.DateField()
    purpose = models.TextField(blank=True)
    outcome = models.CharField(max_length=10, choices=OfferOutcome.choices)
    reason_declined = models.TextField(blank=True)
    provider = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-offered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="declined", reason_declined=""), name="a_declined_offer_says_why"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} offered on {long_date(self.offered_on)}"
