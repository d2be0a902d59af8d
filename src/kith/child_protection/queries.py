"""Reads for child protection pages, the case summary panel and the census.

Everything "due" is read from the Deadline rows the actions started, so the plan page,
the case summary, the work trays and the returns can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from kith.assessments.models import EnquiryOutcome, Section47Enquiry, StrategyDiscussion
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceKind,
    ConferenceMember,
    CoreGroup,
    quorum_of,
)
from kith.front_door.models import Referral
from kith.people.models import Person
from kith.plans.models import Objective, ProgressUpdate
from kith.platform.calendar.working_days import working_days_between
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse
from kith.platform.timescales.models import OPEN, Deadline

LONDON = ZoneInfo("Europe/London")

# What each of the plan's clocks is called on the plan page and the case summary: "<words> due <date>".
DUE_WORDS = {
    "child_protection.initial_conference": "Initial child protection conference",
    "child_protection.first_core_group": "First core group",
    "child_protection.core_group": "Next core group",
    "child_protection.first_review_conference": "Review conference",
    "child_protection.review_conference": "Review conference",
    "child_protection.visit": "Next visit",
    "child_protection.pre_birth_review": "Review or core group after the birth",
    "child_protection.cp_is_nhs_number": "NHS number for CP-IS",
}

# The category of abuse in words a family can read, for the printable plan.
CATEGORY_FOR_FAMILY = {
    CategoryOfAbuse.NEGLECT: "{name}'s basic needs, such as food, warmth, safety, health care or school, "
    "are not always being met (this is called neglect).",
    CategoryOfAbuse.PHYSICAL: "{name} has been hurt, or could be hurt, by an adult (this is called physical abuse).",
    CategoryOfAbuse.EMOTIONAL: "What is happening at home is harming how {name} feels and grows up, for example "
    "arguments, fighting or being frightened (this is called emotional abuse).",
    CategoryOfAbuse.SEXUAL: "{name} has been, or could be, harmed sexually (this is called sexual abuse).",
    CategoryOfAbuse.MULTIPLE: "{name} is at risk of harm in more than one way.",
}


@dataclass(frozen=True)
class Due:
    code: str
    words: str
    due_on: date
    explanation: str


# -- the referral, the enquiry and the plans --------------------------------------------------


def last_strategy_discussion_on(referral: Referral) -> date | None:
    """The day of the referral's latest strategy discussion (the conference clock runs from it)."""
    latest = StrategyDiscussion.objects.filter(referral=referral).order_by("-held_at").values("held_at").first()
    return latest["held_at"].astimezone(LONDON).date() if latest else None


def enquiries_for_conference(referral: Referral) -> QuerySet[Section47Enquiry]:
    """The referral's s47 enquiries a conference can follow: still open, or ended recommending one."""
    return (
        Section47Enquiry.objects.filter(referral=referral, ended_on__isnull=True)
        | Section47Enquiry.objects.filter(referral=referral, outcome=EnquiryOutcome.INITIAL_CONFERENCE)
    ).order_by("-started_on", "-pk")


def open_referral_for(child: Person) -> Referral | None:
    return Referral.objects.filter(child=child, closed_on__isnull=True).first()


def open_plan_for(child: Person) -> ChildProtectionPlan | None:
    return ChildProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()


def open_cin_plan_for(child: Person) -> ChildInNeedPlan | None:
    return ChildInNeedPlan.objects.filter(child=child, ended_on__isnull=True).first()


def previous_plan_count(child: Person) -> int:
    """How many child protection plans the child had before (census ``NumberOfPreviousCPP``)."""
    return ChildProtectionPlan.objects.filter(child=child).count()


def last_conference_on(plan: ChildProtectionPlan) -> date | None:
    latest = plan.conferences.order_by("-held_on").values_list("held_on", flat=True).first()
    return latest


def last_core_group_on(plan: ChildProtectionPlan) -> date | None:
    return plan.core_groups.order_by("-held_on").values_list("held_on", flat=True).first()


def review_dates(plan: ChildProtectionPlan) -> list[date]:
    """The plan's review conference dates, oldest first (census ``CPPreviewDate``)."""
    reviews = plan.conferences.filter(kind=ConferenceKind.REVIEW).order_by("held_on")
    return list(reviews.values_list("held_on", flat=True))


# -- what is due --------------------------------------------------------------------------------


def open_deadlines_for(subject: Model) -> list[Due]:
    """The clocks still running for ``subject`` (a plan, a referral), soonest first, in plain words."""
    rows = Deadline.objects.filter(
        OPEN, subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk)
    ).order_by("due_on", "pk")
    return [
        Due(
            code=row.timescale_code,
            words=DUE_WORDS.get(row.timescale_code, row.timescale_code),
            due_on=row.due_on,
            explanation=row.explanation,
        )
        for row in rows
        if row.timescale_code.startswith("child_protection.")
    ]


def next_review_due(plan: ChildProtectionPlan) -> date | None:
    for due in open_deadlines_for(plan):
        if due.code in {"child_protection.first_review_conference", "child_protection.review_conference"}:
            return due.due_on
    return None


# -- conferences --------------------------------------------------------------------------------


def attendance(member: ConferenceMember) -> str:
    """Attended, sent apologies, did not attend, or not invited: never "absent" for someone not invited (R-062)."""
    if member.attended:
        return "Attended"
    if member.invited_on is None:
        return "Not invited"
    if member.sent_apologies:
        return "Sent apologies"
    return "Did not attend"


@dataclass(frozen=True)
class AgencyAttendance:
    agency: str
    invited: int
    attended: int
    not_invited: int
    reports: int


def attendance_by_agency(conference: Conference) -> list[AgencyAttendance]:
    """Per agency: how many were invited, how many came, how many were never invited, reports sent (R-064)."""
    members = list(conference.members.all())
    agencies = [agency for agency in Agency.values if any(member.agency == agency for member in members)]
    result = []
    for agency in agencies:
        theirs = [member for member in members if member.agency == agency]
        result.append(
            AgencyAttendance(
                agency=Agency(agency).label,
                invited=sum(1 for member in theirs if member.invited_on is not None),
                attended=sum(1 for member in theirs if member.attended),
                not_invited=sum(1 for member in theirs if member.invited_on is None),
                reports=sum(1 for member in theirs if member.report_submitted),
            )
        )
    return result


def notice_in_working_days(earlier: date | None, later: date) -> int | None:
    """Working days from ``earlier`` (an invitation, a report shared) to the meeting; negative if after it."""
    if earlier is None:
        return None
    if earlier > later:
        return -working_days_between(later, earlier)
    return working_days_between(earlier, later)


# -- plans --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective
    latest: ProgressUpdate | None


def objectives_with_progress(plan: ChildProtectionPlan) -> list[ObjectiveRow]:
    objectives = list(plan.objectives.order_by("target_date", "pk").prefetch_related("progress_updates"))
    return [
        ObjectiveRow(objective=objective, latest=max(objective.progress_updates.all(), key=_update_key, default=None))
        for objective in objectives
    ]


def _update_key(update: ProgressUpdate) -> tuple[date, int]:
    return (update.recorded_on, update.pk)


@dataclass(frozen=True)
class CoreGroupRow:
    core_group: CoreGroup
    quorum: str
    attended: int


def core_groups_of(plan: ChildProtectionPlan) -> list[CoreGroupRow]:
    rows = []
    for core_group in plan.core_groups.order_by("-held_on", "-pk").prefetch_related("members"):
        members = list(core_group.members.all())
        rows.append(
            CoreGroupRow(
                core_group=core_group,
                quorum=quorum_of((member.agency, member.attended) for member in members).in_words,
                attended=sum(1 for member in members if member.attended),
            )
        )
    return rows


def worry_for_family(plan: ChildProtectionPlan, child: Person) -> str:
    name = child.preferred_name or child.given_name
    if child.is_unborn or not name:
        name = "your baby"
    wording = CATEGORY_FOR_FAMILY.get(CategoryOfAbuse(plan.latest_category), "{name} is at risk of harm.")
    text = wording.format(name=name)
    return text[:1].upper() + text[1:]


def plans_of(child: Person) -> QuerySet[ChildProtectionPlan]:
    return ChildProtectionPlan.objects.filter(child=child).order_by("-started_on", "-pk")


# -- the case summary panel -----------------------------------------------------------------------


def record_summary(child: Person) -> dict[str, Any]:
    """Where child protection stands for the child's case summary, and what happens next.

    ``plan``: the open plan or None; ``due``: its clocks in words, soonest first;
    ``conference_due``: the initial conference clock when one is running for the open referral;
    ``previous_plans``: how many plans the child had before this one (or in all, with no plan open);
    ``last_core_group``; ``feedback_awaiting_follow_up``: conferences whose chair's feedback
    no manager has followed up yet; ``last_plan``: the latest ended plan.
    """
    plan = open_plan_for(child)
    referral = open_referral_for(child)
    conference_due = None
    if referral is not None:
        conference_due = next(
            (due for due in open_deadlines_for(referral) if due.code == "child_protection.initial_conference"), None
        )
    awaiting = list(
        Conference.objects.filter(child=child, feedback_followed_up_on__isnull=True)
        .exclude(chair_feedback="")
        .select_related("chair", "chair_feedback_to")
        .order_by("-held_on")
    )
    return {
        "plan": plan,
        "category": plan.get_latest_category_display() if plan else "",
        "due": open_deadlines_for(plan) if plan else [],
        "conference_due": conference_due,
        "previous_plans": plan.previous_plans if plan else previous_plan_count(child),
        "last_core_group": plan.core_groups.order_by("-held_on").first() if plan else None,
        "last_plan": None if plan else plans_of(child).first(),
        "feedback_awaiting_follow_up": awaiting,
    }
