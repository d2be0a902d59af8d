"""What the reader finds in a report, and the object ``kith inspection import FILE --json`` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kith.inspection.frameworks import Area, Framework, Grade, Section, Timescale
from kith.inspection.reading.authorities import authority_key


@dataclass(frozen=True)
class FoundJudgement:
    strand: str | None
    area: Area
    grade: Grade
    words: str  # the report's own words for the grade: "Grade 2 (Good)", "Outstanding"
    source: str  # "summary table", "section heading" or "summary table and section heading"


@dataclass(frozen=True)
class FoundImprovement:
    strand: str | None
    section: Section
    timescale: Timescale | None
    addressee: str | None
    text: str


@dataclass
class ReadReport:
    framework: Framework
    title: str
    authority: str
    inspection_start: date
    inspection_end: date
    published: date | None
    lead_inspector: str
    judgements: list[FoundJudgement]
    improvements: list[FoundImprovement]
    warnings: list[str]
    text: str
    # the items of sections that are not for improvement (a letter's strengths), kept for reference
    other_findings: list[FoundImprovement] = field(default_factory=list)

    @property
    def authority_key(self) -> str:
        return authority_key(self.authority)

    def as_json(self) -> dict[str, Any]:
        """Exactly the object ``kith inspection import FILE --json`` prints (dates as ISO strings)."""
        return {
            "authority": self.authority,
            "framework": self.framework.code,
            "inspection_start": self.inspection_start.isoformat(),
            "inspection_end": self.inspection_end.isoformat(),
            "published": self.published.isoformat() if self.published else None,
            "judgements": [
                {"strand": found.strand, "area": found.area.title, "grade": found.grade.code}
                for found in self.judgements
            ],
            "improvements": [
                {
                    "strand": found.strand,
                    "timescale": found.timescale.code if found.timescale else None,
                    "addressee": found.addressee,
                    "text": found.text,
                }
                for found in self.improvements
            ],
            "warnings": list(self.warnings),
        }
