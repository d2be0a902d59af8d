"""Set-based reads for the front door: what is waiting, what is open, and the child's panel.

Deadlines are read from the Deadline rows the actions started, so the front door page,
the child's case summary and the work trays always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from kith.front_door.models import (
    Contact,
    ContactDecision,
    EarlyHelpAssessment,
    OutOfHoursRecord,
    PoliceProtection,
    ProfessionalDisagreement,
    Referral,
)
from kith.people.models import Person
from kith.platform import clock
from kith.platform.calendar import add_months
from kith.platform.calendar.working_days import long_date
from kith.platform.timescales import registry
from kith.platform.timescales.models import OPEN, Deadline
from kith.workforce.models import Team

LONDON = ZoneInfo("Europe/London")

# What each clock is called on the child's panel: "Assessment due 13 January 2027".
NEXT_STEP_WORDS = {
    "front_door.referral_decision": "Decision",
    "front_door.early_help_follow_up": "Early help follow-up",
    "assessments.single_assessment": "Assessment",
    "assessments.strategy_discussion": "Strategy discussion",
    "child_protection.initial_conference": "Initial child protection conference",
}


def _london_date(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


# --- single records -----------------------------------------------------------------------------------


def children_of(contact: Contact) -> list[Person]:
    """The contact's children in the order they were named (the first started the decision clock)."""
    through = Contact.children.through.objects.filter(contact=contact).select_related("person").order_by("pk")
    return [row.person for row in through]


def open_referral_of(child: Person) -> Referral | None:
    return Referral.objects.filter(child=child, closed_on__isnull=True).first()


def referral_closures(child: Person) -> list[date]:
    """When each of the child's earlier referrals closed (for the re-referral flag)."""
    closed = Referral.objects.filter(child=child, closed_on__isnull=False).values_list("closed_on", flat=True)
    return [day for day in closed if day is not None]


def earlier_contacts_received(children: Sequence[Person], *, up_to: datetime) -> list[datetime]:
    """When the earlier contacts about any of these children were received (for the repeat-contact flag)."""
    return list(
        Contact.objects.filter(children__in=list(children), received_at__lte=up_to)
        .values_list("received_at", flat=True)
        .distinct()
    )


def open_police_protection_of(child: Person) -> PoliceProtection | None:
    return PoliceProtection.objects.filter(child=child, ended_at__isnull=True).first()


def open_work_on(referral: Referral) -> list[str]:
    """What is still open on the episode, named with its dates (closing is refused while any is)."""
    open_work = [
        f"the child protection plan from {long_date(plan.started_on)}"
        for plan in referral.child_protection_plans.filter(ended_on__isnull=True)
    ]
    open_work += [
        f"the child in need plan from {long_date(plan.started_on)}"
        for plan in referral.child_in_need_plans.filter(ended_on__isnull=True)
    ]
    open_work += [
        f"the section 47 enquiry from {long_date(enquiry.started_on)}"
        for enquiry in referral.section_47_enquiries.filter(ended_on__isnull=True)
    ]
    open_work += [
        f"the assessment started {long_date(assessment.started_on)}, not yet authorised by a manager"
        for assessment in referral.assessments.filter(authorised_on__isnull=True)
    ]
    return open_work


def latest_work_on(referral: Referral) -> tuple[str, date] | None:
    """The last dated piece of work on the episode: the closure cannot come before it (census rule 8565)."""
    found: list[tuple[date, str]] = []
    for assessment in referral.assessments.all():
        done = assessment.authorised_on or assessment.completed_on or assessment.started_on
        found.append((done, "the assessment"))
    found += [
        (_london_date(held), "a strategy discussion")
        for held in referral.strategy_discussions.values_list("held_at", flat=True)
    ]
    for enquiry in referral.section_47_enquiries.all():
        found.append((enquiry.ended_on or enquiry.started_on, "the section 47 enquiry"))
    conferences = referral.conferences.values_list("held_on", flat=True)
    found += [(held, "a child protection conference") for held in conferences]
    for cp_plan in referral.child_protection_plans.all():
        found.append((cp_plan.ended_on or cp_plan.started_on, "the child protection plan"))
    for cin_plan in referral.child_in_need_plans.all():
        found.append((cin_plan.ended_on or cin_plan.started_on, "the child in need plan"))
    if not found:
        return None
    latest, what = max(found)
    return what, latest


def has_assessment(referral: Referral) -> bool:
    return referral.assessments.exists()


def work_beyond_assessment(referral: Referral) -> list[str]:
    """What the episode held beyond an assessment (a section 47 enquiry, a conference, a plan): such a
    case was not "closed after assessment" (census rule 2990)."""
    held = []
    if referral.section_47_enquiries.exists():
        held.append("a section 47 enquiry")
    if referral.conferences.exists():
        held.append("a child protection conference")
    if referral.child_protection_plans.exists():
        held.append("a child protection plan")
    if referral.child_in_need_plans.exists():
        held.append("a child in need plan")
    return held


def linked_records(referral: Referral) -> dict[str, list[Any]]:
    """The work recorded on the episode, for the referral page."""
    return {
        "assessments": list(referral.assessments.all()),
        "strategy_discussions": list(referral.strategy_discussions.all()),
        "section_47_enquiries": list(referral.section_47_enquiries.all()),
        "conferences": list(referral.conferences.all()),
        "child_protection_plans": list(referral.child_protection_plans.all()),
        "child_in_need_plans": list(referral.child_in_need_plans.all()),
    }


# --- deadlines ----------------------------------------------------------------------------------------


def open_deadlines_of(subjects: Iterable[Any]) -> list[Deadline]:
    """The clocks still running for these records (contacts, referrals), soonest due first, in one query."""
    subjects = list(subjects)
    if not subjects:
        return []
    by_type: dict[int, list[str]] = {}
    for subject in subjects:
        by_type.setdefault(ContentType.objects.get_for_model(subject).pk, []).append(str(subject.pk))
    where = Q()
    for type_id, ids in by_type.items():
        where |= Q(subject_type_id=type_id, subject_id__in=ids)
    return list(Deadline.objects.filter(OPEN).filter(where).order_by("due_on", "pk"))


def open_deadline(code: str, subject: Any) -> Deadline | None:
    return next((found for found in open_deadlines_of([subject]) if found.timescale_code == code), None)


def deadline_words(deadline: Deadline) -> str:
    """ "Assessment due 13 January 2027"."""
    what = (
        NEXT_STEP_WORDS.get(deadline.timescale_code)
        or registry.get(deadline.timescale_code, on=deadline.started_on).title
    )
    return f"{what} due {long_date(deadline.due_on)}"


@dataclass(frozen=True)
class DeadlineRow:
    deadline: Deadline
    title: str


def deadlines_of(subjects: Sequence[Any]) -> list[DeadlineRow]:
    """Every clock, open or closed, of these records, oldest first, with its title (for the record pages)."""
    rows: list[Deadline] = []
    for subject in subjects:
        subject_type = ContentType.objects.get_for_model(subject)
        rows += list(Deadline.objects.filter(subject_type=subject_type, subject_id=str(subject.pk)))
    return [
        DeadlineRow(row, registry.get(row.timescale_code, on=row.started_on).title)
        for row in sorted(rows, key=lambda row: (row.started_on, row.pk))
    ]


# --- the front door page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactRow:
    contact: Contact
    children: list[Person]
    due_on: date | None

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.due_on < clock.today()


def _rows(contacts: QuerySet[Contact]) -> list[ContactRow]:
    found = list(contacts.select_related("decided_by").prefetch_related("children"))
    due = {
        int(deadline.subject_id): deadline.due_on
        for deadline in open_deadlines_of(found)
        if deadline.timescale_code == "front_door.referral_decision"
    }
    return [ContactRow(contact, list(contact.children.all()), due.get(contact.pk)) for contact in found]


def contacts_awaiting_decision(contacts: QuerySet[Contact]) -> list[ContactRow]:
    """Contacts not yet decided, oldest first, each with its decision due date."""
    return _rows(contacts.filter(decided_at__isnull=True).order_by("received_at", "pk"))


def contacts_decided_on(contacts: QuerySet[Contact], day: date) -> list[ContactRow]:
    return _rows(contacts.filter(decided_at__date=day).order_by("-decided_at", "-pk"))


def early_help_follow_ups_due(contacts: QuerySet[Contact]) -> list[ContactRow]:
    """Families signposted to early help not yet checked on (R-152), soonest due first."""
    awaiting = contacts.filter(decision=ContactDecision.EARLY_HELP, early_help_followed_up_on__isnull=True)
    return sorted(_early_help_rows(awaiting), key=lambda row: (row.due_on or date.max, row.contact.pk))


def _early_help_rows(contacts: QuerySet[Contact]) -> list[ContactRow]:
    found = list(contacts.select_related("decided_by").prefetch_related("children"))
    return [ContactRow(contact, list(contact.children.all()), contact.early_help_follow_up_due_on) for contact in found]


# --- police protection (R-122) ------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthOfPoliceProtection:
    month: date
    in_office_hours: int
    out_of_hours: int

    @property
    def total(self) -> int:
        return self.in_office_hours + self.out_of_hours

    @property
    def month_words(self) -> str:
        return long_date(self.month).split(" ", 1)[1]


def police_protection_by_month(protections: QuerySet[PoliceProtection]) -> list[MonthOfPoliceProtection]:
    """How many times police protection was used each month, in and out of office hours, newest month first."""
    rows = (
        protections.annotate(month=TruncMonth("started_at", tzinfo=LONDON))
        .values("month")
        .annotate(
            in_hours=Count("pk", filter=Q(in_office_hours=True)),
            out_of_hours=Count("pk", filter=Q(in_office_hours=False)),
        )
        .order_by("-month")
    )
    return [
        MonthOfPoliceProtection(
            month=_london_date(row["month"]) if isinstance(row["month"], datetime) else row["month"],
            in_office_hours=row["in_hours"],
            out_of_hours=row["out_of_hours"],
        )
        for row in rows
    ]


def police_protection_outcomes(protections: QuerySet[PoliceProtection]) -> list[tuple[str, int]]:
    """What followed police protection, with how many times (ended ones only)."""
    labels = dict(PoliceProtection._meta.get_field("what_followed").flatchoices)
    ended = protections.exclude(what_followed="")
    counted = ended.values("what_followed").annotate(n=Count("pk")).order_by("-n", "what_followed")
    return [(str(labels[row["what_followed"]]), row["n"]) for row in counted]


# --- out of hours ---------------------------------------------------------------------------------------


def handovers_awaiting(team: Team, records: QuerySet[OutOfHoursRecord]) -> list[OutOfHoursRecord]:
    """Out-of-hours handovers to ``team`` nobody in the day team has picked up yet, oldest first."""
    return list(
        records.filter(handed_over_to=team, acknowledged_at__isnull=True)
        .select_related("recorded_by", "handed_over_to", "police_protection")
        .prefetch_related("children")
        .order_by("received_at", "pk")
    )


# --- early help (R-042) ---------------------------------------------------------------------------------


def early_help_awaiting_audit(assessments: QuerySet[EarlyHelpAssessment]) -> list[EarlyHelpAssessment]:
    return list(assessments.filter(audited_on__isnull=True).select_related("child").order_by("assessed_on", "pk"))


# --- professional disagreement --------------------------------------------------------------------------


def disagreements_about(subject: Contact | Referral) -> list[ProfessionalDisagreement]:
    return list(subject.disagreements.select_related("resolved_by").order_by("raised_on", "pk"))


def children_concerned(disagreement: ProfessionalDisagreement) -> list[Person]:
    if disagreement.contact is not None:
        return children_of(disagreement.contact)
    assert disagreement.referral is not None
    return [disagreement.referral.child]


# --- the child's case summary panel -----------------------------------------------------------------------


@dataclass
class RecordSummary:
    open_referral: Referral | None
    days_open: int | None
    next_steps: list[dict[str, Any]] = field(default_factory=list)
    contacts_awaiting: list[Contact] = field(default_factory=list)
    open_police_protection: PoliceProtection | None = None
    last_closed_referral: Referral | None = None
    referrals_in_last_year: int = 0


def record_summary(child: Person) -> dict[str, Any]:
    """The front door's part of the child's case summary: the open episode and what happens next.

    ``next_steps`` are the open clocks for the open referral and for the child's contacts
    still waiting (a decision, an early help follow-up), soonest first, each in words:
    "Decision due 3 December 2026", "Assessment due 13 January 2027".
    """
    today = clock.today()
    referral = open_referral_of(child)
    waiting = list(
        Contact.objects.filter(children=child)
        .filter(
            Q(decided_at__isnull=True) | Q(decision=ContactDecision.EARLY_HELP, early_help_followed_up_on__isnull=True)
        )
        .order_by("received_at")
    )
    subjects: list[Any] = [*waiting, *([referral] if referral else [])]
    next_steps = [
        {
            "code": deadline.timescale_code,
            "due_on": deadline.due_on,
            "words": deadline_words(deadline),
            "overdue": deadline.due_on < today,
        }
        for deadline in open_deadlines_of(subjects)
    ]
    last_closed = (
        Referral.objects.filter(child=child).filter(closed_on__isnull=False).order_by("-closed_on", "-pk").first()
    )
    a_year_ago = add_months(today, -12)
    summary = RecordSummary(
        open_referral=referral,
        days_open=(today - referral.referral_date).days if referral else None,
        next_steps=next_steps,
        contacts_awaiting=[contact for contact in waiting if contact.decided_at is None],
        open_police_protection=open_police_protection_of(child),
        last_closed_referral=last_closed,
        referrals_in_last_year=Referral.objects.filter(child=child).filter(referral_date__gt=a_year_ago).count(),
    )
    return summary.__dict__.copy()
