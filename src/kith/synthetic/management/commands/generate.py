"""``kith generate``: a synthetic local authority, lived through the real actions.

See docs/domain/synthetic_authority.md.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kith.platform.calendar.working_days import CalendarNotCovered
from kith.synthetic.generator.calibration import report
from kith.synthetic.generator.run import GenerationRefused, generate, resume
from kith.synthetic.generator.sign_ins import open_demo_sign_ins
from kith.synthetic.generator.sizes import SIZES
from kith.synthetic.management.commands.load_demo import print_logins
from kith.synthetic.models import GenerationRun


def _day(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError as problem:
        raise CommandError(f"--as-of must be a date like 2026-03-31, not {raw!r}") from problem


# What a resumable run was started with, and --resume therefore takes from it.
_THE_RUNS_OWN = ("size", "seed", "as_of", "years")


def _resumable_time() -> str:
    run = GenerationRun.objects.get()
    return f"{run.seconds:.0f}s over {run.sittings} sitting{'s' if run.sittings != 1 else ''} in all"


class Command(BaseCommand):
    help = "Generate a synthetic children's services authority, living each day through the real actions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=[*SIZES, "tiny"], help="small (default), medium or large (tiny: tests)")
        parser.add_argument("--seed", type=int, help="the dice's seed (default 1)")
        parser.add_argument("--as-of", dest="as_of", help="the last day lived, e.g. 2026-03-31 (required)")
        parser.add_argument("--years", type=int, help="years of history before the as-of date (default 1)")
        parser.add_argument(
            "--resumable",
            action="store_true",
            help="commit every few minutes with the run's state, so that a run that stops can be carried on",
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="carry on the unfinished resumable run in this database (its size, seed and dates are its own)",
        )
        parser.add_argument("--report", action="store_true", help="print the calibration report afterwards")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--sign-ins", action="store_true", help="open the demo sign-ins (one per role) on staff with real work"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = None if options["no_progress"] else sys.stderr
        began = time.monotonic()
        try:
            if options["resume"]:
                chosen = [f"--{name.replace('_', '-')}" for name in _THE_RUNS_OWN if options[name] is not None]
                if chosen or options["resumable"]:
                    raise CommandError(
                        f"--resume carries on the run as it was started: leave out {', '.join(chosen) or '--resumable'}"
                    )
                world, summary = resume(progress=progress)
                years = GenerationRun.objects.get().years
            else:
                if options["as_of"] is None:
                    raise CommandError("--as-of is required: the last day lived, e.g. --as-of 2026-03-31")
                years = 1 if options["years"] is None else options["years"]
                world, summary = generate(
                    size=options["size"] or "small",
                    seed=1 if options["seed"] is None else options["seed"],
                    as_of=_day(options["as_of"]),
                    years=years,
                    progress=progress,
                    resumable=options["resumable"],
                )
        except (GenerationRefused, CalendarNotCovered) as problem:
            raise CommandError(str(problem)) from problem
        seconds = time.monotonic() - began
        profile = world.profile
        self.stdout.write(
            f"Generated the {profile.name} authority ({profile.children:,} children aged 0–17), "
            f"seed {world.seed}, {years} year(s) to {world.as_of.isoformat()}, in {seconds:.0f}s"
            + (" (this sitting; " + _resumable_time() + ")" if options["resume"] or options["resumable"] else "")
            + ":"
        )
        for line in summary.lines():
            self.stdout.write(f"  {line}")
        if options["report"]:
            self.stdout.write("")
            self.stdout.write(report(profile, world.as_of))
        if options["sign_ins"]:
            open_demo_sign_ins()
            print_logins(self.stdout)
