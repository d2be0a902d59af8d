"""The CIN census of the documented front-door story: the XML, element by element, its schema and the
sector's validator."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from kith.returns.cin_census import build_cin
from kith.returns.tests.golden import assert_matches_golden, with_names
from kith.returns.validators import VALIDATOR_CIN, check_cin_schema, validate_cin
from kith.returns.years import collection_year
from kith.synthetic.scenarios import load, replay_steps

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[4]
DOCS = REPO / "docs"
# The schemas sit in shared/domain/data beside the repository (LIIA's reconstructions of DfE's, see
# returns.md §7.3). Kith does not copy them in: where the folder is absent the schema tests skip and say why.
SCHEMAS = REPO.parent / "shared" / "domain" / "data" / "cin_census"
NO_SCHEMAS = f"The CIN census schemas are read from {SCHEMAS}, which is not present beside this checkout"
WRITTEN_AT = datetime(2027, 4, 6, 10, 30, tzinfo=ZoneInfo("Europe/London"))


def _front_door_story() -> dict[str, object]:
    """Every step of "The actions" in docs/scenarios.md, with the teams and staff of the example file."""
    header = load((DOCS / "scenarios" / "front-door-to-allocation.yaml").read_text())
    text = (DOCS / "scenarios.md").read_text()
    section = text[text.index("## The actions\n") : text.index("## The actions in care")]
    blocks = section.split("```yaml\n")[1:]
    steps = [step for block in blocks for step in yaml.safe_load(block.split("```")[0])]
    return {"as_of": "2027-01-20", "teams": header["teams"], "staff": header["staff"], "steps": steps}


@pytest.fixture
def story() -> dict[str, str]:
    """The front-door story replayed; its children's LAchildIDs, by key."""
    replay = replay_steps(_front_door_story())
    return {key: person.kith_id for key, person in replay.people.items()}


def _census(tmp_path: Path, year: int = 2027) -> tuple[Path, ET.Element]:
    with time_machine.travel(WRITTEN_AT, tick=False):
        path = build_cin(collection_year(year)).write(tmp_path)
    return path, ET.parse(path).getroot()  # noqa: S314 - the file Kith just wrote


def _child(root: ET.Element, la_child_id: str) -> ET.Element:
    found = [child for child in root.iter("Child") if child.findtext("ChildIdentifiers/LAchildID") == la_child_id]
    assert len(found) == 1
    return found[0]


def _shape(element: ET.Element) -> object:
    """The element as nested (tag, text or children) pairs, in document order."""
    children = list(element)
    if not children:
        return (element.tag, element.text)
    return (element.tag, [_shape(child) for child in children])


def test_the_front_door_storys_census_is_its_golden_copy_byte_for_byte(
    story: dict[str, str], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path, _ = _census(tmp_path)
    written = path.read_bytes().decode("utf-8")
    assert_matches_golden(with_names(written, story), "cin_census_2026-27.xml", request.config)


def test_the_header_names_the_census_year_its_reference_date_and_the_council(
    story: dict[str, str], tmp_path: Path
) -> None:
    path, root = _census(tmp_path)
    assert path.name == "cin_census_2027.xml"
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<Message>")
    assert _shape(root.find("Header")) == (
        "Header",
        [
            ("CollectionDetails", [("Collection", "CIN"), ("Year", "2027"), ("ReferenceDate", "2027-03-31")]),
            (
                "Source",
                [
                    ("SourceLevel", "L"),
                    ("LEA", "805"),
                    ("SoftwareCode", "Kith"),
                    ("Release", root.findtext("Header/Source/Release")),
                    ("SerialNo", "001"),
                    ("DateTime", "2027-04-06T10:30:00"),
                ],
            ),
        ],
    )


def test_the_children_are_those_with_an_episode_open_in_the_year(story: dict[str, str], tmp_path: Path) -> None:
    # Ava, Jay, Lily and Noah were referred; Kerry is an adult, and Mia and Tomas were never referred.
    _, root = _census(tmp_path)
    assert [child.findtext("ChildIdentifiers/LAchildID") for child in root.iter("Child")] == [
        story["ava"],
        story["jay"],
        story["lily"],
        story["noah"],
    ]
    # The year before the story began has nobody in it.
    _, earlier = _census(tmp_path / "2026", year=2026)
    assert earlier.find("Children") is not None
    assert list(earlier.iter("Child")) == []


def test_avas_episode_has_her_assessment_and_the_section_47_that_needed_no_conference(
    story: dict[str, str], tmp_path: Path
) -> None:
    _, root = _census(tmp_path)
    assert _shape(_child(root, story["ava"])) == (
        "Child",
        [
            (
                "ChildIdentifiers",
                [
                    ("LAchildID", story["ava"]),
                    # No UPN held for a child of school age: "not yet obtained".
                    ("UPNunknown", "UN4"),
                    ("PersonBirthDate", "2018-10-13"),
                    # The story never records Ava's sex or ethnicity: unknown, and not yet obtained.
                    ("Sex", "U"),
                ],
            ),
            ("ChildCharacteristics", [("Ethnicity", "NOBT")]),
            (
                "CINdetails",
                [
                    ("CINreferralDate", "2026-12-14"),
                    ("ReferralSource", "6"),
                    ("PrimaryNeedCode", "N1"),
                    (
                        "Assessments",
                        [
                            ("AssessmentActualStartDate", "2026-12-15"),
                            ("AssessmentAuthorisationDate", "2027-01-07"),
                            (
                                "FactorsIdentifiedAtAssessment",
                                [("AssessmentFactors", "3B"), ("AssessmentFactors", "17A")],
                            ),
                        ],
                    ),
                    (
                        "Section47",
                        [
                            ("S47ActualStartDate", "2026-12-16"),
                            # 15 working days from the strategy discussion on 16 December, passing over
                            # Christmas Day, the Boxing Day holiday on Monday 28 December and New Year's Day.
                            ("InitialCPCtarget", "2027-01-11"),
                            ("ICPCnotRequired", "1"),
                        ],
                    ),
                    ("ReferralNFA", "0"),
                ],
            ),
        ],
    )


def test_noahs_child_protection_plan_with_its_conference_review_and_changed_category(
    story: dict[str, str], tmp_path: Path
) -> None:
    _, root = _census(tmp_path)
    episode = _child(root, story["noah"]).find("CINdetails")
    assert episode is not None
    assert _shape(episode) == (
        "CINdetails",
        [
            ("CINreferralDate", "2026-12-01"),
            ("ReferralSource", "3A"),
            ("PrimaryNeedCode", "N1"),
            (
                "Section47",
                [
                    ("S47ActualStartDate", "2026-12-02"),
                    ("InitialCPCtarget", "2026-12-23"),
                    # Recorded with the enquiry, never also on the episode (rule 2884).
                    ("DateOfInitialCPC", "2026-12-16"),
                    ("ICPCnotRequired", "0"),
                ],
            ),
            ("ReferralNFA", "0"),
            (
                "ChildProtectionPlans",
                [
                    ("CPPstartDate", "2026-12-16"),
                    ("CPPendDate", "2027-01-20"),
                    ("InitialCategoryOfAbuse", "PHY"),
                    ("LatestCategoryOfAbuse", "MUL"),
                    ("NumberOfPreviousCPP", "0"),
                    ("Reviews", [("CPPreviewDate", "2027-01-19")]),
                ],
            ),
        ],
    )


def test_lilys_child_in_need_plan_and_jays_closed_episode(story: dict[str, str], tmp_path: Path) -> None:
    _, root = _census(tmp_path)
    lily = _child(root, story["lily"]).find("CINdetails")
    assert lily is not None
    assert _shape(lily) == (
        "CINdetails",
        [
            ("CINreferralDate", "2027-01-04"),
            ("ReferralSource", "2A"),
            ("PrimaryNeedCode", "N5"),
            ("CINPlanDates", [("CINPlanStartDate", "2027-01-05"), ("CINPlanEndDate", "2027-01-19")]),
            ("ReferralNFA", "0"),
        ],
    )
    jay = _child(root, story["jay"])
    assert jay.findtext("ChildIdentifiers/Sex") == "M"
    assert _shape(jay.find("CINdetails")) == (
        "CINdetails",
        [
            ("CINreferralDate", "2027-01-18"),
            ("ReferralSource", "6"),
            ("PrimaryNeedCode", "N4"),
            ("CINclosureDate", "2027-01-19"),
            ("ReasonForClosure", "RC5"),
            ("ReferralNFA", "0"),
        ],
    )


def test_before_2024_25_sex_is_written_as_gender_current(story: dict[str, str], tmp_path: Path) -> None:
    # The element and its codes are the year's data: a year with 1/2 codes writes <GenderCurrent>.
    year = replace(collection_year(2027), sex_codes="12", cin_schema="CIN_schema_2024.xsd")
    root = build_cin(year).root
    assert _child(root, story["jay"]).findtext("ChildIdentifiers/GenderCurrent") == "1"
    assert _child(root, story["ava"]).findtext("ChildIdentifiers/GenderCurrent") == "0"
    assert root.find(".//Sex") is None


def _validator_installed() -> None:
    if not VALIDATOR_CIN.exists():
        pytest.fail("The CIN census validator is not installed: `make test` runs `make validators` first")


def test_the_census_is_valid_against_the_years_schema(story: dict[str, str], tmp_path: Path) -> None:
    if not SCHEMAS.exists():
        pytest.skip(NO_SCHEMAS)
    _validator_installed()
    year = collection_year(2027)
    path, _ = _census(tmp_path)
    assert year.cin_schema == "CIN_schema_2026.xsd"  # no 2026-27 schema is held: the latest is used
    assert check_cin_schema(path, xsd=SCHEMAS / year.cin_schema) == []


def test_gender_current_is_valid_against_the_2024_schema(story: dict[str, str], tmp_path: Path) -> None:
    if not SCHEMAS.exists():
        pytest.skip(NO_SCHEMAS)
    _validator_installed()
    year = replace(collection_year(2027), sex_codes="12")
    path = build_cin(year).write(tmp_path)
    assert check_cin_schema(path, xsd=SCHEMAS / "CIN_schema_2024.xsd") == []
    # and the same file is not valid against the 2026 schema, which wants <Sex>
    against_2026 = check_cin_schema(path, xsd=SCHEMAS / "CIN_schema_2026.xsd")
    assert against_2026[0].message.startswith("Element 'GenderCurrent': This element is not expected.")


def test_the_sector_validator_finds_only_what_the_story_never_recorded(story: dict[str, str], tmp_path: Path) -> None:
    _validator_installed()
    year = collection_year(2027)
    path, _ = _census(tmp_path)
    issues = validate_cin(path, year=year)
    assert not [issue for issue in issues if issue.message == "The rule failed to run"]
    assert sorted((issue.rule, issue.child, issue.table) for issue in issues) == [
        # Queries (warnings), each about something the story never recorded, none an error:
        # the story's Ava has no sex recorded, one child in four where the census expects at most 2%;
        ("2886Q", "", ""),
        # a return of four children uses fewer than 8 disability codes (nobody's disability was recorded);
        ("2887Q", "", ""),
        # Noah's section 47 enquiry led to a conference without a child and family assessment on his episode.
        ("2991Q", story["noah"], "Section47"),
    ]


def test_the_command_writes_the_census_and_runs_the_validator_over_it(story: dict[str, str], tmp_path: Path) -> None:
    _validator_installed()
    out = StringIO()
    call_command("returns", "cin", "--year", "2027", "--out", str(tmp_path), "--la-number", "806", stdout=out)
    written = tmp_path / "cin_census_2027.xml"
    assert out.getvalue().splitlines() == [
        str(written),
        "Note: No 2026-27 CIN census schema is held: the XML is checked against the 2025-26 schema.",
    ]
    assert ET.parse(written).getroot().findtext("Header/Source/LEA") == "806"  # noqa: S314 - Kith's own file
    checked = StringIO()
    call_command("returns", "validate", "cin", str(tmp_path), "--year", "2027", stdout=checked)
    assert checked.getvalue().splitlines()[-1] == "3 issues"
    assert f"2991Q\t{story['noah']}\tSection47\t" in checked.getvalue()


def test_the_command_refuses_an_la_number_that_is_not_three_digits(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="The DfE LA number is three digits"):
        call_command("returns", "cin", "--year", "2027", "--out", str(tmp_path), "--la-number", "E06000001")
