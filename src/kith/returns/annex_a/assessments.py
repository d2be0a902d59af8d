"""List 4 (assessments) and List 5 (section 47 enquiries and initial conferences): read from
``kith.assessments`` and ``kith.child_protection`` as the CIN census reads them."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from kith.assessments.models import Assessment, AssessmentOutcome, Section47Enquiry
from kith.child_protection.models import Conference, ConferenceDecision, ConferenceKind
from kith.returns.annex_a.children import NOT_HELD, Row, about, disability, held_on
from kith.returns.annex_a.codes import UNKNOWN, yes_no
from kith.returns.annex_a.period import Inspection
from kith.returns.cin_census import conference_not_required

# Whether the authorised assessment found the child needs children's social care: a plan, enquiries or
# care; or not: no further action, or help from early help.
NEEDS_SOCIAL_CARE: dict[str, bool] = {
    AssessmentOutcome.CHILD_IN_NEED_PLAN: True,
    AssessmentOutcome.STRATEGY_DISCUSSION: True,
    AssessmentOutcome.LOOKED_AFTER: True,
    AssessmentOutcome.NO_FURTHER_ACTION: False,
    AssessmentOutcome.EARLY_HELP: False,
}


def assessments(inspection: Inspection) -> list[Row]:
    """List 4: the child's assessments (not connected-person ones, as in the census) open at some time in the
    six months; the authorisation, and what it found, only when it came by the inspection date."""
    found = [
        assessment
        for assessment in Assessment.objects.filter(started_on__lte=inspection.on)
        .filter(Q(authorised_on__isnull=True) | Q(authorised_on__gte=inspection.six_months_before))
        .select_related("child")
        .prefetch_related("child__disabilities")
        .order_by("child_id", "started_on", "pk")
        if assessment.is_about_the_child
    ]
    held = held_on({assessment.child_id for assessment in found}, inspection.on)
    rows = []
    for assessment in found:
        authorised_on = inspection.by_then(assessment.authorised_on)
        seen = assessment.child_seen
        rows.append(
            {
                **about(assessment.child, inspection),
                "Does the Child have a Disability": disability(assessment.child),
                "Continuous Assessment Start Date": assessment.started_on,
                "Child Seen During Continuous Assessment": yes_no(seen) if seen is not None else UNKNOWN,
                "Continuous Assessment Date of Authorisation": authorised_on,
                "Was the child assessed as requiring LA children's social care support?": yes_no(
                    NEEDS_SOCIAL_CARE.get(assessment.outcome) if authorised_on is not None else None
                ),
                **held.get(assessment.child_id, NOT_HELD).columns(),
            }
        )
    return rows


def section_47_enquiries(inspection: Inspection) -> list[Row]:
    """List 5: one row for each section 47 enquiry open at some time in the six months, with the initial
    conference that followed it by the inspection date, and the child's enquiries and initial conferences
    in the twelve months to the inspection date."""
    found = list(
        Section47Enquiry.objects.filter(started_on__lte=inspection.on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=inspection.six_months_before))
        .select_related("child")
        .prefetch_related("child__disabilities")
        .order_by("child_id", "started_on", "pk")
    )
    children = {enquiry.child_id for enquiry in found}
    conference_after: dict[int, Conference] = {}
    for initial in Conference.objects.filter(
        section_47_enquiry__in=found, kind=ConferenceKind.INITIAL, held_on__lte=inspection.on
    ).order_by("held_on", "pk"):
        if initial.section_47_enquiry_id is not None:
            conference_after.setdefault(initial.section_47_enquiry_id, initial)
    last_year = (inspection.twelve_months_before, inspection.on)
    enquiries_in_year = _count_by_child(Section47Enquiry.objects.filter(started_on__range=last_year), children)
    conferences_in_year = _count_by_child(
        Conference.objects.filter(kind=ConferenceKind.INITIAL, held_on__range=last_year), children
    )
    held = held_on(children, inspection.on)
    rows = []
    for enquiry in found:
        conference = conference_after.get(enquiry.pk)
        ended = inspection.by_then(enquiry.ended_on) is not None
        rows.append(
            {
                **about(enquiry.child, inspection),
                "Does the Child have a Disability": disability(enquiry.child),
                # The census's S47ActualStartDate: the date of the strategy discussion that began the enquiry.
                "Strategy discussion initiating Section 47 Enquiry Start Date": enquiry.started_on,
                "Was an Initial Child Protection Conference deemed unnecessary?": yes_no(
                    conference_not_required(enquiry, on=inspection.on) if ended else None
                ),
                "Date of Initial Child Protection Conference": conference.held_on if conference else None,
                "Did the Initial Child Protection Conference Result in a Child Protection Plan": yes_no(
                    conference.decision == ConferenceDecision.PLAN if conference else None
                ),
                "Number of Section 47 Enquiries in the last 12 months": enquiries_in_year.get(enquiry.child_id, 0),
                "Number of ICPCs in the last 12 months": conferences_in_year.get(enquiry.child_id, 0),
                **held.get(enquiry.child_id, NOT_HELD).columns(),
            }
        )
    return rows


def _count_by_child(records: QuerySet[Any], children: set[int]) -> dict[int, int]:
    counted = records.filter(child_id__in=children).values("child_id").annotate(count=Count("pk"))
    return {row["child_id"]: row["count"] for row in counted}
