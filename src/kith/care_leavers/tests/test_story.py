"""The care story in docs/scenarios.md, replayed: Jay's leaving care clocks are each started and met on the
documented dates, and his 903 OC3 row is the one the story records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kith.synthetic.scenarios import load, run

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[4] / "docs"


def _steps(heading: str) -> list[dict[str, Any]]:
    """The steps of one ``###`` part of the care story."""
    text = (DOCS / "scenarios.md").read_text()
    part = text[text.index(f"### {heading}\n") :]
    part = part[: part.index("\n### ", 1)]
    return [step for block in part.split("```yaml\n")[1:] for step in yaml.safe_load(block.split("```")[0])]


def test_jays_leaving_care_clocks_in_the_documented_story() -> None:
    # given Jay's time in care and his leaving care, as the story tells them (the other parts are about Mia)
    steps = _steps("Becoming looked after, moves, legal status, leaving care") + _steps("Care leavers")
    header = load((DOCS / "scenarios" / "children-in-care.yaml").read_text())

    report = run({"as_of": header["as_of"], "teams": header["teams"], "staff": header["staff"], "steps": steps})

    jay = report["children"]["jay"]
    assert [
        (deadline["code"].split(".")[1], deadline["started_on"], deadline["due_on"], deadline["met_on"])
        for deadline in jay["deadlines"]
        if deadline["code"].startswith("care_leavers.")
    ] == [
        ("needs_assessment", "2025-03-02", "2025-06-02", "2025-05-20"),
        ("pathway_plan_review", "2025-06-02", "2025-12-02", "2025-11-24"),
        ("pathway_plan_review", "2025-11-24", "2026-05-24", "2026-05-18"),
        ("pathway_plan_review", "2026-05-18", "2026-11-18", "2026-11-16"),
        ("pathway_plan_review", "2026-11-16", "2027-05-16", "2027-04-28"),
        ("personal_adviser_visit_after_move", "2027-03-02", "2027-03-09", "2027-03-05"),
        ("personal_adviser_visit", "2027-03-02", "2027-05-02", "2027-03-05"),
        ("personal_adviser_visit", "2027-03-05", "2027-05-05", "2027-05-04"),
        ("pathway_plan_review", "2027-04-28", "2027-10-28", None),
        ("personal_adviser_visit", "2027-05-04", "2027-07-04", "2027-07-02"),
        ("personal_adviser_visit_after_move", "2027-06-28", "2027-07-05", "2027-07-02"),
        ("personal_adviser_visit", "2027-07-02", "2027-09-02", "2027-08-31"),
        ("personal_adviser_visit", "2027-08-31", "2027-10-31", None),
    ]
    birthday = [event for event in jay["chronology"] if event["type"] == "Care leaver information at a birthday"]
    assert [(event["date"], event["summary"]) for event in birthday] == [
        (
            "2027-03-20",
            "18th birthday information (903): in touch; other education, full time (F2); accommodation Z1",
        )
    ]
