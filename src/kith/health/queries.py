"""Reading a child's health in care: the last assessment, what is due next, dental, immunisations, SDQ."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from kith.health.models import (
    PASSPORT_FROM_AGE,
    DentalCheck,
    HealthAssessment,
    HealthPassportGiven,
    ImmunisationCheck,
    Pregnancy,
    SdqScore,
)
from kith.platform import clock
from kith.platform.timescales.models import OPEN, Deadline

INITIAL_ASSESSMENT = "children_in_care.initial_health_assessment"
REVIEW_UNDER_5 = "children_in_care.review_health_assessment_under_5"
REVIEW_5_AND_OVER = "children_in_care.review_health_assessment_5_and_over"
REVIEW_CLOCKS = (REVIEW_UNDER_5, REVIEW_5_AND_OVER)
HEALTH_CLOCKS = (INITIAL_ASSESSMENT, *REVIEW_CLOCKS)
# The age from which reviews are yearly rather than six-monthly.
YEARLY_REVIEWS_FROM = 5


def review_clock_for(age: int | None) -> str:
    """The review clock an assessment starts: six-monthly under 5, yearly from 5."""
    return REVIEW_UNDER_5 if age is not None and age < YEARLY_REVIEWS_FROM else REVIEW_5_AND_OVER


def assessments_of(period: Any) -> QuerySet[HealthAssessment]:
    """The period's health assessments, oldest first."""
    return HealthAssessment.objects.filter(period=period).order_by("assessed_on", "pk")


def last_assessment(period: Any) -> HealthAssessment | None:
    return HealthAssessment.objects.filter(period=period).order_by("-assessed_on", "-pk").first()


def next_assessment_due(child: Any) -> Deadline | None:
    """The open health assessment clock of the child, if one is running."""
    return Deadline.objects.filter(OPEN, timescale_code__in=HEALTH_CLOCKS, child_id=child.pk).order_by("due_on").first()


def last_dental_check(child: Any) -> DentalCheck | None:
    return DentalCheck.objects.filter(child=child).order_by("-checked_on", "-pk").first()


def last_immunisation_check(child: Any) -> ImmunisationCheck | None:
    return ImmunisationCheck.objects.filter(child=child).order_by("-checked_on", "-pk").first()


def last_sdq(child: Any) -> SdqScore | None:
    return SdqScore.objects.filter(child=child).order_by("-completed_on", "-pk").first()


def last_passport_given(child: Any) -> HealthPassportGiven | None:
    return HealthPassportGiven.objects.filter(child=child).order_by("-given_on", "-pk").first()


def pregnancies_of(child: Any) -> QuerySet[Pregnancy]:
    return Pregnancy.objects.filter(child=child).order_by("-known_on", "-pk")


def health_history(child: Any) -> dict[str, Any]:
    """Everything the health passport tells the young person: every assessment of every period of care,
    dental checks and immunisations, oldest first, as they happened."""
    return {
        "assessments": list(HealthAssessment.objects.filter(child=child).order_by("assessed_on", "pk")),
        "dental_checks": list(DentalCheck.objects.filter(child=child).order_by("checked_on", "pk")),
        "immunisations": last_immunisation_check(child),
    }


def within_a_year(day: date | None, *, of: date) -> bool:
    """Whether ``day`` is no more than a year before ``of`` (the 903's "in the last year")."""
    if day is None:
        return False
    try:
        year_before = of.replace(year=of.year - 1)
    except ValueError:  # 29 February
        year_before = of.replace(year=of.year - 1, day=28)
    return day >= year_before


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows about health while the child is looked after."""
    period = child.periods_of_care.filter(ended_on__isnull=True).first()
    if period is None:
        return {"period": None}
    today = clock.today()
    dental = last_dental_check(child)
    age = child.age_on(today)
    # The passport is given from 16; younger children's panels need not ask.
    passport_due = age is not None and age >= PASSPORT_FROM_AGE
    return {
        "period": period,
        "last_assessment": last_assessment(period),
        "next_due": next_assessment_due(child),
        "dental": dental,
        "dental_in_last_year": within_a_year(dental.checked_on if dental else None, of=today),
        "immunisations": last_immunisation_check(child),
        "sdq": last_sdq(child),
        "pregnancy": pregnancies_of(child).filter(outcome="").first(),
        "passport_due": passport_due,
        "passport": last_passport_given(child) if passport_due else None,
        "today": today,
    }
