"""The care story in docs/scenarios.md, replayed: Kai is diverted, remanded, then given a referral order and placed
with the Hunts; Mia's aunt is approved temporarily and then in full within 16 weeks."""

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


def test_kais_youth_justice_and_mias_temporary_approval_in_the_documented_story() -> None:
    report = run(_care_story())

    kai, mia = report["children"]["kai"], report["children"]["mia"]
    youth_justice = [
        (event["date"], event["summary"])
        for event in kai["chronology"]
        if event["type"].startswith(("Youth justice", "Remanded", "Visit in custody", "Release plan", "Left custody"))
    ]
    assert youth_justice == [
        (
            "2027-07-19",
            "Youth justice involvement opened: Dan Price, Hartlepool Youth Justice Service. Kai was arrested in "
            "Middlesbrough with older young people carrying cannabis for sale",
        ),
        (
            "2027-07-26",
            "Police triage: diverted, no caution for Possession of cannabis with intent to supply (not a conviction)",
        ),
        (
            "2027-09-06",
            "Remanded to youth detention accommodation: Tees Valley Secure Children's Home (secure children's home)",
        ),
        ("2027-09-09", "Lena Fischer visited at Tees Valley Secure Children's Home, seen alone"),
        (
            "2027-09-14",
            "Release plan from Tees Valley Secure Children's Home: to live at Bev and Carl Hunt (in-house foster "
            "carers for teenagers)",
        ),
        ("2027-09-20", "Referral order for Robbery of a mobile phone (counts as a conviction or caution for the 903)"),
        (
            "2027-09-20",
            "Left Tees Valley Secure Children's Home after 14 days: remand ended at court (acquitted, or a community "
            "sentence)",
        ),
        (
            "2027-09-28",
            "Youth justice involvement closed after 71 days: The referral order passes to the YJS referral order "
            "team; Kai's prevention work ends",
        ),
    ]
    assert [
        event["summary"] for event in kai["chronology"] if event["type"] == "Placed with a fostering household"
    ] == ["Kai Dobson placed with Bev and Carl Hunt (U6) from 20 September 2027"]
    assert [
        (deadline["started_on"], deadline["due_on"], deadline["met_on"], deadline["status"])
        for deadline in mia["deadlines"]
        if deadline["code"] == "fostering.temporary_approval"
    ] == [("2027-05-10", "2027-08-30", "2027-08-19", "met_in_time")]
