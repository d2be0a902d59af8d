"""Reads for the returns page: the runs with their latest validation and downloads, a run's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case, Prefetch, QuerySet, Value, When
from django.utils.timezone import localtime

from kith.returns import events, kinds
from kith.returns.models import ReturnActivity, ReturnDownload, ReturnRun, ReturnValidation, Severity, ValidationIssue


def runs() -> QuerySet[ReturnRun]:
    """Every run, newest first, without the files, with who generated them, their validations and downloads."""
    return (
        ReturnRun.objects.defer("content")
        .select_related("generated_by")
        .prefetch_related(
            Prefetch("validations", queryset=ReturnValidation.objects.select_related("validated_by")),
            Prefetch("downloads", queryset=ReturnDownload.objects.select_related("downloaded_by")),
        )
    )


def latest_validation(run: ReturnRun) -> ReturnValidation | None:
    """The run's latest validation (from the prefetched ones when the run came from ``runs()``)."""
    found = list(run.validations.all())
    return found[0] if found else None


# The order a validation's issues are shown in: what the council must put right first.
SHOWN_IN_ORDER = (Severity.ERROR, Severity.QUERY, Severity.CANNOT_BE_MET, Severity.NOT_RUN)


def issues_of(validation: ReturnValidation) -> QuerySet[ValidationIssue]:
    """Errors first, then queries, then issues no record can meet, then rules that failed to run; in the
    validator's order within each."""
    place = Case(*(When(severity=severity, then=Value(i)) for i, severity in enumerate(SHOWN_IN_ORDER)))
    return validation.issues.order_by(place, "pk")


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    who: str
    what: str


def history_of(run: ReturnRun) -> list[HistoryEntry]:
    """Everything that happened to the run, oldest first: generated, each validation, each download."""
    entries = [
        HistoryEntry(entry.recorded_at, _name(entry.recorded_by), f"{events.title_of(entry.code)}: {entry.summary}")
        for entry in ReturnActivity.objects.filter(run=run).select_related("recorded_by__staff_member")
    ]
    entries += [
        HistoryEntry(download.downloaded_at, download.downloaded_by.full_name, f"Downloaded {run.file_name}")
        for download in ReturnDownload.objects.filter(run=run).select_related("downloaded_by")
    ]
    return sorted(entries, key=lambda entry: localtime(entry.at))


def _name(user: object) -> str:
    staff = getattr(user, "staff_member", None)
    return staff.full_name if staff is not None else str(user)


def describe(run: ReturnRun) -> str:
    return f"{kinds.title_of(run.kind)}, {run.period_label}"


def how_many(count: int, one: str, many: str) -> str:
    """ "1 child", "2 children": counts in the page's sentences read as English."""
    return f"{count:,} {one if count == 1 else many}"
