"""List 1 (contacts), List 2 (early help assessments) and List 3 (referrals): read from
``kith.front_door`` as the CIN census reads referrals."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.utils import timezone

from kith.front_door.models import Contact, EarlyHelpAssessment, EarlyHelpOutcome, Referral
from kith.returns.annex_a.children import NOT_HELD, Row, about, held_on
from kith.returns.annex_a.codes import SOURCE, yes_no
from kith.returns.annex_a.period import Inspection

LONDON = ZoneInfo("Europe/London")


def _start_of(day: date) -> datetime:
    """Midnight at the start of ``day`` in London: contacts are received at a moment, listed by the day."""
    return datetime.combine(day, time(), tzinfo=LONDON)


def contacts(inspection: Inspection) -> list[Row]:
    """List 1: every contact received in the six months, one row for each child it was about."""
    received = Contact.children.through.objects.filter(
        contact__received_at__gte=_start_of(inspection.six_months_before),
        contact__received_at__lt=_start_of(inspection.on + timedelta(days=1)),
    ).select_related("contact", "person")
    rows = sorted(received, key=lambda row: (row.person_id, row.contact.received_at, row.contact_id))
    return [
        {
            **about(row.person, inspection),
            "Date of Contact": timezone.localtime(row.contact.received_at, LONDON).date(),
            "Contact Source": SOURCE[row.contact.source],
        }
        for row in rows
    ]


def early_help_assessments(inspection: Inspection) -> list[Row]:
    """List 2: early help assessments made in the six months, and earlier ones whose early help still goes
    on. Kith records the one date an assessment was made, so the completion date is left blank."""
    assessments = (
        EarlyHelpAssessment.objects.filter(assessed_on__lte=inspection.on)
        .filter(
            Q(assessed_on__gte=inspection.six_months_before) | Q(outcome=EarlyHelpOutcome.CONTINUING),
        )
        .select_related("child")
        .order_by("child_id", "assessed_on", "pk")
    )
    return [
        {
            **about(assessment.child, inspection),
            "Assessment start date": assessment.assessed_on,
            "Assessment completion date": None,
            "Organisation completing assessment": assessment.agency,
        }
        for assessment in assessments
    ]


def referrals(inspection: Inspection) -> list[Row]:
    """List 3: every referral received in the six months (a child referred twice is on it twice), with the
    child's referrals in the twelve months to the inspection date, this one included."""
    found = list(
        Referral.objects.filter(referral_date__range=(inspection.six_months_before, inspection.on))
        .select_related("child")
        .order_by("child_id", "referral_date", "pk")
    )
    children = {referral.child_id for referral in found}
    in_twelve_months = dict(
        Referral.objects.filter(
            child_id__in=children, referral_date__range=(inspection.twelve_months_before, inspection.on)
        )
        .values("child_id")
        .annotate(count=Count("pk"))
        .values_list("child_id", "count")
    )
    held = held_on(children, inspection.on)
    return [
        {
            **about(referral.child, inspection),
            "Date of referral": referral.referral_date,
            "Referral Source": SOURCE[referral.source],
            "Referral NFA?": yes_no(referral.no_further_action),
            "Number of Referrals in Last 12 Months": in_twelve_months[referral.child_id],
            **held.get(referral.child_id, NOT_HELD).columns(),
        }
        for referral in found
    ]
