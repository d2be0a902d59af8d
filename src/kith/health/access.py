"""Who may see and record a child in care's health: those who may see the child, and the child's workers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.health.models import HealthAssessment, Pregnancy
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person


def can_view_health(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_health(user: Any, child: Person) -> bool:
    """Record a health assessment, a dental check, immunisations or an SDQ: case work on the child.

    The health professionals are not Kith users; the child's workers record what they report.
    """
    return child.is_child and can_record_on(user, child)


def get_assessment_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_health
) -> HealthAssessment:
    """The assessment, when the user may see its child; 404 alike for missing and forbidden (logged)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    assessment = HealthAssessment.objects.select_related("period", "recorded_by").filter(pk=number).first()
    if assessment is None:
        raise Http404("No such health assessment")
    assessment.child = get_person_for_user_or_404(user, assessment.child_id, page=page, allowed=allowed)
    return assessment


def get_pregnancy_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_health
) -> Pregnancy:
    """The pregnancy, when the user may see its young person; 404 alike for missing and forbidden (logged)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    pregnancy = Pregnancy.objects.filter(pk=number).first()
    if pregnancy is None:
        raise Http404("No such pregnancy")
    pregnancy.child = get_person_for_user_or_404(user, pregnancy.child_id, page=page, allowed=allowed)
    return pregnancy
