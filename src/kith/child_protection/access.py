"""Who may do what in child protection, and fetching a conference or plan for a page (404 when not).

* Seeing conferences, plans and core groups: anyone who can open the child's record.
* Holding (recording) a conference and ending a plan: a conference chair, that is an
  independent reviewing officer (the IRO role) or a manager, whose scope reaches the child.
* Core groups, and the date the plan was shared with the family: practitioners who record
  case work on the child (social workers, who chair core groups; managers and IROs too).
* The chair's quality-assurance feedback: the chair of that conference only.
* Following the feedback up: a manager (who records management decisions) over the child.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from kith.child_protection.models import ChildProtectionPlan, Conference, CoreGroup
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404, has_capability, staff_of
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import MANAGER_ROLES, Role

CHAIR_ROLES = frozenset({Role.IRO, *MANAGER_ROLES})


def may_chair(staff: Any) -> bool:
    """Whether this member of staff can chair a conference: an IRO or a manager, still in post."""
    return staff is not None and staff.is_active and staff.role in CHAIR_ROLES


def can_view_child_protection(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_case_work(user: Any, child: Person) -> bool:
    """Record a core group or the date the plan was shared with the family."""
    return child.is_child and can_record_on(user, child)


def can_chair_conference(user: Any, child: Person) -> bool:
    """Record a conference the user chaired, or end a plan outside a conference."""
    return (
        child.is_child
        and may_chair(staff_of(user))
        and has_capability(user, Capability.RECORD_CASE_WORK)
        and can_view_person(user, child)
    )


def can_record_chair_feedback(user: Any, conference: Conference) -> bool:
    staff = staff_of(user)
    return staff is not None and staff.pk == conference.chair_id and can_chair_conference(user, conference.child)


def can_follow_up_feedback(user: Any, child: Person) -> bool:
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )


def get_conference_for_user_or_404(user: Any, pk: int, *, page: str, allowed: Any = None) -> Conference:
    """The conference, with its child's access checked and logged; 404 alike for missing and forbidden."""
    conference = (
        Conference.objects.select_related("child", "referral", "plan", "chair", "chair_feedback_to", "recorded_by")
        .filter(pk=pk)
        .first()
    )
    if conference is None:
        raise Http404("No such record")
    check = (lambda person_user, _child: allowed(person_user, conference)) if allowed else None
    get_person_for_user_or_404(user, conference.child_id, page=page, allowed=check)
    return conference


def get_plan_for_user_or_404(
    user: Any, pk: int, *, page: str, allowed: Any = None, what: str = AccessLogEntry.What.VIEW
) -> ChildProtectionPlan:
    plan = ChildProtectionPlan.objects.select_related("child", "referral", "recorded_by").filter(pk=pk).first()
    if plan is None:
        raise Http404("No such record")
    get_person_for_user_or_404(user, plan.child_id, page=page, allowed=allowed, what=what)
    return plan


def get_core_group_for_user_or_404(user: Any, pk: int, *, page: str) -> CoreGroup:
    core_group = CoreGroup.objects.select_related("plan", "plan__child", "recorded_by").filter(pk=pk).first()
    if core_group is None:
        raise Http404("No such record")
    get_person_for_user_or_404(user, core_group.plan.child_id, page=page)
    return core_group
