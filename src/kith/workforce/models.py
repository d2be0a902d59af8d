"""Teams, staff and allocations."""

from __future__ import annotations

import pghistory
from django.conf import settings
from django.db import models

from kith.platform.access.roles import Role
from kith.platform.calendar.working_days import long_date


class TeamKind(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door (MASH)"
    ASSESSMENT = "assessment", "Assessment"
    SAFEGUARDING = "safeguarding", "Safeguarding and family support"
    CHILDREN_IN_CARE = "children_in_care", "Children in care"
    CARE_LEAVERS = "care_leavers", "Care leavers"
    DISABLED_CHILDREN = "disabled_children", "Disabled children"
    FOSTERING_AND_ADOPTION = "fostering_adoption", "Fostering and adoption"
    IRO = "iro", "Independent reviewing officers"
    QUALITY_ASSURANCE = "quality_assurance", "Quality assurance"
    OUT_OF_HOURS = "out_of_hours", "Emergency duty (out of hours)"
    SERVICE = "service", "Service (a group of teams)"


@pghistory.track()
class Team(models.Model):
    """A team, or a service grouping teams. ``path`` lets a manager's scope take in every team below."""

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=TeamKind.choices)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    # "/3/7/" for team 7 under service 3: descendants are found with one startswith.
    path = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2


@pghistory.track()
class StaffMember(models.Model):
    """A member of staff, linked to their sign-in account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_member")
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=24, choices=Role.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="members")
    job_title = models.CharField(max_length=120, blank=True)
    # The number of children the council expects this worker to hold; a peak is flagged.
    caseload_limit = models.PositiveSmallIntegerField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


@pghistory.track()
class Allocation(models.Model):
    """A child held by a team, and by a named worker unless ``worker`` is empty (unallocated).

    An allocation is never edited to a new worker: the old one ends and a new one starts,
    so the history shows every worker the child has had.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(StaffMember, on_delete=models.PROTECT, null=True, blank=True, related_name="allocations")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason = models.TextField()
    decided_by = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="allocation_decisions")
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_current_allocation_per_child"
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="allocation_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} held by {self.worker or self.team} from {long_date(self.started_on)}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


@pghistory.track()
class Reminder(models.Model):
    """A nightly reminder sent to a member of staff: how much of their work was overdue or due soon.

    Kept so that what was sent, to whom and when is never lost, and so a second run on the
    same day sends nothing twice. It names no child: the mail leaves Kith.
    """

    staff = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="reminders")
    sent_on = models.DateField()
    sent_at = models.DateTimeField()
    sent_to = models.EmailField()
    overdue = models.PositiveIntegerField()
    due_soon = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_on", "staff"]
        constraints = [models.UniqueConstraint(fields=["staff", "sent_on"], name="one_reminder_per_staff_per_day")]

    def __str__(self) -> str:
        return f"Reminder to {self.staff} on {long_date(self.sent_on)}"
