"""The three real Ofsted reports of Hartlepool read exactly: every judgement and every area for improvement.

Counted by hand from the report text (shared/reports): the 2009 letter (ungraded; 4
strengths, 5 areas for development, no priority action), the 2010 safeguarding and looked
after children inspection (33 judgements in the record of main findings and the section
headings, 10 areas for improvement), the 2024 ILACS (5 judgements, 2 things to improve).
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest

from kith.inspection.reading import ReadReport, read_report, text_of
from kith.inspection.tests.conftest import report_path
from kith.inspection.tests.pdfs import pdf_with_text

HP09 = "hartlepool-2009-unannounced-letter.txt"
HP10 = "hartlepool-2010-safeguarding-and-looked-after.txt"
HP24 = "hartlepool-2024-ilacs.txt"


def read(name: str) -> ReadReport:
    return read_report(text_of(report_path(name).read_bytes(), name=name))


HP10_JUDGEMENTS = [
    {"strand": "safeguarding", "area": "Overall effectiveness", "grade": "good"},
    {"strand": "safeguarding", "area": "Capacity for improvement", "grade": "good"},
    {"strand": "safeguarding", "area": "Children and young people are safe", "grade": "good"},
    {"strand": "safeguarding", "area": "Children and young people feel safe", "grade": "good"},
    {"strand": "safeguarding", "area": "Quality of provision", "grade": "good"},
    {"strand": "safeguarding", "area": "Service responsiveness including complaints", "grade": "good"},
    {"strand": "safeguarding", "area": "Assessment and direct work with children and families", "grade": "adequate"},
    {"strand": "safeguarding", "area": "Case planning, review and recording", "grade": "adequate"},
    {"strand": "safeguarding", "area": "Leadership and management", "grade": "good"},
    {"strand": "safeguarding", "area": "Ambition and prioritisation", "grade": "good"},
    {
        "strand": "safeguarding",
        "area": "Evaluation, including performance management, quality assurance and workforce development",
        "grade": "good",
    },
    {"strand": "safeguarding", "area": "User engagement", "grade": "good"},
    {"strand": "safeguarding", "area": "Partnerships", "grade": "good"},
    {"strand": "safeguarding", "area": "Equality and diversity", "grade": "good"},
    {"strand": "safeguarding", "area": "Value for money", "grade": "good"},
    {"strand": "looked_after", "area": "Overall effectiveness", "grade": "good"},
    {"strand": "looked_after", "area": "Capacity for improvement", "grade": "good"},
    {"strand": "looked_after", "area": "Being healthy", "grade": "adequate"},
    {"strand": "looked_after", "area": "Staying safe", "grade": "good"},
    {"strand": "looked_after", "area": "Enjoying and achieving", "grade": "good"},
    {"strand": "looked_after", "area": "Making a positive contribution", "grade": "good"},
    {"strand": "looked_after", "area": "Economic well-being", "grade": "adequate"},
    {"strand": "looked_after", "area": "Quality of provision", "grade": "good"},
    {"strand": "looked_after", "area": "Service responsiveness", "grade": "good"},
    {"strand": "looked_after", "area": "Assessment and direct work with children", "grade": "good"},
    {"strand": "looked_after", "area": "Case planning, review and recording", "grade": "adequate"},
    {"strand": "looked_after", "area": "Leadership and management", "grade": "good"},
    {"strand": "looked_after", "area": "Ambition and prioritisation", "grade": "good"},
    {
        "strand": "looked_after",
        "area": "Evaluation, including performance management, quality assurance and workforce development",
        "grade": "good",
    },
    {"strand": "looked_after", "area": "User engagement", "grade": "good"},
    {"strand": "looked_after", "area": "Partnerships", "grade": "good"},
    {"strand": "looked_after", "area": "Equality and diversity", "grade": "good"},
    {"strand": "looked_after", "area": "Value for money", "grade": "good"},
]

HP10_IMPROVEMENTS = [
    {
        "strand": "safeguarding",
        "timescale": "immediately",
        "addressee": None,
        "text": "Ensure that core assessments are consistently completed to a common standard and suitably recorded "
        "to ensure user views are appropriately documented and needs and risks are clearly identified.",
    },
    {
        "strand": "safeguarding",
        "timescale": "immediately",
        "addressee": None,
        "text": "Ensure the electronic records clearly identify measureable planning objectives and agreed actions, "
        "are effectively linked to comprehensive supervision records and clearly show management oversight.",
    },
    {
        "strand": "safeguarding",
        "timescale": "within three months",
        "addressee": "NHS Hartlepool in conjunction with the HSCB",
        "text": "NHS Hartlepool in conjunction with the HSCB should ensure that staff in Accident and Emergency "
        "services receive appropriate advice and support on all safeguarding matters from designated health staff.",
    },
    {
        "strand": "safeguarding",
        "timescale": "within three months",
        "addressee": "NHS Hartlepool in conjunction with HSCB",
        "text": "NHS Hartlepool in conjunction with HSCB should ensure that plans are in place to monitor attendance "
        "on level 2 and 3 training and that any gaps in respect of the attendance of specific groups of "
        "professionals are fully addressed.",
    },
    {
        "strand": "safeguarding",
        "timescale": "within six months",
        "addressee": "HSCB",
        "text": "HSCB to ensure that board representation and attendance accords fully with national guidance.",
    },
    {
        "strand": "looked_after",
        "timescale": "within three months",
        "addressee": None,
        "text": "Care plans for looked after children and pathway plans for care leavers should be improved to ensure "
        "they are more specific in respect of objectives and timescales and are in a format that can be readily "
        "shared with looked after children, young people, parents and carers.",
    },
    {
        "strand": "looked_after",
        "timescale": "within three months",
        "addressee": None,
        "text": "Ensure that health records for looked after children and young people are up-to-date and contain "
        "clear and measureable plans which are readily accessible by looked after children and young people.",
    },
    {
        "strand": "looked_after",
        "timescale": "within three months",
        "addressee": None,
        "text": "Ensure that all young people leaving care receive a copy of their health history in a format that is "
        "clear and understandable and assists them in securing continuous health support.",
    },
    {
        "strand": "looked_after",
        "timescale": "within six months",
        "addressee": "Independent Reviewing Officers",
        "text": "Independent Reviewing Officers should ensure that discussions and challenges prior to or during "
        "reviews are fully recorded and that agreed action arising are also appropriately documented.",
    },
    {
        "strand": "looked_after",
        "timescale": "within six months",
        "addressee": None,
        "text": "Ensure staff supervision records are fully incorporated within the electronic recording system and "
        "that the system readily facilitates access to the records.",
    },
]

EXPECTED: dict[str, dict[str, Any]] = {
    HP09: {
        "authority": "Hartlepool",
        "framework": "cra_unannounced_2009",
        "inspection_start": "2009-11-24",
        "inspection_end": "2009-11-25",
        "published": "2009-12-23",
        "judgements": [],
        "improvements": [
            {"strand": None, "timescale": None, "addressee": None, "text": text}
            for text in [
                "The number of qualified social workers available in the duty team is insufficient to manage the "
                "volume of work effectively and thresholds for access to children in need services are not applied "
                "consistently.",
                "The new process of transferring referrals between the duty team and the initial response team is not "
                "supported by clear and effective protocols to enable a smooth transition of work.",
                "The quality of initial assessments is variable and some lack sufficiently robust analysis; it was not "
                "always clearly recorded if children had been seen and spoken to alone as part of the assessment.",
                "Currently the electronic recording system does not create clear and concise chronologies so that "
                "workers have to read all of the previous case files to ensure that the history is appropriately "
                "considered.",
                "Caseloads for social workers in the Children with Disabilities team are too high making it difficult "
                "to undertake effective monitoring of children's progress.",
            ]
        ],
        "warnings": [],
    },
    HP10: {
        "authority": "Hartlepool",
        "framework": "slac_2010",
        "inspection_start": "2010-06-07",
        "inspection_end": "2010-06-18",
        "published": "2010-07-16",
        "judgements": HP10_JUDGEMENTS,
        "improvements": HP10_IMPROVEMENTS,
        "warnings": [],
    },
    HP24: {
        "authority": "Hartlepool",
        "framework": "ilacs",
        "inspection_start": "2024-03-18",
        "inspection_end": "2024-03-22",
        "published": None,
        "judgements": [
            {
                "strand": None,
                "area": "The impact of leaders on social work practice with children and families",
                "grade": "outstanding",
            },
            {
                "strand": None,
                "area": "The experiences and progress of children who need help and protection",
                "grade": "outstanding",
            },
            {"strand": None, "area": "The experiences and progress of children in care", "grade": "outstanding"},
            {"strand": None, "area": "The experiences and progress of care leavers", "grade": "good"},
            {"strand": None, "area": "Overall effectiveness", "grade": "outstanding"},
        ],
        "improvements": [
            {
                "strand": None,
                "timescale": None,
                "addressee": None,
                "text": "Clarity for care leavers about their rights and entitlements through the care leavers offer.",
            },
            {
                "strand": None,
                "timescale": None,
                "addressee": None,
                "text": "The support and responses to care leavers in custody.",
            },
        ],
        "warnings": ["The report gives no publication date; enter it on the inspection's page when it is known."],
    },
}


@pytest.mark.parametrize("name", [HP09, HP10, HP24])
def test_each_real_report_reads_exactly(name: str) -> None:
    # when the real report is read
    report = read(name)

    # then every fact, judgement and area for improvement is exactly as the report has it
    assert report.as_json() == EXPECTED[name]


def test_the_counts_are_those_counted_by_hand() -> None:
    # when the three reports are read
    found = {name: read(name) for name in (HP09, HP10, HP24)}

    # then: 2009 ungraded with 5 areas for development; 2010 with 15 + 18 judgements and 5 + 5 areas for
    # improvement (2 immediately, 5 within three months, 3 within six months); 2024 with 5 judgements and 2 items
    hp10 = found[HP10]
    assert [(len(report.judgements), len(report.improvements)) for report in found.values()] == [
        (0, 5),
        (33, 10),
        (5, 2),
    ]
    assert [sum(j.strand == strand for j in hp10.judgements) for strand in ("safeguarding", "looked_after")] == [15, 18]
    assert [
        sum(i.timescale is not None and i.timescale.code == code for i in hp10.improvements)
        for code in ("immediately", "within three months", "within six months")
    ] == [2, 5, 3]
    assert [found.text[:30] for found in found[HP09].other_findings] == [
        "Effective leadership and manag",
        "Staff benefit significantly fr",
        "Multi-agency preventative work",
        "The introduction of social car",
    ]


def test_the_2010_grades_keep_the_reports_own_words_and_numbers() -> None:
    # when the 2010 report is read
    report = read(HP10)

    # then each judgement keeps the words it was given in, and its grade number where the framework has one
    first = report.judgements[0]
    quality = next(j for j in report.judgements if j.strand == "looked_after" and j.area.code == "quality_of_provision")
    assert (first.words, first.source, first.grade.display) == (
        "Grade 2 (Good)",
        "summary table and section heading",
        "Good (grade 2)",
    )
    assert (quality.words, quality.source) == ("Grade 2 Good", "section heading")
    assert report.lead_inspector == "Martin Ayres"


@pytest.mark.parametrize("name", [HP09, HP10, HP24])
def test_each_real_report_reads_the_same_from_a_pdf_with_wrapped_lines(name: str) -> None:
    # given the report as a PDF whose lines wrap at 95 characters and whose blank lines are gone
    raw = report_path(name).read_text(encoding="utf-8")
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(line, 95, replace_whitespace=False)) if line.strip() else ""
        for line in raw.splitlines()
    )

    # when its text layer is read
    report = read_report(text_of(pdf_with_text(wrapped), name=name.replace(".txt", ".pdf")))

    # then it gives exactly what the text gives
    assert json.dumps(report.as_json()) == json.dumps(EXPECTED[name])
