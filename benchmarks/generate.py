"""How long `kith generate` takes, and how far the authority it makes sits from the national figures.

Run with `uv run python benchmarks/generate.py [SIZE ...]` (default: tiny small). Each size is
generated for one year to 31 March 2026 with seed 1 in a throwaway database (kith_benchmark_generate)
on the same server, through the real actions; it prints the wall time, the records made, the actions
per second and the calibration report. Nothing is asserted: the budget it is read against (the large
authority in under 10 minutes) is in ARCHITECTURE.md §5.

The large authority takes hours, so it is measured in sittings (ADR 0010):
`uv run python benchmarks/generate.py --resumable large` starts it in a database that is kept
(kith_benchmark_large), committing a checkpoint every five minutes; after any stop,
`uv run python benchmarks/generate.py --resume` carries on. Each sitting prints its own time and the
time of the committed work over all sittings; the last prints the summary and the report.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import transaction
from throwaway import throwaway_database

if TYPE_CHECKING:
    from kith.synthetic.generator.run import Summary

NAME = "kith_benchmark_generate"
# The database a run in sittings is kept in between them (started afresh by --resumable).
KEPT = "kith_benchmark_large"
AS_OF = date(2026, 3, 31)


def main(arguments: list[str]) -> None:
    if arguments[:1] == ["--resume"]:
        carry_on()
    elif arguments[:1] == ["--resumable"]:
        with throwaway_database(KEPT, keep=True):
            in_sittings(arguments[1] if len(arguments) > 1 else "large")
    else:
        with throwaway_database(NAME):
            for size in arguments or ["tiny", "small"]:
                measure(size)


def measure(size: str) -> None:
    from kith.synthetic.generator.calibration import report
    from kith.synthetic.generator.run import generate
    from kith.synthetic.generator.sizes import PROFILES

    with transaction.atomic():
        began = time.perf_counter()
        _, summary = generate(size=size, seed=1, as_of=AS_OF, years=1, progress=sys.stderr)
        seconds = time.perf_counter() - began
        events = summary.counts["chronology events"]
        rate = events / seconds
        print(f"\n{size}: 1 year to {AS_OF.isoformat()} in {seconds:.1f}s ({rate:.0f} recorded actions a second)")
        for line in summary.lines():
            print(f"  {line}")
        print(report(PROFILES[size], AS_OF))
        transaction.set_rollback(True)


def in_sittings(size: str) -> None:
    from kith.synthetic.generator.run import generate

    began = time.perf_counter()
    _, summary = generate(size=size, seed=1, as_of=AS_OF, years=1, progress=sys.stderr, resumable=True)
    finished(size, summary, time.perf_counter() - began)


def carry_on() -> None:
    """Carry on the kept run: its database already exists and is migrated, so connect to it."""
    from django.conf import settings
    from django.db import connection

    from kith.synthetic.generator.run import GenerationRefused, resume
    from kith.synthetic.models import GenerationRun

    server = settings.EMBEDDED_DATABASE
    started = server.ensure_running() if server is not None else False
    connection.settings_dict["NAME"] = KEPT
    try:
        began = time.perf_counter()
        _, summary = resume(progress=sys.stderr)
        finished(GenerationRun.objects.get().size, summary, time.perf_counter() - began)
    except GenerationRefused as problem:
        sys.exit(str(problem))
    finally:
        connection.close()
        if started and server is not None:
            server.stop()


def finished(size: str, summary: Summary, seconds: float) -> None:
    from kith.synthetic.generator.calibration import report
    from kith.synthetic.generator.sizes import PROFILES
    from kith.synthetic.models import GenerationRun

    run = GenerationRun.objects.get()
    print(
        f"\n{size}: this sitting {seconds:.1f}s; the whole run {run.seconds:.1f}s of committed work over "
        f"{run.sittings} sitting(s), {summary.counts['chronology events'] / run.seconds:.0f} recorded actions a second"
    )
    for line in summary.lines():
        print(f"  {line}")
    print(report(PROFILES[size], AS_OF))


if __name__ == "__main__":
    main(sys.argv[1:])
