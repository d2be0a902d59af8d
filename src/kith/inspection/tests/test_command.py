"""``kith inspection import FILE [--json] [--by USERNAME]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kith.inspection.models import Inspection, PlanItem
from kith.inspection.tests.conftest import report_path
from kith.inspection.tests.test_reports import EXPECTED, HP10, HP24
from kith.workforce.tests.fixtures import Authority


def test_json_prints_exactly_one_object_with_what_the_report_holds(capsys: pytest.CaptureFixture[str]) -> None:
    # when the command reads the 2010 report with --json
    call_command("inspection", "import", str(report_path(HP10)), "--json")

    # then it prints one JSON object, with exactly the keys asked for and the report's contents
    printed = capsys.readouterr()
    found = json.loads(printed.out)
    assert list(found) == [
        "authority",
        "framework",
        "inspection_start",
        "inspection_end",
        "published",
        "judgements",
        "improvements",
        "warnings",
    ]
    assert found == EXPECTED[HP10]
    assert printed.err == ""


def test_without_json_it_describes_the_report_and_says_nothing_was_imported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # when the command reads the 2024 report
    call_command("inspection", "import", str(report_path(HP24)))

    # then it lists the judgements and the items, and keeps nothing
    out = capsys.readouterr().out
    assert out.splitlines()[:4] == [
        "Hartlepool: Inspection of local authority children's services (ILACS)",
        "Inspected 2024-03-18 to 2024-03-22",
        "Published not given",
        "Lead inspector Louise Walker",
    ]
    assert "  The experiences and progress of care leavers: Good" in out
    assert "  (no timescale) The support and responses to care leavers in custody." in out
    assert out.rstrip().endswith("Read only: nothing was imported. Give --by USERNAME to import it.")


@pytest.mark.django_db
def test_by_imports_it_once(authority: Authority, capsys: pytest.CaptureFixture[str]) -> None:
    # when a service manager imports the 2010 report twice from the command line
    call_command("inspection", "import", str(report_path(HP10)), "--json", "--by", "helen.marsh")
    first = capsys.readouterr()
    call_command("inspection", "import", str(report_path(HP10)), "--json", "--by", "helen.marsh")
    second = capsys.readouterr()

    # then it is imported once, with its plan; the second time says it was imported already
    inspection = Inspection.objects.get()
    assert (PlanItem.objects.count(), json.loads(first.out)) == (10, EXPECTED[HP10])
    assert first.err == f"Imported as inspection {inspection.pk}: its improvement plan started.\n"
    assert second.err.startswith("This report (Hartlepool, Safeguarding and looked after children (2010), 7 June 2010")
    assert second.err.endswith("nothing was imported again.\n")


@pytest.mark.django_db
def test_by_someone_who_may_not_import_keeps_nothing(authority: Authority) -> None:
    with pytest.raises(CommandError) as refused:
        call_command("inspection", "import", str(report_path(HP24)), "--json", "--by", "priya.shah")
    assert (refused.value.returncode, Inspection.objects.count()) == (2, 0)
    assert str(refused.value) == (
        "priya.shah may not import inspection reports (it needs a leader's role); nothing was imported."
    )


@pytest.mark.parametrize(
    ("_case", "content", "message"),
    [
        ("empty", b"", "empty.txt is empty: there is nothing to import."),
        (
            "not a report",
            b"Shopping\n\nMilk\nEggs\n",
            "This file does not look like an Ofsted inspection report: it has no inspection report title and none of "
            "the judgement headings of the frameworks Kith knows, so nothing was imported.",
        ),
    ],
)
def test_a_file_that_is_not_a_report_exits_with_status_2_and_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _case: str, content: bytes, message: str
) -> None:
    # given the file
    path = tmp_path / "empty.txt"
    path.write_bytes(content)

    # when the command reads it
    with pytest.raises(CommandError) as refused:
        call_command("inspection", "import", str(path), "--json")

    # then it exits with status 2, says why, and prints no JSON
    assert (refused.value.returncode, str(refused.value), capsys.readouterr().out) == (2, message, "")


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as refused:
        call_command("inspection", "import", str(tmp_path / "nowhere.txt"), "--json")
    assert (refused.value.returncode, str(refused.value)) == (
        2,
        f"Cannot read {tmp_path / 'nowhere.txt'}: No such file or directory",
    )
