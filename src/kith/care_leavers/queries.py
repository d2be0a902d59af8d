"""Reading a young person's leaving care: their status computed from their time in care, the support,
the personal adviser, the pathway plan in force, contact, where they live and the 903 birthday information."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from kith.care_leavers.eligibility import CareLeaverStatus, CareSpell, Eligibility, anniversary, status_on
from kith.care_leavers.models import (
    BirthdayContact,
    CareLeaverAccommodation,
    EntitlementRecord,
    Handover,
    LeavingCareSupport,
    Parenthood,
    PathwayPlan,
    PersonalAdviserAllocation,
    PersonalAdviserContact,
    PlanChangeRequest,
    SupportAfter21,
)
from kith.children_in_care.models import Episode
from kith.education.queries import last_eet_review
from kith.health.queries import last_passport_given
from kith.platform import clock
from kith.platform.reference.ssda903 import SHORT_BREAK_STATUSES
from kith.platform.timescales.models import OPEN, Deadline

NEEDS_ASSESSMENT = "care_leavers.needs_assessment"
PATHWAY_PLAN_REVIEW = "care_leavers.pathway_plan_review"
VISIT = "care_leavers.personal_adviser_visit"
VISIT_AFTER_MOVE = "care_leavers.personal_adviser_visit_after_move"
VISIT_CLOCKS = (VISIT, VISIT_AFTER_MOVE)
CLOCKS = (NEEDS_ASSESSMENT, PATHWAY_PLAN_REVIEW, *VISIT_CLOCKS)


def care_spells(child: Any) -> list[CareSpell]:
    """The child's time in care that counts towards eligibility: every episode but short breaks (reg 40(2))."""
    rows = (
        Episode.objects.filter(child=child)
        .exclude(legal_status__in=SHORT_BREAK_STATUSES)
        .order_by("started_on", "pk")
        .values_list("started_on", "ended_on")
    )
    return [CareSpell(started_on, ended_on) for started_on, ended_on in rows]


def status_of(child: Any, *, on: date | None = None) -> Eligibility:
    """The young person's care leaver status on ``on`` (today), computed from their episodes of care."""
    day = on or clock.today()
    born = child.date_of_birth
    if born is None:
        return Eligibility(CareLeaverStatus.NOT_A_CARE_LEAVER, day, "Date of birth not known")
    if day < anniversary(born, years=14):
        # Nobody under 14 can be a care leaver: the record page asks this of every child, so no query.
        return status_on(born=born, spells=[], on=day)
    return status_on(born=born, spells=care_spells(child), on=day)


def current_adviser(child: Any) -> PersonalAdviserAllocation | None:
    return (
        PersonalAdviserAllocation.objects.filter(child=child, ended_on__isnull=True).select_related("adviser").first()
    )


def plan_in_force(child: Any) -> PathwayPlan | None:
    return PathwayPlan.objects.filter(child=child, replaced_on__isnull=True).first()


def pathway_plans(child: Any) -> QuerySet[PathwayPlan]:
    """Every agreed version, newest first."""
    return PathwayPlan.objects.filter(child=child).order_by("-agreed_on", "-pk")


def contacts(child: Any) -> QuerySet[PersonalAdviserContact]:
    return (
        PersonalAdviserContact.objects.filter(child=child).select_related("recorded_by").order_by("-contact_on", "-pk")
    )


def current_home(child: Any, *, on: date | None = None) -> CareLeaverAccommodation | None:
    """Where the young person lived on ``on`` (now), as last recorded."""
    homes = CareLeaverAccommodation.objects.filter(child=child)
    if on is not None:
        homes = homes.filter(moved_on__lte=on)
    return homes.order_by("-moved_on", "-pk").first()


def homes(child: Any) -> QuerySet[CareLeaverAccommodation]:
    return CareLeaverAccommodation.objects.filter(child=child).order_by("-moved_on", "-pk")


def stays(child: Any, *, today: date) -> list[tuple[CareLeaverAccommodation, date | None, int]]:
    """Each home, newest first, with the day the young person left it (the next move) and how many days they
    stayed, up to ``today`` while they are still there: so the length of a bed and breakfast stay shows (R-117)."""
    rows = list(homes(child))
    result = []
    for index, home in enumerate(rows):
        left_on = rows[index - 1].moved_on if index > 0 else None
        result.append((home, left_on, ((left_on or today) - home.moved_on).days))
    return result


def latest_decision_after_21(child: Any) -> SupportAfter21 | None:
    return SupportAfter21.objects.filter(child=child).order_by("-decided_on", "-pk").first()


def entitlements(child: Any) -> QuerySet[EntitlementRecord]:
    return EntitlementRecord.objects.filter(child=child).order_by("explained_on", "pk")


def handovers(child: Any) -> QuerySet[Handover]:
    return Handover.objects.filter(child=child).select_related("from_team", "to_team").order_by("-handed_over_on")


def parenthood(child: Any) -> QuerySet[Parenthood]:
    return Parenthood.objects.filter(child=child).order_by("-baby_born_on", "-pk")


def change_requests(child: Any) -> QuerySet[PlanChangeRequest]:
    return PlanChangeRequest.objects.filter(child=child).order_by("-requested_on", "-pk")


def birthday_contacts(child: Any) -> QuerySet[BirthdayContact]:
    return BirthdayContact.objects.filter(child=child).order_by("-birthday", "-pk")


def open_clock(code: str, child: Any) -> Deadline | None:
    return Deadline.objects.filter(OPEN, timescale_code=code, child_id=child.pk).order_by("due_on").first()


def oc3_rows(child: Any) -> list[dict[str, str]]:
    """The young person's 903 OC3 rows, oldest birthday first, in the return's own columns."""
    born = child.date_of_birth
    return [
        {
            "CHILD": child.kith_id,
            "DOB": born.strftime("%d/%m/%Y") if born else "",
            "IN_TOUCH": row.in_touch,
            "ACTIV": row.activity,
            "ACCOM": row.accom_code,
        }
        for row in birthday_contacts(child).order_by("birthday")
    ]


def open_clocks(child: Any) -> dict[str, Deadline]:
    """The young person's open leaving care clocks, by timescale code, in one query."""
    found = Deadline.objects.filter(OPEN, timescale_code__in=CLOCKS, child_id=child.pk).order_by("-due_on")
    return {deadline.timescale_code: deadline for deadline in found}


def record_summary(child: Any) -> dict[str, Any]:
    """What the Case work tab shows about leaving care: the computed status, the PA, the plan and what is due."""
    today = clock.today()
    born = child.date_of_birth
    if born is None or today < anniversary(born, years=16):
        # Nobody is a care leaver before 16: most children's pages cost no query here.
        return {"shown": False}
    status = status_of(child, on=today)
    support = LeavingCareSupport.objects.filter(child=child).select_related("needs_assessment").first()
    if support is None:
        return {"shown": status.is_care_leaver, "status": status, "support": None}
    due = open_clocks(child)
    return {
        "shown": True,
        "status": status,
        "support": support,
        "adviser": current_adviser(child),
        "plan": plan_in_force(child),
        "needs_assessment": getattr(support, "needs_assessment", None),
        "needs_assessment_due": due.get(NEEDS_ASSESSMENT),
        "plan_review_due": due.get(PATHWAY_PLAN_REVIEW),
        "visit_due": due.get(VISIT),
        "visit_after_move_due": due.get(VISIT_AFTER_MOVE),
        "last_contact": contacts(child).first(),
        "home": current_home(child),
        "last_birthday_contact": birthday_contacts(child).first(),
        "health_passport": last_passport_given(child),
        "decision_after_21": latest_decision_after_21(child),
        "eet_review": last_eet_review(child),
        "today": today,
    }
