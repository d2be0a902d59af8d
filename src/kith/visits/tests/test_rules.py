"""What a visit record must say, as pure checks."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from kith.visits import rules

AVA = SimpleNamespace(full_name="Ava Thompson", given_name="Ava", date_of_birth=date(2021, 1, 1), date_of_death=None)


def _check(**overrides: Any) -> dict[str, list[str]]:
    values: dict[str, Any] = {
        "plan_name": "child protection plan",
        "plan_started_on": date(2027, 1, 20),
        "is_child_protection": True,
        "visited_on": date(2027, 2, 10),
        "today": date(2027, 4, 15),
        "where": "Home",
        "child_seen": True,
        "seen_alone": True,
        "spoken_to_alone": True,
        "why_not_seen": "",
        "why_not_alone": "",
        "bedroom_seen": True,
        "observations": "o",
        "child_views": "v",
        "analysis": "a",
        "outcome": "x",
        **overrides,
    }
    return rules.visit_problems(AVA, **values)


def test_a_complete_visit_has_no_problems() -> None:
    assert _check() == {}


@pytest.mark.requirement("R-002")
@pytest.mark.parametrize(
    ("overrides", "problems"),
    [
        (
            {"seen_alone": False, "spoken_to_alone": True},
            {"why_not_alone": ["Say why Ava was not seen alone or spoken to alone"]},
        ),
        (
            {"seen_alone": True, "spoken_to_alone": False},
            {"why_not_alone": ["Say why Ava was not seen alone or spoken to alone"]},
        ),
        ({"seen_alone": False, "spoken_to_alone": False, "why_not_alone": "Aged 6 months"}, {}),
        (
            {"child_seen": False, "seen_alone": True, "child_views": "", "why_not_seen": "Asleep at nursery"},
            {"seen_alone": ["Ava was not seen, so cannot have been seen or spoken to alone"]},
        ),
        (
            {"child_seen": False, "seen_alone": False, "spoken_to_alone": False, "child_views": ""},
            {"why_not_seen": ["Say why Ava was not seen"]},
        ),
    ],
)
def test_seen_seen_alone_and_spoken_to_alone_or_why_not(
    overrides: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    assert _check(**overrides) == problems


def test_a_visit_after_the_childs_death_or_in_the_future_is_refused() -> None:
    assert _check(visited_on=date(2027, 4, 16))["visited_on"] == [
        "The date of the visit (16 April 2027) must be today or in the past"
    ]
    dead = SimpleNamespace(**{**vars(AVA), "date_of_death": date(2027, 2, 1)})
    assert rules.visit_problems(
        dead,
        plan_name="child protection plan",
        plan_started_on=date(2027, 1, 20),
        is_child_protection=True,
        visited_on=date(2027, 2, 10),
        today=date(2027, 4, 15),
        where="Home",
        child_seen=False,
        seen_alone=False,
        spoken_to_alone=False,
        why_not_seen="x",
        why_not_alone="",
        bedroom_seen=False,
        observations="o",
        child_views="",
        analysis="a",
        outcome="x",
    ) == {"visited_on": ["The date of the visit (10 February 2027) is after Ava Thompson's death (1 February 2027)"]}


def test_the_bedroom_question_is_for_child_protection_visits_only() -> None:
    assert _check(bedroom_seen=None) == {"bedroom_seen": ["Say whether Ava's bedroom was seen"]}
    assert _check(bedroom_seen=None, is_child_protection=False) == {}
