"""The objective checks shared by every plan: the same problems as a list and by form field."""

from __future__ import annotations

from datetime import date

import pytest

from kith.plans.records import ObjectiveDetails, objective_problems, objective_problems_by_field

EMPTY = ObjectiveDetails(outcome=" ", action="", owner="", target_date=date(2027, 1, 31))


@pytest.mark.requirement("R-043")
@pytest.mark.requirement("R-044")
def test_objective_problems_are_listed_by_number() -> None:
    assert objective_problems([EMPTY], plan_starts=date(2027, 2, 1)) == [
        "Objective 1: enter what needs to change for the child",
        "Objective 1: enter what will be done",
        "Objective 1: name who is responsible",
        "Objective 1: the target date must be on or after the plan starts",
    ]


def test_objective_problems_by_field_name_the_rows_fields_and_the_dates() -> None:
    assert objective_problems_by_field([EMPTY], plan_starts=date(2027, 2, 1)) == {
        "objective_1_outcome": ["Objective 1: enter what needs to change for the child"],
        "objective_1_action": ["Objective 1: enter what will be done"],
        "objective_1_owner": ["Objective 1: name who is responsible"],
        "objective_1_target_date": [
            "Objective 1: the target date (31 January 2027) is before the plan starts (1 February 2027)"
        ],
    }


def test_one_objective_on_its_own_form_has_plain_messages() -> None:
    assert objective_problems_by_field([EMPTY], plan_starts=date(2027, 1, 1), numbered=False) == {
        "outcome": ["Enter what needs to change for the child"],
        "action": ["Enter what will be done"],
        "owner": ["Name who is responsible"],
    }
