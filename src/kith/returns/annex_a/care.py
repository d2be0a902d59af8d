"""List 8 (children in care): read from the periods of care, episodes and placements of
``kith.children_in_care`` as the SSDA903 reads them, with reviews, visits, the care plan, health, missing
episodes and UASC status from their own areas."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q

from kith.care_planning.queries import care_plans_of
from kith.care_reviews.models import IroContact, Review
from kith.care_reviews.queries import last_review
from kith.children_in_care.models import Episode, PeriodOfCare
from kith.children_in_care.queries import stability_on
from kith.health.models import DentalCheck
from kith.health.queries import assessments_of
from kith.missing.queries import annex_a_missing
from kith.people.models import Person
from kith.platform.reference.ssda903 import SHORT_BREAK_STATUSES
from kith.returns.annex_a import codes
from kith.returns.annex_a.children import NOT_HELD, Row, about, disability, held_on
from kith.returns.annex_a.period import Inspection
from kith.uasc.queries import date_uasc_ceased, uasc_record
from kith.visits.models import Visit


def children_in_care(inspection: Inspection) -> list[Row]:
    """List 8: one row for each child looked after on the inspection date or who stopped being looked after
    in the six months, about their latest period of care. A child whose care is a series of short breaks
    (legal status V3 or V4) is left out: Annex A's legal statuses have no place for them (LIIA's schema
    treats V3 and V4 as errors), and leaving care law does not count short breaks (reg 40(2))."""
    latest: dict[int, PeriodOfCare] = {}
    for period in (
        PeriodOfCare.objects.filter(started_on__lte=inspection.on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=inspection.six_months_before))
        .select_related("child")
        .prefetch_related("child__disabilities")
        .order_by("child_id", "-started_on", "-pk")
    ):
        latest.setdefault(period.child_id, period)
    held = held_on(latest, inspection.on)
    rows = []
    for child_id, period in latest.items():
        row = _row(period, inspection)
        if row is not None:
            rows.append({**row, **held.get(child_id, NOT_HELD).columns()})
    return rows


def _row(period: PeriodOfCare, inspection: Inspection) -> Row | None:
    on = inspection.on
    child = period.child
    ceased_on = inspection.by_then(period.ended_on)
    # The last day of the period the lists can see: the day care ended, or the inspection date.
    last_day = ceased_on or on
    episodes = list(
        Episode.objects.filter(period=period, started_on__lte=last_day)
        .select_related("placement")
        .order_by("started_on", "pk")
    )
    current = episodes[-1]
    if current.legal_status in SHORT_BREAK_STATUSES:
        return None
    status_since = current.started_on
    for episode in reversed(episodes[:-1]):
        if episode.legal_status != current.legal_status:
            break
        status_since = episode.started_on
    # The latest episode is spent in the most recent placement.
    placement = current.placement
    care_plan = care_plans_of(period).filter(agreed_on__lte=last_day).first()
    review = last_review(period, before=on + timedelta(days=1))
    iro_contacts = [
        *IroContact.objects.filter(period=period, contact_on__lte=on).values_list("contact_on", flat=True),
        *Review.objects.filter(period=period, iro_met_child_on__lte=on).values_list("iro_met_child_on", flat=True),
    ]
    health = assessments_of(period).filter(assessed_on__lte=on).last()
    dental = DentalCheck.objects.filter(child=child, checked_on__lte=on).order_by("-checked_on", "-pk").first()
    visit = Visit.objects.filter(period_of_care=period, visited_on__lte=on).order_by("-visited_on", "-pk").first()
    missing = annex_a_missing(child, on=on)
    return {
        **about(child, inspection),
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": codes.yes_no(
            _uasc_in_last_year(child, inspection)
        ),
        "Does the Child have a Disability": disability(child),
        "Date Started to be Looked After": period.started_on,
        "Child's Category of Need": codes.NEED[current.category_of_need],
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)": (
            codes.yes_no(
                PeriodOfCare.objects.filter(
                    child=child, started_on__lt=period.started_on, ended_on__gte=inspection.twelve_months_before
                ).exists()
            )
        ),
        "Start date of current legal status": status_since,
        "Child's Legal Status": codes.LEGAL_STATUS[current.legal_status],
        "Date of Latest Statutory Review": review.held_on if review else None,
        "Date of Last Social Work Visit": visit.visited_on if visit else None,
        "What is the permanence plan for this child?": (
            codes.PERMANENCE_PLAN[care_plan.permanence_plan] if care_plan else None
        ),
        "Date of Last IRO Visit / Contact to the Child": max((day for day in iro_contacts if day), default=None),
        "Date of Last Health Assessment": health.assessed_on if health else None,
        "Date of Last Dental Check": dental.checked_on if dental else None,
        # As the service measures stability: the current placement counted, temporary moves left out.
        "Number of Placements in the Last 12 months": stability_on(child, on).placements_in_last_year,
        "Date Ceased to be Looked After": ceased_on,
        "Reason Ceased to be Looked After": codes.REASON_CEASED[period.reason_ceased] if ceased_on else None,
        "Start Date of Most Recent Placement": placement.started_on,
        "Placement Type": codes.PLACEMENT_TYPE[placement.placement_type],
        # Temporary moves and "other" placements have no provider (903 rules 178, 213).
        "Placement Provider": codes.PROVIDER.get(placement.provider),
        "Placement postcode": placement.postcode,
        "URN of Placement": placement.urn or None,
        "Placement Location": codes.IN_AREA if placement.in_area else codes.OUT_OF_AREA,
        "LA of Placement": settings.KITH_AUTHORITY_NAME if placement.in_area else (placement.host_authority or None),
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": missing.missing,
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": missing.away,
        "Was the child offered a Return Interview after their last missing episode (Y/N)?": codes.yes_no(
            missing.offered_return_interview
        ),
        "Did the child accept a Return Interview after their last missing episode (Y/N)?": codes.yes_no(
            missing.accepted_return_interview
        ),
    }


def _uasc_in_last_year(child: Person, inspection: Inspection) -> bool:
    """Whether the child was an unaccompanied asylum-seeking child at some time in the twelve months."""
    record = uasc_record(child)
    if record is None or record.became_uasc_on > inspection.on:
        return False
    ceased = date_uasc_ceased(record, on=inspection.on)
    return ceased is None or ceased >= inspection.twelve_months_before
