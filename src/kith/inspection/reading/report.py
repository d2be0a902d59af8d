"""Reading an Ofsted inspection report: the framework, the council, the dates, every judgement and every finding.

The reader works from the structure Ofsted's reports share, as each framework's data file
declares it (``kith.inspection.frameworks``), not from the layout of any one file:

1. **Lines** (``lines``): tables flattened to tabs or markdown pipes become cells; bullets,
   markdown and HTML are read; page numbers go; a sentence cut by a page break is joined.
2. **Framework**: a title line that a framework's ``titles`` pattern matches. Where two
   frameworks share a title (the 2010 and 2012 SLAC variants), the one whose judgement
   areas the report names most wins, and a tie goes by the inspection date. With no title
   Kith recognises, a framework whose areas the report clearly names is taken, with a warning.
3. **Summary table** (``table``) and **body** (``body``): the table's grades; the body's
   strand headings, graded section headings and sections of findings.
4. **Cross-check**: each area's grade in the table is compared with its section heading's.
   Where they disagree the table's grade is recorded **and a warning says so**. An area the
   framework expects that has no grade anywhere is not guessed: a warning names it, quoting
   the text's own sentence when there is one.
5. **Facts** (``facts``): the council, the inspection and publication dates, the lead inspector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kith.inspection import frameworks
from kith.inspection.frameworks import Area, Framework, plain
from kith.inspection.reading import facts
from kith.inspection.reading.body import BodyReader, Grades
from kith.inspection.reading.errors import NotAReport, UnknownFramework
from kith.inspection.reading.found import FoundJudgement, ReadReport
from kith.inspection.reading.lines import Line, split_lines
from kith.inspection.reading.table import TableRow, summary_table
from kith.inspection.reading.vocabulary import GradeReading, Reading, Vocabulary, whole

# Titles are near the top: the first lines with text that are searched for one.
TITLE_SEARCH_LINES = 60
# With no recognised title, a framework is taken only when the report names this many of its areas.
MIN_EVIDENCE_WITHOUT_TITLE = 3
# A line repeated this often, and this long, is a page's running header or footer.
RUNNING_HEADER_REPEATS = 3
RUNNING_HEADER_LENGTH = 20

# A title may be wrapped over this many lines.
TITLE_LINES = 3


@dataclass(frozen=True)
class Title:
    text: str
    last: int  # the index of the title's last line
    match: re.Match[str]


Detected = tuple[Framework, Title | None]


def read_report(text: str) -> ReadReport:
    """Read a report's text. Raises a ``ReportRejected`` with a clear message when it cannot be imported."""
    lines = split_lines(text)
    if all(line.blank for line in lines):
        raise NotAReport("The file has no text to read, so nothing was imported.")
    vocabularies = [Vocabulary(framework) for framework in frameworks.all_frameworks()]
    lines = _without_running_headers(lines, vocabularies)
    (framework, title), detection_warnings = _framework(lines, vocabularies)
    reading = Reading(lines, Vocabulary(framework), list(detection_warnings))

    table = summary_table(reading)
    body = BodyReader(reading, table.lines).read()
    judgements = _cross_check(reading, table.rows, body.grades)
    if not judgements and not body.found_a_section:
        raise NotAReport(
            f"This looks like a report of the {framework.title}, but Kith found no judgements and no findings in "
            "it, so nothing was imported. Check that the file holds the whole report."
        )
    authority = facts.authority(reading, (title.text, title.last, title.match) if title else None, table.authorities)
    start, end = facts.inspection_dates(reading)
    published = facts.published(reading, timed=any(found.timescale for found in body.improvements))
    if published is not None and published < start:
        reading.warn(
            f"The publication date ({facts.long_date(published)}) is before the inspection began "
            f"({facts.long_date(start)}); check the dates in the report."
        )
    return ReadReport(
        framework=framework,
        title=title.text if title else "",
        authority=authority,
        inspection_start=start,
        inspection_end=end,
        published=published,
        lead_inspector=facts.lead_inspector(lines),
        judgements=judgements,
        improvements=body.improvements,
        warnings=reading.warnings,
        text="\n".join(line.text for line in lines),
        other_findings=reading.other_findings,
    )


# --- the framework -----------------------------------------------------------------------------


def _titles(lines: list[Line]) -> list[tuple[str, int]]:
    """The lines near the top that may be a title, each alone and joined with the next (a wrapped title)."""
    texts = [(index, whole(line)) for index, line in enumerate(lines) if not line.blank][:TITLE_SEARCH_LINES]
    return [
        (" ".join(text for _, text in texts[start : start + size]), texts[start + size - 1][0])
        for start in range(len(texts))
        for size in range(1, TITLE_LINES + 1)
        if start + size <= len(texts)
    ]


def _framework(lines: list[Line], vocabularies: list[Vocabulary]) -> tuple[Detected, list[str]]:
    candidates = _titles(lines)
    titled: list[tuple[Vocabulary, Title]] = []
    for vocabulary in vocabularies:
        found = next(
            (
                Title(text, last, match)
                for text, last in candidates
                for pattern in vocabulary.framework.titles
                if (match := pattern.fullmatch(plain(text)))
            ),
            None,
        )
        if found is not None:
            titled.append((vocabulary, found))
    if not titled:
        return _framework_without_title(lines, vocabularies)
    scores = {vocabulary.framework.code: vocabulary.evidence(lines) for vocabulary, _ in titled}
    best = max(scores.values())
    tied = [(vocabulary.framework, title) for vocabulary, title in titled if scores[vocabulary.framework.code] == best]
    return _newest_in_use(lines, tied), []


def _newest_in_use(lines: list[Line], tied: list[tuple[Framework, Title]]) -> Detected:
    """Of frameworks the report fits equally, the newest in use when the inspection began."""
    dates = facts.inspection_dates_in(lines)
    in_use = [found for found in tied if dates is None or found[0].first_used <= dates[0]]
    return max(in_use or tied, key=lambda found: found[0].first_used)


def _framework_without_title(lines: list[Line], vocabularies: list[Vocabulary]) -> tuple[Detected, list[str]]:
    scored = sorted(
        ((vocabulary.evidence(lines), vocabulary.framework) for vocabulary in vocabularies), key=lambda found: -found[0]
    )
    (best, framework), runner_up = scored[0], scored[1][0] if len(scored) > 1 else 0
    if best >= MIN_EVIDENCE_WITHOUT_TITLE and best > runner_up:
        return (framework, None), [
            f"Kith did not recognise the report's title, so it read it as the {framework.title}, whose judgement "
            f"areas and sections its headings name ({best} of them). Check that this is right."
        ]
    known = "; ".join(framework.title for framework in frameworks.all_frameworks())
    words = plain(" ".join(line.text for line in lines[:400]))
    if "ofsted" in words or ("inspection" in words and re.search(r"\b(?:inspectors?|hmi|judgements?)\b", words)):
        raise UnknownFramework(
            "This looks like an Ofsted inspection report, but not one of a framework Kith knows, so nothing was "
            f"imported. Kith reads reports of these frameworks: {known}. Adding another is adding its framework "
            "file (see docs/domain/inspection.md)."
        )
    raise NotAReport(
        "This file does not look like an Ofsted inspection report: it has no inspection report title and none of "
        "the judgement headings of the frameworks Kith knows, so nothing was imported."
    )


def _without_running_headers(lines: list[Line], vocabularies: list[Vocabulary]) -> list[Line]:
    """The lines without a page's running header or footer (a line repeated on page after page)."""
    counts: dict[str, int] = {}
    for line in lines:
        if not line.blank and not line.tabular:
            counts[line.text] = counts.get(line.text, 0) + 1
    repeated = {
        text
        for text, count in counts.items()
        if count >= RUNNING_HEADER_REPEATS
        and len(text) >= RUNNING_HEADER_LENGTH
        and not any(vocabulary.known_phrase(text) for vocabulary in vocabularies)
    }
    return [line for line in lines if line.text not in repeated] if repeated else lines


# --- the cross-check ---------------------------------------------------------------------------


def _cross_check(reading: Reading, table: list[TableRow], body: Grades) -> list[FoundJudgement]:
    """One judgement per area graded in the table or a section heading, in the framework's order."""
    framework = reading.framework
    if not framework.graded:
        return []
    graded_rows = {(row.strand, row.area.code): row for row in table if row.reading is not None}
    if not graded_rows and body:
        reading.warn(
            "Kith found no summary table of judgements, so the grades come from the section headings alone, with "
            "nothing to check them against."
        )
    if graded_rows and not body:
        reading.warn(
            "Kith found no graded section headings, so the summary table's grades could not be checked against the "
            "body of the report."
        )
    strands_with_grades = {strand for strand, _ in (*graded_rows, *body)}
    named_in_table = {(row.strand, row.area.code) for row in table}
    judgements = []
    for area in framework.areas:
        key = (area.strand, area.code)
        found = _judgement(reading, area, graded_rows.get(key), body.get(key))
        if found is not None:
            judgements.append(found)
        elif area.required and area.strand in strands_with_grades:
            reading.warn(_missing(reading, area, in_table=key in named_in_table))
    return judgements


def _judgement(
    reading: Reading, area: Area, row: TableRow | None, heading: tuple[GradeReading, Line] | None
) -> FoundJudgement | None:
    from_heading = heading[0] if heading is not None else None
    from_table = row.reading if row is not None else None
    if from_table is not None and from_heading is not None:
        if from_table.grade == from_heading.grade:
            return FoundJudgement(
                area.strand, area, from_table.grade, from_heading.words, "summary table and section heading"
            )
        reading.warn(
            f"{reading.where(area.strand, area)}: the summary table says {from_table.grade.label.lower()}, but the "
            f"section heading says “{from_heading.words}”. Kith recorded {from_table.grade.label.lower()}, from the "
            "summary table; check the published report."
        )
    if from_table is not None:
        return FoundJudgement(area.strand, area, from_table.grade, from_table.words, "summary table")
    if from_heading is not None:
        return FoundJudgement(area.strand, area, from_heading.grade, from_heading.words, "section heading")
    return None


def _missing(reading: Reading, area: Area, *, in_table: bool) -> str:
    where = "has a row for it but no grade" if in_table else "has no row for it"
    message = (
        f"{reading.where(area.strand, area)}: no grade found (the summary table {where}, and no section heading "
        "grades it), so none was imported."
    )
    for line in reading.strand_text.get(area.strand, []):
        said = reading.vocabulary.says(line.text, area)
        if said:
            paragraph = re.match(r"^(\d{1,3})\.", line.text)
            at = f" (paragraph {paragraph.group(1)})" if paragraph else ""
            grade = reading.vocabulary.grade_words[said].label.lower()
            return (
                f"{message} The text{at} says “{area.title.lower()} is {grade}”: record it by hand if the published "
                "report confirms it."
            )
    return message
