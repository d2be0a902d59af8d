"""The summary table of judgements: "Record of main findings", or the judgement table at the top of an ILACS report.

A table is a block that opens with a summary heading, or a run of two or more tabular
rows that each name an area and a grade. Rows come as cells (tabs or markdown pipes), as an
area and its grade on one line (a PDF's table), or as an area with its grade on the line
below. Strand rows ("Services for looked after children") start a strand's rows; the
framework checks them: a strand heading placed among the other strand's rows is reported
and not followed until a row shows the next strand has really begun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kith.inspection.frameworks import Area, Strand
from kith.inspection.reading.lines import Line
from kith.inspection.reading.vocabulary import GradeReading, Reading, whole


@dataclass
class TableRow:
    strand: str | None
    area: Area
    reading: GradeReading | None  # None for a row that only heads its sub-judgements
    line: Line


@dataclass
class SummaryTable:
    lines: set[int] = field(default_factory=set)  # indexes of the lines the table takes
    rows: list[TableRow] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)  # a council named in the table's heading


def contents_entry(line: Line) -> bool:
    """A line of a contents page: a heading and its page number ("Record of main findings<tab>32")."""
    return bool(re.search(r"(?:\t|\.{2,}|\s)\d{1,3}$", line.text)) and not re.search(r"\b(?:19|20)\d\d$", line.text)


def original_words(text: str, phrase: str) -> str:
    """The words of ``text`` that a plain ``phrase`` came from, with their own capitals and apostrophes."""
    pattern = r"[^A-Za-z0-9]+".join("['’]?".join(re.escape(letter) for letter in word) for word in phrase.split())
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else phrase.title()


def summary_table(reading: Reading) -> SummaryTable:
    table = SummaryTable()
    if not reading.framework.graded:
        return table
    lines = reading.lines
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = None if line.blank or contents_entry(line) else reading.vocabulary.summary_heading(whole(line))
        if heading is not None:
            named = heading.groupdict().get("authority")
            if named and not re.search(r"\d", named):
                table.authorities.append(original_words(line.text, named))
            end = _headed_block(reading, index + 1)
            table.lines |= set(range(index, end))
            table.rows += _StrandAssigner(reading).rows(range(index + 1, end))
            index = end
            continue
        end = _unheaded_block(reading, index)
        if end - index >= 2:
            table.lines |= set(range(index, end))
            table.rows += _StrandAssigner(reading).rows(range(index, end))
            index = end
            continue
        index += 1
    return table


def row_parts(reading: Reading, line: Line, *, in_table: bool) -> tuple[str, GradeReading | None] | None:
    """(label, grade) of a table row: its cells, or inside a table an area and grade on one line."""
    vocabulary = reading.vocabulary
    if line.tabular:
        for cell in line.cells[1:]:
            found = vocabulary.grade_of(cell) or (vocabulary.bare_number_grade(cell) if in_table else None)
            if found:
                return line.cells[0], found
        return line.cells[0], None
    if in_table:
        return line.text, vocabulary.split_row(line.text)
    return None


def _is_row(reading: Reading, line: Line) -> bool:
    parts = row_parts(reading, line, in_table=True)
    if parts is None:
        return False
    label, grade = parts
    vocabulary = reading.vocabulary
    known = vocabulary.row_area(label, None) is not None or vocabulary.strand(label) is not None
    return known or (line.tabular and grade is not None)


def _headed_block(reading: Reading, start: int) -> int:
    """The end (exclusive) of a headed table: rows, strand rows, grades on a line of their own, blank lines."""
    end = start
    for index in range(start, len(reading.lines)):
        line = reading.lines[index]
        if line.blank:
            continue
        if not (_is_row(reading, line) or reading.vocabulary.grade_of(line.text)):
            break
        end = index + 1
    return end


def _unheaded_block(reading: Reading, start: int) -> int:
    """The end of a run of tabular area-and-grade rows with no heading over them."""
    index = start
    while index < len(reading.lines):
        line = reading.lines[index]
        parts = row_parts(reading, line, in_table=False) if line.tabular else None
        if parts is None or parts[1] is None or reading.vocabulary.row_area(parts[0], None) is None:
            break
        index += 1
    return index


class _StrandAssigner:
    """Gives each row of one table its strand (see the module's docstring)."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.framework = reading.framework
        self.vocabulary = reading.vocabulary
        self.codes = [strand.code for strand in self.framework.strands]
        self.current: str | None = self.codes[0]
        self.seen: dict[str | None, set[str]] = {code: set() for code in self.codes}
        self.pending: Strand | None = None
        self.misplaced = False
        self.found: list[TableRow] = []

    def rows(self, indexes: range) -> list[TableRow]:
        waiting: tuple[Line, str] | None = None  # a row whose grade may be on the line below
        for index in indexes:
            line = self.reading.lines[index]
            if line.blank:
                continue
            label, grade = row_parts(self.reading, line, in_table=True) or (line.text, None)
            if not line.tabular and self.vocabulary.row_area(label, None) is None and not self.vocabulary.strand(label):
                below = grade or self.vocabulary.grade_of(line.text)
                if below is not None and waiting is not None:
                    self.found = [row for row in self.found if row.line is not waiting[0]]
                    self._forget(waiting[1])
                    self._row(*waiting, below)
                waiting = None
                continue
            waiting = (line, label) if grade is None and not line.tabular else None
            self._row(line, label, grade)
        return self.found

    def _forget(self, label: str) -> None:
        area = self.vocabulary.row_area(label, self.current)
        if area is not None:
            self.seen[self.current].discard(area.code)

    def _row(self, line: Line, label: str, grade: GradeReading | None) -> None:
        strand = self.vocabulary.strand(label) if self.framework.is_stranded else None
        if strand is not None and self.vocabulary.row_area(label, self.current) is None:
            self._strand_row(strand)
            return
        area = self._follow_pending(label)
        if area is None:
            self._elsewhere(line, label, grade)
            return
        if area.code in self.seen[self.current] and grade is not None and not self._next_strand(label):
            self.reading.warn(
                f"The summary table gives “{area.title}” ({self._strand_words(self.current)}) a second time; "
                "only the first was imported."
            )
            return
        area = self.vocabulary.row_area(label, self.current) or area
        self.seen[self.current].add(area.code)
        self.found.append(TableRow(self.current, area, grade, line))

    def _strand_row(self, strand: Strand) -> None:
        if not self.seen[self.current]:
            self.current = strand.code
        elif strand.code != self.current:
            self.pending, self.misplaced = strand, False

    def _follow_pending(self, label: str) -> Area | None:
        """The row's area, switching to a pending strand once a row shows it has begun."""
        here_match = self.vocabulary.row_match(label, self.current)
        here = here_match[1] if here_match else None
        if self.pending is None:
            return here
        there_match = self.vocabulary.row_match(label, self.pending.code)
        # "Service responsiveness including complaints" names safeguarding's area, not looked after's shorter one
        there = there_match[1] if there_match and (here_match is None or there_match[0] >= here_match[0]) else None
        if there and (here is None or here.code in self.seen[self.current] or not self.misplaced):
            self.current, self.pending = self.pending.code, None
            return there
        if here and there is None and not self.misplaced:
            self.misplaced = True
            first = self.pending.areas[0].title
            self.reading.warn(
                f"In the summary table, the heading “{self.pending.title}” comes before “{here.title}”, which the "
                f"framework has only under {self._strand_words(self.current)}: Kith kept the rows under "
                f"{self._strand_words(self.current)} until “{first}” starts the next strand. Check these rows "
                "against the published report."
            )
        return here

    def _next_strand(self, label: str) -> bool:
        """A repeated area ("Overall effectiveness" again) starts the next strand when there is one."""
        later = self.codes[self.codes.index(self.current) + 1 :]
        following = next((code for code in later if self.vocabulary.row_area(label, code)), None)
        if following is None or any(self.seen[code] for code in later):
            return False
        self.current, self.pending = following, None
        return True

    def _elsewhere(self, line: Line, label: str, grade: GradeReading | None) -> None:
        """A row the current strand does not have: another strand's, or not a judgement at all."""
        others = [code for code in self.codes if code != self.current and self.vocabulary.row_area(label, code)]
        if self.framework.is_stranded and len(others) == 1:
            area = self.vocabulary.row_area(label, others[0])
            assert area is not None
            self.reading.warn(
                f"In the summary table, “{label}” is under {self._strand_words(self.current)}, but the framework has "
                f"it only under {self._strand_words(others[0])}; Kith recorded it there."
            )
            self.seen[others[0]].add(area.code)
            self.found.append(TableRow(others[0], area, grade, line))
        elif grade is not None and self.vocabulary.strand(label) is None:
            self.reading.warn(
                f"The summary table has a row “{label}” graded {grade.grade.label.lower()}, which is not a judgement "
                f"of the {self.framework.title}; it was not imported."
            )

    def _strand_words(self, code: str | None) -> str:
        return self.framework.strand_title(code).lower() or "the report"
