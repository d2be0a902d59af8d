"""Running the sector's own validators over Kith's returns, as an external check.

The validators pin old pandas and numpy, so they never share Kith's environment: ``make
validators`` builds a virtual environment for each under ``var/validators/``, and Kith runs
them there as a separate program, reading the issues back as rows.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings

from kith.returns.unmeetable import CANNOT_BE_MET_903
from kith.returns.years import CollectionYear

ROOT = Path(settings.BASE_DIR)
VALIDATOR_903 = ROOT / "var" / "validators" / "903" / "bin" / "python"
VALIDATOR_CIN = ROOT / "var" / "validators" / "cin" / "bin" / "python"


# Rules of csc-validator-be-903 0.1.17 that fail to run at all (their own code raises), reported as
# issues with the message "The rule failed to run": 231 and 233 (returns.md §7.1) and the DoLo rules
# 706, 709 and 710. Listed here, not hidden: every report shows them apart from the real issues.
UPSTREAM_FAILURES_903 = frozenset({"231", "233", "706", "709", "710"})


def is_cin_query(rule: str) -> bool:
    """CIN census rules ending in Q are queries (confirm something unusual), not errors."""
    return rule.endswith("Q")


@dataclass(frozen=True)
class Issue:
    rule: str
    child: str
    table: str
    message: str
    # Why no record of the child could avoid the issue, when none could (kith.returns.unmeetable).
    cannot_be_met: str = ""


class ValidatorMissing(RuntimeError):
    """The validator's environment has not been built."""


def validate_903(folder: Path, *, year: CollectionYear, la: str, previous: Path | None = None) -> list[Issue]:
    """The sector's SSDA903 rules for the year over the CSV files in ``folder``.

    ``previous`` is a folder of last year's files, for the rules that compare the two years (an
    episode carried over, a child's date of birth unchanged); without it those rules are skipped.
    An issue no record of the child could avoid says why in ``cannot_be_met`` (kith.returns.unmeetable).
    """
    if not VALIDATOR_903.exists():
        raise ValidatorMissing(f"The SSDA903 validator is not installed: run `make validators` ({VALIDATOR_903})")
    script = ROOT / "src" / "kith" / "returns" / "run_903.py"
    # The validator cannot read a last year with no child in it (its ingress fails on an empty header).
    last_year = [str(previous)] if previous is not None and _has_children(previous) else []
    done = subprocess.run(  # noqa: S603 - our own script, in our own validator environment
        [str(VALIDATOR_903), str(script), str(folder), str(year.year), la, *last_year],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"The SSDA903 validator failed to run: {done.stderr.strip()[-2000:]}")
    issues = [Issue(**json.loads(line)) for line in done.stdout.splitlines() if line.startswith('{"rule"')]
    raised = {issue.rule for issue in issues}
    reasons = {rule: explain(folder, year) for rule, explain in CANNOT_BE_MET_903.items() if rule in raised}
    return [
        replace(issue, cannot_be_met=reasons[issue.rule][issue.child])
        if issue.child in reasons.get(issue.rule, {})
        else issue
        for issue in issues
    ]


def _has_children(folder: Path) -> bool:
    header = folder / "header.csv"
    return header.exists() and len(header.read_text(encoding="utf-8").splitlines()) > 1


def _run_cin(*arguments: str) -> list[Issue]:
    if not VALIDATOR_CIN.exists():
        raise ValidatorMissing(f"The CIN census validator is not installed: run `make validators` ({VALIDATOR_CIN})")
    script = ROOT / "src" / "kith" / "returns" / "run_cin.py"
    done = subprocess.run(  # noqa: S603 - our own script, in our own validator environment
        [str(VALIDATOR_CIN), str(script), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"The CIN census validator failed to run: {done.stderr.strip()[-2000:]}")
    return [Issue(**json.loads(line)) for line in done.stdout.splitlines() if line.startswith('{"rule"')]


def validate_cin(path: Path, *, year: CollectionYear) -> list[Issue]:
    """The sector's CIN census rules for the year (``cin2025_26`` for 2026) over the XML file."""
    return _run_cin("rules", str(path), year.ruleset_cin)


def check_cin_schema(path: Path, *, xsd: Path) -> list[Issue]:
    """The XML file against a CIN census schema, with lxml from the validator's environment (Kith has none)."""
    return _run_cin("schema", str(path), str(xsd))
