"""The statutory returns of a synthetic authority: how long each takes to write, how much memory, and
whether the sector's validators accept them.

Run with `uv run python benchmarks/returns.py [--size small] [--check] [--keep]`. It generates the
authority (one year to 31 March 2026, seed 1) through the real actions in a throwaway database
(kith_benchmark_returns), writes the 2025-26 SSDA903 and CIN census into var/benchmarks/returns/,
times each and measures its peak memory (Python allocations, tracemalloc), then runs both sector
validators over the files and times them too.

With `--check` (the CI step) it exits 1 when either validator reports an error-level issue, unless
the rule is one the validator itself fails to run (listed in kith.returns.validators, not hidden) or
the issue is one no record of the child could avoid (kith.returns.unmeetable; printed with why).
CIN census queries (rule codes ending in Q) are reported but are not errors: they ask a person to
confirm something unusual rather than say the return is wrong. Timings are figures, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import transaction
from throwaway import throwaway_database

NAME = "kith_benchmark_returns"
AS_OF = date(2026, 3, 31)
YEAR = 2026
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "benchmarks" / "returns"
# The CIN census schemas, when the shared folder sits beside the checkout (they are not Kith's to copy in).
SCHEMAS = ROOT.parent / "shared" / "domain" / "data" / "cin_census"

T = TypeVar("T")


def measured(label: str, work: Callable[[], T], *, memory: bool = True) -> T:
    """Run ``work``, printing its wall time and (when ``memory``) the peak of Python memory it
    allocated. Tracing memory slows Python down, so generation is timed without it."""
    if memory:
        tracemalloc.start()
    began = time.perf_counter()
    try:
        return work()
    finally:
        seconds = time.perf_counter() - began
        peak = f"peak {tracemalloc.get_traced_memory()[1] / 2**20:8.1f} MiB" if memory else ""
        tracemalloc.stop()
        print(f"  {label:<40} {seconds:8.1f} s   {peak}", flush=True)


def main(size: str, *, check: bool, keep: bool) -> int:
    with throwaway_database(NAME, keep=keep), transaction.atomic():
        problems = measure(size)
        if not keep:
            transaction.set_rollback(True)
    if check and problems:
        print(f"\nFAILED: {problems} error-level issue(s) in the returns of the synthetic authority")
        return 1
    return 0


def measure(size: str) -> int:
    from kith.returns.cin_census import build_cin
    from kith.returns.ssda903 import build_903
    from kith.returns.validators import (
        UPSTREAM_FAILURES_903,
        check_cin_schema,
        is_cin_query,
        validate_903,
        validate_cin,
    )
    from kith.returns.years import collection_year
    from kith.synthetic.generator.calibration import report as report_calibration
    from kith.synthetic.generator.run import generate
    from kith.synthetic.generator.sizes import PROFILES

    year = collection_year(YEAR)
    print(f"{size} authority, one year to {AS_OF.isoformat()}, seed 1:", flush=True)
    _, summary = measured(
        "generate", lambda: generate(size=size, seed=1, as_of=AS_OF, years=1, progress=sys.stderr), memory=False
    )
    print(f"  {summary.counts['people']:,} people, {summary.counts['periods of care']:,} periods of care")
    print(report_calibration(PROFILES[size], AS_OF), flush=True)

    folder_903 = OUT / size / "903"
    folder_903.mkdir(parents=True, exist_ok=True)
    previous_903 = folder_903 / "previous"
    previous_903.mkdir(exist_ok=True)
    measured(f"SSDA903 {YEAR - 1}-{YEAR % 100:02d}", lambda: build_903(year).write(folder_903))
    measured(
        f"SSDA903 {YEAR - 2}-{(YEAR - 1) % 100:02d} (last year's)",
        lambda: build_903(collection_year(YEAR - 1)).write(previous_903),
    )
    cin_file = measured(f"CIN census {YEAR - 1}-{YEAR % 100:02d}", lambda: build_cin(year).write(OUT / size / "cin"))

    issues_903 = measured(
        "csc-validator-be-903",
        lambda: validate_903(folder_903, year=year, la=PROFILES[size].ons_code, previous=previous_903),
    )
    issues_cin = measured("csc-validator-be-cin", lambda: validate_cin(cin_file, year=year))

    schema = SCHEMAS / year.cin_schema
    schema_issues = check_cin_schema(cin_file, xsd=schema) if schema.exists() else []
    print(
        f"  CIN census against {schema.name}: "
        + (f"{len(schema_issues)} issue(s)" if schema.exists() else "schema not beside the checkout, not checked")
    )

    errors_903 = [issue for issue in issues_903 if issue.rule not in UPSTREAM_FAILURES_903 and not issue.cannot_be_met]
    errors_cin = [issue for issue in issues_cin if not is_cin_query(issue.rule)]
    queries_cin = [issue for issue in issues_cin if is_cin_query(issue.rule)]
    report("SSDA903 errors", errors_903)
    report(
        "SSDA903 rules the validator fails to run (upstream)",
        [i for i in issues_903 if i.rule in UPSTREAM_FAILURES_903],
    )
    report("SSDA903 issues no record of the child could avoid", [i for i in issues_903 if i.cannot_be_met])
    for issue in (i for i in issues_903 if i.cannot_be_met):
        print(f"    {issue.rule} {issue.child}: {issue.cannot_be_met}")
    report("CIN census schema errors", schema_issues)
    report("CIN census errors", errors_cin)
    report("CIN census queries", queries_cin)
    return len(errors_903) + len(errors_cin) + len(schema_issues)


def report(title: str, issues: list[Any]) -> None:
    by_rule = Counter(issue.rule for issue in issues)
    print(f"\n{title}: {len(issues)}")
    for rule, count in sorted(by_rule.items()):
        example = next(issue for issue in issues if issue.rule == rule)
        print(f"  {rule:>6} × {count:<5} {example.message[:110]} (e.g. child {example.child or '-'})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="small")
    parser.add_argument("--check", action="store_true", help="exit 1 on any error-level issue")
    parser.add_argument("--keep", action="store_true", help="keep the generated database for inspection")
    arguments = parser.parse_args()
    sys.exit(main(arguments.size, check=arguments.check, keep=arguments.keep))
