"""Who may see and record allegations against people who work with children.

The LADO records allegations, decisions and outcomes (the ``RECORD_LADO_ALLEGATION``
capability). Managers may read the allegations about children they may see. Nobody
else sees the allegation list; practitioners see only the key events on each child's
chronology, which name the role and employer, not the person.

An allegation is visible when at least one child it affects is visible to the user;
the pages name only those children, and the LADO acts on an allegation only when every
child it affects is visible to them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kith.lado.models import Allegation
from kith.people.access import can_view_person, children_visible_to, has_capability, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.record import log_access
from kith.platform.access.roles import MANAGER_ROLES


def can_record_allegations(user: Any) -> bool:
    return has_capability(user, Capability.RECORD_LADO_ALLEGATION)


def can_record_allegation(user: Any, child: Person) -> bool:
    """Name this child as affected by an allegation: the LADO, for a child they may see."""
    return child.is_child and can_record_allegations(user) and can_view_person(user, child)


def can_view_allegations(user: Any) -> bool:
    staff = staff_of(user)
    return staff is not None and (can_record_allegations(user) or staff.role in MANAGER_ROLES)


def allegations_visible_to(user: Any) -> QuerySet[Allegation]:
    if not can_view_allegations(user):
        return Allegation.objects.none()
    return Allegation.objects.filter(
        pk__in=Allegation.objects.filter(children__in=children_visible_to(user)).values("pk")
    )


def visible_children_of(user: Any, allegation: Allegation) -> list[Person]:
    return list(children_visible_to(user).filter(lado_allegations=allegation))


def can_manage_allegation(user: Any, allegation: Allegation) -> bool:
    """Record a decision or the outcome: the LADO, when every child the allegation affects is visible to them."""
    if not can_record_allegations(user):
        return False
    affected = allegation.children.values("pk")
    return not affected.exclude(pk__in=children_visible_to(user).values("pk")).exists()


def get_allegation_for_user_or_404(user: Any, pk: object, *, page: str, manage: bool = False) -> Allegation:
    """The allegation, or a 404 alike for missing and forbidden; each child it names to the user is logged."""
    allegation = allegations_visible_to(user).filter(pk=_as_pk(pk)).first()
    if allegation is not None and manage and not can_manage_allegation(user, allegation):
        allegation = None
    if allegation is None:
        if getattr(user, "is_authenticated", False):
            log_access(user, person=None, what=AccessLogEntry.What.REFUSED, page=page, requested_id=str(pk)[:64])
        raise Http404("No such allegation")
    for child in visible_children_of(user, allegation):
        log_access(user, person=child, what=AccessLogEntry.What.VIEW, page=page, requested_id=str(pk)[:64])
    return allegation


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1
