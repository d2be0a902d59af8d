"""Frameworks are data: each file loads and is checked, and a new framework needs a file, not code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kith.inspection import frameworks
from kith.inspection.frameworks import FrameworkDataError, load, load_all, plain
from kith.inspection.reading import read_report

NEW_FRAMEWORK = """\
code = "focused_visit"
title = "Focused visit to children's services"
short_title = "Focused visit"
legal_basis = "Section 136 of the Education and Inspections Act 2006"
in_use = "from 2018"
first_used = 2018-01-01
graded = false
description = "A short visit looking at one part of the service; a letter, not graded."
titles = ['^focused visit to (?P<authority>.+?) childrens services$']
default_addressee = "the local authority"

[[sections]]
code = "areas_for_priority_action"
title = "Areas for priority action"
headings = ["areas for priority action"]
improvement = true

[[sections]]
code = "areas_for_improvement"
title = "Areas for improvement"
headings = ["areas for improvement"]
improvement = true
"""

LETTER = """\
Focused visit to Northbridge children's services

This letter summarises the findings of the focused visit carried out on 5 and 6 June 2023.

Areas for improvement

- The timeliness of return home interviews.
- Managers' oversight of children missing from home.
"""


def test_the_frameworks_in_use_are_the_four_known() -> None:
    # when the frameworks are loaded
    found = frameworks.all_frameworks()

    # then there are four, oldest first, ILACS the current one
    assert [(framework.code, framework.graded, len(framework.areas)) for framework in found] == [
        ("cra_unannounced_2009", False, 0),
        ("slac_2010", True, 35),
        ("slac_2012", True, 22),
        ("ilacs", True, 6),
    ]
    assert frameworks.current().code == "ilacs"


def test_each_framework_grades_on_its_own_scale_with_its_own_words() -> None:
    # when the scales are read / then SLAC grades 1 to 4 by number and word, ILACS by words
    slac, ilacs = frameworks.get("slac_2010"), frameworks.get("ilacs")
    assert [(grade.code, grade.number, grade.display) for grade in slac.grades] == [
        ("outstanding", 1, "Outstanding (grade 1)"),
        ("good", 2, "Good (grade 2)"),
        ("adequate", 3, "Adequate (grade 3)"),
        ("inadequate", 4, "Inadequate (grade 4)"),
    ]
    assert [grade.display for grade in ilacs.grades] == [
        "Outstanding",
        "Good",
        "Requires improvement to be good",
        "Inadequate",
    ]
    assert slac.grade("adequate").meaning == "A service that only meets minimum requirements"


def test_a_new_framework_is_a_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # given a framework file Kith has never seen, beside the others
    folder = tmp_path / "frameworks"
    folder.mkdir()
    for path in frameworks.HERE.glob("*.toml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "focused_visit.toml").write_text(NEW_FRAMEWORK, encoding="utf-8")
    monkeypatch.setattr(frameworks, "all_frameworks", lambda: load_all(folder))
    monkeypatch.setattr(frameworks, "HERE", folder)

    # when a letter of that framework is read
    report = read_report(LETTER)

    # then it is read with no code changed
    assert (report.framework.code, report.authority, report.inspection_start.isoformat()) == (
        "focused_visit",
        "Northbridge",
        "2023-06-05",
    )
    assert [item.text for item in report.improvements] == [
        "The timeliness of return home interviews.",
        "Managers' oversight of children missing from home.",
    ]


@pytest.mark.parametrize(
    ("_case", "change", "message"),
    [
        (
            "no title patterns",
            ("titles = ['^focused visit to (?P<authority>.+?) childrens services$']", "titles = []"),
            "focused_visit.toml: `titles` must name at least one title pattern",
        ),
        (
            "a bad pattern",
            ("'^focused visit to (?P<authority>.+?) childrens services$'", "'(unclosed'"),
            "focused_visit.toml: `titles` pattern '(unclosed' is not valid: missing ), unterminated subpattern at "
            "position 0",
        ),
        (
            "graded with no grades",
            ("graded = false", "graded = true"),
            "focused_visit.toml: a graded framework needs grades, and an ungraded one has none; a graded framework "
            "needs judgement areas",
        ),
        ("no date", ("first_used = 2018-01-01\n", ""), "focused_visit.toml: `first_used` must be a date (2018-01-01)"),
    ],
)
def test_a_malformed_framework_file_is_refused_with_its_name_and_problem(
    tmp_path: Path, _case: str, change: tuple[str, str], message: str
) -> None:
    # given a framework file with a mistake
    path = tmp_path / "focused_visit.toml"
    path.write_text(NEW_FRAMEWORK.replace(*change), encoding="utf-8")

    # when it is loaded / then the message names the file and the mistake
    with pytest.raises(FrameworkDataError) as refused:
        load(path)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quality of provision", "quality of provision"),
        ("Children's services: Grade 2 (Good)", "childrens services grade 2 good"),
        ("Economic well-being", "economic well being"),
        ("Ambition & prioritisation", "ambition and prioritisation"),
    ],
)
def test_phrases_are_compared_plain(text: str, expected: str) -> None:
    assert plain(text) == expected
