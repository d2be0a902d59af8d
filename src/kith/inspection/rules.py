"""What makes inspection-readiness records acceptable, and how an item's due date follows from its timescale.

Pure checks: each message names the dates it compares.
"""

from __future__ import annotations

from datetime import date

from kith.inspection.frameworks import Framework
from kith.inspection.models import Rag
from kith.platform.calendar.working_days import add_months, long_date

Problems = dict[str, list[str]]
LINK_STARTS = ("https://", "http://", "/")


def _add(problems: Problems, field: str, message: str) -> None:
    problems.setdefault(field, []).append(message)


def _required(problems: Problems, field: str, value: str, message: str) -> None:
    if not value.strip():
        _add(problems, field, message)


def _not_in_future(problems: Problems, field: str, label: str, value: date, today: date) -> None:
    if value > today:
        _add(problems, field, f"{label} ({long_date(value)}) must be today or in the past")


def _not_before(problems: Problems, field: str, label: str, value: date, earlier_label: str, earlier: date) -> None:
    if value < earlier:
        _add(problems, field, f"{label} ({long_date(value)}) cannot be before {earlier_label} ({long_date(earlier)})")


def due_date(framework: Framework, timescale: str, published: date | None) -> tuple[date | None, str]:
    """When an item is due, and why: its timescale counted from the report's publication.

    "Immediately" is due on the publication date; "within three months" three calendar
    months after it (the month's last day when it is shorter). An item with no timescale,
    or a report with no publication date yet, has no due date until someone sets one.
    """
    if not timescale:
        return None, "The report sets no timescale: the owner sets the due date."
    title = framework.timescale(timescale).title
    if published is None:
        return None, f"{title} of publication, and the report gives no publication date yet."
    months = framework.timescale(timescale).months
    if months == 0:
        return published, f"{title}: due on the date the report was published ({long_date(published)})."
    due = add_months(published, months)
    return due, f"{title} of publication on {long_date(published)}."


def publication_problems(*, published: date, inspection_end: date, today: date) -> Problems:
    problems: Problems = {}
    _not_in_future(problems, "published", "The publication date", published, today)
    _not_before(
        problems, "published", "The publication date", published, "the last day of the inspection", inspection_end
    )
    return problems


def assignment_problems(*, owner_is_active: bool, due_on: date | None, published: date | None) -> Problems:
    problems: Problems = {}
    if not owner_is_active:
        _add(problems, "owner", "Select a member of staff who still works here")
    if due_on is not None and published is not None:
        _not_before(problems, "due_on", "The due date", due_on, "the report's publication", published)
    return problems


def action_problems(*, description: str) -> Problems:
    problems: Problems = {}
    _required(problems, "description", description, "Enter what will be done")
    return problems


def action_completion_problems(*, completed_on: date, added_on: date, already: date | None, today: date) -> Problems:
    problems: Problems = {}
    if already is not None:
        _add(problems, "completed_on", f"This action was already completed on {long_date(already)}")
        return problems
    _not_in_future(problems, "completed_on", "The date it was completed", completed_on, today)
    _not_before(problems, "completed_on", "The date it was completed", completed_on, "the date it was added", added_on)
    return problems


def progress_problems(
    *, status: str, note: str, written_on: date, published_or_ended: date, completed_on: date | None, today: date
) -> Problems:
    problems: Problems = {}
    if status not in Rag.values:
        _add(problems, "status", "Select where the item stands")
    _required(problems, "note", note, "Enter what has happened since the last update")
    _not_in_future(problems, "written_on", "The date of the update", written_on, today)
    _not_before(
        problems, "written_on", "The date of the update", written_on, "the end of the inspection", published_or_ended
    )
    if completed_on is not None:
        _add(problems, "status", f"This item was completed on {long_date(completed_on)}; nothing more is recorded")
    return problems


def evidence_problems(*, description: str, url: str, has_child: bool) -> Problems:
    problems: Problems = {}
    _required(problems, "description", description, "Enter what the evidence shows")
    if bool(url.strip()) == has_child:
        _add(problems, "url", "Give either a link or a child's Kith ID, not both")
    if url.strip() and not url.strip().startswith(LINK_STARTS):
        _add(problems, "url", "Enter a link that starts with https://, http:// or / (a page of Kith)")
    return problems


def self_evaluation_problems(*, text: str, known_area: bool) -> Problems:
    problems: Problems = {}
    if not known_area:
        _add(problems, "area", "Select a judgement area of the framework")
    _required(problems, "text", text, "Enter your evaluation")
    return problems
