"""The inspection verbs replay in a scenario (docs/scenarios/inspection-improvement-plan.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kith.inspection.models import Inspection
from kith.inspection.tests.conftest import NO_REPORTS, REPORTS
from kith.synthetic.scenarios import ScenarioError, load, run

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[4]
EXAMPLE = ROOT / "docs" / "scenarios" / "inspection-improvement-plan.yaml"


def test_the_improvement_plan_example_replays_and_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    # given the example, which reads the real report from shared/reports beside the repository
    if not REPORTS.exists():
        pytest.skip(NO_REPORTS)
    monkeypatch.chdir(ROOT)

    # when it is replayed
    report = run(load(EXAMPLE.read_text()))

    # then every step was recorded (a failing step raises), and nothing is kept afterwards
    assert report["as_of"] == "2011-03-01"
    assert Inspection.objects.count() == 0


def test_a_step_naming_an_item_the_plan_lacks_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    if not REPORTS.exists():
        pytest.skip(NO_REPORTS)
    # given the example with a step for item 11 of a plan of 10
    monkeypatch.chdir(ROOT)
    text = EXAMPLE.read_text().replace("    item: 10\n", "    item: 11\n")

    # when it is replayed / then the step says why it cannot be
    with pytest.raises(ScenarioError) as refused:
        run(load(text))
    assert "The improvement plan of 'ofsted' has no item 11" in str(refused.value)
