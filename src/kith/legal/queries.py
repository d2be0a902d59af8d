"""Reading pre-proceedings and proceedings: the tracker, a child's legal history, the census element."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, OuterRef, Prefetch, QuerySet, Subquery

from kith.legal.models import (
    CareProceedings,
    Hearing,
    MeetingKind,
    PreProceedings,
    PreProceedingsMeeting,
)
from kith.people.models import Person
from kith.platform.timescales.models import OPEN, Deadline

PRE_PROCEEDINGS_CLOCK = "legal.pre_proceedings_review"
CARE_PROCEEDINGS_CLOCK = "legal.care_proceedings"
DAYS_IN_A_WEEK = 7


@dataclass(frozen=True)
class TrackerRow:
    """A child in pre-proceedings, as the tracker shows them."""

    pre_proceedings: PreProceedings
    child: Person
    weeks: int
    last_meeting_on: date | None
    next_review_on: date | None
    due_on: date | None
    as_of: date

    @property
    def over_limit(self) -> bool:
        """Still in pre-proceedings after the local standard's limit (16 weeks by default)."""
        return self.due_on is not None and self.as_of > self.due_on


@dataclass(frozen=True)
class CourtRow:
    """A child's open court application, as the tracker shows it."""

    proceedings: CareProceedings
    child: Person
    weeks: int
    last_hearing_on: date | None
    next_hearing_on: date | None
    due_on: date | None
    as_of: date

    @property
    def over_limit(self) -> bool:
        return self.due_on is not None and self.as_of > self.due_on


def _open_due_dates(code: str, model: type[Any], pks: list[int]) -> dict[int, date]:
    """The due date of each subject's open ``code`` clock, in one query."""
    subject_type = ContentType.objects.get_for_model(model)
    rows = Deadline.objects.filter(
        OPEN, timescale_code=code, subject_type=subject_type, subject_id__in=[str(pk) for pk in pks]
    ).values_list("subject_id", "due_on")
    return {int(subject_id): due for subject_id, due in rows}


def pre_proceedings_tracker(visible: QuerySet[PreProceedings], *, on: date) -> list[TrackerRow]:
    """Children in pre-proceedings on ``on``, longest first, with their letter, meetings and limit."""
    latest_meeting = PreProceedingsMeeting.objects.filter(pre_proceedings=OuterRef("pk")).order_by("-held_on", "-pk")
    found = list(
        visible.filter(ended_on__isnull=True, entered_on__lte=on)
        .select_related("child", "decision_maker")
        .annotate(
            last_meeting_on=Max("meetings__held_on"),
            next_review_on=Subquery(latest_meeting.values("next_review_on")[:1]),
        )
        .order_by("entered_on", "pk")
    )
    due = _open_due_dates(PRE_PROCEEDINGS_CLOCK, PreProceedings, [row.pk for row in found])
    return [
        TrackerRow(
            pre_proceedings=row,
            child=row.child,
            weeks=(on - row.entered_on).days // DAYS_IN_A_WEEK,
            last_meeting_on=row.last_meeting_on,
            next_review_on=row.next_review_on,
            due_on=due.get(row.pk),
            as_of=on,
        )
        for row in found
    ]


def court_tracker(visible: QuerySet[CareProceedings], *, on: date) -> list[CourtRow]:
    """Open court applications on ``on``, longest first, with their hearings and the 26-week limit."""
    latest_hearing = Hearing.objects.filter(proceedings=OuterRef("pk")).order_by("-held_on", "-pk")
    found = list(
        visible.filter(ended_on__isnull=True, application_made_on__lte=on)
        .select_related("child")
        .annotate(
            last_hearing_on=Max("hearings__held_on"),
            next_hearing_on=Subquery(latest_hearing.values("next_hearing_on")[:1]),
        )
        .order_by("application_made_on", "pk")
    )
    due = _open_due_dates(CARE_PROCEEDINGS_CLOCK, CareProceedings, [row.pk for row in found])
    return [
        CourtRow(
            proceedings=row,
            child=row.child,
            weeks=(on - row.application_made_on).days // DAYS_IN_A_WEEK,
            last_hearing_on=row.last_hearing_on,
            next_hearing_on=row.next_hearing_on,
            due_on=due.get(row.pk),
            as_of=on,
        )
        for row in found
    ]


def pre_proceedings_of(child: Person) -> QuerySet[PreProceedings]:
    """The child's pre-proceedings, latest first, with meetings and decision-makers (three queries)."""
    return (
        PreProceedings.objects.filter(child=child)
        .select_related("decision_maker", "exit_decided_by")
        .prefetch_related(
            Prefetch("meetings", queryset=PreProceedingsMeeting.objects.select_related("recorded_by")),
        )
    )


def proceedings_of(child: Person) -> QuerySet[CareProceedings]:
    """The child's court applications, latest first, with their hearings."""
    return (
        CareProceedings.objects.filter(child=child)
        .select_related("decided_by")
        .prefetch_related(Prefetch("hearings", queryset=Hearing.objects.select_related("recorded_by")))
    )


def open_pre_proceedings(child: Person) -> PreProceedings | None:
    return PreProceedings.objects.filter(child=child, ended_on__isnull=True).first()


def open_deadline(code: str, subject: Any) -> Deadline | None:
    subject_type = ContentType.objects.get_for_model(subject)
    return Deadline.objects.filter(
        OPEN, timescale_code=code, subject_type=subject_type, subject_id=str(subject.pk)
    ).first()


def census_pre_proceedings(pre_proceedings: PreProceedings) -> dict[str, object]:
    """The CIN census 2026-27 ``PreProceedingsandFGDM`` element for one period of pre-proceedings.

    ``PPOutcome`` is Kith's own outcome code: DfE has not yet published the census code list for it.
    """
    meetings = list(pre_proceedings.meetings.all())
    initial = [meeting.held_on for meeting in meetings if meeting.kind == MeetingKind.INITIAL]
    application = pre_proceedings.applications.order_by("application_made_on", "pk").first()
    return {
        "PPStartDate": pre_proceedings.entered_on,
        "LBPSentDate": pre_proceedings.letter_sent_on,
        "FGDMMeetingOffer": int(pre_proceedings.family_meeting_offered_on is not None),
        "FGDMMeetingFac": int(pre_proceedings.family_meeting_held_on is not None),
        "InitialPPMeetingDate": min(initial) if initial else None,
        "ReviewMeetingsCount": sum(1 for meeting in meetings if meeting.kind == MeetingKind.REVIEW),
        "StepDecisionDate": pre_proceedings.ended_on,
        "PPOutcome": pre_proceedings.outcome or None,
        "CourtAppDate": application.application_made_on if application else None,
        "LetterInitCPDate": pre_proceedings.letter_of_issue_sent_on,
    }


@dataclass(frozen=True)
class OnRecord:
    """What the case summary shows of this area (``legal/_on_record.html``)."""

    child: Person
    pre_proceedings: PreProceedings | None
    applications: list[CareProceedings]


def on_record(child: Person) -> OnRecord:
    return OnRecord(
        child=child,
        pre_proceedings=open_pre_proceedings(child),
        applications=list(CareProceedings.objects.filter(child=child, ended_on__isnull=True)),
    )
