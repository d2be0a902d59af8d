"""A framework's phrases, for recognising headings, table rows and grades in a report's lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kith.inspection.frameworks import Area, Framework, Grade, Section, Strand, Timescale, plain
from kith.inspection.reading.found import FoundImprovement
from kith.inspection.reading.lines import Line

_NUMBERING = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]|\(\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*\))\s+", re.I)


def strip_numbering(text: str) -> str:
    """A heading without its list number: "4. Outcomes", "a. The effectiveness…", "(b) Staying safe"."""
    return _NUMBERING.sub("", text, count=1)


def whole(line: Line) -> str:
    """The line's text, a table row's cells joined by spaces."""
    return " ".join(line.cells) if line.tabular else line.text


@dataclass(frozen=True)
class GradeReading:
    grade: Grade
    words: str  # as the report wrote it
    conflict: Grade | None = None  # the grade its number gives, when its words give another


class Vocabulary:
    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        words = sorted(
            ((plain(word), grade) for grade in framework.grades for word in {*grade.words, grade.label}),
            key=lambda item: len(item[0]),
            reverse=True,
        )
        self.grade_words = dict(words)
        alternatives = "|".join(re.escape(word) for word, _ in words)
        grade_phrase = rf"grade [1-9](?: (?:{alternatives}))?|(?:{alternatives})(?: grade [1-9])?"
        self._inline = re.compile(rf"^(?P<title>.+?) (?P<grade>{grade_phrase})$") if words else None
        self._says = (
            re.compile(rf"(?:is|are|was|were) (?:judged )?(?:to be )?(?P<grade>{alternatives})\b") if words else None
        )
        self._strands = {strand.code: {plain(h) for h in strand.headings} for strand in framework.strands}
        self._sections = {s.code: {plain(h) for h in (*s.headings, s.title)} for s in framework.sections}
        self._timescales = {t.code: {plain(h) for h in (*t.headings, t.title)} for t in framework.timescales}

    # --- grades

    def grade_of(self, text: str) -> GradeReading | None:
        """The grade a cell or line states, when that is all it states ("Grade 2 (Good)", "outstanding")."""
        words = plain(text)
        number_grade = None
        numbered = re.search(r"\bgrade ([1-9])\b", words)
        if numbered:
            number_grade = next((g for g in self.framework.grades if g.number == int(numbered.group(1))), None)
            if number_grade is None:
                return None
            words = (words[: numbered.start()] + words[numbered.end() :]).strip()
        words = re.sub(r"^(?:overall )?(?:judgement|rating)(?: is)?\s*", "", words).strip()
        word_grade = self.grade_words.get(words) if words else None
        if words and word_grade is None:
            return None
        grade = word_grade or number_grade
        if grade is None:
            return None
        conflict = number_grade if number_grade is not None and number_grade != grade else None
        return GradeReading(grade, " ".join(text.split()).strip(" .:"), conflict)

    def bare_number_grade(self, text: str) -> GradeReading | None:
        """A grade written as its number alone ("2"): accepted only inside a summary table."""
        if not re.fullmatch(r"\s*[1-9]\s*", text):
            return None
        grade = next((g for g in self.framework.grades if g.number == int(text)), None)
        return GradeReading(grade, text.strip()) if grade else None

    # --- areas

    def areas_of(self, strand: str | None) -> tuple[Area, ...]:
        if strand is None and self.framework.is_stranded:
            return self.framework.areas
        return self.framework.strand(strand).areas

    def heading(self, text: str, strand: str | None) -> tuple[list[Area], GradeReading | None]:
        """A section heading: the areas it names exactly, and the grade on the same line, if any."""
        phrase = plain(strip_numbering(text))
        exact = [area for area in self.areas_of(strand) if phrase in area.phrases]
        if exact or self._inline is None:
            return exact, None
        match = self._inline.match(phrase)
        if not match:
            return [], None
        areas = [area for area in self.areas_of(strand) if match.group("title") in area.phrases]
        if not areas:
            return [], None
        return areas, self.grade_of(_grade_tail(text, match.group("grade")))

    def row_area(self, label: str, strand: str | None) -> Area | None:
        """The area a table row's label names: the longest wording it equals or starts with."""
        found = self.row_match(label, strand)
        return found[1] if found else None

    def row_match(self, label: str, strand: str | None) -> tuple[int, Area] | None:
        """(how many letters of the label the wording matched, the area) for a table row's label."""
        phrase = plain(strip_numbering(label))
        best: tuple[int, Area] | None = None
        for area in self.areas_of(strand):
            for wording in area.phrases:
                if (phrase == wording or phrase.startswith(wording + " ")) and (best is None or len(wording) > best[0]):
                    best = (len(wording), area)
        return best

    def split_row(self, text: str) -> GradeReading | None:
        """The grade at the end of a table row that lost its cells ("Overall effectiveness Good", from a PDF)."""
        if self._inline is None:
            return None
        match = self._inline.match(plain(strip_numbering(text)))
        if not match or self.row_area(match.group("title"), None) is None:
            return None
        return self.grade_of(_grade_tail(text, match.group("grade")))

    def says(self, text: str, area: Area) -> str | None:
        """The grade word a sentence gives the area ("Value for money is good"), if it does."""
        if self._says is None:
            return None
        words = plain(text)
        for wording in area.phrases:
            found = re.search(rf"\b{re.escape(wording)} ", words)
            said = self._says.match(words, found.end()) if found else None
            if said:
                return said.group("grade")
        return None

    # --- strands, sections, timescales, summary tables

    def strand(self, text: str) -> Strand | None:
        phrase = plain(strip_numbering(text))
        return next((s for s in self.framework.strands if s.code is not None and phrase in self._strands[s.code]), None)

    def section(self, text: str) -> Section | None:
        phrase = plain(strip_numbering(text))
        return next((s for s in self.framework.sections if phrase in self._sections[s.code]), None)

    def timescale(self, text: str) -> tuple[Timescale, str] | None:
        """A timescale heading, and any item written after it on the same line ("Within three months: …")."""
        head, _, rest = text.partition(":")
        for candidate, after in ((text, ""), (head, rest)):
            phrase = plain(strip_numbering(candidate))
            for timescale in self.framework.timescales:
                if phrase in self._timescales[timescale.code]:
                    return timescale, after.strip()
        return None

    def summary_heading(self, text: str) -> re.Match[str] | None:
        phrase = plain(text)
        return next((m for pattern in self.framework.summary_tables if (m := pattern.fullmatch(phrase))), None)

    def known_phrase(self, text: str) -> bool:
        """Whether the line is one of the framework's headings or grades (so not a running header)."""
        return bool(
            self.heading(text, None)[0]
            or self.strand(text)
            or self.section(text)
            or self.timescale(text)
            or self.grade_of(text)
            or self.summary_heading(text)
        )

    def evidence(self, lines: list[Line]) -> int:
        """How many of the framework's areas and sections the report names as headings or table rows."""
        named: set[tuple[str | None, str]] = set()
        for line in lines:
            if line.blank:
                continue
            label = line.cells[0] if line.tabular else line.text
            named |= {(area.strand, area.code) for area in self.heading(label, None)[0]}
            section = self.section(label)
            if section:
                named.add(("section", section.code))
        return len(named)


def _grade_tail(text: str, plain_grade: str) -> str:
    """The report's own words at the end of ``text`` that the plain grade phrase came from ("Grade 2 (Good)")."""
    words = list(re.finditer(r"[A-Za-z0-9]+", text))
    count = len(plain_grade.split())
    if count > len(words):
        return plain_grade
    return text[words[-count].start() :].strip(" .:;")


@dataclass
class Reading:
    """One report being read: its lines, its framework's vocabulary, and what has been found so far."""

    lines: list[Line]
    vocabulary: Vocabulary
    warnings: list[str] = field(default_factory=list)
    # the body's lines under each strand: the cross-check quotes them for an area with no grade
    strand_text: dict[str | None, list[Line]] = field(default_factory=dict)
    other_findings: list[FoundImprovement] = field(default_factory=list)

    @property
    def framework(self) -> Framework:
        return self.vocabulary.framework

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def where(self, strand: str | None, area: Area) -> str:
        """ "Safeguarding services, Overall effectiveness", or the area alone in a framework with no strands."""
        strand_title = self.framework.strand_title(strand)
        return f"{strand_title}, {area.title}" if strand_title else area.title

    def next_text(self, index: int) -> Line | None:
        return next((line for line in self.lines[index + 1 :] if not line.blank), None)
