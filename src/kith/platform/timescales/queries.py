"""Set-based reads of deadlines and local standards, for work trays, KPIs and returns alike."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Case, F, Q, QuerySet, Value, When

from kith.platform.timescales.engine import DeadlineStatus
from kith.platform.timescales.models import OPEN, Deadline, LocalStandard
from kith.platform.timescales.types import Limit, WorkingDays

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class StatusColumn(TypedDict):
    status: str


def open_deadlines_for_child(child: Any) -> QuerySet[Deadline]:
    """The child's clocks still running (neither met nor cancelled), soonest due first."""
    return Deadline.objects.filter(OPEN, child=child).order_by("due_on", "pk")


def deadlines_for_children(child_ids: Iterable[int]) -> QuerySet[Deadline]:
    """Every deadline, open or closed, of the children with these ids: one query for a caseload."""
    return Deadline.objects.filter(child_id__in=list(child_ids)).order_by("child_id", "due_on", "pk")


def with_status(
    deadlines: QuerySet[Deadline],
    *,
    on: date,
    due_soon_within: Limit = WorkingDays(2),  # noqa: B008 -- a frozen value, safe as a default
) -> QuerySet[WithAnnotations[Deadline, StatusColumn]]:
    """``deadlines`` with a ``status`` column (a ``DeadlineStatus`` value) as it stood on ``on``.

    The same rules as ``engine.status_on``, worked out in the database so a whole
    caseload or authority is counted in one query.
    """
    soon = due_soon_within.due_from(on)
    met_by_then = Q(met_on__isnull=False, met_on__lte=on)
    return deadlines.annotate(
        status=Case(
            When(met_by_then & Q(met_on__lte=F("due_on")), then=Value(DeadlineStatus.MET_IN_TIME.value)),
            When(met_by_then, then=Value(DeadlineStatus.MET_LATE.value)),
            When(cancelled_on__isnull=False, cancelled_on__lte=on, then=Value(DeadlineStatus.CANCELLED.value)),
            When(paused=True, then=Value(DeadlineStatus.PAUSED.value)),
            When(due_on__lt=on, then=Value(DeadlineStatus.OVERDUE.value)),
            When(due_on__lte=soon, then=Value(DeadlineStatus.DUE_SOON.value)),
            default=Value(DeadlineStatus.DUE.value),
        )
    )


def local_limit(code: str) -> Limit | None:
    """The council's active local standard for ``code``, or None when it has not set one."""
    standard = LocalStandard.objects.filter(timescale_code=code, active=True).first()
    return None if standard is None else standard.limit


def local_limits() -> dict[str, Limit]:
    """Every active local standard by timescale code, in one query."""
    return {standard.timescale_code: standard.limit for standard in LocalStandard.objects.filter(active=True)}
