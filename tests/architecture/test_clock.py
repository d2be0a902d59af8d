"""``kith.platform.clock`` is the single seam for "now" and "today" (ARCHITECTURE idea 9).

Deadlines, ages and "entered late" flags must agree on what day it is, and tests
freeze that one place; so nothing else asks the system clock directly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = (ROOT / "src", ROOT / "config")
THE_CLOCK = ROOT / "src" / "kith" / "platform" / "clock.py"

# (object, method) pairs that read the system clock.
_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("timezone", "now"),
    ("time", "time"),
}


def _python_files() -> list[Path]:
    return sorted(path for folder in SCANNED for path in folder.rglob("*.py") if path != THE_CLOCK)


def _clock_reads(path: Path) -> list[str]:
    """Each call that reads the system clock, as ``line: call``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (owner_name, node.func.attr) in _CLOCK_CALLS:
                found.append(f"{node.lineno}: {owner_name}.{node.func.attr}()")
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.timezone":
            found += [
                f"{node.lineno}: from django.utils.timezone import {a.name}" for a in node.names if a.name == "now"
            ]
    return found


def test_the_clock_itself_is_found_by_the_scan() -> None:
    # given the one module allowed to read the system clock
    # when
    reads = _clock_reads(THE_CLOCK)
    # then the scan would have caught it anywhere else
    assert {read.split(": ", 1)[1] for read in reads} == {"timezone.now()"}


@pytest.mark.parametrize("path", _python_files(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_nothing_but_the_clock_reads_the_system_clock(path: Path) -> None:
    # given a module under src/ or config/
    # when
    reads = _clock_reads(path)
    # then
    assert reads == [], f"{path.relative_to(ROOT)} reads the system clock; use kith.platform.clock.now()/today()"
