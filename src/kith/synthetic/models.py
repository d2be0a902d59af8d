"""What the synthetic authority's generator keeps between sittings of a resumable run."""

from __future__ import annotations

from django.db import models


class GenerationRun(models.Model):
    """A ``kith generate --resumable`` run: how it was asked for, how far it has lived, and the run's
    state at that point (the dice, the diary, the people in memory), so that ``--resume`` carries on
    exactly where the last checkpoint left off.

    One per database. The state is cleared when the run finishes; the row stays, saying how the
    authority was made and how long it took.
    """

    size = models.CharField(max_length=20)
    seed = models.IntegerField()
    as_of = models.DateField()
    years = models.PositiveSmallIntegerField()
    first_day = models.DateField(help_text="The first day lived (the opening caseload's past begins here).")
    lived_to = models.DateField(help_text="Every day up to and including this one is lived and committed.")
    state = models.BinaryField(help_text="The run's state at the last checkpoint, pickled and compressed.")
    seconds = models.FloatField(default=0, help_text="Time spent on the days committed so far, over all sittings.")
    sittings = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.size} authority, seed {self.seed}, to {self.as_of.isoformat()} (lived to {self.lived_to})"
