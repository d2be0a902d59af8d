"""The SSDA903 return of the documented care story: the files the sector validator reads, row by row."""

from __future__ import annotations

import csv
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import Placement
from kith.returns.ssda903 import COLUMNS, build_903, looked_after_continuously_for_12_months, urn
from kith.returns.tests.conftest import a_child, a_child_in_care_twice
from kith.returns.tests.golden import assert_matches_golden, with_names
from kith.returns.unmeetable import sw12stg2_cannot_be_met
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


@pytest.mark.usefixtures("on_1_november_2027")
def test_sw12stg2_is_kept_and_said_to_be_unmeetable_for_a_child_whose_care_began_again_after_a_move(
    authority: Authority, tmp_path: Path
) -> None:
    if not VALIDATOR_903.exists():
        pytest.fail("The SSDA903 validator is not installed: `make test` runs `make validators` first")
    # given Ivy and Jem, each looked after twice in 2026-27 with one social worker throughout; Ivy moved in
    # her first care and Jem did not, and each moved in their second
    a_child_in_care_twice(authority, "Ivy")
    a_child_in_care_twice(authority, "Jem", moved_in_first_care=False)
    year = collection_year(2027)
    build_903(year).write(tmp_path)
    ivy, jem = (row["CHILD"] for row in _read(tmp_path, "header"))
    rows = [row for row in _read(tmp_path, "episodes") if row["CHILD"] == ivy]
    assert [(r["DECOM"], r["RNE"], r["DEC"], r["REC"]) for r in rows] == [
        ("04/01/2027", "S", "20/01/2027", "X1"),
        ("20/01/2027", "P", "01/02/2027", "E4A"),
        ("01/03/2027", "S", "15/03/2027", "X1"),
        ("15/03/2027", "P", "", ""),
    ]
    # the worker's one episode is returned from the day care first began, as the rule's message asks
    assert [(r["SW_DECOM"], r["SW_DEC"]) for r in _read(tmp_path, "sw_episodes")] == [
        ("04/01/2027", ""),
        ("04/01/2027", ""),
    ]
    # when
    issues = validate_903(tmp_path, year=year, la="E06000001")
    # then the validator fails both on the care that began again with a move: no episode of a worker who was
    # theirs in the first care can begin on or after 1 March
    explanation = (
        "No full record can meet this rule: the validator wants every social worker episode to begin on or after "
        "01/03/2027, when the child's care began again, and one began on 04/01/2027, before it. Only leaving worker "
        "episodes out would pass, which the rule's own message says not to do. The record is right: explain it to "
        "the DfE if they raise it (csc-validator-be-903 0.1.17)."
    )
    found = sorted((i.rule, i.child, i.table, i.cannot_be_met) for i in issues if i.rule.startswith("SW"))
    assert found == [("SW12STG2", ivy, "Episodes", explanation), ("SW12STG2", jem, "Episodes", explanation)]
    # and otherwise only rule 630, each care having begun without the previous permanence question asked
    others = {i.rule for i in issues if not i.rule.startswith("SW") and i.message != "The rule failed to run"}
    assert others == {"630"}
    # and `kith returns validate` prints why under the issue
    printed = StringIO()
    call_command("returns", "validate", "903", str(tmp_path), "--year", "2027", stdout=printed)
    lines = printed.getvalue().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"SW12STG2\t{ivy}\tEpisodes\t"))
    assert lines[at + 1] == f"\t{explanation}"


def _write(folder: Path, table: str, rows: list[str]) -> None:
    (folder / f"{table}.csv").write_text("\n".join([",".join(COLUMNS[table]), *rows]) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("episodes", "worker_episodes", "unmeetable"),
    [
        # care ended after a move and began again: a worker of the later care began after the first ended
        (
            ["05/01/2027,S,X1,20/01/2027", "20/01/2027,P,E4A,01/02/2027", "01/03/2027,S,,"],
            ["05/01/2027,01/02/2027", "01/03/2027,"],
            True,
        ),
        # care going on from before the year ended after a move, and a worker episode began after it ended
        (
            ["10/03/2026,P,E4A,01/05/2026", "01/06/2026,S,E41,20/07/2026"],
            ["24/04/2025,19/05/2026", "20/05/2026,01/06/2026", "01/06/2026,"],
            True,
        ),
        # one period of care: a worker episode begun before care is the return's to start on the day it began
        (["05/01/2027,S,X1,20/01/2027", "20/01/2027,P,,"], ["02/01/2027,"], False),
        # two periods, but a worker episode from before care began: the same
        (["05/01/2027,S,E4A,01/02/2027", "01/03/2027,S,X1,15/03/2027", "15/03/2027,P,,"], ["02/01/2027,"], False),
        # two periods and no worker episode at all: the council has a worker to record
        (["05/01/2027,S,E4A,01/02/2027", "01/03/2027,S,X1,15/03/2027", "15/03/2027,P,,"], [], False),
        # two periods that each began and ended in one episode: the rule is met, nothing to explain
        (["05/01/2027,S,E4A,01/02/2027", "01/03/2027,S,,"], ["05/01/2027,"], False),
        # the same two periods as short breaks (V3), which the rule does not look at
        (
            ["05/01/2027,S,X1,20/01/2027,V3", "20/01/2027,P,E4A,01/02/2027,V3", "01/03/2027,S,,,V3"],
            ["05/01/2027,01/02/2027", "01/03/2027,"],
            False,
        ),
    ],
)
def test_only_children_in_care_twice_whose_worker_episodes_clash_across_their_care_are_unmeetable(
    tmp_path: Path, episodes: list[str], worker_episodes: list[str], *, unmeetable: bool
) -> None:
    # Each episode is "DECOM,RNE,REC,DEC" and its legal status when not C2.
    _write(
        tmp_path,
        "episodes",
        [
            f"K1,{decom},{rne},{(status or ['C2'])[0]},N1,U6,PR1,{dec},{rec},,TS25 1QQ,TS24 8AB,XXXXXXX"
            for decom, rne, rec, dec, *status in (line.split(",") for line in episodes)
        ],
    )
    _write(tmp_path, "sw_episodes", [f"K1,01/05/2017,XX000001,{line},OTHERS" for line in worker_episodes])
    assert ("K1" in sw12stg2_cannot_be_met(tmp_path, collection_year(2027))) is unmeetable


def test_the_reason_names_the_day_care_ended_and_the_worker_episode_begun_after_it(tmp_path: Path) -> None:
    # given a child in care from before the year, home on 1 May 2026 after a move, with a new worker on
    # 20 May, and back in care from 1 June to 20 July
    _write(
        tmp_path,
        "episodes",
        [
            "K1,10/03/2026,P,V2,N1,U6,PR1,01/05/2026,E4A,,TS25 1QQ,TS24 8AB,XXXXXXX",
            "K1,01/06/2026,S,V2,N1,U6,PR1,20/07/2026,E41,,TS25 1QQ,TS24 8AB,XXXXXXX",
        ],
    )
    _write(
        tmp_path,
        "sw_episodes",
        ["K1,01/05/2017,XX000001,24/04/2025,19/05/2026,OTHERS", "K1,01/05/2017,XX000002,20/05/2026,,OTHERS"],
    )
    # when / then
    assert sw12stg2_cannot_be_met(tmp_path, collection_year(2027)) == {
        "K1": "No full record can meet this rule: the validator wants every social worker episode to begin on or "
        "before 01/05/2026, when a period of the child's care ended, and one began on 20/05/2026, after it. Only "
        "leaving worker episodes out would pass, which the rule's own message says not to do. The record is right: "
        "explain it to the DfE if they raise it (csc-validator-be-903 0.1.17)."
    }


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
