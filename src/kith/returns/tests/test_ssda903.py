"""The SSDA903 return of the documented care story: the files the sector validator reads, row by row."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
import yaml

from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import Placement
from kith.returns.ssda903 import COLUMNS, build_903, looked_after_continuously_for_12_months, urn
from kith.returns.tests.conftest import a_child
from kith.returns.tests.golden import assert_matches_golden, with_names
from kith.returns.validators import VALIDATOR_903, validate_903
from kith.returns.years import collection_year
from kith.synthetic.scenarios import load, replay_steps
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[4] / "docs"


def _care_story() -> dict[str, object]:
    header = load((DOCS / "scenarios" / "children-in-care.yaml").read_text())
    text = (DOCS / "scenarios.md").read_text()
    section = text[text.index("## The actions in care") : text.index("## Examples")]
    blocks = section.split("```yaml\n")[1:]
    steps = [step for block in blocks for step in yaml.safe_load(block.split("```")[0])]
    return {"as_of": header["as_of"], "teams": header["teams"], "staff": header["staff"], "steps": steps}


@pytest.fixture
def story() -> dict[str, str]:
    """The care story replayed; the keys of its children, by name."""
    replay = replay_steps(_care_story())
    return {key: person.kith_id for key, person in replay.people.items()}


def _read(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as found:
        return list(csv.DictReader(found))


def test_the_files_have_the_validators_exact_headers_without_a_byte_order_mark(
    story: dict[str, str], tmp_path: Path
) -> None:
    year = collection_year(2027)
    written = build_903(year).write(tmp_path)
    assert [path.name for path in written] == [f"{name}.csv" for name in year.tables_903]
    for path in written:
        first_line = path.read_bytes().split(b"\n")[0]
        assert not first_line.startswith(b"\xef\xbb\xbf")
        assert first_line.decode().split(",") == list(COLUMNS[path.stem])


def test_the_care_storys_return_is_its_golden_copy_byte_for_byte(
    story: dict[str, str], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    year = collection_year(2027)
    build_903(year).write(tmp_path)
    for table in year.tables_903:
        written = (tmp_path / f"{table}.csv").read_bytes().decode("utf-8")
        assert_matches_golden(with_names(written, story), f"ssda903_2026-27/{table}.csv", request.config)


def test_jays_episodes_and_leaving_care_at_18_are_the_rows_the_return_expects(
    story: dict[str, str], tmp_path: Path
) -> None:
    build_903(collection_year(2027)).write(tmp_path)
    jay = [row for row in _read(tmp_path, "episodes") if row["CHILD"] == story["jay"]]
    assert [(r["DECOM"], r["RNE"], r["LS"], r["PLACE"], r["DEC"], r["REC"]) for r in jay] == [
        ("03/06/2024", "S", "V2", "U4", "02/03/2027", "E17")
    ]
    header = {row["CHILD"]: row for row in _read(tmp_path, "header")}
    assert (header[story["jay"]]["SEX"], header[story["jay"]]["DOB"], header[story["jay"]]["MOTHER"]) == (
        "M",
        "02/03/2009",
        "",
    )


def test_mias_care_order_ends_her_first_episode_and_the_next_is_open_at_the_year_end(
    story: dict[str, str], tmp_path: Path
) -> None:
    build_903(collection_year(2027)).write(tmp_path)
    mia = [row for row in _read(tmp_path, "episodes") if row["CHILD"] == story["mia"]]
    assert [(r["DECOM"], r["RNE"], r["LS"], r["PLACE"], r["DEC"], r["REC"]) for r in mia] == [
        ("01/02/2027", "S", "V2", "U6", "01/03/2027", "X1"),
        ("01/03/2027", "L", "C1", "U6", "", ""),
    ]


# Rules the sector's validator fails to run at all (returns.md §7.1; the DoLo rules on an empty table).
UPSTREAM_FAILURES = {"231", "233", "706", "709", "710"}


def test_the_sector_validator_finds_nothing_wrong_with_the_care_storys_return(
    story: dict[str, str], tmp_path: Path
) -> None:
    if not VALIDATOR_903.exists():
        pytest.fail("The SSDA903 validator is not installed: `make test` runs `make validators` first")
    year = collection_year(2027)
    build_903(year).write(tmp_path)
    issues = validate_903(tmp_path, year=year, la="E06000001")
    failed_to_run = {issue.rule for issue in issues if issue.message == "The rule failed to run"}
    found = sorted((issue.rule, issue.table, issue.child) for issue in issues if issue.rule not in failed_to_run)
    assert failed_to_run == UPSTREAM_FAILURES
    assert found == []


@pytest.mark.parametrize(
    ("placement_type", "recorded", "returned"),
    [
        ("K2", "SC123456", "SC123456"),
        ("U6", "", "XXXXXXX"),
        ("A6", "", "XXXXXXX"),
        ("P1", "", ""),
        ("T1", "", ""),
        ("R5", "", ""),
    ],
)
def test_the_urn_is_the_placements_or_the_no_urn_code_only_where_rule_242_allows_it(
    placement_type: str, recorded: str, returned: str
) -> None:
    assert urn(Placement(placement_type=placement_type, urn=recorded)) == returned


@pytest.mark.usefixtures("on_1_november_2027")
def test_oc2_takes_the_children_looked_after_from_1_april_to_31_march_as_the_dfe_counts_them(
    authority: Authority,
) -> None:
    # given Ada, looked after from 1 April 2026 (the first day of 2026-27), and Ben from the day after; Cal,
    # looked after from January 2026 until he went home on 31 March 2027, and Dee until the day before
    year = collection_year(2027)
    worker = authority.social_worker
    ada, ben, cal, dee = (a_child(authority, name, "Oakes") for name in ("Ada", "Ben", "Cal", "Dee"))
    given_looked_after_child(ada, worker, on=date(2026, 4, 1))
    given_looked_after_child(ben, worker, on=date(2026, 4, 2))
    for child, went_home in ((cal, date(2027, 3, 31)), (dee, date(2027, 3, 30))):
        period = given_looked_after_child(child, worker, on=date(2026, 1, 5))
        end_period_of_care(period, ended_on=went_home, reason_ceased="E4A", by=worker.user)

    # then Ada and Cal were looked after continuously for 12 months (rule 191); Ben and Dee were not
    continuous = [
        child.given_name for child in (ada, ben, cal, dee) if looked_after_continuously_for_12_months(child, year)
    ]
    assert continuous == ["Ada", "Cal"]
