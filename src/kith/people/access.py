"""Which people's records a user may see, and fetching one for a page (404 when not).

Scope comes from the user's role (``kith.platform.access.roles``):

* caseload and team: children allocated to me or held by my team;
* team hierarchy: children held by my team or any team beneath it;
* whole service: every child (front door, out of hours, IROs, analysts, auditors, LADO).
  Staff in a front-door or out-of-hours team have whole-service scope whatever their
  role, because they must check the history of any child who is referred.

On top of the children in scope, a user also reaches the people related to them
(parents, siblings, carers) and anyone they added who no team holds yet. Restricted records
(adoption, a colleague's family) are hidden from everyone in scope unless granted
to them by a manager, or opened through break-glass with a reason.
Every page that shows a record writes an access-log row; so does every refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.http import Http404

from kith.people.codes import PersonKind
from kith.people.models import Person, Relationship
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.models import AccessLogEntry, BreakGlassAccess, RestrictedAccessGrant
from kith.platform.access.record import log_access
from kith.platform.access.roles import Scope, capabilities_of, scope_of
from kith.workforce.models import Allocation, TeamKind

if TYPE_CHECKING:
    from kith.workforce.models import StaffMember

_WHOLE_SERVICE_TEAMS = frozenset({TeamKind.FRONT_DOOR, TeamKind.OUT_OF_HOURS})


def staff_of(user: Any) -> StaffMember | None:
    """The active staff record behind a signed-in user, or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    staff = getattr(user, "staff_member", None)
    if staff is None or not staff.is_active:
        return None
    return staff


def capabilities(user: Any) -> frozenset[Capability]:
    staff = staff_of(user)
    return capabilities_of(staff.role) if staff else frozenset()


def has_capability(user: Any, capability: Capability) -> bool:
    return capability in capabilities(user)


def scope_for(staff: StaffMember) -> Scope:
    if staff.team.kind in _WHOLE_SERVICE_TEAMS and scope_of(staff.role) is not Scope.NONE:
        return Scope.WHOLE_SERVICE
    return scope_of(staff.role)


def people_in_scope(user: Any) -> QuerySet[Person]:
    """Everyone the user's role and teams reach, before restrictions are applied."""
    staff = staff_of(user)
    if staff is None or Capability.VIEW_CHILD_RECORD not in capabilities_of(staff.role):
        return Person.objects.none()
    scope = scope_for(staff)
    if scope is Scope.WHOLE_SERVICE:
        return Person.objects.all()
    if scope is Scope.NONE:
        return Person.objects.none()
    current = Allocation.objects.filter(ended_on__isnull=True)
    held_children = _held_by(staff, scope).values("child_id")
    related_to_held = Relationship.objects.filter(ended_on__isnull=True).filter(
        Q(person_id=OuterRef("pk"), relative_id__in=held_children)
        | Q(relative_id=OuterRef("pk"), person_id__in=held_children)
    )
    # Someone the user added stays in reach only until a team holds them; from then on the
    # team's scope decides, so adding a child first never keeps their record open to you.
    added_and_not_yet_held = Q(added_by=user) & ~Q(pk__in=current.values("child_id"))
    return Person.objects.filter(Q(pk__in=held_children) | added_and_not_yet_held | Exists(related_to_held))


def _held_by(staff: StaffMember, scope: Scope) -> QuerySet[Allocation]:
    """The current allocations a caseload-and-team or team-hierarchy scope reaches."""
    current = Allocation.objects.filter(ended_on__isnull=True)
    if scope is Scope.CASELOAD_AND_TEAM:
        return current.filter(Q(worker=staff) | Q(team=staff.team))
    return current.filter(team__path__startswith=staff.team.path)


def people_visible_to(user: Any) -> QuerySet[Person]:
    """The people whose records the user may open now."""
    in_scope = people_in_scope(user)
    if not in_scope.query.is_empty():
        now = clock.now()
        granted = RestrictedAccessGrant.objects.filter(person=OuterRef("pk"), user=user, revoked_at__isnull=True)
        broken = BreakGlassAccess.objects.filter(person=OuterRef("pk"), user=user, expires_at__gt=now)
        in_scope = in_scope.filter(Q(is_restricted=False) | Exists(granted) | Exists(broken))
    return in_scope


def children_visible_to(user: Any) -> QuerySet[Person]:
    return people_visible_to(user).filter(kind=PersonKind.CHILD)


def can_view_person(user: Any, person: Person) -> bool:
    """Whether the user may open this record now: ``people_visible_to`` asked of one person.

    Every action asks this, so it is asked in small steps (usually two simple queries) rather than
    by compiling the whole scope as a subquery; ``test_can_view_person_agrees_with_people_visible_to``
    holds the two answers equal.
    """
    staff = staff_of(user)
    if staff is None or Capability.VIEW_CHILD_RECORD not in capabilities_of(staff.role):
        return False
    scope = scope_for(staff)
    if scope is Scope.NONE:
        return False
    # Read afresh (the caller's copy may predate a restriction, or the record may be gone), asking in
    # the same query whether the scope holds the person: the answer for most people most of the time.
    stored = Person.objects.filter(pk=person.pk)
    if scope is not Scope.WHOLE_SERVICE:
        stored = stored.annotate(held=Exists(_held_by(staff, scope).filter(child_id=OuterRef("pk"))))
    else:
        stored = stored.annotate(held=Value(True))
    row = stored.values_list("is_restricted", "added_by_id", "held").first()
    if row is None:
        return False
    is_restricted, added_by_id, held = row
    if not held and not _reaches_unheld(user, staff, scope, person.pk, added_by_id=added_by_id):
        return False
    if not is_restricted:
        return True
    granted = RestrictedAccessGrant.objects.filter(person_id=person.pk, user=user, revoked_at__isnull=True)
    broken = BreakGlassAccess.objects.filter(person_id=person.pk, user=user, expires_at__gt=clock.now())
    return granted.exists() or broken.exists()


def _reaches_unheld(user: Any, staff: StaffMember, scope: Scope, person_id: int, *, added_by_id: int | None) -> bool:
    """``people_in_scope`` for one person the scope does not hold: added by the user and held by no
    team yet, or related to a child the scope holds."""
    current = Allocation.objects.filter(ended_on__isnull=True)
    if added_by_id == user.pk and not current.filter(child_id=person_id).exists():
        return True
    held_children = _held_by(staff, scope).values("child_id")
    return (
        Relationship.objects.filter(ended_on__isnull=True)
        .filter(
            Q(person_id=person_id, relative_id__in=held_children)
            | Q(relative_id=person_id, person_id__in=held_children)
        )
        .exists()
    )


def can_record_on(user: Any, person: Person) -> bool:
    """Change a person's record: practitioners whose scope reaches the person."""
    return has_capability(user, Capability.RECORD_CASE_WORK) and can_view_person(user, person)


def can_add_person(user: Any) -> bool:
    return has_capability(user, Capability.ADD_PERSON)


def sees_by_right(user: Any, person: Person) -> bool:
    """The record is unrestricted, or the user holds a live grant: not merely break-glass.

    Only a restricted record costs a query. The caller has already checked the user may see it.
    """
    if not person.is_restricted:
        return True
    return RestrictedAccessGrant.objects.filter(person=person, user=user, revoked_at__isnull=True).exists()


def can_manage_restriction(user: Any, person: Person) -> bool:
    """Restrict a record, or grant and end access to it: a manager whose scope reaches the
    record and who sees it by right (unrestricted, or through a grant), never by break-glass."""
    if not (
        has_capability(user, Capability.GRANT_RESTRICTED_ACCESS) and has_capability(user, Capability.RECORD_CASE_WORK)
    ):
        return False
    if not people_in_scope(user).filter(pk=person.pk).exists():
        return False
    return sees_by_right(user, person)


def can_break_glass(user: Any, person: Person) -> bool:
    """Break-glass opens a restricted record the user's scope reaches (the page sends those who
    can already see it straight to the record)."""
    return person.is_restricted and people_in_scope(user).filter(pk=person.pk).exists()


def can_export_record(user: Any, person: Person) -> bool:
    """Download a whole record: by right only, never while holding it open through break-glass."""
    if not (has_capability(user, Capability.EXPORT_CHILD_RECORD) and can_view_person(user, person)):
        return False
    return sees_by_right(user, person)


def get_person_for_user_or_404(
    user: Any,
    person_id: object,
    *,
    page: str,
    what: str = AccessLogEntry.What.VIEW,
    allowed: Callable[[Any, Person], bool] | None = None,
) -> Person:
    """Fetch a record for a page, logging the access; 404 alike for missing and forbidden.

    ``allowed`` is the page's own check beyond seeing the record (may this user allocate,
    change details...): failing it is a refusal like any other. Refusals are logged too
    (with the person when the record exists), so probing for records shows up in the log.
    """
    requested = str(person_id)[:64]
    person = people_visible_to(user).filter(pk=_as_pk(person_id)).first()
    if person is not None and allowed is not None and not allowed(user, person):
        person = None
    if person is None:
        if getattr(user, "is_authenticated", False):
            exists = Person.objects.filter(pk=_as_pk(person_id)).first()
            log_access(user, person=exists, what=AccessLogEntry.What.REFUSED, page=page, requested_id=requested)
        raise Http404("No such record")
    log_access(
        user, person=person, what=what, page=page, requested_id=requested, break_glass=live_break_glass(user, person)
    )
    return person


def get_person_in_scope_or_404(user: Any, person_id: object, *, page: str) -> Person:
    """A record the user's scope reaches, restricted or not: for the break-glass page only.

    Nothing of the record is shown by this alone, so only a refusal is logged here;
    opening the record through break-glass is logged by the break-glass itself.
    """
    person = people_in_scope(user).filter(pk=_as_pk(person_id)).first()
    if person is None:
        exists = Person.objects.filter(pk=_as_pk(person_id)).first()
        log_access(user, person=exists, what=AccessLogEntry.What.REFUSED, page=page, requested_id=str(person_id)[:64])
        raise Http404("No such record")
    return person


def live_break_glass(user: Any, person: Person) -> BreakGlassAccess | None:
    if not person.is_restricted:
        return None
    return (
        BreakGlassAccess.objects.filter(person=person, user=user, expires_at__gt=clock.now())
        .order_by("-started_at")
        .first()
    )


def _as_pk(person_id: object) -> int:
    try:
        return int(str(person_id))
    except ValueError:
        return -1
