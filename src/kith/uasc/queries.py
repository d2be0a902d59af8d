"""Reading a child's UASC record: the current immigration status, and the date UASC status ceased as the 903 UASC
table takes it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from kith.platform import clock
from kith.uasc.models import ImmigrationStatusChange, UascRecord, eighteenth_birthday


def uasc_record(child: Any) -> UascRecord | None:
    record = UascRecord.objects.filter(child=child).first()
    if record is not None:
        record.child = child
    return record


def status_changes(record: UascRecord) -> QuerySet[ImmigrationStatusChange]:
    """The steps of the claim, oldest first."""
    return record.status_changes.order_by("changed_on", "pk")


def current_status(record: UascRecord) -> ImmigrationStatusChange | None:
    return record.status_changes.order_by("-changed_on", "-pk").first()


def date_uasc_ceased(record: UascRecord, *, on: date) -> date | None:
    """The 903 DUC as known on ``on``: the date recorded, else the 18th birthday once it has come (rule 304)."""
    if record.ceased_on is not None:
        return record.ceased_on
    born = record.child.date_of_birth
    if born is not None and eighteenth_birthday(born) <= on:
        return eighteenth_birthday(born)
    return None


def duc_903(record: UascRecord) -> date | None:
    """The 903 UASC table's DUC: the date UASC status ceased as recorded, else the 18th birthday even while it
    is still to come. The return holds every UASC child's DUC from the first year they are in it: a child in
    the table two years running must show their 18th birthday both times (rules 205B, 304)."""
    if record.ceased_on is not None:
        return record.ceased_on
    born = record.child.date_of_birth
    return eighteenth_birthday(born) if born is not None else None


def is_uasc_on(record: UascRecord, day: date) -> bool:
    """Whether the child was an unaccompanied asylum-seeking child on ``day`` (the 903 header's UASC flag)."""
    ceased = date_uasc_ceased(record, on=day)
    return record.became_uasc_on <= day and (ceased is None or day < ceased)


def uasc_records() -> QuerySet[UascRecord]:
    """Every UASC record with its child, for the 903 UASC table (the return keeps the children it reports)."""
    return UascRecord.objects.select_related("child").order_by("child_id")


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows: whether the child is UASC, the claim's latest step, when status ceased."""
    record = uasc_record(child)
    if record is None:
        return {"record": None}
    today = clock.today()
    born = child.date_of_birth
    return {
        "record": record,
        "current": current_status(record),
        "ceased_on": date_uasc_ceased(record, on=today),
        "is_uasc": is_uasc_on(record, today),
        "eighteenth_birthday": eighteenth_birthday(born) if born else None,
        "today": today,
    }
