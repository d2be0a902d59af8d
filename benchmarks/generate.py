"""How long `kith generate` takes, and how far the authority it makes sits from the national figures.

Run with `uv run python benchmarks/generate.py [SIZE ...]` (default: tiny small). Each size is
generated for one year to 31 March 2026 with seed 1 in a throwaway database (kith_benchmark_generate)
on the same server, through the real actions; it prints the wall time, the records made, the actions
per second and the calibration report. Nothing is asserted: the budget it is read against (the large
authority in under 10 minutes) is in ARCHITECTURE.md §5.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import transaction
from throwaway import throwaway_database

NAME = "kith_benchmark_generate"
AS_OF = date(2026, 3, 31)


def main(sizes: list[str]) -> None:
    with throwaway_database(NAME):
        for size in sizes:
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


if __name__ == "__main__":
    main(sys.argv[1:] or ["tiny", "small"])
