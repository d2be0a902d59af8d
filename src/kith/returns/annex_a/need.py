"""List 6 (children in need) and List 7 (child protection): read from the referrals (the child in need
episodes, ADR 0007), their plans and the statutory visits, as the CIN census reads them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from kith.assessments.models import Assessment, AssessmentKind, Section47Enquiry
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan, Conference, ConferenceKind
from kith.children_in_care.models import Episode, PeriodOfCare
from kith.front_door.models import PoliceProtection, Referral
from kith.legal.models import Hearing, Order
from kith.platform.reference.cin_census import PrimaryNeed
from kith.platform.reference.ssda903 import LegalStatus
from kith.returns.annex_a import codes
from kith.returns.annex_a.children import NOT_HELD, Row, about, disability, held_on
from kith.returns.annex_a.period import Inspection
from kith.returns.cin_census import latest_category
from kith.visits.models import Visit

LONDON = ZoneInfo("Europe/London")

# The legal statuses of a child detained on child protection grounds (police protection, an emergency
# protection order) while in the council's accommodation.
PROTECTED_UNDER_POWERS = (LegalStatus.POLICE_PROTECTION, LegalStatus.EMERGENCY_PROTECTION_ORDER)


def _running_on(records: QuerySet[Any], on: date) -> set[int]:
    """The children with one of ``records`` running on ``on``; one ending that day still ran that day, as a
    period of care does (``children_in_care.queries.period_of_care_on``)."""
    running = records.filter(started_on__lte=on).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
    return set(running.values_list("child_id", flat=True))


def children_in_need(inspection: Inspection) -> list[Row]:
    """List 6: one row for each child in need episode open at some time in the six months. A referral that
    needed no further action is left out: the child was only the subject of a referral."""
    on = inspection.on
    episodes = list(
        Referral.objects.filter(referral_date__lte=on, no_further_action=False)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=inspection.six_months_before))
        .select_related("child")
        .prefetch_related("child__disabilities")
        .order_by("child_id", "referral_date", "pk")
    )
    children = {episode.child_id for episode in episodes}
    looked_after = _running_on(PeriodOfCare.objects.filter(child_id__in=children), on)
    on_protection_plan = _running_on(ChildProtectionPlan.objects.filter(child_id__in=children), on)
    on_need_plan = _running_on(ChildInNeedPlan.objects.filter(child_id__in=children), on)
    seen_on: dict[int, list[date]] = defaultdict(list)
    for child_id, visited_on in Visit.objects.filter(
        child_id__in=children, child_seen=True, visited_on__lte=on
    ).values_list("child_id", "visited_on"):
        seen_on[child_id].append(visited_on)
    assessing, worked_on = _work_on(episodes, on)
    held = held_on(children, on)
    rows = []
    for episode in episodes:
        closed_on = inspection.by_then(episode.closed_on)
        last_day = closed_on or on
        seen = [day for day in seen_on[episode.child_id] if episode.referral_date <= day <= last_day]
        if closed_on is not None:
            status = codes.CLOSED_EPISODE
        elif episode.child_id in looked_after:
            status = codes.LOOKED_AFTER
        elif episode.child_id in on_protection_plan:
            status = codes.ON_CHILD_PROTECTION_PLAN
        elif episode.child_id in on_need_plan:
            status = codes.ON_CHILD_IN_NEED_PLAN
        elif episode.pk in assessing or episode.pk not in worked_on:
            # An assessment or enquiry under way, or none begun yet (the assessment clock runs from the referral).
            status = codes.OPEN_ASSESSMENT
        else:
            # Assessed, the episode still open and no plan running: a child in need, as the census counts them.
            status = codes.ON_CHILD_IN_NEED_PLAN
        rows.append(
            {
                **about(episode.child, inspection),
                "Does the Child have a Disability": disability(episode.child),
                "CIN Start Date": episode.referral_date,
                "Primary Need Code": codes.NEED[episode.primary_need or PrimaryNeed.NOT_STATED],
                "Date Child Was Last Seen": max(seen, default=None),
                "CIN Closure Date": closed_on,
                "Reason for Closure": codes.CLOSURE_REASON[episode.closure_reason] if closed_on else None,
                "Case Status": status,
                **held.get(episode.child_id, NOT_HELD).columns(),
            }
        )
    return rows


def _work_on(episodes: list[Referral], on: date) -> tuple[set[int], set[int]]:
    """The episodes with an assessment of the child (as the census counts them, not of a carer) or a section 47
    enquiry under way on ``on``, and those with any assessment, enquiry or plan begun by then."""
    begun = {"referral__in": episodes, "started_on__lte": on}
    assessments = Assessment.objects.filter(**begun).exclude(kind=AssessmentKind.CONNECTED_PERSON)
    dated = [
        *assessments.values_list("referral_id", "authorised_on"),
        *Section47Enquiry.objects.filter(**begun).values_list("referral_id", "ended_on"),
    ]
    assessing = {referral_id for referral_id, finished_on in dated if finished_on is None or finished_on > on}
    worked_on = {referral_id for referral_id, _ in dated}
    worked_on |= set(ChildInNeedPlan.objects.filter(**begun).values_list("referral_id", flat=True))
    worked_on |= set(ChildProtectionPlan.objects.filter(**begun).values_list("referral_id", flat=True))
    return assessing, worked_on


def child_protection_plans(inspection: Inspection) -> list[Row]:
    """List 7: every child protection plan running on the inspection date or ended in the six months."""
    on = inspection.on
    plans = list(
        ChildProtectionPlan.objects.filter(started_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=inspection.six_months_before))
        .select_related("child")
        .prefetch_related("child__disabilities")
        .order_by("child_id", "started_on", "pk")
    )
    conferences: dict[int, list[Conference]] = defaultdict(list)
    for conference in Conference.objects.filter(plan__in=plans).order_by("held_on", "pk"):
        if conference.plan_id is not None:
            conferences[conference.plan_id].append(conference)
    last_visit: dict[int, Visit] = {}
    for found in Visit.objects.filter(child_protection_plan__in=plans, visited_on__lte=on).order_by("visited_on", "pk"):
        if found.child_protection_plan_id is not None:
            last_visit[found.child_protection_plan_id] = found
    children = {plan.child_id for plan in plans}
    protected = _protected_under_powers(children, inspection)
    held = held_on(children, on)
    rows = []
    for plan in plans:
        visit = last_visit.get(plan.pk)
        reviews = [
            conference.held_on
            for conference in conferences[plan.pk]
            if conference.kind == ConferenceKind.REVIEW and conference.held_on <= on
        ]
        rows.append(
            {
                **about(plan.child, inspection),
                "Does the Child have a Disability": disability(plan.child),
                "Child Protection Plan Start Date": plan.started_on,
                "Initial Category of Abuse": codes.CATEGORY_OF_ABUSE[plan.initial_category],
                "Latest Category of Abuse": codes.CATEGORY_OF_ABUSE[latest_category(plan, conferences[plan.pk], on=on)],
                "Date of the Last Statutory Visit": visit.visited_on if visit else None,
                "Was the Child Seen Alone?": codes.yes_no(visit.child_seen_alone if visit else None),
                "Date of latest review conference": max(reviews, default=None),
                "Child Protection Plan End Date": inspection.by_then(plan.ended_on),
                "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)": (
                    codes.yes_no(plan.child_id in protected)
                ),
                "Number of Previous Child Protection Plans": plan.previous_plans,
                **held.get(plan.child_id, NOT_HELD).columns(),
            }
        )
    return rows


def _protected_under_powers(children: set[int], inspection: Inspection) -> set[int]:
    """The children taken into police protection, made subject to an emergency protection order, or looked
    after on either footing, at some time in the six months."""
    window = (inspection.six_months_before, inspection.on)
    from_moment = datetime.combine(window[0], time(), tzinfo=LONDON)
    to_moment = datetime.combine(window[1] + timedelta(days=1), time(), tzinfo=LONDON)
    found = set(
        PoliceProtection.objects.filter(
            child_id__in=children, started_at__gte=from_moment, started_at__lt=to_moment
        ).values_list("child_id", flat=True)
    )
    found |= set(
        Hearing.objects.filter(
            proceedings__child_id__in=children, order_made=Order.EMERGENCY_PROTECTION_ORDER, held_on__range=window
        ).values_list("proceedings__child_id", flat=True)
    )
    found |= set(
        Episode.objects.filter(
            child_id__in=children, legal_status__in=PROTECTED_UNDER_POWERS, started_on__range=window
        ).values_list("child_id", flat=True)
    )
    return found
