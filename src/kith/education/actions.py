"""Recording a child in care's school, personal education plan, exclusions and attendance.

Starting the PEP meets the 10-working-day clock started when the child became looked
after; the first PEP meeting completes the plan and meets the 20-working-day clock. Later
meetings are the termly reviews.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from kith.care_leavers.eligibility import anniversary
from kith.care_leavers.models import LeavingCareSupport
from kith.education import events, queries, rules
from kith.education.access import can_record_education
from kith.education.models import (
    CareLeaverEducationReview,
    Exclusion,
    ExclusionKind,
    PepMeeting,
    PepMeetingKind,
    PepQuality,
    PersonalEducationPlan,
    SchoolPlace,
    SenStatus,
    TermAttendance,
    YearGroup,
)
from kith.education.terms import term_dates, term_name
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import Activity
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import meet_clock

if TYPE_CHECKING:
    from kith.children_in_care.models import PeriodOfCare
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def record_school(
    period: PeriodOfCare,
    *,
    school_name: str,
    urn: str = "",
    year_group: str,
    started_on: date,
    reason_for_change: str = "",
    ofsted_judgement: str = "",
    sen_status: str = "",
    by: User,
) -> SchoolPlace:
    """The child attends ``school_name`` from ``started_on``; a change of school ends the last place that day."""
    child = period.child
    require(can_record_education(by, child))
    current = queries.current_school(child)
    refuse_if(
        rules.school_problems(
            period,
            school_name=school_name,
            urn=urn,
            year_group=year_group,
            started_on=started_on,
            reason_for_change=reason_for_change,
            current=current,
            today=clock.today(),
            ofsted_judgement=ofsted_judgement,
            sen_status=sen_status,
        )
    )
    if current is not None:
        current.ended_on = started_on
        current.save(update_fields=["ended_on"])
    place = SchoolPlace.objects.create(
        period=period,
        child=child,
        school_name=school_name.strip(),
        urn=urn.strip(),
        year_group=year_group,
        started_on=started_on,
        reason_for_change=reason_for_change.strip() if current is not None else "",
        ofsted_judgement=ofsted_judgement,
        sen_status=sen_status,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    year = YearGroup(year_group).label
    summary = (
        f"Changed school from {current.school_name} to {place.school_name} ({year}): {place.reason_for_change}"
        if current is not None
        else f"At {place.school_name} ({year})"
    )
    if place.ofsted_judgement:
        summary += f"; Ofsted: {place.get_ofsted_judgement_display().lower()}"
    record_event(
        events.SCHOOL_STARTED.code, children=[child], by=by, summary=summary, occurred_on=started_on, subject=place
    )
    return place


@action
def start_pep(period: PeriodOfCare, *, started_on: date, by: User) -> PersonalEducationPlan:
    """The personal education plan was started (the designated teacher and virtual school asked for their part)."""
    child = period.child
    require(can_record_education(by, child))
    refuse_if(
        rules.pep_start_problems(period, started_on=started_on, existing=queries.plan_of(period), today=clock.today())
    )
    plan = PersonalEducationPlan.objects.create(
        period=period, child=child, started_on=started_on, recorded_by=_staff(by), recorded_at=clock.now()
    )
    event = record_event(
        events.PEP_STARTED.code,
        children=[child],
        by=by,
        summary="Personal education plan started",
        occurred_on=started_on,
        subject=plan,
    )
    meet_clock(queries.PEP_STARTED, subject=period, met_on=started_on, event=event)
    return plan


@action
def hold_pep_meeting(
    plan: PersonalEducationPlan,
    *,
    held_on: date,
    designated_teacher: str,
    virtual_school: str,
    child_views: str,
    targets: str,
    pupil_premium_plus: str = "",
    by: User,
) -> PepMeeting:
    """A PEP meeting: the first completes the plan (meeting its clock), later ones are its termly reviews."""
    child = plan.child
    require(can_record_education(by, child))
    last = queries.last_meeting(plan)
    refuse_if(
        rules.pep_meeting_problems(
            plan,
            held_on=held_on,
            last_held_on=last.held_on if last else None,
            designated_teacher=designated_teacher,
            virtual_school=virtual_school,
            child_views=child_views,
            targets=targets,
            today=clock.today(),
        )
    )
    first = last is None
    meeting = PepMeeting.objects.create(
        plan=plan,
        child=child,
        kind=PepMeetingKind.FIRST if first else PepMeetingKind.REVIEW,
        held_on=held_on,
        designated_teacher=designated_teacher.strip(),
        virtual_school=virtual_school.strip(),
        child_views=child_views.strip(),
        targets=targets.strip(),
        pupil_premium_plus=pupil_premium_plus.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    who = f"with {meeting.designated_teacher} (designated teacher) and {meeting.virtual_school} (virtual school)"
    if not first:
        record_event(
            events.PEP_REVIEWED.code,
            children=[child],
            by=by,
            summary=f"PEP reviewed {who}",
            occurred_on=held_on,
            subject=meeting,
        )
        return meeting
    plan.completed_on = held_on
    plan.save(update_fields=["completed_on"])
    event = record_event(
        events.PEP_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"PEP completed {who}",
        occurred_on=held_on,
        subject=meeting,
    )
    meet_clock(queries.PEP_COMPLETED, subject=plan.period, met_on=held_on, event=event)
    return meeting


@action
def record_exclusion(
    period: PeriodOfCare,
    *,
    kind: str,
    starts_on: date,
    days: int | None = None,
    reason: str,
    sen_status: str = "",
    by: User,
) -> Exclusion:
    """The school suspended the child for ``days`` school days, or excluded them permanently, from ``starts_on``.

    The child's SEN provision is as given, or else as recorded with their school (R-109)."""
    child = period.child
    require(can_record_education(by, child))
    refuse_if(
        rules.exclusion_problems(
            period, kind=kind, starts_on=starts_on, days=days, reason=reason, today=clock.today(), sen_status=sen_status
        )
    )
    school = queries.current_school(child)
    if not sen_status and school is not None:
        sen_status = school.sen_status
    permanent = kind == ExclusionKind.PERMANENT
    exclusion = Exclusion.objects.create(
        period=period,
        child=child,
        school=school,
        kind=kind,
        starts_on=starts_on,
        days=None if permanent else days,
        reason=reason.strip(),
        sen_status=sen_status,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    where = f" from {school.school_name}" if school else ""
    sen = f" ({SenStatus(sen_status).label.lower()})" if sen_status else ""
    what = "Permanently excluded" if permanent else f"Suspended for {days} school day{'s' if days != 1 else ''}"
    record_event(
        events.EXCLUSION.code,
        children=[child],
        by=by,
        summary=f"{what}{where}{sen}: {exclusion.reason}",
        occurred_on=starts_on,
        subject=exclusion,
    )
    return exclusion


@action
def record_attendance(
    period: PeriodOfCare, *, school_year: int, term: str, attendance_percent: Decimal | None, by: User
) -> TermAttendance:
    """The child's attendance over ``term`` of the school year starting in ``school_year``."""
    child = period.child
    require(can_record_education(by, child))
    refuse_if(
        rules.attendance_problems(
            period,
            school_year=school_year,
            term=term,
            attendance_percent=attendance_percent,
            already=TermAttendance.objects.filter(child=child, school_year=school_year, term=term).exists(),
            today=clock.today(),
        )
    )
    assert attendance_percent is not None  # checked above
    row = TermAttendance.objects.create(
        period=period,
        child=child,
        school_year=school_year,
        term=term,
        attendance_percent=attendance_percent,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.ATTENDANCE_RECORDED.code,
        children=[child],
        by=by,
        summary=f"Attendance {attendance_percent}% in {term_name(school_year, term)}"
        f"{' (persistently absent)' if row.persistently_absent else ''}",
        # Dated at the term's end, or today while the term is still running.
        occurred_on=min(term_dates(school_year, term)[1], clock.today()),
        subject=row,
    )
    return row


@action
def rate_pep_quality(meeting: PepMeeting, *, rating: str, rated_on: date, rated_by: str, by: User) -> PepMeeting:
    """The virtual school rated the quality of the PEP agreed at ``meeting`` (R-057)."""
    child = meeting.child
    require(can_record_education(by, child))
    refuse_if(
        rules.pep_quality_problems(meeting, rating=rating, rated_on=rated_on, rated_by=rated_by, today=clock.today())
    )
    meeting.quality_rating = rating
    meeting.quality_rated_on = rated_on
    meeting.quality_rated_by = rated_by.strip()
    meeting.save(update_fields=["quality_rating", "quality_rated_on", "quality_rated_by"])
    record_event(
        events.PEP_QUALITY_RATED.code,
        children=[child],
        by=by,
        summary=f"The PEP of {long_date(meeting.held_on)} rated {PepQuality(rating).label.lower()} by "
        f"{meeting.quality_rated_by} (virtual school)",
        occurred_on=rated_on,
        subject=meeting,
    )
    return meeting


@action
def record_care_leaver_eet_review(
    child: Person, *, reviewed_on: date, activity: str, virtual_school: str, notes: str, by: User
) -> CareLeaverEducationReview:
    """The virtual school reviewed a care leaver's education, training or employment (R-112)."""
    require(can_record_education(by, child))
    support = LeavingCareSupport.objects.filter(child=child).first()
    born = child.date_of_birth
    refuse_if(
        rules.eet_review_problems(
            child,
            reviewed_on=reviewed_on,
            activity=activity,
            virtual_school=virtual_school,
            notes=notes,
            today=clock.today(),
            became_eligible_on=support.became_eligible_on if support else None,
            twenty_fifth_birthday=anniversary(born, years=25) if born else None,
            same_day=CareLeaverEducationReview.objects.filter(child=child, reviewed_on=reviewed_on).exists(),
        )
    )
    review = CareLeaverEducationReview.objects.create(
        child=child,
        reviewed_on=reviewed_on,
        activity=activity,
        virtual_school=virtual_school.strip(),
        notes=notes.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.CARE_LEAVER_EET_REVIEWED.code,
        children=[child],
        by=by,
        summary=f"Virtual school ({review.virtual_school}): {Activity(activity).label.lower()} ({activity}); "
        f"{review.notes}",
        occurred_on=reviewed_on,
        subject=review,
    )
    return review
