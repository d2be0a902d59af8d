"""The body of a report: strand headings, graded section headings, and the sections of findings.

A section of findings ("Areas for improvement", "What needs to improve?", "Areas for
development") runs from its heading to the next heading Kith knows, a numbered paragraph
after its items, a letter's closing, or a short unpunctuated line that reads as a heading.
Inside it, timescale headings ("Within three months") set the timescale of the items below
them. An item is a bulleted line, or a line with no bullet; an item whose sentence has not
ended runs on into the next line without a bullet (a page break or a wrap cut it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kith.inspection.frameworks import Area, Section, Timescale, plain
from kith.inspection.reading.found import FoundImprovement
from kith.inspection.reading.lines import Line
from kith.inspection.reading.vocabulary import GradeReading, Reading

# A short line of this many words at most, with no full stop, reads as a heading.
HEADING_WORDS = 12
_PARAGRAPH = re.compile(r"^\d{1,3}\.\s+\S")
_CLOSINGS = ("yours sincerely", "yours faithfully", "kind regards", "with best wishes")
_INTRO = re.compile(r"(?:following action|in order to improve|should take the following)", re.I)
_WHO = re.compile(
    r"^(?P<who>[A-Z][^.;:]{1,160}?)\s+(?:should|must|will need to|needs to|need to|is to|are to|to)\s+(?P<verb>[a-z]+)"
)
_PASSIVE = {"be", "been", "have", "has"}
_IMPERATIVES = frozenset(
    [
        "ensure",
        "improve",
        "make",
        "review",
        "develop",
        "provide",
        "put",
        "strengthen",
        "increase",
        "consider",
        "establish",
        "give",
        "keep",
        "monitor",
        "notify",
        "share",
        "collect",
        "enable",
        "widen",
        "resolve",
        "plan",
        "consolidate",
        "evaluate",
        "revise",
        "recruit",
        "meet",
        "bring",
        "complete",
        "record",
        "reduce",
        "secure",
    ]
)
_ORGANISATION_WORDS = frozenset(
    [
        "council",
        "authority",
        "board",
        "boards",
        "trust",
        "trusts",
        "partnership",
        "partners",
        "partner",
        "agencies",
        "agency",
        "panel",
        "police",
        "constabulary",
        "nhs",
        "officers",
        "officer",
        "commissioners",
        "commissioner",
        "providers",
        "provider",
        "team",
        "teams",
        "service",
        "services",
        "schools",
        "school",
        "hospital",
        "hospitals",
        "leaders",
        "managers",
        "director",
        "directors",
        "health",
        "cafcass",
        "committee",
        "group",
        "forum",
        "court",
        "courts",
        "practitioners",
        "chairs",
        "iros",
        "lscb",
        "hscb",
        "lsab",
        "ccg",
        "icb",
        "pct",
        "dcs",
    ]
)

Grades = dict[tuple[str | None, str], tuple[GradeReading, Line]]


def addressee_of(text: str) -> str | None:
    """Who an item names to act ("NHS Hartlepool in conjunction with the HSCB should ensure…"), or None.

    An item that starts with an instruction ("Ensure that…") or whose subject is a thing
    ("Care plans … should be improved", "Assessments should reflect…") names no one: it
    falls to the framework's default addressee (the local authority and its partners).
    """
    found = _WHO.match(text)
    if not found or found.group("verb") in _PASSIVE:
        return None
    who = found.group("who").strip()
    words = who.split()
    if len(words) > HEADING_WORDS or words[0].lower() in _IMPERATIVES or ("," in who and " and " not in who):
        return None
    named = any(
        re.sub(r"['’]s$", "", word.strip("()")).lower() in _ORGANISATION_WORDS
        or re.fullmatch(r"\(?[A-Z][A-Z&]{1,}\)?s?", word)
        or (position > 0 and word[:1].isupper())
        for position, word in enumerate(words)
    )
    return who if named else None


@dataclass
class _OpenSection:
    section: Section
    strand: str | None
    timescale: Timescale | None = None
    items: list[FoundImprovement] = field(default_factory=list)
    bulleted: bool = False
    runs_on: bool = False  # the last item's sentence has not ended

    def add(self, text: str, *, bullet: bool) -> None:
        text = " ".join(text.split())
        self.bulleted = self.bulleted or bullet
        self.runs_on = not Line(0, text).ends_sentence
        self.items.append(FoundImprovement(self.strand, self.section, self.timescale, addressee_of(text), text))

    def continue_last(self, text: str) -> None:
        last = self.items.pop()
        joined = " ".join(f"{last.text} {text}".split())
        self.runs_on = not Line(0, joined).ends_sentence
        self.items.append(FoundImprovement(last.strand, last.section, last.timescale, addressee_of(joined), joined))


@dataclass
class Body:
    grades: Grades = field(default_factory=dict)  # (strand, area) → the section heading's grade
    improvements: list[FoundImprovement] = field(default_factory=list)
    found_a_section: bool = False


class BodyReader:
    def __init__(self, reading: Reading, skip: set[int]) -> None:
        self.reading = reading
        self.vocabulary = reading.vocabulary
        self.framework = reading.framework
        self.skip = skip
        self.strand: str | None = None if self.framework.is_stranded else self.framework.strands[0].code
        self.open: _OpenSection | None = None
        self.body = Body()

    def read(self) -> Body:
        for index, line in enumerate(self.reading.lines):
            if index in self.skip:
                self._close()
            elif not line.blank and (self.open is not None or not line.tabular):
                self.reading.strand_text.setdefault(self.strand, []).append(line)
                self._line(index, line)
        self._close()
        return self.body

    def _line(self, index: int, line: Line) -> None:
        text = line.text
        if plain(text).startswith(_CLOSINGS):
            self._close()
            return
        if not line.bullet and self._heading(index, line):
            return
        if self.open is not None and not self._section_line(index, line):
            self._close()

    def _heading(self, index: int, line: Line) -> bool:
        """Take a strand, section, timescale or area heading; False when the line is none of them."""
        strand = self.vocabulary.strand(line.text) if self.framework.is_stranded else None
        if strand is not None:
            self._close()
            self.strand = strand.code
            return True
        section = self.vocabulary.section(line.text)
        if section is not None:
            self._open(section)
            return True
        timescale = self.vocabulary.timescale(line.text) if self.open is not None else None
        if self.open is not None and timescale is not None:
            self.open.timescale, self.open.runs_on = timescale[0], False
            if timescale[1]:
                self.open.add(timescale[1], bullet=False)
            return True
        areas, inline = self.vocabulary.heading(line.text, self.strand)
        if areas:
            self._close()
            self._record(areas, inline, index)
            return True
        return False

    def _open(self, section: Section) -> None:
        self._close()
        self.body.found_a_section = True
        self.open = _OpenSection(section, self.strand)
        if self.framework.is_stranded and self.strand is None and section.improvement:
            self.reading.warn(
                f"“{section.title}” comes before any strand heading, so its items have no strand; check them "
                "against the published report."
            )

    def _close(self) -> None:
        if self.open is None:
            return
        if not self.open.items:
            self.reading.warn(f"The section “{self.open.section.title}” has no items Kith could read.")
        target = self.body.improvements if self.open.section.improvement else self.reading.other_findings
        target.extend(self.open.items)
        self.open = None

    def _record(self, areas: list[Area], inline: GradeReading | None, index: int) -> None:
        if len(areas) > 1:
            return  # a heading before any strand heading that both strands have: it says nothing certain
        area = areas[0]
        found = inline or self._grade_below(index)
        if found is None:
            return
        where = self.reading.where(area.strand, area)
        if found.conflict is not None:
            self.reading.warn(
                f"{where}: the section heading says “{found.words}”, whose number and words disagree; Kith "
                f"recorded {found.grade.label.lower()}, from the words."
            )
        key = (area.strand, area.code)
        earlier = self.body.grades.get(key)
        if earlier is not None and earlier[0].grade != found.grade:
            self.reading.warn(
                f"{where}: two section headings give different grades (“{earlier[0].words}” and “{found.words}”); "
                "Kith kept the first."
            )
        self.body.grades.setdefault(key, (found, self.reading.lines[index]))

    def _grade_below(self, index: int) -> GradeReading | None:
        """The grade on the next line with text, when that line is a grade and nothing else ("Grade 2 (Good)")."""
        following = self.reading.next_text(index)
        if following is None or following.tabular:
            return None
        return self.vocabulary.grade_of(following.text)

    def _section_line(self, index: int, line: Line) -> bool:
        """Take one line of an open section of findings; False when the line ends the section."""
        assert self.open is not None
        text = line.text
        if line.tabular:
            return self._table_line(line)
        if not line.bullet and _PARAGRAPH.match(text):
            # the numbered paragraph that introduces the list; a later one is the narrative after it
            return not self.open.items
        if not line.bullet and not self.open.runs_on and (text.endswith(":") or _INTRO.search(text)):
            return True
        if not line.bullet and not self.open.runs_on and _heading_like(line):
            following = self.reading.next_text(index)
            if not (self.open.bulleted and following is not None and following.bullet):
                return False
        if self.open.runs_on and not line.bullet and self.open.items:
            self.open.continue_last(text)
        else:
            self.open.add(text, bullet=line.bullet)
        return True

    def _table_line(self, line: Line) -> bool:
        """A row of a table of findings: "Within three months<tab>Ensure that…"."""
        assert self.open is not None
        cells = list(line.cells)
        timescale = self.vocabulary.timescale(cells[0])
        if timescale is not None:
            self.open.timescale = timescale[0]
            cells = cells[1:]
        if cells:
            self.open.add(" ".join(cells), bullet=False)
        return True


def _heading_like(line: Line) -> bool:
    return len(line.text.split()) <= HEADING_WORDS and not line.ends_sentence and line.text[:1].isupper()
