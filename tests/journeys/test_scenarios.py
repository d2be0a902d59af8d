"""Case-history scenarios replay through the real actions, on their own dates, and leave nothing behind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from kith.people.models import Person
from kith.synthetic.scenarios import ScenarioError, load, run

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "scenarios"


def test_the_front_door_example_replays_each_step_on_its_own_date() -> None:
    # given the documented example
    scenario = load((EXAMPLES / "front-door-to-allocation.yaml").read_text())

    # when it is replayed
    report = run(scenario)

    # then Ava's chronology shows each step on the day it was recorded, oldest first
    ava = report["children"]["ava"]
    assert report["as_of"] == "2027-01-20"
    assert [(event["date"], event["type"]) for event in ava["chronology"]] == [
        ("2026-12-14", "Added to Kith"),
        ("2026-12-14", "Relationship recorded"),
        ("2026-12-14", "Case allocated"),
        ("2026-12-15", "Case allocated"),
        ("2026-12-21", "Management decision"),
    ]
    assert ava["chronology"][3]["summary"] == (
        "Allocated to Priya Shah, Scenario Safeguarding North by Grace Okafor: Priya knows the family from 2024"
    )
    # and nothing is left behind
    assert Person.objects.filter(family_name="Bennett").count() == 0


def test_the_command_prints_the_report_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    # when the command replays the example with --json
    call_command("scenario", "run", str(EXAMPLES / "front-door-to-allocation.yaml"), "--json")

    # then it prints one JSON object with the child's chronology
    report = json.loads(capsys.readouterr().out)
    assert list(report["children"]) == ["ava"]
    assert report["children"]["ava"]["name"] == "Ava Bennett"


# Each child's deadlines as the timescale examples report them: (code, started, due, met, status on `as_of`).
TIMESCALE_EXAMPLES = {
    "child-protection-timescales.yaml": {
        "ruby": [
            ("front_door.referral_decision", "2027-01-11", "2027-01-12", "2027-01-12", "met_in_time"),
            ("assessments.strategy_discussion", "2027-01-12", "2027-01-13", "2027-01-14", "met_late"),
            ("assessments.single_assessment", "2027-01-12", "2027-03-16", "2027-03-11", "met_in_time"),
            ("child_protection.initial_conference", "2027-01-14", "2027-02-04", None, "cancelled"),
            ("child_protection.initial_conference", "2027-01-21", "2027-02-11", "2027-02-04", "met_in_time"),
            ("child_protection.first_core_group", "2027-02-04", "2027-02-18", "2027-02-16", "met_in_time"),
            ("child_protection.visit", "2027-02-04", "2027-02-18", "2027-02-11", "met_in_time"),
            ("child_protection.first_review_conference", "2027-02-04", "2027-05-04", "2027-04-27", "met_in_time"),
            ("child_protection.visit", "2027-02-11", "2027-02-25", "2027-03-01", "met_late"),
            ("child_protection.core_group", "2027-02-16", "2027-03-16", "2027-03-16", "met_in_time"),
            ("child_protection.visit", "2027-03-01", "2027-03-15", None, "cancelled"),
            ("child_protection.core_group", "2027-03-16", "2027-04-16", None, "cancelled"),
            ("child_protection.review_conference", "2027-04-27", "2027-10-27", "2027-10-19", "met_in_time"),
        ],
    },
    "front-door-and-child-in-need-timescales.yaml": {
        "leo": [
            ("front_door.referral_decision", "2027-01-18", "2027-01-19", "2027-01-18", "met_in_time"),
            ("front_door.early_help_follow_up", "2027-01-18", "2027-02-15", "2027-02-17", "met_late"),
        ],
        "maya": [
            ("front_door.referral_decision", "2027-01-18", "2027-01-19", "2027-01-20", "met_late"),
            ("assessments.single_assessment", "2027-01-20", "2027-03-24", "2027-02-24", "met_in_time"),
            ("child_in_need.visit", "2027-03-01", "2027-03-31", "2027-03-22", "met_in_time"),
            ("child_in_need.visit", "2027-03-22", "2027-04-21", None, "overdue"),
        ],
    },
    "children-in-care-timescales.yaml": {
        "sofia": [
            ("children_in_care.cp_is_nhs_number", "2027-03-01", "2027-03-01", "2027-03-15", "met_late"),
            ("children_in_care.placement_plan", "2027-03-01", "2027-03-08", "2027-03-10", "met_late"),
            ("children_in_care.placement_notification", "2027-03-01", "2027-03-08", "2027-03-05", "met_in_time"),
            ("children_in_care.visit_first_week", "2027-03-01", "2027-03-08", "2027-03-04", "met_in_time"),
            ("children_in_care.care_plan", "2027-03-01", "2027-03-15", "2027-03-12", "met_in_time"),
            ("children_in_care.pep_started", "2027-03-01", "2027-03-15", "2027-03-11", "met_in_time"),
            ("children_in_care.first_review", "2027-03-01", "2027-03-31", "2027-03-31", "met_in_time"),
            ("children_in_care.initial_health_assessment", "2027-03-01", "2027-03-31", "2027-04-07", "met_late"),
            ("children_in_care.pep_completed", "2027-03-01", "2027-03-31", "2027-03-25", "met_in_time"),
            ("children_in_care.visit_first_year", "2027-03-04", "2027-04-15", "2027-04-20", "met_late"),
            ("children_in_care.second_review", "2027-03-31", "2027-06-30", "2027-07-02", "met_late"),
            ("children_in_care.review_health_assessment_5_and_over", "2027-04-07", "2028-04-07", None, "due"),
            ("children_in_care.visit_first_year", "2027-04-20", "2027-06-01", None, "overdue"),
            ("children_in_care.later_review", "2027-07-02", "2028-01-02", None, "due"),
        ],
    },
    "children-in-care-visiting-timescales.yaml": {
        "ruby": [
            ("children_in_care.placement_plan", "2026-03-02", "2026-03-09", None, "overdue"),
            ("children_in_care.placement_notification", "2026-03-02", "2026-03-09", None, "overdue"),
            ("children_in_care.visit_first_week", "2026-03-02", "2026-03-09", "2026-03-05", "met_in_time"),
            ("children_in_care.care_plan", "2026-03-02", "2026-03-16", None, "overdue"),
            ("children_in_care.first_review", "2026-03-02", "2026-03-30", None, "overdue"),
            ("children_in_care.initial_health_assessment", "2026-03-02", "2026-03-30", "2026-03-20", "met_in_time"),
            ("children_in_care.visit_first_year", "2026-03-05", "2026-04-16", "2027-03-08", "met_late"),
            (
                "children_in_care.review_health_assessment_under_5",
                "2026-03-20",
                "2026-09-20",
                "2026-09-10",
                "met_in_time",
            ),
            ("children_in_care.review_health_assessment_under_5", "2026-09-10", "2027-03-10", None, "overdue"),
            ("children_in_care.visit_after_first_year", "2027-03-08", "2027-04-19", None, "due"),
        ],
        "sam": [
            ("children_in_care.placement_plan", "2026-03-02", "2026-03-09", None, "overdue"),
            ("children_in_care.placement_notification", "2026-03-02", "2026-03-09", None, "overdue"),
            ("children_in_care.visit_first_week", "2026-03-02", "2026-03-09", "2026-03-05", "met_in_time"),
            ("children_in_care.care_plan", "2026-03-02", "2026-03-16", None, "overdue"),
            ("children_in_care.pep_started", "2026-03-02", "2026-03-16", None, "overdue"),
            ("children_in_care.first_review", "2026-03-02", "2026-03-30", None, "overdue"),
            ("children_in_care.initial_health_assessment", "2026-03-02", "2026-03-30", None, "overdue"),
            ("children_in_care.pep_completed", "2026-03-02", "2026-03-30", None, "overdue"),
            ("children_in_care.visit_first_year", "2026-03-05", "2026-04-16", "2027-03-09", "met_late"),
            ("children_in_care.visit_long_term", "2027-03-09", "2027-06-09", None, "due"),
        ],
        "leo": [
            ("children_in_care.placement_plan", "2027-03-01", "2027-03-08", None, "overdue"),
            ("children_in_care.placement_notification", "2027-03-01", "2027-03-08", None, "overdue"),
            ("children_in_care.visit_first_week", "2027-03-01", "2027-03-08", "2027-03-05", "met_in_time"),
            ("children_in_care.care_plan", "2027-03-01", "2027-03-15", None, "overdue"),
            ("children_in_care.pep_started", "2027-03-01", "2027-03-15", None, "overdue"),
            ("children_in_care.first_review", "2027-03-01", "2027-03-31", "2027-03-26", "met_in_time"),
            ("children_in_care.initial_health_assessment", "2027-03-01", "2027-03-31", None, "overdue"),
            ("children_in_care.pep_completed", "2027-03-01", "2027-03-31", None, "overdue"),
            (
                "children_in_care.visit_weekly_until_first_review",
                "2027-03-05",
                "2027-03-12",
                "2027-03-12",
                "met_in_time",
            ),
            ("children_in_care.visit_weekly_until_first_review", "2027-03-12", "2027-03-19", "2027-03-31", "met_late"),
            ("children_in_care.second_review", "2027-03-26", "2027-06-26", None, "due"),
            ("children_in_care.visit_connected_person_after_first_review", "2027-03-31", "2027-04-28", None, "due"),
        ],
        "amy": [
            ("children_in_care.placement_plan", "2027-03-01", "2027-03-08", None, "overdue"),
            ("children_in_care.placement_notification", "2027-03-01", "2027-03-08", None, "overdue"),
            ("children_in_care.visit_first_week", "2027-03-01", "2027-03-08", "2027-03-05", "met_in_time"),
            ("children_in_care.care_plan", "2027-03-01", "2027-03-15", None, "overdue"),
            ("children_in_care.pep_started", "2027-03-01", "2027-03-15", None, "overdue"),
            ("children_in_care.first_review", "2027-03-01", "2027-03-31", "2027-03-26", "met_in_time"),
            ("children_in_care.initial_health_assessment", "2027-03-01", "2027-03-31", None, "overdue"),
            ("children_in_care.pep_completed", "2027-03-01", "2027-03-31", None, "overdue"),
            ("children_in_care.visit_weekly_until_first_review", "2027-03-05", "2027-03-12", "2027-03-31", "met_late"),
            ("children_in_care.second_review", "2027-03-26", "2027-06-26", None, "due"),
            ("children_in_care.visit_placed_with_parents_after_first_review", "2027-03-31", "2027-05-12", None, "due"),
        ],
    },
}


@pytest.mark.parametrize("example", list(TIMESCALE_EXAMPLES))
def test_the_timescale_examples_report_each_deadline_with_its_due_date_and_status(
    example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # when the command replays a timescale example with --json
    call_command("scenario", "run", str(EXAMPLES / example), "--json")
    report = json.loads(capsys.readouterr().out)

    # then each child's deadlines are reported exactly: started, due, met and their status on `as_of`
    assert {
        key: [
            (deadline["code"], deadline["started_on"], deadline["due_on"], deadline["met_on"], deadline["status"])
            for deadline in child["deadlines"]
        ]
        for key, child in report["children"].items()
    } == TIMESCALE_EXAMPLES[example]


def test_the_timescale_examples_cover_every_clock_of_the_front_door_to_child_protection() -> None:
    # given the codes the timescale examples report
    reported = {
        deadline[0] for children in TIMESCALE_EXAMPLES.values() for rows in children.values() for deadline in rows
    }

    # then every clock from the contact to the child protection plan and child in need visits is among them
    assert reported >= {
        "front_door.referral_decision",
        "front_door.early_help_follow_up",
        "assessments.single_assessment",
        "assessments.strategy_discussion",
        "child_protection.initial_conference",
        "child_protection.first_core_group",
        "child_protection.core_group",
        "child_protection.first_review_conference",
        "child_protection.review_conference",
        "child_protection.visit",
        "child_in_need.visit",
    }


def test_the_timescale_examples_cover_every_clock_of_care_and_each_visiting_regime() -> None:
    reported = {
        deadline[0] for children in TIMESCALE_EXAMPLES.values() for rows in children.values() for deadline in rows
    }
    assert reported >= {
        "children_in_care.care_plan",
        "children_in_care.placement_plan",
        "children_in_care.placement_notification",
        "children_in_care.cp_is_nhs_number",
        "children_in_care.first_review",
        "children_in_care.second_review",
        "children_in_care.later_review",
        "children_in_care.visit_first_week",
        "children_in_care.visit_first_year",
        "children_in_care.initial_health_assessment",
        "children_in_care.review_health_assessment_5_and_over",
        "children_in_care.pep_started",
        "children_in_care.pep_completed",
        "children_in_care.visit_weekly_until_first_review",
        "children_in_care.visit_connected_person_after_first_review",
        "children_in_care.visit_placed_with_parents_after_first_review",
        "children_in_care.visit_after_first_year",
        "children_in_care.visit_long_term",
        "children_in_care.review_health_assessment_under_5",
    }


@pytest.mark.parametrize(
    ("_case", "text", "message"),
    [
        ("not yaml", "steps: [", "This is not valid YAML"),
        (
            "no steps",
            "as_of: 2027-01-01",
            "A scenario needs `as_of` (a date) and `steps` (a list); see docs/scenarios.md",
        ),
        (
            "unknown action",
            "as_of: 2027-01-01\nsteps:\n  - {date: 2026-12-01, by: x, do: adopt_a_cat}",
            "Step 1 (adopt_a_cat): unknown action; docs/scenarios.md lists every action",
        ),
        (
            "misspelt action",
            "as_of: 2027-01-01\nsteps:\n  - {date: 2026-12-01, by: x, do: record_contacts}",
            "Step 1 (record_contacts): unknown action; did you mean record_contact? "
            "docs/scenarios.md lists every action",
        ),
        (
            "unknown member of staff",
            "as_of: 2027-01-01\nsteps:\n  - {date: 2026-12-01, by: nobody, do: add_warning, person: ava}",
            "Step 1 (add_warning) on 1 December 2026: No member of staff called 'nobody' has been set up by this point",
        ),
        (
            "bad date",
            "as_of: 2027-01-01\nsteps:\n  - {date: someday, by: x, do: add_warning}",
            "Step 1 (add_warning): `date` must be a date like 2026-12-18",
        ),
    ],
)
def test_a_scenario_that_cannot_be_replayed_says_which_step_and_why(_case: str, text: str, message: str) -> None:
    # when a broken scenario is replayed
    with pytest.raises(ScenarioError) as refused:
        run(load(text))

    # then the message names the step and the reason
    assert str(refused.value).startswith(message)


def test_the_command_answers_a_broken_scenario_with_one_line_and_status_2(tmp_path: Path) -> None:
    # given a scenario with a step the rules refuse (an allocation dated before the child was held)
    broken = tmp_path / "broken.yaml"
    broken.write_text("as_of: 2027-01-01\nsteps:\n  - {date: 2026-12-01, by: x, do: add_warning}\n")

    # when the command runs it
    with pytest.raises(CommandError) as refused:
        call_command("scenario", "run", str(broken))

    # then it exits with status 2 and the reason
    assert refused.value.returncode == 2
    assert (
        str(refused.value)
        == "Step 1 (add_warning) on 1 December 2026: No member of staff called 'x' has been set up by this point"
    )


def test_the_documented_steps_replay_as_one_story() -> None:
    # given the teams and staff of the example file, and every step shown in docs/scenarios.md
    header = load((EXAMPLES / "front-door-to-allocation.yaml").read_text())
    text = (EXAMPLES.parent / "scenarios.md").read_text()
    actions = text[text.index("## The actions\n") : text.index("## The actions in care")]
    blocks = actions.split("```yaml\n")[1:]
    steps = [step for block in blocks for step in yaml.safe_load(block.split("```")[0])]
    scenario = {"as_of": "2027-01-20", "teams": header["teams"], "staff": header["staff"], "steps": steps}

    # when they are replayed in order
    report = run(scenario)

    # then every step was recorded, and Ava's chronology ends with her access being ended
    types = [event["type"] for event in report["children"]["ava"]["chronology"]]
    assert len(steps) == 88
    assert types[-1] == "Personal details changed"
    assert report["children"]["ava"]["chronology"][-1]["summary"] == (
        "Access to the restricted record ended for Priya Shah"
    )


def _care_steps() -> list[dict[str, Any]]:
    text = (EXAMPLES.parent / "scenarios.md").read_text()
    section = text[text.index("## The actions in care") : text.index("## Examples")]
    blocks = section.split("```yaml\n")[1:]
    return [step for block in blocks for step in yaml.safe_load(block.split("```")[0])]


def test_the_documented_care_steps_replay_as_one_story() -> None:
    # given the teams and staff of the children-in-care file, and every step of "The actions in care"
    header = load((EXAMPLES / "children-in-care.yaml").read_text())
    scenario = {"as_of": header["as_of"], "teams": header["teams"], "staff": header["staff"], "steps": _care_steps()}

    # when they are replayed in order
    report = run(scenario)

    # then Mia came into care, her legal status changed and she moved; Jay left care at 18
    mia = [event["type"] for event in report["children"]["mia"]["chronology"]]
    assert [kind for kind in mia if kind in {"Became looked after", "Legal status changed", "Moved placement"}] == [
        "Became looked after",
        "Legal status changed",
        "Moved placement",
    ]
    jay = [event["type"] for event in report["children"]["jay"]["chronology"]]
    assert jay.count("Became looked after") == 1
    assert jay.count("Stopped being looked after") == 1
