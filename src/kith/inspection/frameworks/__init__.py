"""Ofsted's inspection frameworks, declared as data: one TOML file per framework in this folder.

A framework file names how its reports are recognised (title lines), its grade scale,
its strands (safeguarding, looked after children) and their judgement areas, with the
words reports use for each, its sections of findings (areas for improvement, what needs
to improve, areas for development) and the timescales those sections use. The importer
(``kith.inspection.reading``) and the pages read only these declarations: adding a
framework, or a wording a report uses, means adding data here, not code.

Every phrase is compared after :func:`plain`: lower case, ``&`` as "and", apostrophes
dropped, any other punctuation as a space, and a leading "the" dropped. Title and
summary-table patterns are regular expressions matched against a whole plain line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
COMPARISONS_FILE = "comparisons.toml"

_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


class FrameworkDataError(ValueError):
    """A framework file is malformed; the message names the file and the problem."""


def plain(text: str) -> str:
    """Text as framework phrases are compared: lower case, words and single spaces only, no leading "the"."""
    lowered = _APOSTROPHES.sub("", text.lower().replace("&", " and "))
    words = _NOT_WORD.sub(" ", lowered).strip()
    return words[4:] if words.startswith("the ") else words


@dataclass(frozen=True)
class Grade:
    code: str
    label: str
    rank: int  # 1 is the best grade of the scale
    number: int | None = None  # the framework's own grade number ("Grade 2"), when it has one
    meaning: str = ""
    words: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """The grade as the framework words it: "Good (grade 2)" or "Requires improvement to be good"."""
        return f"{self.label} (grade {self.number})" if self.number is not None else self.label


@dataclass(frozen=True)
class Area:
    code: str
    title: str
    strand: str | None
    aliases: tuple[str, ...]
    parent: str = ""
    # False for a section heading that reports grade only sometimes (a variant's outcomes heading).
    required: bool = True
    compare_as: tuple[str, ...] = ()

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every wording of the area, plain, longest first."""
        return tuple(sorted({plain(self.title), *(plain(alias) for alias in self.aliases)}, key=len, reverse=True))


@dataclass(frozen=True)
class Strand:
    code: str | None
    title: str
    headings: tuple[str, ...]
    areas: tuple[Area, ...]


@dataclass(frozen=True)
class Section:
    """A list of findings in a report: areas for improvement, strengths, areas for development…"""

    code: str
    title: str
    headings: tuple[str, ...]
    improvement: bool


@dataclass(frozen=True)
class Timescale:
    code: str
    title: str
    headings: tuple[str, ...]
    months: int


@dataclass(frozen=True)
class Framework:
    code: str
    title: str
    short_title: str
    legal_basis: str
    in_use: str
    first_used: date
    current: bool
    graded: bool
    description: str
    titles: tuple[re.Pattern[str], ...]
    authority_after_title: bool
    summary_tables: tuple[re.Pattern[str], ...]
    default_addressee: str
    grades: tuple[Grade, ...]
    strands: tuple[Strand, ...]
    sections: tuple[Section, ...]
    timescales: tuple[Timescale, ...]
    source: str = field(default="", compare=False)

    @property
    def is_stranded(self) -> bool:
        return any(strand.code is not None for strand in self.strands)

    @property
    def areas(self) -> tuple[Area, ...]:
        return tuple(area for strand in self.strands for area in strand.areas)

    def strand(self, code: str | None) -> Strand:
        for strand in self.strands:
            if strand.code == code:
                return strand
        raise KeyError(f"{self.code} has no strand {code!r}")

    def area(self, strand: str | None, code: str) -> Area:
        for area in self.strand(strand).areas:
            if area.code == code:
                return area
        raise KeyError(f"{self.code} has no area {code!r} in strand {strand!r}")

    def grade(self, code: str) -> Grade:
        for grade in self.grades:
            if grade.code == code:
                return grade
        raise KeyError(f"{self.code} has no grade {code!r}")

    def timescale(self, code: str) -> Timescale:
        for timescale in self.timescales:
            if timescale.code == code:
                return timescale
        raise KeyError(f"{self.code} has no timescale {code!r}")

    def section(self, code: str) -> Section:
        for section in self.sections:
            if section.code == code:
                return section
        raise KeyError(f"{self.code} has no section {code!r}")

    def strand_title(self, code: str | None) -> str:
        return self.strand(code).title if code is not None else ""


@dataclass(frozen=True)
class Comparison:
    """A row of the judgement history: judgements of different frameworks that answer the same question."""

    code: str
    title: str


# --- loading ---------------------------------------------------------------------------------


def _text(raw: dict[str, Any], key: str, where: str, *, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise FrameworkDataError(f"{where}: `{key}` must be a non-empty string")
    return value


def _phrases(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise FrameworkDataError(f"{where}: `{key}` must be a list of non-empty strings")
    return tuple(value)


def _patterns(raw: dict[str, Any], key: str, where: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in _phrases(raw, key, where):
        try:
            compiled.append(re.compile(pattern))
        except re.error as problem:
            raise FrameworkDataError(f"{where}: `{key}` pattern {pattern!r} is not valid: {problem}") from problem
    return tuple(compiled)


def _area(raw: dict[str, Any], strand: str | None, where: str) -> Area:
    code = _text(raw, "code", where)
    return Area(
        code=code,
        title=_text(raw, "title", f"{where} area {code}"),
        strand=strand,
        aliases=_phrases(raw, "aliases", f"{where} area {code}"),
        parent=_text(raw, "parent", f"{where} area {code}", default=""),
        required=bool(raw.get("required", True)),
        compare_as=_phrases(raw, "compare_as", f"{where} area {code}"),
    )


def _strands(raw: dict[str, Any], where: str) -> tuple[Strand, ...]:
    if "strands" in raw and "areas" in raw:
        raise FrameworkDataError(f"{where}: give either `strands` or `areas`, not both")
    if "strands" not in raw:
        areas = tuple(_area(item, None, where) for item in raw.get("areas", []))
        return (Strand(code=None, title="", headings=(), areas=areas),)
    strands = []
    for item in raw["strands"]:
        code = _text(item, "code", f"{where} strand")
        strands.append(
            Strand(
                code=code,
                title=_text(item, "title", f"{where} strand {code}"),
                headings=_phrases(item, "headings", f"{where} strand {code}"),
                areas=tuple(_area(area, code, f"{where} strand {code}") for area in item.get("areas", [])),
            )
        )
    return tuple(strands)


def _grades(raw: dict[str, Any], where: str) -> tuple[Grade, ...]:
    return tuple(
        Grade(
            code=_text(item, "code", f"{where} grade"),
            label=_text(item, "label", f"{where} grade"),
            rank=rank,
            number=item.get("number"),
            meaning=_text(item, "meaning", f"{where} grade", default=""),
            words=_phrases(item, "words", f"{where} grade"),
        )
        for rank, item in enumerate(raw.get("grades", []), start=1)
    )


def _check(framework: Framework, where: str) -> None:
    problems = []
    if framework.graded != bool(framework.grades):
        problems.append("a graded framework needs grades, and an ungraded one has none")
    if framework.graded and not framework.areas:
        problems.append("a graded framework needs judgement areas")
    if not framework.titles:
        problems.append("`titles` must name at least one title pattern")
    if not framework.sections:
        problems.append("`sections` must name at least one section of findings")
    for strand in framework.strands:
        codes = [area.code for area in strand.areas]
        if len(codes) != len(set(codes)):
            problems.append(f"area codes repeat in strand {strand.code}")
        problems += [
            f"area {area.code} names parent {area.parent!r}, which is not an area of its strand"
            for area in strand.areas
            if area.parent and area.parent not in codes
        ]
    listed: dict[str, list[str | None]] = {
        "grade": [grade.code for grade in framework.grades],
        "strand": [strand.code for strand in framework.strands],
        "section": [section.code for section in framework.sections],
        "timescale": [timescale.code for timescale in framework.timescales],
    }
    problems += [f"{label} codes repeat" for label, found in listed.items() if len(found) != len(set(found))]
    known = {comparison.code for comparison in comparisons()}
    problems += [
        f"area {area.code} compares as {code!r}, which {COMPARISONS_FILE} does not list"
        for area in framework.areas
        for code in area.compare_as
        if code not in known
    ]
    if problems:
        raise FrameworkDataError(f"{where}: " + "; ".join(problems))


def load(path: Path) -> Framework:
    """One framework from its TOML file, checked."""
    where = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as problem:
        raise FrameworkDataError(f"{where}: {problem}") from problem
    first_used = raw.get("first_used")
    if not isinstance(first_used, date):
        raise FrameworkDataError(f"{where}: `first_used` must be a date (2018-01-01)")
    framework = Framework(
        code=_text(raw, "code", where),
        title=_text(raw, "title", where),
        short_title=_text(raw, "short_title", where),
        legal_basis=_text(raw, "legal_basis", where),
        in_use=_text(raw, "in_use", where),
        first_used=first_used,
        current=bool(raw.get("current", False)),
        graded=bool(raw.get("graded", True)),
        description=_text(raw, "description", where),
        titles=_patterns(raw, "titles", where),
        authority_after_title=bool(raw.get("authority_after_title", False)),
        summary_tables=_patterns(raw, "summary_tables", where),
        default_addressee=_text(raw, "default_addressee", where),
        grades=_grades(raw, where),
        strands=_strands(raw, where),
        sections=tuple(
            Section(
                code=_text(item, "code", f"{where} section"),
                title=_text(item, "title", f"{where} section"),
                headings=_phrases(item, "headings", f"{where} section"),
                improvement=bool(item.get("improvement", False)),
            )
            for item in raw.get("sections", [])
        ),
        timescales=tuple(
            Timescale(
                code=_text(item, "code", f"{where} timescale"),
                title=_text(item, "title", f"{where} timescale"),
                headings=_phrases(item, "headings", f"{where} timescale"),
                months=int(item.get("months", 0)),
            )
            for item in raw.get("timescales", [])
        ),
        source=where,
    )
    _check(framework, where)
    return framework


@cache
def comparisons() -> tuple[Comparison, ...]:
    raw = tomllib.loads((HERE / COMPARISONS_FILE).read_text(encoding="utf-8"))
    return tuple(
        Comparison(code=_text(item, "code", COMPARISONS_FILE), title=_text(item, "title", COMPARISONS_FILE))
        for item in raw.get("comparisons", [])
    )


def load_all(folder: Path = HERE) -> tuple[Framework, ...]:
    """Every framework in ``folder``, oldest first; their codes must be unique."""
    found = [load(path) for path in sorted(folder.glob("*.toml")) if path.name != COMPARISONS_FILE]
    codes = [framework.code for framework in found]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise FrameworkDataError(f"Framework codes repeat: {', '.join(repeated)}")
    if sum(framework.current for framework in found) > 1:
        raise FrameworkDataError("Only one framework may be marked `current = true`")
    return tuple(sorted(found, key=lambda framework: (framework.first_used, framework.code)))


@cache
def all_frameworks() -> tuple[Framework, ...]:
    return load_all()


def get(code: str) -> Framework:
    for framework in all_frameworks():
        if framework.code == code:
            return framework
    raise KeyError(f"No inspection framework {code!r}")


def choices() -> list[tuple[str, str]]:
    return [(framework.code, framework.short_title) for framework in all_frameworks()]


def current() -> Framework:
    """The framework Ofsted inspects under now: self-evaluation is written against its judgements."""
    for framework in all_frameworks():
        if framework.current:
            return framework
    return all_frameworks()[-1]


def grade_words(code: str) -> str:
    """A grade code in words, whichever framework uses it ("requires improvement to be good")."""
    for framework in all_frameworks():
        for grade in framework.grades:
            if grade.code == code:
                return grade.label
    return code


def all_grades() -> list[tuple[str, str]]:
    """Every grade any framework uses, best first, each once: for searching the reference library."""
    seen: dict[str, tuple[int, str]] = {}
    for framework in all_frameworks():
        for grade in framework.grades:
            rank = min(seen.get(grade.code, (grade.rank, ""))[0], grade.rank)
            seen[grade.code] = (rank, grade.label)
    return [(code, label) for code, (_, label) in sorted(seen.items(), key=lambda item: (item[1][0], item[0]))]
