"""Who may see and change inspection records.

Leaders (service managers, heads of service) and quality assurance auditors hold
``MANAGE_INSPECTION_READINESS``: they import reports, read every inspection, run the
improvement plan and write the self-evaluation. The owner of a plan item may read that item
and record its progress, actions and evidence, whatever their role. Evidence that is a
child's record is linked, and shown, only to those who may see the child (``kith.people.access``).
Everything else answers 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from kith.inspection.models import Evidence, ImprovementPlan, Inspection, PlanAction, PlanItem
from kith.people.access import can_view_person, children_visible_to, has_capability, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability


def can_manage_inspections(user: Any) -> bool:
    return staff_of(user) is not None and has_capability(user, Capability.MANAGE_INSPECTION_READINESS)


def owns(user: Any, item: PlanItem) -> bool:
    staff = staff_of(user)
    return staff is not None and item.owner_id == staff.pk


def can_update_item(user: Any, item: PlanItem) -> bool:
    """Assign is for leaders; recording progress, actions and evidence is also for the item's owner."""
    return can_manage_inspections(user) or owns(user, item)


def can_link_child(user: Any, child: Person) -> bool:
    """A child's record may be evidence only for someone who may see that record."""
    return child.is_child and can_view_person(user, child)


def items_visible_to(user: Any) -> QuerySet[PlanItem]:
    if can_manage_inspections(user):
        return PlanItem.objects.all()
    staff = staff_of(user)
    if staff is None:
        return PlanItem.objects.none()
    return PlanItem.objects.filter(owner=staff)


def visible_evidence(user: Any, item: PlanItem) -> tuple[list[Evidence], int]:
    """The item's evidence the user may see, and how many links to children's records they may not."""
    evidence = list(item.evidence.select_related("child", "added_by"))
    linked = [found.child_id for found in evidence if found.child_id is not None]
    visible = set(children_visible_to(user).filter(pk__in=linked).values_list("pk", flat=True)) if linked else set()
    shown = [found for found in evidence if found.child_id is None or found.child_id in visible]
    return shown, len(evidence) - len(shown)


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1


def get_inspection_for_user_or_404(user: Any, pk: object) -> Inspection:
    if not can_manage_inspections(user):
        raise Http404("No such inspection")
    found = Inspection.objects.filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such inspection")
    return found


def get_plan_for_user_or_404(user: Any, pk: object) -> ImprovementPlan:
    if not can_manage_inspections(user):
        raise Http404("No such plan")
    found = ImprovementPlan.objects.select_related("inspection").filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such plan")
    return found


def get_item_for_user_or_404(user: Any, pk: object) -> PlanItem:
    found = items_visible_to(user).select_related("area", "plan__inspection", "owner").filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such item")
    return found


def get_action_for_user_or_404(user: Any, pk: object) -> PlanAction:
    found = PlanAction.objects.select_related("item").filter(pk=_as_pk(pk)).first()
    if found is None or not can_update_item(user, found.item):
        raise Http404("No such action")
    return found


def owned_open_items(user: Any) -> QuerySet[PlanItem]:
    staff = staff_of(user)
    if staff is None:
        return PlanItem.objects.none()
    return PlanItem.objects.filter(Q(owner=staff) & ~Q(status="complete"))
