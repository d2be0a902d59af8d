"""Unaccompanied asylum-seeking children: arrival, age assessment, immigration status and when UASC status ceased.

One record per child (``UascRecord``) says when they became an unaccompanied asylum-seeking
child, the Home Office reference, whether their age was disputed and how the age assessment
came out (HT10 ¶67, R-041), and, for a child who came through the National Transfer Scheme,
the authority that transferred them. Each step of the asylum claim is a row
(``ImmigrationStatusChange``). The 903 UASC table's DUC is the date UASC status ceased: the
date recorded here, or the child's 18th birthday at the latest (903 rule 304).
"""

from __future__ import annotations

from datetime import date

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


def eighteenth_birthday(date_of_birth: date) -> date:
    """The day the child turns 18; someone born on 29 February turns 18 on 1 March in a common year."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + 18)
    except ValueError:
        return date(date_of_birth.year + 18, 3, 1)


class AgeAssessmentOutcome(models.TextChoices):
    AS_CLAIMED = "as_claimed", "A child of the age they gave"
    OLDER_CHILD = "older_child", "A child, but older than they gave"
    ADULT = "adult", "18 or over"


class CeasedReason(models.TextChoices):
    """Why a child stopped being an unaccompanied asylum-seeking child before their 18th birthday."""

    LEAVE_GRANTED = "leave_granted", "Granted leave to remain"
    ASSESSED_ADULT = "assessed_adult", "Assessed as 18 or over"
    REUNITED = "reunited", "Joined a parent or relative who cares for them"
    LEFT_UK = "left_uk", "Left the UK"


@pghistory.track()
class UascRecord(models.Model):
    """That the child is (or was) an unaccompanied asylum-seeking child, and the facts that go with it."""

    child = models.OneToOneField("people.Person", on_delete=models.PROTECT, related_name="uasc")
    became_uasc_on = models.DateField()
    home_office_reference = models.CharField(max_length=40, blank=True)
    age_disputed = models.BooleanField(default=False)
    age_assessment_outcome = models.CharField(max_length=12, choices=AgeAssessmentOutcome.choices, blank=True)
    age_assessed_on = models.DateField(null=True, blank=True)
    # Who assessed and how, so the assessment can be seen to be applied consistently (HT10 ¶67).
    age_assessment_notes = models.TextField(blank=True)
    # The authority that transferred the child under the National Transfer Scheme, and when.
    transferred_from = models.CharField(max_length=100, blank=True)
    transferred_on = models.DateField(null=True, blank=True)
    ceased_on = models.DateField(null=True, blank=True)
    ceased_reason = models.CharField(max_length=15, choices=CeasedReason.choices, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ceased_on__isnull=True) | models.Q(ceased_on__gte=models.F("became_uasc_on")),
                name="uasc_ceases_after_it_began",
            ),
            models.CheckConstraint(
                condition=(models.Q(ceased_on__isnull=True) & models.Q(ceased_reason=""))
                | (models.Q(ceased_on__isnull=False) & ~models.Q(ceased_reason="")),
                name="uasc_ceases_with_a_reason",
            ),
            models.CheckConstraint(
                condition=(models.Q(age_assessed_on__isnull=True) & models.Q(age_assessment_outcome=""))
                | (models.Q(age_assessed_on__isnull=False) & ~models.Q(age_assessment_outcome="")),
                name="uasc_age_assessment_has_date_and_outcome",
            ),
            models.CheckConstraint(
                condition=(models.Q(transferred_on__isnull=True) & models.Q(transferred_from=""))
                | (models.Q(transferred_on__isnull=False) & ~models.Q(transferred_from="")),
                name="uasc_transfer_has_date_and_authority",
            ),
        ]

    def __str__(self) -> str:
        return f"Unaccompanied asylum-seeking child from {long_date(self.became_uasc_on)}"


class ImmigrationStatus(models.TextChoices):
    CLAIM_LODGED = "claim_lodged", "Asylum claim lodged"
    REFUGEE = "refugee", "Granted refugee status"
    HUMANITARIAN_PROTECTION = "humanitarian", "Granted humanitarian protection"
    OTHER_LEAVE = "other_leave", "Granted other leave to remain (such as UASC leave)"
    REFUSED = "refused", "Claim refused"
    APPEAL_LODGED = "appeal_lodged", "Appeal lodged"
    APPEAL_RIGHTS_EXHAUSTED = "are", "Appeal rights exhausted"


GRANTED = frozenset(
    {ImmigrationStatus.REFUGEE, ImmigrationStatus.HUMANITARIAN_PROTECTION, ImmigrationStatus.OTHER_LEAVE}
)


@pghistory.track()
class ImmigrationStatusChange(models.Model):
    """One step of the child's asylum claim: lodged, decided, appealed."""

    record = models.ForeignKey(UascRecord, on_delete=models.PROTECT, related_name="status_changes")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="immigration_statuses")
    status = models.CharField(max_length=15, choices=ImmigrationStatus.choices)
    changed_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {long_date(self.changed_on)}"
