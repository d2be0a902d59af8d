"""Why a file was not imported. Each message is written for the person who chose the file."""

from __future__ import annotations


class ReportRejected(ValueError):
    """The file cannot be imported as an inspection report; nothing was imported."""


class EmptyReport(ReportRejected):
    pass


class NotText(ReportRejected):
    pass


class NoTextLayer(ReportRejected):
    pass


class NotAReport(ReportRejected):
    pass


class UnknownFramework(ReportRejected):
    pass


class MissingFacts(ReportRejected):
    """A report of a known framework, but without a fact Kith needs (the council, the dates)."""
