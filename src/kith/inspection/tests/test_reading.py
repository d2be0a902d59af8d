"""The report reader on small invented reports, one shape of input at a time (no database)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kith.inspection.reading import (
    EmptyReport,
    MissingFacts,
    NotAReport,
    NoTextLayer,
    NotText,
    ReadReport,
    UnknownFramework,
    addressee_of,
    read_report,
    text_of,
)
from kith.inspection.reading.dates import date_range
from kith.inspection.reading.lines import split_lines
from kith.inspection.tests import snippets
from kith.inspection.tests.pdfs import pdf_with_text, pdf_without_text


def grades(report: ReadReport) -> list[tuple[str | None, str, str]]:
    return [(found.strand, found.area.code, found.grade.code) for found in report.judgements]


def items(report: ReadReport) -> list[tuple[str | None, str | None, str | None, str]]:
    return [
        (found.strand, found.timescale.code if found.timescale else None, found.addressee, found.text)
        for found in report.improvements
    ]


ILACS_GRADES = [
    (None, "impact_of_leaders", "good"),
    (None, "help_and_protection", "requires improvement to be good"),
    (None, "children_in_care", "good"),
    (None, "care_leavers", "inadequate"),
    (None, "overall_effectiveness", "requires improvement to be good"),
]
ILACS_ITEMS = [
    (None, None, None, "The timeliness of strategy meetings when risks escalate out of hours."),
    (None, None, None, "The quality of pathway plans, so that they set out clear actions."),
    (None, None, None, "Leaders' oversight of care leavers living in unregistered accommodation."),
]


# --- tables flattened to tab-separated lines ------------------------------------------------------


def test_an_ilacs_report_with_a_tab_separated_table_is_read_whole() -> None:
    # when an invented ILACS report is read
    report = read_report(snippets.ilacs())

    # then its facts, every judgement and every item are found, with nothing to warn about
    assert report.as_json() == {
        "authority": "Northbridge",
        "framework": "ilacs",
        "inspection_start": "2024-03-04",
        "inspection_end": "2024-03-08",
        "published": "2024-04-19",
        "judgements": [
            {
                "strand": None,
                "area": "The impact of leaders on social work practice with children and families",
                "grade": "good",
            },
            {
                "strand": None,
                "area": "The experiences and progress of children who need help and protection",
                "grade": "requires improvement to be good",
            },
            {"strand": None, "area": "The experiences and progress of children in care", "grade": "good"},
            {"strand": None, "area": "The experiences and progress of care leavers", "grade": "inadequate"},
            {"strand": None, "area": "Overall effectiveness", "grade": "requires improvement to be good"},
        ],
        "improvements": [
            {"strand": None, "timescale": None, "addressee": None, "text": text} for *_, text in ILACS_ITEMS
        ],
        "warnings": [],
    }
    assert report.lead_inspector == "Ada Quill"


def test_the_record_of_main_findings_assigns_each_row_to_its_strand() -> None:
    # when an invented SLAC report is read
    report = read_report(snippets.slac())

    # then every row of both strands is a judgement, the section headings agreeing with the table
    found = grades(report)
    assert len(found) == 33
    assert found[:3] == [
        ("safeguarding", "overall_effectiveness", "adequate"),
        ("safeguarding", "capacity_for_improvement", "good"),
        ("safeguarding", "are_safe", "adequate"),
    ]
    assert ("safeguarding", "case_planning", "inadequate") in found
    assert ("looked_after", "making_a_positive_contribution", "outstanding") in found
    assert found[-1] == ("looked_after", "value_for_money", "good")
    assert (report.authority, report.framework.code, report.lead_inspector) == ("Northbridge", "slac_2010", "Ben Marsh")
    assert report.warnings == []


def test_the_areas_for_improvement_keep_their_strand_timescale_and_addressee() -> None:
    # when an invented SLAC report is read
    report = read_report(snippets.slac())

    # then each item has the strand of its section, the timescale heading above it, and who it names
    assert items(report) == [
        ("safeguarding", "immediately", None, "Ensure that every child protection plan sets out measurable outcomes."),
        (
            "safeguarding",
            "within three months",
            "Northbridge Community NHS Trust",
            "Northbridge Community NHS Trust should ensure that health visitors are told of every domestic abuse "
            "incident.",
        ),
        ("safeguarding", "within three months", None, "Improve the recording of management oversight on case files."),
        (
            "safeguarding",
            "within six months",
            "The Local Safeguarding Children Board",
            "The Local Safeguarding Children Board should review its multi-agency audit programme.",
        ),
        (
            "looked_after",
            "within three months",
            None,
            "Ensure that every care leaver has a copy of their health history.",
        ),
        (
            "looked_after",
            "within six months",
            "Independent Reviewing Officers",
            "Independent Reviewing Officers should ensure that their challenge is recorded on the child's file.",
        ),
    ]


# --- markdown -----------------------------------------------------------------------------------------


def test_a_markdown_report_with_a_pipe_table_and_headings_is_read_like_the_text() -> None:
    # given the ILACS report as markdown: # headings, a pipe table, bold grades, * bullets
    table = "| Judgement | Grade |\n|---|:---:|\n" + "".join(
        f"| {row.split(chr(9))[0]} | **{row.split(chr(9))[1]}** |\n" for row in snippets.ILACS_TABLE.splitlines()[1:]
    )
    body = (
        snippets.ILACS_BODY.replace("What needs to improve?", "## What needs to improve?")
        .replace("- ", "* ")
        .replace("\nThe experiences", "\n## The experiences")
        .replace("\nThe impact", "\n## The impact")
    )
    text = "# " + snippets.ilacs(table=table, body=body)

    # when it is read
    report = read_report(text)

    # then it gives what the plain text gives
    assert (grades(report), items(report), report.warnings) == (ILACS_GRADES, ILACS_ITEMS, [])


def test_an_html_list_run_together_on_one_line_gives_one_item_per_bullet() -> None:
    # given the list of items as flattened HTML, with ▪ bullets on one line
    body = snippets.ILACS_BODY.replace(
        "- The timeliness of strategy meetings when risks escalate out of hours.\n"
        "- The quality of pathway plans, so that they set out clear actions.\n",
        '<ul style="list-style-type: none"> ▪ The timeliness of strategy meetings when risks escalate out of hours. '
        "▪ The quality of pathway plans, so that they set out clear actions.</ul>\n",
    )

    # when it is read
    report = read_report(snippets.ilacs(body=body))

    # then the items are the same three
    assert items(report) == ILACS_ITEMS


# --- bullets split across page breaks, items without bullets ---------------------------------------


def test_an_item_cut_by_a_page_break_is_joined_again() -> None:
    # given an item whose sentence runs over a page break (a page number, blank lines), lower case and upper case
    body = snippets.ILACS_BODY.replace(
        "- The quality of pathway plans, so that they set out clear actions.",
        "- The quality of pathway plans, so that they set\n\n\n7\n\n\nout clear actions.",
    ).replace(
        "- Leaders' oversight of care leavers living in unregistered accommodation.",
        "- Leaders' oversight of care leavers living in\n\nPage 8 of 20\n\nUnregistered accommodation.",
    )

    # when it is read
    report = read_report(snippets.ilacs(body=body))

    # then there are still three items, whole
    assert [found.text for found in report.improvements] == [
        "The timeliness of strategy meetings when risks escalate out of hours.",
        "The quality of pathway plans, so that they set out clear actions.",
        "Leaders' oversight of care leavers living in Unregistered accommodation.",
    ]


def test_items_with_no_bullet_marker_are_one_item_a_line() -> None:
    # given areas for improvement written as plain lines, one without a full stop at a page break
    safeguarding = (
        snippets.SLAC_SAFEGUARDING.replace(
            "- Ensure that every child protection plan sets out measurable outcomes.",
            "Ensure that every child protection plan sets out\n\nmeasurable outcomes.",
        )
        .replace("- Northbridge Community", "Northbridge Community")
        .replace("- Improve", "Improve")
    )

    # when it is read
    report = read_report(snippets.slac(safeguarding=safeguarding))

    # then each line is an item, under its timescale
    assert [(strand, timescale, text[:40]) for strand, timescale, _, text in items(report)][:4] == [
        ("safeguarding", "immediately", "Ensure that every child protection plan "),
        ("safeguarding", "within three months", "Northbridge Community NHS Trust should e"),
        ("safeguarding", "within three months", "Improve the recording of management over"),
        ("safeguarding", "within six months", "The Local Safeguarding Children Board sh"),
    ]
    assert items(report)[0][3] == "Ensure that every child protection plan sets out measurable outcomes."


def test_one_item_that_lost_its_bullet_in_a_bulleted_list_is_still_an_item() -> None:
    # given a bulleted list where the middle item has no bullet
    body = snippets.ILACS_BODY.replace("- The quality of pathway plans", "The quality of pathway plans")

    # when it is read
    report = read_report(snippets.ilacs(body=body))

    # then all three items are there
    assert items(report) == ILACS_ITEMS


def test_a_timescale_written_on_the_same_line_as_its_item() -> None:
    # given "Immediately: …" on one line
    safeguarding = snippets.SLAC_SAFEGUARDING.replace("Immediately\n\n- Ensure", "Immediately: Ensure")

    # when it is read
    report = read_report(snippets.slac(safeguarding=safeguarding))

    # then the item has its timescale
    assert items(report)[0][:2] == ("safeguarding", "immediately")
    assert items(report)[0][3] == "Ensure that every child protection plan sets out measurable outcomes."


# --- summary tables out of order, and the cross-check ----------------------------------------------


def test_a_judgement_table_in_another_order_gives_the_same_judgements() -> None:
    # given the judgement table upside down
    rows = snippets.ILACS_TABLE.splitlines()
    table = "\n".join([rows[0], *reversed(rows[1:])]) + "\n"

    # when it is read
    report = read_report(snippets.ilacs(table=table))

    # then the judgements are the same, in the framework's order, with no warning
    assert (grades(report), report.warnings) == (ILACS_GRADES, [])


def test_a_strand_heading_misplaced_among_the_other_strands_rows_is_reported_and_not_followed() -> None:
    # given a record of main findings whose looked-after heading sits in the middle of the safeguarding rows
    record = snippets.SLAC_RECORD.replace("\nServices for looked after children\t\n", "\n").replace(
        "Service responsiveness including complaints\tAdequate\n",
        "Services for looked after children\t\nService responsiveness including complaints\tAdequate\n",
    )

    # when it is read
    report = read_report(snippets.slac(record=record))

    # then the rows stay in the strand the framework gives them, and a warning names the misplaced heading
    assert grades(report) == grades(read_report(snippets.slac()))
    assert report.warnings == [
        "In the summary table, the heading “Services for looked after children” comes before “Service "
        "responsiveness including complaints”, which the framework has only under safeguarding services: Kith kept "
        "the rows under safeguarding services until “Overall effectiveness” starts the next strand. Check these rows "
        "against the published report."
    ]


def test_where_the_table_and_a_section_heading_disagree_the_table_is_recorded_with_a_warning() -> None:
    # given a report whose feel-safe heading says grade 3 while the table says good (as in Hertfordshire 2010)
    safeguarding = snippets.SLAC_SAFEGUARDING.replace("feel safe. Grade 2 (Good)", "feel safe. Grade 3 (Adequate)")

    # when it is read
    report = read_report(snippets.slac(safeguarding=safeguarding))

    # then the table's grade is recorded, and the warning names both
    assert ("safeguarding", "feel_safe", "good") in grades(report)
    assert report.warnings == [
        "Safeguarding services, Children and young people feel safe: the summary table says good, but the section "
        "heading says “Grade 3 (Adequate)”. Kith recorded good, from the summary table; check the published report."
    ]


def test_an_area_graded_only_by_its_section_heading_is_taken_from_the_heading() -> None:
    # given a table whose quality of provision row has no grade
    record = snippets.SLAC_RECORD.replace("Quality of provision\tAdequate", "Quality of provision\t")

    # when it is read
    report = read_report(snippets.slac(record=record))

    # then the heading's grade is used, without a warning
    found = {(j.strand, j.area.code): (j.grade.code, j.source) for j in report.judgements}
    assert found[("safeguarding", "quality_of_provision")] == ("adequate", "section heading")
    assert report.warnings == []


def test_an_expected_area_with_no_grade_anywhere_is_not_guessed() -> None:
    # given a table with no value for money row for looked after children (as the domain notes for two reports)
    record = snippets.SLAC_RECORD.rsplit("Value for money\tGood\n", 1)[0]

    # when it is read
    report = read_report(snippets.slac(record=record))

    # then there is no judgement for it, and the warning quotes the text's own sentence
    assert ("looked_after", "value_for_money", "good") not in grades(report)
    assert report.warnings == [
        "Services for looked after children, Value for money: no grade found (the summary table has no row for it, "
        "and no section heading grades it), so none was imported. The text (paragraph 13) says “value for money is "
        "good”: record it by hand if the published report confirms it."
    ]


def test_a_table_row_the_framework_does_not_know_is_reported() -> None:
    # given a row no SLAC framework has
    record = snippets.SLAC_RECORD.replace(
        "Value for money\tGood\n", "Value for money\tGood\nCustomer delight\tGood\n", 1
    )

    # when it is read
    report = read_report(snippets.slac(record=record))

    # then it is reported and not imported
    assert report.warnings == [
        "The summary table has a row “Customer delight” graded good, which is not a judgement of the Inspection of "
        "safeguarding and looked after children services (2010 variant); it was not imported."
    ]


# --- the shapes a PDF's text layer comes in ------------------------------------------------------------


def test_a_pdf_text_layer_with_hard_wraps_running_headers_and_cells_lost_is_read() -> None:
    # given the ILACS report as a PDF's text comes out: lines wrapped, the table's cells run together, a running
    # header and page numbers on every page
    header = "Inspection of Northbridge local authority children's services 4 to 8 March 2024"
    table = (
        "Judgement Grade\n"
        + "\n".join(" ".join(row.split("\t")) for row in snippets.ILACS_TABLE.splitlines()[1:])
        + "\n"
    )
    body = (
        snippets.ILACS_BODY.replace(
            "The experiences and progress of children who need help and protection: requires improvement to be good",
            "The experiences and progress of children who need help and protection: requires\nimprovement to be good",
        )
        .replace("so that they set out clear actions.", "so that they\nset out clear actions.")
        .replace("\n1. Children", f"\n{header}\nPage 2 of 4\n1. Children")
        .replace("\n2. Children", f"\n{header}\nPage 3 of 4\n2. Children")
        .replace("\n4. Leaders", f"\n{header}\nPage 4 of 4\n4. Leaders")
    )

    # when it is read
    report = read_report(snippets.ilacs(table=table, body=body))

    # then it gives what the plain text gives
    assert (grades(report), items(report), report.warnings) == (ILACS_GRADES, ILACS_ITEMS, [])


def test_a_table_whose_grades_sit_on_the_line_below_each_area() -> None:
    # given the judgement table with each cell on its own line
    table = "Judgement\nGrade\n" + "".join(
        f"{area}\n{grade}\n" for area, grade in (row.split("\t") for row in snippets.ILACS_TABLE.splitlines()[1:])
    )
    table = "Judgement Grade\n" + table.split("Grade\n", 1)[1]

    # when it is read
    report = read_report(snippets.ilacs(table=table))

    # then every judgement is found
    assert (grades(report), report.warnings) == (ILACS_GRADES, [])


def test_a_pdf_file_is_read_through_its_text_layer() -> None:
    # given the ILACS report as a PDF with a text layer
    data = pdf_with_text(snippets.ilacs())

    # when its text is taken and read
    report = read_report(text_of(data, name="northbridge.pdf"))

    # then it is read like the text
    assert (report.authority, grades(report), items(report)) == ("Northbridge", ILACS_GRADES, ILACS_ITEMS)


# --- frameworks: variants, unrecognised titles, letters ------------------------------------------------


def test_the_2012_variant_is_told_from_the_2010_one_by_its_judgement_areas() -> None:
    # given a SLAC report with the 2012 variant's areas (one grade for safe and feel safe; health's contribution)
    record = """\
Record of main findings: Northbridge

Safeguarding services\t
Overall effectiveness\tAdequate
Capacity for improvement\tGood
Children and young people are safe and feel safe\tGood
Quality of provision\tAdequate
The contribution of health agencies to keeping children and young people safe\tGood
Ambition and prioritisation\tGood
Leadership and management\tGood
Performance management and quality assurance\tAdequate
Partnership working\tGood
Equality and diversity\tGood
Services for looked after children\t
Overall effectiveness\tGood
"""
    text = snippets.slac(record=record, safeguarding="", looked_after="").replace("2010", "2012")

    # when it is read
    report = read_report(text)

    # then it is the 2012 variant, every row found
    assert report.framework.code == "slac_2012"
    assert [code for _, code, _ in grades(report)] == [
        "overall_effectiveness",
        "capacity_for_improvement",
        "safe_and_feel_safe",
        "quality_of_provision",
        "health_contribution",
        "ambition_and_prioritisation",
        "leadership_and_management",
        "performance_management",
        "partnership_working",
        "equality_and_diversity",
        "overall_effectiveness",
    ]


def test_a_report_whose_title_is_not_recognised_is_read_by_its_judgements_with_a_warning() -> None:
    # given an ILACS report whose title line was lost, but that names its council in the details
    text = snippets.ilacs().replace(
        "Inspection of Northbridge local authority children's services", "Local authority: Northbridge"
    )

    # when it is read
    report = read_report(text)

    # then it is read as ILACS, and says how it decided
    assert (report.framework.code, report.authority, grades(report)) == ("ilacs", "Northbridge", ILACS_GRADES)
    assert report.warnings == [
        "Kith did not recognise the report's title, so it read it as the Inspection of local authority children's "
        "services (ILACS), whose judgement areas and sections its headings name (6 of them). Check that this is right."
    ]


def test_a_letter_of_an_unannounced_inspection_gives_its_areas_for_development_and_priority_actions() -> None:
    # when an invented unannounced-inspection letter is read
    report = read_report(snippets.LETTER)

    # then the facts come from the letter, the priority action and areas for development are the items
    assert report.as_json() == {
        "authority": "Northbridge",
        "framework": "cra_unannounced_2009",
        "inspection_start": "2009-11-17",
        "inspection_end": "2009-11-18",
        "published": "2009-12-14",
        "judgements": [],
        "improvements": [
            {
                "strand": None,
                "timescale": None,
                "addressee": None,
                "text": "Children referred out of hours are not always seen the next working day.",
            },
            {
                "strand": None,
                "timescale": None,
                "addressee": None,
                "text": "Initial assessments do not always record whether the child was seen alone.",
            },
            {
                "strand": None,
                "timescale": None,
                "addressee": None,
                "text": "Team managers' decisions are not always recorded on the electronic record.",
            },
        ],
        "warnings": [],
    }
    assert [(found.section.code, found.text) for found in report.other_findings] == [
        ("strengths", "Managers know the service well.")
    ]


# --- bad input -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "data", "refusal", "message"),
    [
        ("empty", b"", EmptyReport, "report.txt is empty: there is nothing to import."),
        ("only spaces", b"  \n\n\t \n", EmptyReport, "report.txt is empty: there is nothing to import."),
        (
            "binary",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            NotText,
            "report.txt is neither a text file nor a PDF. Save the report as plain text (.txt) or PDF and try again.",
        ),
    ],
)
def test_a_file_with_no_text_is_refused_with_a_clear_message(
    _case: str, data: bytes, refusal: type[Exception], message: str
) -> None:
    # when the file's text is taken
    with pytest.raises(refusal) as refused:
        text_of(data, name="report.txt")

    # then the message says why
    assert str(refused.value) == message


def test_a_pdf_with_no_text_layer_is_refused() -> None:
    # when a PDF whose page is an image (no text) is read
    with pytest.raises(NoTextLayer) as refused:
        text_of(pdf_without_text(), name="scan.pdf")

    # then the message says the PDF has no text layer
    assert str(refused.value).startswith("scan.pdf has no text layer: its pages are images")


@pytest.mark.parametrize(
    ("_case", "text", "refusal", "starts"),
    [
        (
            "a shopping list",
            "Milk\nEggs\nBread\n",
            NotAReport,
            "This file does not look like an Ofsted inspection report",
        ),
        (
            "the single inspection framework, which Kith does not know",
            "Northbridge\n\nInspection of services for children in need of help and protection, children looked after "
            "and care leavers\n\nInspection date: 3 March 2015 to 26 March 2015\n\nReport published: 5 May 2015\n\n"
            "Lead inspector: Ada Quill HMI\n\nOverall judgement is requires improvement\n",
            UnknownFramework,
            "This looks like an Ofsted inspection report, but not one of a framework Kith knows",
        ),
        (
            "a known title but nothing in it",
            "Inspection of Northbridge local authority children's services\n\nInspection dates: 4 to 8 March 2024\n",
            NotAReport,
            "This looks like a report of the Inspection of local authority children's services (ILACS), but Kith "
            "found no judgements and no findings in it",
        ),
        (
            "no dates",
            snippets.ilacs().replace("Inspection dates: 4 to 8 March 2024", ""),
            MissingFacts,
            "Kith could not find the inspection dates",
        ),
        (
            "dates that end before they start",
            snippets.ilacs().replace("4 to 8 March 2024", "8 March to 4 March 2024"),
            MissingFacts,
            "The inspection dates read as 8 March 2024 to 4 March 2024, which end before they start",
        ),
        (
            "no council",
            snippets.ilacs().replace(
                "Inspection of Northbridge local authority children's services", "Ofsted inspection report"
            ),
            MissingFacts,
            "Kith could not find which council the report is about",
        ),
    ],
)
def test_text_that_is_not_an_importable_report_is_refused(
    _case: str, text: str, refusal: type[Exception], starts: str
) -> None:
    # when it is read
    with pytest.raises(refusal) as refused:
        read_report(text)

    # then the message says why, and that nothing was imported
    assert str(refused.value).startswith(starts)
    assert "nothing was imported" in str(refused.value)


# --- the pieces ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 March to 22 March 2024", (date(2024, 3, 18), date(2024, 3, 22))),
        ("07 June to 18 June 2010", (date(2010, 6, 7), date(2010, 6, 18))),
        ("24 and 25 November 2009", (date(2009, 11, 24), date(2009, 11, 25))),
        ("21 May – 1 June 2012", (date(2012, 5, 21), date(2012, 6, 1))),
        ("11–22 October 2010", (date(2010, 10, 11), date(2010, 10, 22))),
        ("4th to 8th Mar 2024", (date(2024, 3, 4), date(2024, 3, 8))),
        ("30 December 2024 to 3 January 2025", (date(2024, 12, 30), date(2025, 1, 3))),
        ("18/03/2024 to 22/03/2024", (date(2024, 3, 18), date(2024, 3, 22))),
        ("16 July 2010", (date(2010, 7, 16), date(2010, 7, 16))),
        ("some time in spring", None),
    ],
)
def test_inspection_dates_are_read_as_reports_write_them(text: str, expected: tuple[date, date] | None) -> None:
    assert date_range(text) == expected


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Ensure that core assessments are completed to a common standard.", None),
        (
            "NHS Hartlepool in conjunction with the HSCB should ensure that staff receive advice.",
            "NHS Hartlepool in conjunction with the HSCB",
        ),
        ("HSCB to ensure that board representation accords with national guidance.", "HSCB"),
        (
            "Independent Reviewing Officers should ensure that challenges are recorded.",
            "Independent Reviewing Officers",
        ),
        ("Care plans for looked after children should be improved to ensure they are specific.", None),
        ("Assessments should reflect children's views.", None),
        ("Partner agencies should make qualitative data robust.", "Partner agencies"),
        ("The Child Death Overview Panel should meet its statutory duty to report.", "The Child Death Overview Panel"),
        ("Caseloads in the disabled children's team are too high.", None),
        (
            "Currently the electronic recording system does not create chronologies so that workers have to read "
            "files.",
            None,
        ),
    ],
)
def test_an_item_names_its_addressee_only_when_it_names_who_should_act(text: str, addressee: str | None) -> None:
    assert addressee_of(text) == addressee


def test_lines_are_cleaned_of_markdown_html_and_page_furniture() -> None:
    # given a mix of shapes
    text = "# Title\n\n| a | b |\n|---|---|\n**Bold** words\n\n12\n\n• bullet one\nrunning\non.\n\n<p>para</p>"

    # when it is split into lines
    lines = [(line.text, line.tabular, line.bullet, line.marked_heading) for line in split_lines(text) if line.text]

    # then each is clean
    assert lines == [
        ("Title", False, False, True),
        ("a\tb", True, False, False),
        ("Bold words", False, False, False),
        ("bullet one running on.", False, True, False),
        ("para", False, False, False),
    ]


def test_every_warning_is_a_sentence_people_can_act_on() -> None:
    # given the warnings of a report with several problems
    safeguarding = snippets.SLAC_SAFEGUARDING.replace("feel safe. Grade 2 (Good)", "feel safe. Grade 3 (Adequate)")
    record = snippets.SLAC_RECORD.rsplit("Value for money\tGood\n", 1)[0]
    report = read_report(
        snippets.slac(record=record, safeguarding=safeguarding).replace("Published: 19 November 2010", "")
    )

    # when / then: each ends with a full stop and says what Kith did
    assert len(report.warnings) == 3
    assert all(re.search(r"[.]$", warning) for warning in report.warnings)


def test_an_ilacs_report_of_2018_to_2022_with_one_judgement_for_children_in_care_and_care_leavers() -> None:
    # given the judgement table and headings of the ILACS before 2023
    table = snippets.ILACS_TABLE.replace(
        "The experiences and progress of children in care\tGood\nThe experiences and progress of care leavers\t"
        "Inadequate\n",
        "The experiences and progress of children in care and care leavers\tGood\n",
    )
    body = snippets.ILACS_BODY.replace(
        "The experiences and progress of children in care: good",
        "The experiences and progress of children in care and care leavers: good",
    ).replace("The experiences and progress of care leavers: inadequate\n", "")

    # when it is read
    report = read_report(snippets.ilacs(table=table, body=body))

    # then the one judgement is found, under its own area, with nothing missing
    assert (grades(report), report.warnings) == (
        [
            (None, "impact_of_leaders", "good"),
            (None, "help_and_protection", "requires improvement to be good"),
            (None, "children_in_care_and_care_leavers", "good"),
            (None, "overall_effectiveness", "requires improvement to be good"),
        ],
        [],
    )
