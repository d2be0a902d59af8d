"""The inspection area's activity: what each action writes in place of a child's chronology event.

Inspection readiness is about the service, not a child, so an action here has no child's
chronology to write to (``record_event`` needs at least one child). Each action writes one
``Activity`` entry instead, in the same transaction, and tells ``@action`` that its event is
written (docs/adr/0008). The codes and titles are registered here as chronology event types
are in other areas.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.inspection.models import Activity, Inspection, PlanItem
from kith.platform import clock
from kith.platform.actions import note_event_written
from kith.platform.activity import ACTIVITY_TYPES, ActivityType, register

if TYPE_CHECKING:
    from kith.platform.access.models import User


REPORT_IMPORTED = register("inspection.report_imported", "Inspection report imported")
PUBLICATION_DATE_SET = register("inspection.publication_date_set", "Publication date entered")
ITEM_ASSIGNED = register("inspection.item_assigned", "Owner and due date set")
ACTION_ADDED = register("inspection.action_added", "Action added")
ACTION_COMPLETED = register("inspection.action_completed", "Action completed")
PROGRESS_RECORDED = register("inspection.progress_recorded", "Progress recorded")
EVIDENCE_LINKED = register("inspection.evidence_linked", "Evidence linked")
SELF_EVALUATION_WRITTEN = register("inspection.self_evaluation_written", "Self-evaluation written")


def record_activity(
    kind: ActivityType,
    *,
    by: User,
    summary: str,
    occurred_on: date | None = None,
    inspection: Inspection | None = None,
    item: PlanItem | None = None,
) -> Activity:
    """Log what an action did; called by the action, inside its transaction."""
    entry = Activity.objects.create(
        code=kind.code,
        summary=summary[:300],
        inspection=inspection,
        item=item,
        recorded_by=by,
        recorded_at=clock.now(),
        occurred_on=occurred_on or clock.today(),
    )
    note_event_written()
    return entry


def title_of(code: str) -> str:
    found = ACTIVITY_TYPES.get(code)
    return found.title if found else code
