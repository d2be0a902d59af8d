"""Missing and away-from-placement episodes, return home interviews and exploitation risk.

An episode runs from the moment the child was found to be missing (or away from their
placement without authorisation, 903 code A) to the moment they came back or were found.
Episodes of a child in care hang on the period of care and the placement they went missing
from, so the 903 missing table (MISSING, MIS_START, MIS_END) is a plain read of the rows
whose ``period`` is set; episodes of children open to social care but not looked after have
no period, and count only in Annex A and the service's own analysis (R-124, R-128).

After a missing episode the child is offered an independent return home interview within 72
hours of coming back (Statutory guidance on children who run away or go missing from home or
care, 2014): it records what was offered, whether the child took it up, who did it and what
was learned, the push and pull factors and the exploitation risks that feed MACE.
"""

from __future__ import annotations

import pghistory
from django.db import models

from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import MissingKind


@pghistory.track()
class MissingEpisode(models.Model):
    """One time the child was missing or away without authorisation (a 903 missing row when in care)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="missing_episodes")
    # The period of care the child was in when the episode started; empty: not looked after then.
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, null=True, blank=True, related_name="missing"
    )
    # The placement the child went missing from (903 rule 575; RC12 ¶108: out-of-area placements).
    placement = models.ForeignKey(
        "children_in_care.Placement", on_delete=models.PROTECT, null=True, blank=True, related_name="missing"
    )
    kind = models.CharField(max_length=1, choices=MissingKind.choices)
    started_at = models.DateTimeField()
    # Where the child was last seen and what happened, as reported.
    circumstances = models.TextField()
    reported_to_police_at = models.DateTimeField(null=True, blank=True)
    police_reference = models.CharField(max_length=40, blank=True)
    why_not_reported = models.TextField(blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    where_found = models.TextField(blank=True)
    # The police safe and well check on return (RC12 ¶32, R-127); null until the child is back.
    safe_and_well_check = models.BooleanField(null=True, blank=True)
    # When the check was done and by which officer, and what the police found, once recorded.
    safe_and_well_on = models.DateField(null=True, blank=True)
    safe_and_well_officer = models.CharField(max_length=150, blank=True)
    safe_and_well_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True) | models.Q(ended_at__gte=models.F("started_at")),
                name="missing_episode_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_at__isnull=True), name="one_open_missing_episode_per_child"
            ),
            models.CheckConstraint(
                condition=models.Q(period__isnull=False) | models.Q(kind=MissingKind.MISSING),
                name="away_from_placement_only_in_care",
            ),
            models.CheckConstraint(
                condition=models.Q(safe_and_well_on__isnull=True) | models.Q(safe_and_well_check=True),
                name="a_dated_safe_and_well_check_was_done",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {long_date(self.started_at.date())}"

    @property
    def in_care(self) -> bool:
        """Whether the episode belongs in the 903 missing table (the child was looked after)."""
        return self.period_id is not None


class InterviewOutcome(models.TextChoices):
    """The Annex A questions: was a return interview offered, and did the child accept it."""

    ACCEPTED = "accepted", "Offered and accepted: the interview was held"
    DECLINED = "declined", "Offered and declined"


@pghistory.track()
class ReturnHomeInterview(models.Model):
    """The independent return home interview offered after an episode, and what it found."""

    episode = models.OneToOneField(MissingEpisode, on_delete=models.PROTECT, related_name="return_interview")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="return_interviews")
    offered_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=InterviewOutcome.choices)
    # When accepted: the day it was held.
    held_on = models.DateField(null=True, blank=True)
    declined_reason = models.TextField(blank=True)
    # Someone independent of the child's social worker and carers, often a commissioned service.
    interviewer = models.CharField(max_length=150)
    interviewer_organisation = models.CharField(max_length=150, blank=True)
    child_views = models.TextField(blank=True)
    # Push: what made the child leave; pull: what drew them away.
    push_factors = models.TextField(blank=True)
    pull_factors = models.TextField(blank=True)
    risk_of_sexual_exploitation = models.BooleanField(default=False)
    risk_of_criminal_exploitation = models.BooleanField(default=False)
    risk_of_trafficking = models.BooleanField(default=False)
    actions_agreed = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-offered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(outcome="accepted") & models.Q(held_on__isnull=False))
                | (models.Q(outcome="declined") & models.Q(held_on__isnull=True)),
                name="return_interview_held_only_when_accepted",
            ),
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=True) | models.Q(held_on__gte=models.F("offered_on")),
                name="return_interview_held_after_it_was_offered",
            ),
        ]

    def __str__(self) -> str:
        return f"Return home interview offered on {long_date(self.offered_on)}"

    @property
    def exploitation_risks(self) -> list[str]:
        risks = [
            (self.risk_of_sexual_exploitation, "child sexual exploitation"),
            (self.risk_of_criminal_exploitation, "child criminal exploitation"),
            (self.risk_of_trafficking, "trafficking"),
        ]
        return [words for flagged, words in risks if flagged]


@pghistory.track()
class SocialWorkerMeeting(models.Model):
    """The social worker's meeting with the child after an episode (RC12 ¶108, R-126), apart from the
    independent return home interview: what the child said and what changes in their plan."""

    episode = models.OneToOneField(MissingEpisode, on_delete=models.PROTECT, related_name="social_worker_meeting")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="missing_worker_meetings")
    met_on = models.DateField()
    worker = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    child_views = models.TextField()
    actions_agreed = models.TextField(blank=True)
    recorded_by = models.ForeignKey("workforce.StaffMember", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Social worker met the child on {long_date(self.met_on)}"
