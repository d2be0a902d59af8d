"""The documented stories of docs/scenarios.md, as scenarios a returns test can replay.

The front-door story ("The actions") runs from December 2026 to 20 January 2027 (Ava, Jay, Lily and
Noah are referred); the care story ("The actions in care") from 2024 to 2031 (Mia, Jay, Kai, Rosie,
Alfie, Yonas in care; Jay leaving care). Each is the teams and staff of its example file with every
step of its part of the page, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kith.synthetic.scenarios import load

DOCS = Path(__file__).resolve().parents[4] / "docs"


def _steps(start: str, end: str) -> list[Any]:
    text = (DOCS / "scenarios.md").read_text()
    section = text[text.index(start) : text.index(end)]
    blocks = section.split("```yaml\n")[1:]
    return [step for block in blocks for step in yaml.safe_load(block.split("```")[0])]


def front_door_story() -> dict[str, Any]:
    header = load((DOCS / "scenarios" / "front-door-to-allocation.yaml").read_text())
    steps = _steps("## The actions\n", "## The actions in care")
    return {"as_of": "2027-01-20", "teams": header["teams"], "staff": header["staff"], "steps": steps}


def care_story() -> dict[str, Any]:
    header = load((DOCS / "scenarios" / "children-in-care.yaml").read_text())
    steps = _steps("## The actions in care", "## Examples")
    return {"as_of": header["as_of"], "teams": header["teams"], "staff": header["staff"], "steps": steps}
