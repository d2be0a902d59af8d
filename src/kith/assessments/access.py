"""Who may read and record assessments, strategy discussions and section 47 enquiries.

Case work (starting and writing an assessment, recording a strategy discussion, a
section 47 enquiry) is for practitioners whose scope reaches the child; authorising an
assessment is a manager's decision. Refusals are 404s, like a missing record.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.http import Http404

from kith.assessments.models import Assessment, Section47Enquiry, StrategyDiscussion
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404, has_capability
from kith.people.models import Person
from kith.platform.access.capabilities import Capability

R = TypeVar("R", Assessment, StrategyDiscussion, Section47Enquiry)


def can_view_assessments(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_record_case_work(user: Any, child: Person) -> bool:
    """Start or write an assessment, record a strategy discussion or a section 47 enquiry."""
    return child.is_child and can_record_on(user, child)


def can_authorise_assessment(user: Any, child: Person) -> bool:
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )


def get_assessment_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Any = can_view_assessments
) -> Assessment:
    """The assessment, when the user may see (and do ``allowed`` to) its child; the access is logged."""
    found = Assessment.objects.select_related("referral", "worker", "authorised_by", "connected_person").filter(
        pk=_as_pk(pk)
    )
    return _checked(user, found.first(), page=page, allowed=allowed)


def get_discussion_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Any = can_view_assessments
) -> StrategyDiscussion:
    found = StrategyDiscussion.objects.select_related("referral", "chair", "recorded_by").filter(pk=_as_pk(pk))
    return _checked(user, found.first(), page=page, allowed=allowed)


def get_enquiry_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Any = can_view_assessments
) -> Section47Enquiry:
    found = Section47Enquiry.objects.select_related("referral", "worker", "strategy_discussion", "assessment").filter(
        pk=_as_pk(pk)
    )
    return _checked(user, found.first(), page=page, allowed=allowed)


def _checked(user: Any, record: R | None, *, page: str, allowed: Any) -> R:
    if record is None:
        raise Http404("No such record")
    # Fetching the child through people access logs the view, or the refusal.
    record.child = get_person_for_user_or_404(user, record.child_id, page=page, allowed=allowed)
    return record


def _as_pk(pk: object) -> int:
    try:
        return int(str(pk))
    except ValueError:
        return -1
