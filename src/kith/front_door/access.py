"""Who may see and record the front door's work.

* Practitioners whose scope reaches a child record contacts, screening, referrals, early help
  assessments, police protection and out-of-hours calls about them. Front door and
  out-of-hours staff reach every child (``kith.people.access``), so they can record for
  any child who is referred.
* Managers whose scope reaches the child make the decisions: a contact's outcome, agreeing
  to proceed without consent (R-016), closing a case, resolving a professional disagreement.
* Early help assessments are audited by managers and quality assurance auditors (R-042).
* A record about several children (a contact, an out-of-hours call) is open only to
  someone who may see every one of them: no child's details leak through a sibling's.
* Police protection trends are for those who look across teams (analysts, managers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import Http404

from kith.front_door.models import (
    Contact,
    EarlyHelpAssessment,
    OutOfHoursRecord,
    PoliceProtection,
    ProfessionalDisagreement,
    Referral,
)
from kith.front_door.queries import children_concerned, children_of
from kith.people.access import (
    can_record_on,
    can_view_person,
    children_visible_to,
    get_person_for_user_or_404,
    has_capability,
    staff_of,
)
from kith.people.models import Person
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import Role

Check = Callable[[Any, Person], bool]
M = TypeVar("M", bound=Model)


# --- about one child ------------------------------------------------------------------------------------


def can_view_front_door(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_record_front_door_work(user: Any, child: Person) -> bool:
    """Contacts, screening, referrals, early help, police protection, out-of-hours calls."""
    return child.is_child and can_record_on(user, child)


def can_make_front_door_decision(user: Any, child: Person) -> bool:
    """Decide a contact, agree to proceed without consent, close a case, resolve a disagreement."""
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )


def can_audit_early_help(user: Any, child: Person) -> bool:
    """Managers and quality assurance auditors audit partners' early help assessments (R-042)."""
    staff = staff_of(user)
    auditor = staff is not None and (
        staff.role == Role.QA_AUDITOR or has_capability(user, Capability.RECORD_MANAGEMENT_DECISION)
    )
    return auditor and child.is_child and can_view_person(user, child)


# --- pages that are not one child's -----------------------------------------------------------------------


def can_use_front_door(user: Any) -> bool:
    """The front door page and the new-contact form: practitioners and managers."""
    return has_capability(user, Capability.RECORD_CASE_WORK)


def can_view_police_protection_trends(user: Any) -> bool:
    """Counts by month, in and out of office hours (R-122): those who look across a team or more."""
    return has_capability(user, Capability.VIEW_TEAM_CASELOAD)


def can_see_early_help_audits(user: Any) -> bool:
    staff = staff_of(user)
    return staff is not None and (
        staff.role == Role.QA_AUDITOR or has_capability(user, Capability.RECORD_MANAGEMENT_DECISION)
    )


def can_acknowledge_handover(user: Any, record: OutOfHoursRecord) -> bool:
    """Someone in the day team the call was handed to, or a manager above that team, who may record on every child."""
    staff = staff_of(user)
    if staff is None or not has_capability(user, Capability.RECORD_CASE_WORK):
        return False
    team = record.handed_over_to
    in_team = staff.team_id == team.pk
    manages_team = has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and team.path.startswith(staff.team.path)
    if not (in_team or manages_team):
        return False
    return all(can_record_front_door_work(user, child) for child in record.children.all())


# --- querysets of what a user may see --------------------------------------------------------------------


def _every_child_visible(queryset: QuerySet[M], through: Any, owner_field: str, user: Any) -> QuerySet[M]:
    """Records none of whose children is hidden from the user (and that have at least one child)."""
    visible = children_visible_to(user).values("pk")
    hidden_child = through.objects.filter(**{owner_field: OuterRef("pk")}).exclude(person_id__in=visible)
    any_child = through.objects.filter(**{owner_field: OuterRef("pk")})
    return queryset.filter(Exists(any_child)).exclude(Exists(hidden_child))


def contacts_visible_to(user: Any) -> QuerySet[Contact]:
    return _every_child_visible(Contact.objects.all(), Contact.children.through, "contact_id", user)


def out_of_hours_records_visible_to(user: Any) -> QuerySet[OutOfHoursRecord]:
    return _every_child_visible(
        OutOfHoursRecord.objects.all(), OutOfHoursRecord.children.through, "outofhoursrecord_id", user
    )


def police_protections_visible_to(user: Any) -> QuerySet[PoliceProtection]:
    return PoliceProtection.objects.filter(child__in=children_visible_to(user))


def early_help_assessments_visible_to(user: Any) -> QuerySet[EarlyHelpAssessment]:
    return EarlyHelpAssessment.objects.filter(child__in=children_visible_to(user))


# --- fetching one record for a page (404 alike for missing and forbidden; each child's access logged) ---------


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1


def _check_children(user: Any, children: list[Person], *, page: str, allowed: Check) -> None:
    if not children:
        raise Http404("No such record")
    for child in children:
        get_person_for_user_or_404(user, child.pk, page=page, allowed=allowed)


def get_contact_for_user_or_404(user: Any, pk: object, *, page: str, allowed: Check = can_view_front_door) -> Contact:
    contact = Contact.objects.filter(pk=_as_pk(pk)).select_related("decided_by", "consent_signed_off_by").first()
    if contact is None:
        raise Http404("No such record")
    _check_children(user, children_of(contact), page=page, allowed=allowed)
    return contact


def get_referral_for_user_or_404(user: Any, pk: object, *, page: str, allowed: Check = can_view_front_door) -> Referral:
    referral = Referral.objects.filter(pk=_as_pk(pk)).select_related("child", "contact", "recorded_by").first()
    if referral is None:
        raise Http404("No such record")
    _check_children(user, [referral.child], page=page, allowed=allowed)
    return referral


def get_police_protection_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Check = can_view_front_door
) -> PoliceProtection:
    found = PoliceProtection.objects.filter(pk=_as_pk(pk)).select_related("child").first()
    if found is None:
        raise Http404("No such record")
    _check_children(user, [found.child], page=page, allowed=allowed)
    return found


def get_early_help_assessment_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Check = can_view_front_door
) -> EarlyHelpAssessment:
    found = EarlyHelpAssessment.objects.filter(pk=_as_pk(pk)).select_related("child", "audited_by").first()
    if found is None:
        raise Http404("No such record")
    _check_children(user, [found.child], page=page, allowed=allowed)
    return found


def get_out_of_hours_record_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Check = can_view_front_door
) -> OutOfHoursRecord:
    found = OutOfHoursRecord.objects.filter(pk=_as_pk(pk)).select_related("handed_over_to", "recorded_by").first()
    if found is None:
        raise Http404("No such record")
    _check_children(user, list(found.children.all()), page=page, allowed=allowed)
    return found


def get_disagreement_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Check = can_view_front_door
) -> ProfessionalDisagreement:
    found = (
        ProfessionalDisagreement.objects.filter(pk=_as_pk(pk))
        .select_related("contact", "referral__child", "resolved_by")
        .first()
    )
    if found is None:
        raise Http404("No such record")
    _check_children(user, children_concerned(found), page=page, allowed=allowed)
    return found
