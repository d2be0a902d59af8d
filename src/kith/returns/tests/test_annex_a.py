"""Ofsted's Annex A from the documented stories: the workbook's sheets and headers, each list's rows cell by
cell as read back from the file, the periods, the codes against LIIA's schema, and the command."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from openpyxl import load_workbook

from kith.care_leavers.eligibility import CareLeaverStatus
from kith.care_planning.models import PermanencePlan
from kith.platform.reference.cin_census import CategoryOfAbuse, PrimaryNeed, ReasonForClosure, ReferralSource
from kith.platform.reference.dfe import Ethnicity, Sex
from kith.platform.reference.ssda903 import (
    SHORT_BREAK_STATUSES,
    Accommodation,
    Activity,
    InTouch,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlacedCeased,
)
from kith.returns.annex_a import build_annex_a, codes
from kith.returns.annex_a.columns import LISTS
from kith.returns.tests.stories import care_story, front_door_story
from kith.synthetic.scenarios import Replay, load, replay_steps

REPO = Path(__file__).resolve().parents[4]
# LIIA's schema of Annex A sits in shared/domain/data beside the repository (returns.md §3, §7.5). Kith does not
# copy it in: where it is absent the tests that read it skip and say why.
SCHEMA = REPO.parent / "shared" / "domain" / "data" / "annex_a" / "Annex_A_schema.yml"
NO_SCHEMA = f"LIIA's Annex A schema is read from {SCHEMA}, which is not present beside this checkout"
LONDON = ZoneInfo("Europe/London")

# The inspections: the day after the front-door story's last step, and a day in the middle of it; the care
# story's as_of date (its steps run on to 2031, which the lists must not see).
FRONT_DOOR_INSPECTION = date(2027, 1, 21)
MID_DECEMBER = date(2026, 12, 20)
CARE_INSPECTION = date(2027, 9, 30)

NORTH = "Scenario Safeguarding North"
PRIYA = "Priya Shah"
CARE_TEAM = "Scenario Children in Care"
LENA = "Lena Fischer"


def day(year: int, month: int, on: int) -> datetime:
    """A date as openpyxl reads an Excel date back: a datetime at midnight."""
    return datetime(year, month, on)


Cells = list[tuple[Any, ...]]


def cells(*parts: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row written in parts, to keep a long row readable."""
    return tuple(cell for part in parts for cell in part)


@dataclass(frozen=True)
class Written:
    """An Annex A as written to its file and read back, with what was recorded about the story's people."""

    ids: dict[str, str]
    sheet_names: list[str]
    sheets: dict[str, Cells]
    date_formats: set[str]
    built_twice: tuple[dict[str, Cells], dict[str, Cells]]
    # The names and street addresses of the story's people: Annex A names none of them.
    private: set[str]

    def rows(self, name: str) -> Cells:
        return self.sheets[name][1:]


def _write(replay: Replay, on: date, folder: Path) -> Written:
    annex = build_annex_a(on)
    path = annex.write(folder / f"annex_a_{on.isoformat()}.xlsx")
    book = load_workbook(path)
    sheets = {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    formats = {
        cell.number_format
        for sheet in book.worksheets
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        # openpyxl reads a number shown in a date format back as a datetime: an Excel date, not text.
        if isinstance(cell.value, datetime)
    }
    private = set()
    for person in replay.people.values():
        private |= {person.given_name, person.family_name, person.full_name}
        private |= {residence.address.line_1 for residence in person.residences.select_related("address")}
    return Written(
        ids={key: person.kith_id for key, person in replay.people.items()},
        sheet_names=book.sheetnames,
        sheets=sheets,
        date_formats=formats,
        built_twice=(annex.lists, build_annex_a(on).lists),
        private=private,
    )


def _replayed(story: dict[str, Any], dates: tuple[date, ...], folder: Path) -> dict[date, Written]:
    """The story replayed once and each date's Annex A written, then everything rolled back."""
    with transaction.atomic():
        replay = replay_steps(story)
        written = {on: _write(replay, on, folder) for on in dates}
        transaction.set_rollback(True)
    return written


@pytest.fixture(scope="module")
def front_door(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[date, Written]]:
    with django_db_blocker.unblock():
        yield _replayed(front_door_story(), (FRONT_DOOR_INSPECTION, MID_DECEMBER), tmp_path_factory.mktemp("front"))


@pytest.fixture(scope="module")
def care(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Written]:
    with django_db_blocker.unblock():
        yield _replayed(care_story(), (CARE_INSPECTION,), tmp_path_factory.mktemp("care"))[CARE_INSPECTION]


# -- the workbook ---------------------------------------------------------------------------------------------


def test_kith_holds_each_lists_headers_as_ofsteds_template_names_them() -> None:
    # Kept in Kith's code, so the export never depends on the schema file (returns.md §3.1 counts the columns).
    assert list(LISTS) == [f"List {number}" for number in range(1, 12)]
    assert [len(columns) for columns in LISTS.values()] == [7, 8, 11, 12, 14, 14, 17, 34, 17, 16, 19]
    assert LISTS["List 1"] == (
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Date of Contact",
        "Contact Source",
    )
    assert LISTS["List 9"][5:11] == (
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        "Does the Child have a Disability",
        "Allocated Team",
        "Allocated Worker",
        "Allocated Personal Advisor",
        "Eligibility Category",
    )
    assert LISTS["List 11"][:2] == ("Individual adopter identifier", "Family identifier")


def test_the_sheets_are_the_eleven_lists_in_order_each_headed_by_its_columns(
    front_door: dict[date, Written],
) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert written.sheet_names == [f"List {number}" for number in range(1, 12)]
    assert {name: rows[0] for name, rows in written.sheets.items()} == LISTS


def test_the_headers_are_those_of_liias_schema() -> None:
    if not SCHEMA.exists():
        pytest.skip(NO_SCHEMA)
    schema = _schema()
    assert {f"List {number}": tuple(schema[f"list_{number}"]) for number in range(1, 12)} == LISTS


def test_dates_are_excel_dates_shown_day_month_year(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert written.date_formats == {"DD/MM/YYYY"}
    assert isinstance(written.rows("List 1")[0][5], datetime)


def test_the_same_records_give_the_same_cells_in_the_same_order(front_door: dict[date, Written], care: Written) -> None:
    for written in (front_door[FRONT_DOOR_INSPECTION], care):
        first, second = written.built_twice
        assert first == second
        assert [len(rows) for rows in first.values()] == [len(written.rows(name)) for name in LISTS]


# -- the lists of the front-door story, on 21 January 2027 ----------------------------------------------------


def test_list_1_has_each_contact_of_the_six_months_for_each_child(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    ava, jay = written.ids["ava"], written.ids["jay"]
    assert written.rows("List 1") == [
        # The story never records Ava's sex or ethnicity: "not stated" in both.
        (ava, "c) Not stated/recorded", "f) Not stated", day(2018, 10, 13), 8, day(2026, 12, 14), "g) Police"),
        (jay, "a) Male", "f) Not stated", day(2011, 6, 2), 15, day(2027, 1, 13), "b) Schools"),
    ]


def test_list_2_has_jays_early_help_assessment_by_his_school(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert written.rows("List 2") == [
        # Kith records the one date the assessment was made: no completion date.
        (
            written.ids["jay"],
            "a) Male",
            "f) Not stated",
            day(2011, 6, 2),
            15,
            day(2027, 1, 13),
            None,
            "Seaton High School",
        )
    ]


def test_list_3_has_each_referral_with_the_team_and_worker_holding_the_child(
    front_door: dict[date, Written],
) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    ids = written.ids
    assert written.rows("List 3") == [
        cells(
            (ids["ava"], "c) Not stated/recorded", "f) Not stated", day(2018, 10, 13), 8),
            (day(2026, 12, 14), "g) Police", "No", 1, NORTH, PRIYA),
        ),
        # Jay was never allocated: his referral closed the next day on transfer to Stockton.
        cells(
            (ids["jay"], "a) Male", "f) Not stated", day(2011, 6, 2), 15),
            (day(2027, 1, 18), "g) Police", "No", 1, None, None),
        ),
        cells(
            (ids["lily"], "b) Female", "f) Not stated", day(2016, 3, 9), 10),
            (day(2027, 1, 4), "b) Schools", "No", 1, NORTH, PRIYA),
        ),
        cells(
            (ids["noah"], "a) Male", "f) Not stated", day(2020, 5, 14), 6),
            (day(2026, 12, 1), "d) Health services", "No", 1, NORTH, PRIYA),
        ),
    ]


def test_list_4_has_avas_assessment_authorised_and_finding_she_needs_support(
    front_door: dict[date, Written],
) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert written.rows("List 4") == [
        cells(
            (written.ids["ava"], "c) Not stated/recorded", "f) Not stated", day(2018, 10, 13), 8),
            # No disability recorded: Unknown, never No.
            ("Unknown", day(2026, 12, 15), "Yes", day(2027, 1, 7), "Yes", NORTH, PRIYA),
        )
    ]


def test_list_5_has_each_enquiry_and_the_conference_that_followed(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert written.rows("List 5") == [
        # Ava's enquiry ended in a child in need plan: no conference was needed.
        cells(
            (written.ids["ava"], "c) Not stated/recorded", "f) Not stated", day(2018, 10, 13), 8, "Unknown"),
            (day(2026, 12, 16), "Yes", None, None, 1, 0, NORTH, PRIYA),
        ),
        cells(
            (written.ids["noah"], "a) Male", "f) Not stated", day(2020, 5, 14), 6, "Unknown"),
            (day(2026, 12, 2), "No", day(2026, 12, 16), "Yes", 1, 1, NORTH, PRIYA),
        ),
    ]


def test_list_6_has_each_child_in_need_episode_with_its_status_on_the_day(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    ids = written.ids
    assert written.rows("List 6") == [
        # Assessed, the episode open, no plan yet: a child in need.
        cells(
            (ids["ava"], "c) Not stated/recorded", "f) Not stated", day(2018, 10, 13), 8, "Unknown"),
            (day(2026, 12, 14), "a) Abuse or neglect", None, None, None, "c) Child in need plan", NORTH, PRIYA),
        ),
        cells(
            (ids["jay"], "a) Male", "f) Not stated", day(2011, 6, 2), 15, "Unknown"),
            (day(2027, 1, 18), "d) Family in acute stress", None, day(2027, 1, 19), "e) Transfer to another LA"),
            ("e) Closed episode", None, None),
        ),
        # Seen at the visit on 8 January; her plan ended on the 19th and the episode is still open.
        cells(
            (ids["lily"], "b) Female", "f) Not stated", day(2016, 3, 9), 10, "Unknown"),
            (day(2027, 1, 4), "e) Family dysfunction", day(2027, 1, 8), None, None, "c) Child in need plan"),
            (NORTH, PRIYA),
        ),
        cells(
            (ids["noah"], "a) Male", "f) Not stated", day(2020, 5, 14), 6, "Unknown"),
            (day(2026, 12, 1), "a) Abuse or neglect", None, None, None, "c) Child in need plan", NORTH, PRIYA),
        ),
    ]


def test_list_6_on_20_december_shows_avas_assessment_open_and_noah_on_a_plan(
    front_door: dict[date, Written],
) -> None:
    written = front_door[MID_DECEMBER]
    assert [(row[0], row[11]) for row in written.rows("List 6")] == [
        (written.ids["ava"], "d) Open assessment"),
        (written.ids["noah"], "b) Child Protection plan"),
    ]
    # Noah's plan had not ended then, nor had its review changed the category.
    assert written.rows("List 7")[0][7:13] == ("b) Physical Abuse", "b) Physical Abuse", None, None, None, None)


def test_list_7_has_noahs_plan_ended_in_the_six_months(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert written.rows("List 7") == [
        cells(
            (written.ids["noah"], "a) Male", "f) Not stated", day(2020, 5, 14), 6, "Unknown", day(2026, 12, 16)),
            # The review conference on 19 January found multiple categories; nobody visited under the plan.
            ("b) Physical Abuse", "e) Multiple", None, None, day(2027, 1, 19), day(2027, 1, 20), "No", 0),
            (NORTH, PRIYA),
        )
    ]


def test_the_care_lists_are_empty_for_the_front_door_story(front_door: dict[date, Written]) -> None:
    written = front_door[FRONT_DOOR_INSPECTION]
    assert [len(written.rows(f"List {number}")) for number in range(8, 12)] == [0, 0, 0, 0]


# -- the lists of the care story, on 30 September 2027 --------------------------------------------------------


def test_list_8_has_the_children_in_care_and_rosie_adopted_in_the_six_months(care: Written) -> None:
    ids = care.ids
    assert care.rows("List 8") == [
        cells(
            (ids["mia"], "b) Female", "f) Not stated", day(2013, 5, 10), 14, "No", "Unknown", day(2027, 2, 1)),
            ("c) Parents illness or disability", "No", day(2027, 3, 1), "a) Interim care orders", day(2027, 5, 21)),
            # The IRO last met Mia before her review in May; her review health assessment was out of area.
            (day(2027, 6, 18), "a) Return to family", day(2027, 5, 18), day(2027, 8, 19), day(2027, 3, 9), 2),
            (None, None, day(2027, 5, 10), "a) Foster placement", "a) Own LA", "TS19 7RB", None, "b) Out"),
            ("Stockton-on-Tees", 0, 0, None, None, CARE_TEAM, LENA),
        ),
        # Missing once and away once since June; a return interview offered and accepted after the first.
        cells(
            (ids["kai"], "a) Male", "f) Not stated", day(2012, 9, 14), 15, "No", "Unknown", day(2027, 6, 1)),
            ("a) Abuse or neglect", "No", day(2027, 9, 20), "e) Accommodated under S20", None, None, None, None),
            (None, None, 4, None, None, day(2027, 9, 20), "a) Foster placement", "a) Own LA", "TS26 0AA", None),
            ("a) In", "Hartlepool", 1, 1, "Yes", "Yes", CARE_TEAM, LENA),
        ),
        cells(
            (ids["rosie"], "b) Female", "f) Not stated", day(2025, 11, 20), 1, "No", "Unknown", day(2025, 11, 25)),
            ("a) Abuse or neglect", "No", day(2026, 6, 15), "d) Placement order granted", None, None, None, None),
            (None, None, 2, day(2027, 5, 20), "a) Adopted", day(2026, 11, 16), "b) Placed for adoption"),
            ("a) Own LA", "TS26 9DD", None, "a) In", "Hartlepool", 0, 0, None, None, CARE_TEAM, LENA),
        ),
        cells(
            (ids["alfie"], "a) Male", "f) Not stated", day(2023, 8, 1), 4, "No", "Unknown", day(2025, 11, 25)),
            ("a) Abuse or neglect", "No", day(2026, 6, 15), "b) Full care orders", None, None, None, None),
            (None, None, 1, None, None, day(2025, 11, 25), "a) Foster placement", "a) Own LA", "TS24 8AB", None),
            ("a) In", "Hartlepool", 0, 0, None, None, CARE_TEAM, LENA),
        ),
        # Unaccompanied when he arrived in June; his status ceased with refugee leave on 20 September.
        cells(
            (ids["yonas"], "a) Male", "f) Not stated", day(2011, 4, 15), 16, "Yes", "Unknown", day(2027, 6, 14)),
            ("h) Absent parenting", "No", day(2027, 6, 14), "e) Accommodated under S20", None, None, None, None),
            (None, None, 1, None, None, day(2027, 6, 14), "a) Foster placement", "a) Own LA", "TS24 7QS", None),
            ("a) In", "Hartlepool", 0, 0, None, None, CARE_TEAM, LENA),
        ),
    ]


def test_list_9_has_jay_former_relevant_and_yonas_eligible(care: Written) -> None:
    assert care.rows("List 9") == [
        # Jay's support after 21 (2030, 2031) had not come yet.
        cells(
            (care.ids["jay"], "a) Male", "f) Not stated", day(2009, 3, 2), 18, "No", "Unknown"),
            ("Scenario Leaving Care", "Pat Lowry", "Pat Lowry", "b) Former relevant", day(2027, 4, 28), "a) In touch"),
            (day(2027, 8, 31), "c) Semi-independent transitional accommodation", "a) Suitable"),
            # The virtual school's review in September is later than his 18th birthday record.
            ("F4: Young person engaged full time in an apprenticeship",),
        ),
        # Eligible from 13 September: 13 weeks in care since 14, some after 16; still in care, no adviser yet.
        cells(
            (care.ids["yonas"], "a) Male", "f) Not stated", day(2011, 4, 15), 16, "Yes", "Unknown", CARE_TEAM, LENA),
            (
                "Unallocated",
                "d) Eligible",
                None,
                "c) Not recorded",
                None,
                None,
                "c) Not in touch or not recorded",
                None,
            ),
        ),
    ]


def test_list_10_has_rosies_adoption_and_not_alfies_decision_reversed_before_the_twelve_months(
    care: Written,
) -> None:
    assert care.rows("List 10") == [
        cells(
            (care.ids["rosie"], None, "b) Female", "f) Not stated", day(2025, 11, 20), 1, "Unknown", day(2025, 11, 25)),
            (day(2026, 5, 11), day(2026, 6, 15), day(2026, 11, 2), day(2026, 11, 16), day(2027, 5, 20)),
            (None, None, None),
        )
    ]


def test_list_11_is_written_with_its_headers_and_no_adopters(care: Written) -> None:
    # Kith does not record prospective adopters.
    assert care.sheets["List 11"] == [LISTS["List 11"]]


def test_the_front_door_lists_are_empty_for_the_care_story(care: Written) -> None:
    assert [len(care.rows(f"List {number}")) for number in range(1, 8)] == [0] * 7


def test_no_child_or_adult_is_named_and_no_home_address_given(front_door: dict[date, Written], care: Written) -> None:
    for written in (front_door[FRONT_DOOR_INSPECTION], care):
        assert "Ava" in written.private or "Mia" in written.private
        words = [re.compile(rf"\b{re.escape(word)}\b") for word in written.private]
        named = [
            cell
            for rows in written.sheets.values()
            for row in rows[1:]
            for cell in row
            if isinstance(cell, str) and any(word.search(cell) for word in words)
        ]
        assert named == []


# -- the codes against LIIA's schema --------------------------------------------------------------------------


def _schema() -> dict[str, dict[str, Any]]:
    """Each list's columns and what the schema allows in each. Read as plain strings, as the schema writes its
    codes (YAML 1.1 would read "No" as false); its merge keys (``<<``) are resolved by hand, as the plain
    loader leaves them."""
    raw = yaml.load(SCHEMA.read_text(), Loader=yaml.BaseLoader)["column_map"]  # noqa: S506 - builds only strings
    return {
        list_key: {column: {**spec.get("<<", {}), **spec} for column, spec in columns.items()}
        for list_key, columns in raw.items()
    }


def _allowed(spec: dict[str, Any], value: object) -> bool:
    """A code the column lists, a real date, or a whole number, as the column's kind is."""
    if "category" in spec:
        return value in {category["code"] for category in spec["category"]}
    if "date" in spec:
        return isinstance(value, datetime)
    if "numeric" in spec:
        return isinstance(value, int)
    return isinstance(value, str)


def test_every_value_written_is_one_the_schema_allows_for_its_column(
    front_door: dict[date, Written], care: Written
) -> None:
    if not SCHEMA.exists():
        pytest.skip(NO_SCHEMA)
    schema = _schema()
    wrong = []
    blank_where_not_allowed = []
    for written in (*front_door.values(), care):
        for name, rows in written.sheets.items():
            columns = schema[f"list_{name.removeprefix('List ')}"]
            for row in rows[1:]:
                for column, value in zip(rows[0], row, strict=True):
                    spec = columns[column]
                    if value is None:
                        if spec.get("canbeblank") != "true":
                            blank_where_not_allowed.append((name, column, row[0]))
                    elif not _allowed(spec, value):
                        wrong.append((name, column, value))
    assert wrong == []
    # The only blanks the template does not allow: Jay (of the front-door story) was never allocated.
    jay = front_door[FRONT_DOOR_INSPECTION].ids["jay"]
    assert sorted(set(blank_where_not_allowed)) == [
        ("List 3", "Allocated Team", jay),
        ("List 3", "Allocated Worker", jay),
        ("List 6", "Allocated Team", jay),
        ("List 6", "Allocated Worker", jay),
    ]


# Each map of Kith's codes, the code set it reads, and a column of the schema it writes.
CODE_SETS: list[tuple[dict[str, Any], set[str], str, str]] = [
    (codes.GENDER, set(Sex.values), "list_1", "Gender"),
    (codes.ETHNICITY, set(Ethnicity.values), "list_1", "Ethnicity"),
    (codes.SOURCE, set(ReferralSource.values), "list_3", "Referral Source"),
    (codes.SOURCE, set(ReferralSource.values), "list_1", "Contact Source"),
    (codes.NEED, set(PrimaryNeed.values), "list_8", "Child's Category of Need"),
    (codes.CLOSURE_REASON, set(ReasonForClosure.values), "list_6", "Reason for Closure"),
    (codes.CATEGORY_OF_ABUSE, set(CategoryOfAbuse.values), "list_7", "Latest Category of Abuse"),
    (codes.LEGAL_STATUS, set(LegalStatus.values) - SHORT_BREAK_STATUSES, "list_8", "Child's Legal Status"),
    (codes.PERMANENCE_PLAN, set(PermanencePlan.values), "list_8", "What is the permanence plan for this child?"),
    (
        codes.REASON_CEASED,
        set(ReasonEpisodeCeased.values) - {ReasonEpisodeCeased.CONTINUES},
        "list_8",
        "Reason Ceased to be Looked After",
    ),
    (codes.PLACEMENT_TYPE, set(PlacementType.values), "list_8", "Placement Type"),
    (codes.PROVIDER, set(PlacementProvider.values), "list_8", "Placement Provider"),
    (
        codes.ELIGIBILITY,
        {status.value for status in CareLeaverStatus} - {CareLeaverStatus.NOT_A_CARE_LEAVER},
        "list_9",
        "Eligibility Category",
    ),
    (codes.IN_TOUCH, set(InTouch.values), "list_9", "LA in Touch"),
    (codes.ACCOMMODATION, set(Accommodation.values), "list_9", "Type of Accommodation"),
    (codes.ACTIVITY, set(Activity.values), "list_9", "Activity Status"),
    (
        codes.ADOPTION_DECISION_CEASED,
        set(ReasonPlacedCeased.values),
        "list_10",
        "Reason Why Child No Longer Placed for Adoption",
    ),
]


@pytest.mark.parametrize(
    ("mapped", "code_set", "list_key", "column"), CODE_SETS, ids=[f"{row[2]}: {row[3]}" for row in CODE_SETS]
)
def test_every_code_kith_records_has_its_annex_a_category(
    mapped: dict[str, Any], code_set: set[str], list_key: str, column: str
) -> None:
    assert set(mapped) == code_set


def _named(names: Any, code: str) -> bool:
    """Whether the schema's names of a category include the DfE code on its own or leading a description."""
    listed = names if isinstance(names, list) else [names]
    return any(name.strip() == code or re.match(rf"{re.escape(code)}( |:| -)", name.strip()) for name in listed)


@pytest.mark.parametrize(
    ("mapped", "code_set", "list_key", "column"), CODE_SETS, ids=[f"{row[2]}: {row[3]}" for row in CODE_SETS]
)
def test_each_category_is_the_schemas_and_one_it_files_the_code_under(
    mapped: dict[str, Any], code_set: set[str], list_key: str, column: str
) -> None:
    if not SCHEMA.exists():
        pytest.skip(NO_SCHEMA)
    categories = _schema()[list_key][column]["category"]
    assert {category for category in mapped.values() if category is not None} <= {c["code"] for c in categories}
    for code, category in mapped.items():
        filed_under = {c["code"] for c in categories if _named(c["name"], code)}
        assert not filed_under or category in filed_under, (code, category, filed_under)


# -- the periods ----------------------------------------------------------------------------------------------

TEAMS_AND_STAFF = load((REPO / "docs" / "scenarios" / "front-door-to-allocation.yaml").read_text())


def _contact(moment: str, children: list[str]) -> dict[str, Any]:
    return {
        "date": moment,
        "by": "sam",
        "do": "record_contact",
        "children": children,
        "with": {"source": "1A", "reason": "Neighbour worried about shouting", "consent": "given"},
    }


def _child(key: str, born: date) -> dict[str, Any]:
    return {
        "date": "2025-01-06 09:00",
        "by": "sam",
        "do": "add_person",
        "as": key,
        "with": {"kind": "child", "given_name": key.title(), "family_name": "Marsh", "date_of_birth": born},
    }


def _referral(referred: str, closed: str | None) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = [
        {
            "date": f"{referred} 09:00",
            "by": "sam",
            "do": "record_referral",
            "child": "ella",
            "as": f"referral_{referred}",
            "with": {"source": "8", "threshold_level": "3", "primary_need": "N4"},
        }
    ]
    if closed:
        steps.append(
            {
                "date": f"{closed} 16:00",
                "by": "rachel",
                "do": "close_referral",
                "referral": f"referral_{referred}",
                "with": {"reason": "RC7", "rationale": "Family support from the children's centre meets the need"},
            }
        )
    return steps


def _scenario(steps: list[dict[str, Any]]) -> dict[str, Any]:
    return {"as_of": "2027-01-21", "teams": TEAMS_AND_STAFF["teams"], "staff": TEAMS_AND_STAFF["staff"], "steps": steps}


@pytest.mark.django_db
def test_list_1_runs_from_the_same_day_six_months_before_to_the_inspection_date() -> None:
    replay = replay_steps(
        _scenario(
            [
                _child("ella", date(2019, 2, 1)),
                _child("finn", date(2021, 7, 9)),
                # Late in the evening of 20 July 2026: six months and a day before 21 January 2027.
                _contact("2026-07-20 23:30", ["ella"]),
                _contact("2026-07-21 00:15", ["ella", "finn"]),
                _contact("2027-01-21 09:00", ["finn"]),
            ]
        )
    )
    lists = build_annex_a(FRONT_DOOR_INSPECTION).lists
    ella, finn = replay.people["ella"].kith_id, replay.people["finn"].kith_id
    assert [(row[0], row[5]) for row in lists["List 1"]] == [
        (ella, date(2026, 7, 21)),
        (finn, date(2026, 7, 21)),
        (finn, date(2027, 1, 21)),
    ]


@pytest.mark.django_db
def test_referrals_are_counted_over_the_twelve_months_to_the_inspection_date() -> None:
    replay = replay_steps(
        _scenario(
            [
                _child("ella", date(2019, 2, 1)),
                *_referral("2026-01-20", closed="2026-01-20"),
                *_referral("2026-01-21", closed="2026-01-21"),
                *_referral("2026-07-20", closed="2026-07-20"),
                *_referral("2026-07-21", closed=None),
            ]
        )
    )
    lists = build_annex_a(FRONT_DOOR_INSPECTION).lists
    ella = replay.people["ella"].kith_id
    # List 3: the referral of 21 July only; it is the third in the twelve months from 21 January 2026.
    assert [(row[0], row[5], row[8]) for row in lists["List 3"]] == [(ella, date(2026, 7, 21), 3)]
    # List 6: the episodes open in the six months, the one closed on 20 July left out.
    assert [(row[6], row[9], row[11]) for row in lists["List 6"]] == [(date(2026, 7, 21), None, "d) Open assessment")]


# -- the command ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_writes_the_workbook_and_counts_each_lists_rows(tmp_path: Path) -> None:
    replay_steps(_scenario([_child("ella", date(2019, 2, 1)), _contact("2027-01-04 10:00", ["ella"])]))
    out = StringIO()
    written = tmp_path / "inspection" / "annex_a.xlsx"
    with time_machine.travel(datetime(2027, 1, 21, 8, 0, tzinfo=LONDON), tick=False):
        call_command("returns", "annex-a", "--on", "2027-01-21", "--out", str(written), stdout=out)
    assert out.getvalue().splitlines() == [str(written), "List 1: 1 row"] + [
        f"List {number}: 0 rows" for number in range(2, 12)
    ]
    assert load_workbook(written).sheetnames == list(LISTS)


@pytest.mark.parametrize("given", ["2027-13-01", "21/01/2027", "20270121", "next Monday"])
def test_the_command_refuses_what_is_not_a_date(given: str, tmp_path: Path) -> None:
    with pytest.raises(
        CommandError, match=re.escape(f"--on must be the date the inspection starts, like 2027-10-01, not {given!r}")
    ):
        call_command("returns", "annex-a", "--on", given, "--out", str(tmp_path / "annex_a.xlsx"))
    assert not (tmp_path / "annex_a.xlsx").exists()


def test_the_command_refuses_an_inspection_date_after_today(tmp_path: Path) -> None:
    with (
        time_machine.travel(datetime(2027, 1, 21, 23, 30, tzinfo=LONDON), tick=False),
        pytest.raises(
            CommandError,
            match=re.escape(
                "The inspection date 22 January 2027 is after today (21 January 2027): Annex A lists what has been "
                "recorded, so it can only be written for a day that has come"
            ),
        ),
    ):
        call_command("returns", "annex-a", "--on", "2027-01-22", "--out", str(tmp_path / "annex_a.xlsx"))
    assert not (tmp_path / "annex_a.xlsx").exists()
