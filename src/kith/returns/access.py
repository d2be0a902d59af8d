"""Who may produce the statutory returns and see the data-quality view; which children they see there.

Performance analysts, managers and senior leaders hold ``PRODUCE_RETURNS`` and see the
data-quality view. A return holds every child of the authority, so generating, validating and
downloading one is for those whose scope already reaches every child: analysts and the managers of
the whole service, not team managers. Everyone else is answered 404, as for a record they may not
see (docs/adr/0005).

A return covers the whole authority, but a child's record in it is still a child's record: a
validation issue links to the child only for someone who may see them, and the data-quality view
lists only the children the user's scope reaches (``kith.people.access``: a team manager their
teams' children, an analyst the whole service). Every download is logged (``ReturnDownload``),
as every export of a record is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from kith.people.access import children_visible_to, has_capability, people_visible_to, scope_for, staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import Scope
from kith.returns.models import ReturnDownload, ReturnRun


def can_produce_returns(user: Any) -> bool:
    """Generate, validate and download a return: it holds every child of the authority, so only for
    those whose scope already reaches every child (an analyst, a manager of the whole service), never
    a team manager, whose scope is their team."""
    staff = staff_of(user)
    if staff is None or not has_capability(user, Capability.PRODUCE_RETURNS):
        return False
    scope = scope_for(staff)
    return scope is Scope.WHOLE_SERVICE or (scope is Scope.TEAM_HIERARCHY and staff.team.parent_id is None)


def can_view_data_quality(user: Any) -> bool:
    """The data-quality view lists only the children the user's scope reaches, so every holder of the
    capability may see it: a team manager their teams' children."""
    return staff_of(user) is not None and has_capability(user, Capability.PRODUCE_RETURNS)


def can_fix_records(user: Any) -> bool:
    """Whether the data-quality view offers the forms that put an issue right (analysts record nothing)."""
    return has_capability(user, Capability.RECORD_CASE_WORK)


def children_for_data_quality(user: Any) -> QuerySet[Person]:
    """The children whose issues the user sees: those their scope reaches, none without the capability."""
    if not can_view_data_quality(user):
        return Person.objects.none()
    return children_visible_to(user)


def visible_among(user: Any, person_ids: Iterable[int | None]) -> set[int]:
    """Which of these people the user may open: a validation issue links only to those."""
    wanted = {pk for pk in person_ids if pk is not None}
    if not wanted:
        return set()
    return set(people_visible_to(user).filter(pk__in=wanted).values_list("pk", flat=True))


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1


def get_run_for_user_or_404(user: Any, pk: object) -> ReturnRun:
    """A run's details, without its file."""
    if not can_produce_returns(user):
        raise Http404("No such return")
    found = ReturnRun.objects.defer("content").select_related("generated_by").filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such return")
    return found


def download_run_or_404(user: Any, pk: object) -> ReturnRun:
    """A run with its file, for downloading: the download is logged before the file is handed over."""
    if not can_produce_returns(user):
        raise Http404("No such return")
    found = ReturnRun.objects.filter(pk=_as_pk(pk)).first()
    if found is None:
        raise Http404("No such return")
    staff = staff_of(user)
    assert staff is not None  # can_produce_returns needs an active staff record
    ReturnDownload.objects.create(run=found, downloaded_by=staff, downloaded_at=clock.now())
    return found
