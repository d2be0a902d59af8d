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
from kith.synthetic.generator.run import GenerationRefused, generate
from kith.synthetic.generator.sign_ins import open_demo_sign_ins
from kith.synthetic.generator.sizes import PROFILES, SIZES
from kith.synthetic.management.commands.load_demo import print_logins


def _day(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError as problem:
        raise CommandError(f"--as-of must be a date like 2026-03-31, not {raw!r}") from problem


class Command(BaseCommand):
    help = "Generate a synthetic children's services authority, living each day through the real actions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--size", choices=[*SIZES, "tiny"], default="small", help="small, medium or large (tiny: tests)"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--as-of", dest="as_of", required=True, help="the last day lived, e.g. 2026-03-31")
        parser.add_argument("--years", type=int, default=1, help="years of history before the as-of date")
        parser.add_argument("--report", action="store_true", help="print the calibration report afterwards")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--sign-ins", action="store_true", help="open the demo sign-ins (one per role) on staff with real work"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = _day(options["as_of"])
        began = time.monotonic()
        try:
            _, summary = generate(
                size=options["size"],
                seed=options["seed"],
                as_of=as_of,
                years=options["years"],
                progress=None if options["no_progress"] else sys.stderr,
            )
        except (GenerationRefused, CalendarNotCovered) as problem:
            raise CommandError(str(problem)) from problem
        seconds = time.monotonic() - began
        profile = PROFILES[options["size"]]
        self.stdout.write(
            f"Generated the {profile.name} authority ({profile.children:,} children aged 0–17), "
            f"seed {options['seed']}, {options['years']} year(s) to {as_of.isoformat()}, in {seconds:.0f}s:"
        )
        for line in summary.lines():
            self.stdout.write(f"  {line}")
        if options["report"]:
            self.stdout.write("")
            self.stdout.write(report(profile, as_of))
        if options["sign_ins"]:
            open_demo_sign_ins()
            print_logins(self.stdout)
