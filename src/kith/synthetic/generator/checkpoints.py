"""Checkpoints of a resumable run: the records lived so far and the run's state, committed together.

A large authority takes hours to live. A resumable run commits at a month's end every few minutes,
and with the records it writes what it holds in memory (the world: dice, diary, staff and people)
and where each of the database's sequences stands. ``--resume`` reads them back and carries on
from the next day, so the authority comes out as it would have from one unbroken run: the same
dice from the same point, and the same ids, because the sequences are put back where they stood
at the checkpoint (a sitting cut short had drawn ids for records its rollback threw away).
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import connection

from kith.platform import clock
from kith.synthetic.models import GenerationRun

if TYPE_CHECKING:
    from kith.synthetic.generator.population import People
    from kith.synthetic.generator.world import World


@dataclass
class Progress:
    """How far the run has come: the last day lived, and the planner-statistics schedule
    (``run._analyse``), which carries on across sittings."""

    lived_to: date
    done: int = 0
    next_analysis: int = 500


@dataclass
class Resumed:
    run: GenerationRun
    world: World
    people: People
    progress: Progress


def begin(world: World, people: People, progress: Progress, *, years: int, seconds: float) -> GenerationRun:
    """Record a new resumable run and its first checkpoint (after the opening caseload is written in)."""
    run = GenerationRun(
        size=world.profile.name,
        seed=world.seed,
        as_of=world.as_of,
        years=years,
        first_day=progress.lived_to + timedelta(days=1),
        lived_to=progress.lived_to,
        started_at=clock.now(),
    )
    save(run, world, people, progress, seconds=seconds)
    return run


def save(run: GenerationRun, world: World, people: People, progress: Progress, *, seconds: float) -> None:
    """Write the checkpoint in the current transaction, so it commits with the records it describes."""
    state = (world, people, progress, _sequences())
    run.state = zlib.compress(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), 1)
    run.lived_to = progress.lived_to
    run.seconds += seconds
    run.save()


def finish(run: GenerationRun) -> None:
    """The run has lived its last day: its state is no longer needed, its record stays."""
    run.state = b""
    run.finished_at = clock.now()
    run.save()


def unfinished() -> GenerationRun | None:
    return GenerationRun.objects.filter(finished_at__isnull=True).first()


def resume(run: GenerationRun) -> Resumed:
    """Read the last checkpoint back, and put the sequences back where they stood at it."""
    # The state was pickled by this module into this database, in the transaction that wrote the
    # records it describes: nothing from outside the run is ever unpickled here.
    world, people, progress, sequences = pickle.loads(zlib.decompress(run.state))  # noqa: S301
    _restore(sequences)
    run.sittings += 1
    run.save(update_fields=["sittings"])
    return Resumed(run=run, world=world, people=people, progress=progress)


def _sequences() -> dict[str, int | None]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(sequencename), last_value FROM pg_sequences WHERE schemaname = current_schema()"
        )
        return dict(cursor.fetchall())


def _restore(sequences: dict[str, int | None]) -> None:
    with connection.cursor() as cursor:
        for name, last_value in sequences.items():
            # A sequence never drawn from has no last value: its next is its first.
            if last_value is None:
                cursor.execute("SELECT setval(%s, 1, false)", [name])
            else:
                cursor.execute("SELECT setval(%s, %s, true)", [name, last_value])
