"""The care story in docs/scenarios.md, replayed: Kai's missing episode from the Walshes meets its return home
interview clock, and his night away from Cedar Lodge starts none."""

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


def test_kais_return_home_interview_in_the_documented_story() -> None:
    report = run(_care_story())

    kai = report["children"]["kai"]
    assert [
        (deadline["started_on"], deadline["due_on"], deadline["met_on"])
        for deadline in kai["deadlines"]
        if deadline["code"] == "missing.return_home_interview"
    ] == [("2027-06-18", "2027-06-21", "2027-06-20")]
    missing = [event for event in kai["chronology"] if event["type"].startswith(("Missing", "Returned", "Return home"))]
    assert [(event["date"], event["summary"]) for event in missing] == [
        (
            "2027-06-17",
            "Missing from 17 June 2027 at 10pm (placed with Chris and Dee Walsh); reported to the police "
            "(CL-2027-061744)",
        ),
        (
            "2027-06-18",
            "Back at 18 June 2027 at 2:20pm, after being missing since 17 June 2027 at 10pm: Found by the police at "
            "a flat in Middlesbrough with older young people",
        ),
        (
            "2027-06-20",
            "Return home interview by Jess Carter held on 20 June 2027; risk of child criminal exploitation",
        ),
        (
            "2027-07-12",
            "Away from placement without authorisation from 12 July 2027 at 11pm (placed with Cedar Lodge); not "
            "reported to the police",
        ),
        (
            "2027-07-13",
            "Back at 13 July 2027 at 10am, after being away from placement without authorisation since 12 July 2027 "
            "at 11pm: His mother brought him back to Cedar Lodge in the morning",
        ),
    ]
