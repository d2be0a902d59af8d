"""Children in care: periods of care, the episodes the SSDA903 return counts, and placements.

A *period of care* runs from the day the child becomes looked after to the day they
stop. Inside it, an *episode* begins whenever the legal status or the placement
changes (ADR 0009), held in the return's own vocabulary so the 903 episodes table is
a plain read of these rows. A *placement* is where and with whom the child lives; an
episode points at the placement it was spent in, and one placement may span several
episodes (a care order made while the child stays with the same foster carer).
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.cin_census import PrimaryNeed
from kith.platform.reference.ssda903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    PreviousPermanence,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlacementChange,
)


class EntryRoute(models.TextChoices):
    """How the child came into care (inspection_findings §1.21)."""

    VOLUNTARY = "voluntary", "Accommodated with the agreement of those with parental responsibility"
    COURT_ORDER = "court_order", "Court order"
    EMERGENCY = "emergency", "Emergency placement"
    POLICE_PROTECTION = "police_protection", "Police protection"
    HOMELESS_16_17 = "homeless_16_17", "A homeless 16- or 17-year-old who chose to be looked after"
    REMAND = "remand", "Remand or detention"
    SHORT_BREAKS = "short_breaks", "Short breaks"


@pghistory.track()
class PeriodOfCare(models.Model):
    """The time a child is looked after, from the first episode to the end of the last."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="periods_of_care")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, choices=ReasonEpisodeCeased.choices, blank=True)
    route = models.CharField(max_length=20, choices=EntryRoute.choices)
    # Why the child came into care, in words the child can later read (RC12 ¶91, ¶140).
    reason_for_care = models.TextField()
    # What was tried or considered first, including the wider family (RC12 ¶101).
    alternatives_considered = models.TextField()
    # A permanence order the child had before this period of care (903 PrevPerm): blank until asked.
    previous_permanence = models.CharField(max_length=2, choices=PreviousPermanence.choices, blank=True)
    previous_permanence_la = models.CharField("Council that made the order", max_length=100, blank=True)
    previous_permanence_on = models.DateField(null=True, blank=True)
    # The manager's or panel's authorisation of the decision (management decisions are data).
    decision = models.ForeignKey(
        "quality.ManagementDecision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="period_of_care_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=(models.Q(ended_on__isnull=True) & models.Q(reason_ceased=""))
                | (models.Q(ended_on__isnull=False) & ~models.Q(reason_ceased__in=["", "X1"])),
                name="period_of_care_ends_with_a_reason",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_period_of_care_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Looked after from {long_date(self.started_on)}"


@pghistory.track()
class Placement(models.Model):
    """Where and with whom the child lives, in the return's placement codes."""

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="placements")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="placements")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    placement_type = models.CharField(max_length=3, choices=PlacementType.choices)
    provider = models.CharField(max_length=3, choices=PlacementProvider.choices, blank=True)
    # The foster carer, home or provider, as the placing team knows them.
    carer = models.CharField(max_length=200)
    # Ofsted's unique reference number for registered provision (the return's URN).
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    postcode = models.CharField(max_length=8)
    # The child's home postcode when the placement began (the return's HOME_POST).
    home_postcode = models.CharField(max_length=8)
    # Inside this council's area, or outside it (HP10 ¶55; §1.48).
    in_area = models.BooleanField()
    host_authority = models.CharField(max_length=100, blank=True)
    distance_miles = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    planned = models.BooleanField()
    matching = models.TextField(blank=True)
    siblings_placed_together = models.BooleanField(null=True, blank=True)
    # A relative or friend approved temporarily as a foster carer (reg 24): visited weekly until
    # the first review, then at least every 4 weeks (reg 28).
    temporary_approval = models.BooleanField(default=False)
    # Provision that should be registered with Ofsted and is not (HP24 ¶25): overseen until it is.
    unregistered = models.BooleanField(default=False)
    # Set when the placement ends because the child moves (the return's REASON_PLACE_CHANGE).
    reason_for_change = models.CharField(max_length=6, choices=ReasonPlacementChange.choices, blank=True)
    end_was_planned = models.BooleanField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="placement_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_placement_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_placement_type_display()} with {self.carer} from {long_date(self.started_on)}"


@pghistory.track()
class Episode(models.Model):
    """One row of the 903 episodes table: a stretch with one legal status and one placement."""

    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="episodes")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_episodes")
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="episodes")
    started_on = models.DateField()
    reason_new_episode = models.CharField(max_length=1, choices=ReasonNewEpisode.choices)
    legal_status = models.CharField(max_length=2, choices=LegalStatus.choices)
    category_of_need = models.CharField(max_length=2, choices=PrimaryNeed.choices)
    ended_on = models.DateField(null=True, blank=True)
    reason_ceased = models.CharField(max_length=3, choices=ReasonEpisodeCeased.choices, blank=True)
    # Only on an episode that ended because the child moved (rules 225, 233).
    reason_for_placement_change = models.CharField(max_length=6, choices=ReasonPlacementChange.choices, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="episode_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True, reason_ceased="")
                | models.Q(ended_on__isnull=False) & ~models.Q(reason_ceased=""),
                name="episode_ends_with_a_reason",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_episode_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Episode from {long_date(self.started_on)} ({self.legal_status}, {self.placement.placement_type})"


@pghistory.track()
class PlacementPlan(models.Model):
    """The placement plan agreed with the carer: how the care plan is carried out in this placement
    (Care Planning Regulations 2010, reg 9 and Schedule 2)."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="placement_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="placement_plans")
    agreed_on = models.DateField()
    # Health, education, family time and the carer's day-to-day arrangements (Schedule 2).
    arrangements = models.TextField()
    # What the carer may decide without asking (delegated authority: haircuts, trips, sleepovers).
    delegated_authority = models.TextField()
    child_views = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-agreed_on", "-pk"]

    def __str__(self) -> str:
        return f"Placement plan agreed on {long_date(self.agreed_on)}"


@pghistory.track()
class PlacementNotification(models.Model):
    """Written notice of a placement (reg 13): who was told and when, the looked-after children's health
    team always (inspection_findings §1.21), and the host authority when the placement is out of area."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="notifications")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="placement_notifications")
    notified_on = models.DateField()
    recipients = models.TextField()
    health_team_notified_on = models.DateField()
    host_authority_notified_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-notified_on", "-pk"]

    def __str__(self) -> str:
        return f"Placement notified on {long_date(self.notified_on)}"


@pghistory.track()
class PlacementAtRisk(models.Model):
    """A placement flagged as at risk of breaking down, and the support put in, until the flag is lifted
    (inspection_findings §1.23: the tracking list managers keep)."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="risk_flags")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="placements_at_risk")
    flagged_on = models.DateField()
    concerns = models.TextField()
    support = models.TextField()
    lifted_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-flagged_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement"],
                condition=models.Q(lifted_on__isnull=True),
                name="one_open_risk_flag_per_placement",
            ),
            models.CheckConstraint(
                condition=models.Q(lifted_on__isnull=True) | models.Q(lifted_on__gte=models.F("flagged_on")),
                name="risk_flag_lifted_after_it_was_raised",
            ),
        ]

    def __str__(self) -> str:
        return f"At risk of breakdown from {long_date(self.flagged_on)}"


@pghistory.track()
class DisruptionMeeting(models.Model):
    """The meeting after a placement ended unplanned: what happened, and the learning for the next
    placement and the care plan (HP10 ¶55, ¶68)."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="disruption_meetings")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="disruption_meetings")
    held_on = models.DateField()
    chair = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    attendees = models.TextField()
    what_happened = models.TextField()
    learning = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Disruption meeting on {long_date(self.held_on)}"


@pghistory.track()
class DistancePlan(models.Model):
    """Why a child lives far from home, how they will be visited, and the plan and date to bring them back
    to the home area (HP24 ¶24; §1.48)."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="distance_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="distance_plans")
    agreed_on = models.DateField()
    reason_for_distance = models.TextField()
    visiting_pattern = models.TextField()
    return_plan = models.TextField()
    # Null only when the plan is for the child to stay (for example, near family who live there).
    target_return_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-agreed_on", "-pk"]

    def __str__(self) -> str:
        return f"Plan for a placement at a distance, agreed on {long_date(self.agreed_on)}"


@pghistory.track()
class UnregisteredOversight(models.Model):
    """A manager's check on a child in unregistered provision, and where registration has got to (HP24 ¶25)."""

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="oversight_checks")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="unregistered_oversight")
    checked_on = models.DateField()
    checked_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    safety = models.TextField()
    registration_progress = models.TextField()
    next_check_on = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"Oversight of unregistered provision on {long_date(self.checked_on)}"


@pghistory.track()
class InboundPlacement(models.Model):
    """A child placed in this council's area by another council (§1.48): who placed them, when this council
    was told, and what local services they get. Not one of this council's looked-after children."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="inbound_placements")
    placing_authority = models.CharField(max_length=100)
    placed_on = models.DateField()
    notified_on = models.DateField()
    carer = models.CharField(max_length=200)
    postcode = models.CharField(max_length=8)
    services = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-placed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_inbound_placement_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Placed here by {self.placing_authority} from {long_date(self.placed_on)}"


@pghistory.track()
class TrackingMeeting(models.Model):
    """A managers' meeting that goes through the children in care one by one (the tracking list) and agrees
    actions for each (R-150), placements at risk among them (R-151)."""

    held_on = models.DateField()
    chair = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    attendees = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Tracking meeting on {long_date(self.held_on)}"


@pghistory.track()
class TrackingAction(models.Model):
    """What a tracking meeting agreed for one child: who does what by when, and when it was done."""

    meeting = models.ForeignKey(TrackingMeeting, on_delete=models.PROTECT, related_name="actions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="tracking_actions")
    discussion = models.TextField()
    action = models.TextField()
    owner = models.CharField(max_length=150)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.action} (by {long_date(self.due_on)})"
