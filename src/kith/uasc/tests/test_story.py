"""The care story in docs/scenarios.md, replayed: Yonas's arrival, claim, age assessment and the end of his UASC
status on the day he was granted refugee status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kith.synthetic.scenarios import load, run

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[4] / "docs"


def _care_story() -> dict[str, Any]:
    text = (DOCS / "scenarios.md").read_text()
    part = text[text.index("## The actions in care") : text.index("## Examples")]
    steps = [step for block in part.split("```yaml\n")[1:] for step in yaml.safe_load(block.split("```")[0])]
    header = load((DOCS / "scenarios" / "children-in-care.yaml").read_text())
    return {"as_of": header["as_of"], "teams": header["teams"], "staff": header["staff"], "steps": steps}


def test_yonass_uasc_record_in_the_documented_story() -> None:
    report = run(_care_story())

    yonas = report["children"]["yonas"]
    kinds = {"Unaccompanied asylum-seeking child", "Age assessment", "Immigration status changed"}
    kinds.add("No longer an unaccompanied asylum-seeking child")
    assert [(event["date"], event["summary"]) for event in yonas["chronology"] if event["type"] in kinds] == [
        (
            "2027-06-01",
            "Unaccompanied asylum-seeking child from 1 June 2027: Home Office reference HO-T7781204; age disputed; "
            "transferred from Kent County Council on 14 June 2027",
        ),
        ("2027-07-05", "Asylum claim lodged: Claim lodged with the help of his solicitor at Tees Law"),
        ("2027-08-02", "Age assessment: a child of the age they gave"),
        ("2027-09-20", "Granted refugee status"),
        ("2027-09-20", "No longer an unaccompanied asylum-seeking child: granted leave to remain"),
    ]
