"""Reading Ofsted inspection reports: text (or a PDF's text layer) in, the report's facts and findings out."""

from kith.inspection.reading.body import addressee_of
from kith.inspection.reading.errors import (
    EmptyReport,
    MissingFacts,
    NotAReport,
    NoTextLayer,
    NotText,
    ReportRejected,
    UnknownFramework,
)
from kith.inspection.reading.extract import text_of
from kith.inspection.reading.found import FoundImprovement, FoundJudgement, ReadReport
from kith.inspection.reading.report import read_report

__all__ = [
    "EmptyReport",
    "FoundImprovement",
    "FoundJudgement",
    "MissingFacts",
    "NoTextLayer",
    "NotAReport",
    "NotText",
    "ReadReport",
    "ReportRejected",
    "UnknownFramework",
    "addressee_of",
    "read_report",
    "text_of",
]
