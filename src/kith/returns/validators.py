"""Running the sector's own validators over Kith's returns, as an external check.

The validators pin old pandas and numpy, so they never share Kith's environment: ``make
validators`` builds a virtual environment for each under ``var/validators/``, and Kith runs
them there as a separate program, reading the issues back as rows.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from kith.returns.years import CollectionYear

ROOT = Path(settings.BASE_DIR)
VALIDATOR_903 = ROOT / "var" / "validators" / "903" / "bin" / "python"
VALIDATOR_CIN = ROOT / "var" / "validators" / "cin" / "bin" / "python"


@dataclass(frozen=True)
class Issue:
    rule: str
    child: str
    table: str
    message: str


class ValidatorMissing(RuntimeError):
    """The validator's environment has not been built."""


def validate_903(folder: Path, *, year: CollectionYear, la: str) -> list[Issue]:
    if not VALIDATOR_903.exists():
        raise ValidatorMissing(f"The SSDA903 validator is not installed: run `make validators` ({VALIDATOR_903})")
    script = ROOT / "src" / "kith" / "returns" / "run_903.py"
    done = subprocess.run(  # noqa: S603 - our own script, in our own validator environment
        [str(VALIDATOR_903), str(script), str(folder), str(year.year), la],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"The SSDA903 validator failed to run: {done.stderr.strip()[-2000:]}")
    return [Issue(**json.loads(line)) for line in done.stdout.splitlines() if line.startswith('{"rule"')]


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
