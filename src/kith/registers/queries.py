"""Reading private fostering and the education registers: the register lists and a child's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, OuterRef, Prefetch, Q, QuerySet, Subquery

from kith.people.codes import PersonKind
from kith.people.models import Person
from kith.platform.calendar import add_months
from kith.platform.timescales.models import OPEN, Deadline
from kith.registers.models import (
    PrivateFosteringArrangement,
    PrivateFosteringOversight,
    PrivateFosteringVisit,
    RegisterCheck,
    RegisterEntry,
    RegisterKind,
)

FIRST_VISIT_CLOCK = "registers.private_fostering_first_visit"
VISIT_FIRST_YEAR_CLOCK = "registers.private_fostering_visit_first_year"
VISIT_AFTER_FIRST_YEAR_CLOCK = "registers.private_fostering_visit_after_first_year"
VISIT_CLOCKS = (FIRST_VISIT_CLOCK, VISIT_FIRST_YEAR_CLOCK, VISIT_AFTER_FIRST_YEAR_CLOCK)
CHECK_CLOCKS = {
    RegisterKind.MISSING_EDUCATION: "registers.missing_education_check",
    RegisterKind.HOME_EDUCATION: "registers.home_education_check",
}


def next_visit_clock(arrangement: PrivateFosteringArrangement, *, visited_on: date) -> str:
    """Every 6 weeks in the arrangement's first year, then every 12 (reg 8)."""
    in_first_year = visited_on < add_months(arrangement.started_on, 12)
    return VISIT_FIRST_YEAR_CLOCK if in_first_year else VISIT_AFTER_FIRST_YEAR_CLOCK


def open_deadlines(subject: Any, codes: tuple[str, ...] | list[str]) -> QuerySet[Deadline]:
    subject_type = ContentType.objects.get_for_model(subject)
    return Deadline.objects.filter(
        OPEN, timescale_code__in=list(codes), subject_type=subject_type, subject_id=str(subject.pk)
    )


def _open_due_dates(model: type[Any], codes: list[str], pks: list[int]) -> dict[int, date]:
    """The soonest due date of each subject's open clocks among ``codes``, in one query."""
    subject_type = ContentType.objects.get_for_model(model)
    due: dict[int, date] = {}
    rows = Deadline.objects.filter(
        OPEN, timescale_code__in=codes, subject_type=subject_type, subject_id__in=[str(pk) for pk in pks]
    ).values_list("subject_id", "due_on")
    for subject_id, due_on in rows:
        key = int(subject_id)
        due[key] = min(due_on, due.get(key, due_on))
    return due


@dataclass(frozen=True)
class RegisterRow:
    """One child on a register: when they were added, the last check or visit and when the next is due."""

    child: Person
    record: PrivateFosteringArrangement | RegisterEntry
    since: date
    last_on: date | None
    next_due_on: date | None
    as_of: date

    @property
    def overdue(self) -> bool:
        return self.next_due_on is not None and self.as_of > self.next_due_on


def private_fostering_register(visible: QuerySet[PrivateFosteringArrangement], *, on: date) -> list[RegisterRow]:
    """Open arrangements, the longest-standing first, with the last visit and the next visit due."""
    found = list(
        visible.filter(ended_on__isnull=True)
        .select_related("child", "carer")
        .annotate(last_visit_on=Max("visits__visited_on"))
        .order_by("notified_on", "pk")
    )
    due = _open_due_dates(PrivateFosteringArrangement, list(VISIT_CLOCKS), [row.pk for row in found])
    return [
        RegisterRow(
            child=row.child,
            record=row,
            since=row.notified_on,
            last_on=row.last_visit_on,
            next_due_on=due.get(row.pk),
            as_of=on,
        )
        for row in found
    ]


def education_register(visible: QuerySet[RegisterEntry], register: str, *, on: date) -> list[RegisterRow]:
    """Children on one education register, the longest-standing first, with the last check and the next due."""
    latest = RegisterCheck.objects.filter(entry=OuterRef("pk")).order_by("-checked_on", "-pk")
    found = list(
        visible.filter(register=register, removed_on__isnull=True)
        .select_related("child")
        .annotate(last_check_on=Subquery(latest.values("checked_on")[:1]))
        .order_by("added_on", "pk")
    )
    due = _open_due_dates(RegisterEntry, [CHECK_CLOCKS[RegisterKind(register)]], [row.pk for row in found])
    return [
        RegisterRow(
            child=row.child,
            record=row,
            since=row.added_on,
            last_on=row.last_check_on,
            next_due_on=due.get(row.pk),
            as_of=on,
        )
        for row in found
    ]


def arrangements_of(child: Person) -> QuerySet[PrivateFosteringArrangement]:
    return (
        PrivateFosteringArrangement.objects.filter(child=child)
        .select_related("carer", "recorded_by")
        .prefetch_related(
            "parents",
            "checks",
            Prefetch("visits", queryset=PrivateFosteringVisit.objects.select_related("recorded_by")),
            Prefetch("oversight", queryset=PrivateFosteringOversight.objects.select_related("decided_by")),
        )
    )


def entries_of(child: Person) -> QuerySet[RegisterEntry]:
    return (
        RegisterEntry.objects.filter(child=child)
        .select_related("recorded_by")
        .prefetch_related(Prefetch("checks", queryset=RegisterCheck.objects.select_related("recorded_by")))
    )


@dataclass(frozen=True)
class OnRecord:
    """What the case summary shows of this area (``registers/_on_record.html``)."""

    child: Person
    arrangement: PrivateFosteringArrangement | None
    entries: list[RegisterEntry]


def on_record(child: Person) -> OnRecord:
    return OnRecord(
        child=child,
        arrangement=PrivateFosteringArrangement.objects.filter(child=child, ended_on__isnull=True)
        .select_related("carer")
        .first(),
        entries=list(RegisterEntry.objects.filter(child=child, removed_on__isnull=True)),
    )


def adults_related_to(child: Person) -> QuerySet[Person]:
    """The adults with a recorded relationship to the child: who may be the carer or a parent."""
    return (
        Person.objects.filter(kind=PersonKind.ADULT)
        .filter(Q(relationships_from__relative=child) | Q(relationships_to__person=child))
        .distinct()
        .order_by("family_name", "given_name")
    )
