"""Youth justice work with children in care and children open to social care.

An *involvement* is the youth justice service's (YOS/YJS) case with the child, from the day it
opened to the day it closed, with the YJS worker and team named as text (they seldom hold a
Kith account). Each *outcome* is what the police or the court decided on a date: diversion
(police triage, a community resolution), a youth caution or conditional caution, or a court
sentence. Whether an outcome counts for the 903 OC2 CONVICTED flag ("convicted, or subject to a
youth caution or youth conditional caution, during the year") follows from its kind
(``COUNTS_FOR_903``), so the return reads it with nothing keyed twice: diversion is the route
the service chose so the child is *not* criminalised, and never counts.

A *custody episode* is a remand to youth detention accommodation or the custodial part of a
sentence: the establishment, the dates, the social worker's visits while the child is there,
the education the child gets, and the plan for release (inspection_findings §1.40; R-123). The
legal status a remand brings (903 J1) is recorded in children_in_care, as any legal status is.

*Joint supervision* records the YJS and social care reviewing the child's case together: when,
who took part, what was discussed and decided (RC12 ¶123).
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date


@pghistory.track()
class Involvement(models.Model):
    """The youth justice service's case with the child, while it is open."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="youth_justice_involvements")
    opened_on = models.DateField()
    # The YJS case worker and their team, as the YJS names them (outside Kith's workforce).
    yos_worker = models.CharField("YJS worker", max_length=150)
    yos_team = models.CharField("YJS team", max_length=150)
    reason = models.TextField()
    closed_on = models.DateField(null=True, blank=True)
    closing_summary = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("opened_on")),
                name="yj_involvement_closes_after_it_opens",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(closed_on__isnull=True), name="one_open_yj_involvement_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"Youth justice involvement from {long_date(self.opened_on)}"


class OutcomeKind(models.TextChoices):
    """What the police or the court decided. The first two divert the child from the justice system."""

    POLICE_TRIAGE = "police_triage", "Police triage: diverted, no caution"
    COMMUNITY_RESOLUTION = "community_resolution", "Community resolution"
    YOUTH_CAUTION = "youth_caution", "Youth caution"
    YOUTH_CONDITIONAL_CAUTION = "youth_conditional_caution", "Youth conditional caution"
    REFERRAL_ORDER = "referral_order", "Referral order"
    YOUTH_REHABILITATION_ORDER = "youth_rehabilitation_order", "Youth rehabilitation order"
    DETENTION_AND_TRAINING_ORDER = "detention_and_training_order", "Detention and training order"
    OTHER_SENTENCE = "other_sentence", "Other court sentence (a fine, discharge or other conviction)"
    OTHER_NOT_COUNTED = "other_not_counted", "Other outcome that is not a caution or conviction"


# The 903 OC2 CONVICTED flag: a conviction, youth caution or youth conditional caution in the year
# (the youth caution replaced the reprimand and final warning in April 2013). Diversion is not.
COUNTS_FOR_903 = frozenset(
    {
        OutcomeKind.YOUTH_CAUTION,
        OutcomeKind.YOUTH_CONDITIONAL_CAUTION,
        OutcomeKind.REFERRAL_ORDER,
        OutcomeKind.YOUTH_REHABILITATION_ORDER,
        OutcomeKind.DETENTION_AND_TRAINING_ORDER,
        OutcomeKind.OTHER_SENTENCE,
    }
)
DIVERSION = frozenset({OutcomeKind.POLICE_TRIAGE, OutcomeKind.COMMUNITY_RESOLUTION})


@pghistory.track()
class Outcome(models.Model):
    """One outcome for the child: an out-of-court disposal or a court sentence, on its date."""

    involvement = models.ForeignKey(Involvement, on_delete=models.PROTECT, related_name="outcomes")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="youth_justice_outcomes")
    kind = models.CharField(max_length=30, choices=OutcomeKind.choices)
    outcome_on = models.DateField()
    offence = models.CharField(max_length=300)
    details = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-outcome_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {long_date(self.outcome_on)}"

    @property
    def counts_for_903(self) -> bool:
        """A conviction or caution: sets the 903 OC2 CONVICTED flag for the year it falls in."""
        return self.kind in COUNTS_FOR_903


class CustodyKind(models.TextChoices):
    REMAND = "remand", "Remanded to youth detention accommodation"
    SENTENCE = "sentence", "Serving a custodial sentence"


class EstablishmentKind(models.TextChoices):
    SECURE_CHILDRENS_HOME = "sch", "Secure children's home"
    SECURE_TRAINING_CENTRE = "stc", "Secure training centre or secure school"
    YOUNG_OFFENDER_INSTITUTION = "yoi", "Young offender institution"


class CustodyEndReason(models.TextChoices):
    BAIL = "bail", "Released on bail"
    REMAND_ENDED = "remand_ended", "Remand ended at court (acquitted, or a community sentence)"
    SENTENCE_RELEASE = "sentence_release", "Released to serve the rest of the sentence in the community"
    TRANSFERRED_18 = "turned_18", "Moved to the adult estate at 18"


@pghistory.track()
class CustodyEpisode(models.Model):
    """A time the child spent remanded or sentenced in youth detention accommodation."""

    involvement = models.ForeignKey(Involvement, on_delete=models.PROTECT, related_name="custody_episodes")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="custody_episodes")
    kind = models.CharField(max_length=10, choices=CustodyKind.choices)
    establishment = models.CharField(max_length=200)
    establishment_kind = models.CharField(max_length=3, choices=EstablishmentKind.choices)
    started_on = models.DateField()
    # The education the child gets there: hours, courses, how it links with their school (HP10 ¶61).
    education = models.TextField(blank=True)
    # The plan for release: where the child will live, education, who meets them (HP24 ¶42).
    release_plan = models.TextField(blank=True)
    release_plan_agreed_on = models.DateField(null=True, blank=True)
    accommodation_on_release = models.CharField(max_length=300, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=CustodyEndReason.choices, blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="custody_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_custody_episode_per_child"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.establishment} from {long_date(self.started_on)}"


@pghistory.track()
class CustodyVisit(models.Model):
    """The social worker's visit to the child in custody."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="visits")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="custody_visits")
    visited_on = models.DateField()
    visitor = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    child_seen_alone = models.BooleanField()
    notes = models.TextField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-visited_on", "-pk"]

    def __str__(self) -> str:
        return f"Visit in custody on {long_date(self.visited_on)}"


@pghistory.track()
class JointSupervision(models.Model):
    """The YJS and social care reviewing the child's case together."""

    involvement = models.ForeignKey(Involvement, on_delete=models.PROTECT, related_name="joint_supervisions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="joint_supervisions")
    held_on = models.DateField()
    attendees = models.TextField()
    discussion = models.TextField()
    decisions = models.TextField()
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Joint YJS and social care supervision on {long_date(self.held_on)}"
