"""Leaving care: starting support when the young person becomes eligible, the needs assessment, the personal
adviser, the pathway plan and its reviews, contact, moves after care and the 903 birthday information.

Clocks hang on the young person's ``LeavingCareSupport``: becoming eligible starts the needs
assessment (3 months); agreeing the pathway plan starts its review (6 months), and each review
meets it and starts the next; allocating a personal adviser starts the visit clock (2 months),
and each visit meets it and starts the next; a move starts the visit-after-a-move clock (1 week).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.care_leavers import events, queries, rules
from kith.care_leavers.access import can_allocate_personal_adviser, can_record_leaving_care
from kith.care_leavers.eligibility import anniversary
from kith.care_leavers.models import (
    BirthdayContact,
    CareLeaverAccommodation,
    ChangeDecision,
    ContactKind,
    Entitlement,
    EntitlementRecord,
    Handover,
    LeavingCareSupport,
    NeedsAssessment,
    Parenthood,
    PathwayPlan,
    PersonalAdviserAllocation,
    PersonalAdviserContact,
    PlanChangeRequest,
    SupportAfter21,
    SupportDecision,
)
from kith.care_leavers.rules import NeedsDetails, PlanDetails
from kith.people.access import can_view_person, staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import Accommodation, Activity, InTouch
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import cancel_clock, meet_clock, meet_clocks, start_clock

if TYPE_CHECKING:
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember, Team


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


@action
def start_leaving_care_support(child: Person, *, on: date, by: User) -> LeavingCareSupport:
    """The young person is an eligible child on ``on``: support starts, dated from the day they became
    eligible (computed from their time in care), and the needs assessment clock runs from that day."""
    require(can_record_leaving_care(by, child))
    status = queries.status_of(child, on=on)
    refuse_if(
        rules.start_problems(
            child,
            status=status,
            on=on,
            today=clock.today(),
            already_started=LeavingCareSupport.objects.filter(child=child).exists(),
        )
    )
    assert status.eligible_from is not None  # an eligible child has become eligible
    support = LeavingCareSupport.objects.create(
        child=child, became_eligible_on=status.eligible_from, recorded_by=_staff(by), recorded_at=clock.now()
    )
    record_event(
        events.BECAME_ELIGIBLE.code,
        children=[child],
        by=by,
        summary=f"Eligible for leaving care support from {long_date(status.eligible_from)}: {status.reason}",
        occurred_on=status.eligible_from,
        subject=support,
    )
    start_clock(queries.NEEDS_ASSESSMENT, child=child, subject=support, started_on=status.eligible_from)
    return support


@action
def complete_needs_assessment(
    support: LeavingCareSupport, *, completed_on: date, details: NeedsDetails, by: User
) -> NeedsAssessment:
    """The needs assessment is complete; it meets the needs assessment clock."""
    child = support.child
    require(can_record_leaving_care(by, child))
    done = NeedsAssessment.objects.filter(support=support).first()
    refuse_if(
        rules.needs_assessment_problems(
            support,
            completed_on=completed_on,
            details=details,
            today=clock.today(),
            already_on=done.completed_on if done else None,
        )
    )
    assessment = NeedsAssessment.objects.create(
        support=support,
        completed_on=completed_on,
        young_person_views=details.young_person_views.strip(),
        health_and_development=details.health_and_development.strip(),
        education_training_employment=details.education_training_employment.strip(),
        family_and_relationships=details.family_and_relationships.strip(),
        practical_skills_and_money=details.practical_skills_and_money.strip(),
        accommodation=details.accommodation.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    event = record_event(
        events.NEEDS_ASSESSMENT_COMPLETED.code,
        children=[child],
        by=by,
        summary=f"Needs assessment completed: {assessment.young_person_views}",
        occurred_on=completed_on,
        subject=assessment,
    )
    meet_clock(queries.NEEDS_ASSESSMENT, subject=support, met_on=completed_on, event=event)
    return assessment


@action
def allocate_personal_adviser(
    support: LeavingCareSupport, *, adviser: StaffMember, allocated_on: date, by: User
) -> PersonalAdviserAllocation:
    """Make ``adviser`` the young person's personal adviser from ``allocated_on``, ending any before.

    The first allocation starts the visit clock; a change of adviser leaves it running.
    """
    child = support.child
    require(can_allocate_personal_adviser(by, child))
    current = queries.current_adviser(child)
    refuse_if(
        rules.adviser_problems(
            support,
            adviser=adviser,
            allocated_on=allocated_on,
            today=clock.today(),
            current=current,
            adviser_reaches_the_record=can_view_person(adviser.user, child),
        )
    )
    if current is not None:
        current.ended_on = allocated_on
        current.save(update_fields=["ended_on"])
    allocation = PersonalAdviserAllocation.objects.create(
        support=support,
        child=child,
        adviser=adviser,
        allocated_on=allocated_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.PERSONAL_ADVISER_ALLOCATED.code,
        children=[child],
        by=by,
        summary=f"{adviser.full_name} is the personal adviser"
        + (f", taking over from {current.adviser.full_name}" if current else ""),
        occurred_on=allocated_on,
        subject=allocation,
    )
    if queries.open_clock(queries.VISIT, child) is None:
        start_clock(queries.VISIT, child=child, subject=support, started_on=allocated_on)
    return allocation


def _plan_fields(details: PlanDetails) -> dict[str, str]:
    return {name: value.strip() for name, value in details.__dict__.items()}


@action
def agree_pathway_plan(
    support: LeavingCareSupport,
    *,
    agreed_on: date,
    details: PlanDetails,
    copy_given_on: date | None = None,
    by: User,
) -> PathwayPlan:
    """The young person's first pathway plan, prepared from the needs assessment; its review is due in 6 months."""
    child = support.child
    require(can_record_leaving_care(by, child))
    assessment = NeedsAssessment.objects.filter(support=support).first()
    refuse_if(
        rules.agree_plan_problems(
            support,
            agreed_on=agreed_on,
            details=details,
            copy_given_on=copy_given_on,
            today=clock.today(),
            in_force=queries.plan_in_force(child),
            assessed_on=assessment.completed_on if assessment else None,
        )
    )
    plan = PathwayPlan.objects.create(
        child=child,
        agreed_on=agreed_on,
        copy_given_on=copy_given_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
        **_plan_fields(details),
    )
    shared = f"; copy given {long_date(copy_given_on)}" if copy_given_on else ""
    record_event(
        events.PATHWAY_PLAN_AGREED.code,
        children=[child],
        by=by,
        summary=f"Pathway plan agreed{shared}",
        occurred_on=agreed_on,
        subject=plan,
    )
    start_clock(queries.PATHWAY_PLAN_REVIEW, child=child, subject=support, started_on=agreed_on)
    return plan


@action
def review_pathway_plan(
    plan: PathwayPlan,
    *,
    reviewed_on: date,
    details: PlanDetails,
    what_changed: str,
    copy_given_on: date | None = None,
    by: User,
) -> PathwayPlan:
    """Review the plan in force: the new version replaces it, meeting the review clock and starting the next."""
    child = plan.child
    require(can_record_leaving_care(by, child))
    support = LeavingCareSupport.objects.get(child=child)
    support.child = child
    refuse_if(
        rules.review_plan_problems(
            plan,
            support,
            reviewed_on=reviewed_on,
            details=details,
            what_changed=what_changed,
            copy_given_on=copy_given_on,
            today=clock.today(),
        )
    )
    plan.replaced_on = reviewed_on
    plan.save(update_fields=["replaced_on"])
    reviewed = PathwayPlan.objects.create(
        child=child,
        agreed_on=reviewed_on,
        replaces=plan,
        what_changed=what_changed.strip(),
        copy_given_on=copy_given_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
        **_plan_fields(details),
    )
    event = record_event(
        events.PATHWAY_PLAN_REVIEWED.code,
        children=[child],
        by=by,
        summary=f"Pathway plan reviewed: {reviewed.what_changed}",
        occurred_on=reviewed_on,
        subject=reviewed,
    )
    meet_clock(queries.PATHWAY_PLAN_REVIEW, subject=support, met_on=reviewed_on, event=event)
    start_clock(queries.PATHWAY_PLAN_REVIEW, child=child, subject=support, started_on=reviewed_on)
    return reviewed


@action
def record_pathway_plan_shared(plan: PathwayPlan, *, given_on: date, by: User) -> PathwayPlan:
    """The young person was given a copy of this version of their pathway plan (R-051)."""
    child = plan.child
    require(can_record_leaving_care(by, child))
    refuse_if(
        rules.copy_problems(
            agreed_on=plan.agreed_on, given_on=given_on, today=clock.today(), already_on=plan.copy_given_on
        )
    )
    plan.copy_given_on = given_on
    plan.save(update_fields=["copy_given_on"])
    record_event(
        events.PATHWAY_PLAN_SHARED.code,
        children=[child],
        by=by,
        summary=f"Given a copy of the pathway plan agreed on {long_date(plan.agreed_on)}",
        occurred_on=given_on,
        subject=plan,
    )
    return plan


@action
def record_personal_adviser_contact(
    support: LeavingCareSupport,
    *,
    contact_on: date,
    kind: str,
    where: str = "",
    young_person_views: str = "",
    notes: str,
    by: User,
) -> PersonalAdviserContact:
    """Contact with the young person. Seeing them is a visit: it meets the visit clocks and, while a personal
    adviser is allocated, starts the next two-month one; a call or a message is recorded but meets nothing."""
    child = support.child
    require(can_record_leaving_care(by, child))
    refuse_if(
        rules.contact_problems(support, contact_on=contact_on, kind=kind, where=where, notes=notes, today=clock.today())
    )
    contact = PersonalAdviserContact.objects.create(
        support=support,
        child=child,
        contact_on=contact_on,
        kind=kind,
        where=where.strip(),
        young_person_views=young_person_views.strip(),
        notes=notes.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    seen = kind == ContactKind.SEEN
    event = record_event(
        (events.PERSONAL_ADVISER_VISIT if seen else events.PERSONAL_ADVISER_CONTACT).code,
        children=[child],
        by=by,
        summary=f"{contact.get_kind_display()}" + (f" ({contact.where})" if seen else "") + f": {contact.notes}",
        occurred_on=contact_on,
        subject=contact,
    )
    if seen:
        meet_clocks(queries.VISIT_CLOCKS, subject=support, met_on=contact_on, event=event)
        if queries.current_adviser(child) is not None:
            start_clock(queries.VISIT, child=child, subject=support, started_on=contact_on)
    return contact


@action
def record_accommodation_change(
    support: LeavingCareSupport,
    *,
    moved_on: date,
    accommodation: str,
    suitable: bool | None,
    description: str,
    arrangement: str = "",
    by: User,
) -> CareLeaverAccommodation:
    """The young person, no longer looked after, moved: the 903 code, whether it suits them, and a visit within
    a week (a later move restarts that week)."""
    child = support.child
    require(can_record_leaving_care(by, child))
    looked_after = any(spell.includes(moved_on) for spell in queries.care_spells(child))
    refuse_if(
        rules.accommodation_problems(
            support,
            moved_on=moved_on,
            accommodation=accommodation,
            suitable=suitable,
            description=description,
            looked_after=looked_after,
            today=clock.today(),
            arrangement=arrangement,
        )
    )
    assert suitable is not None  # checked above
    home = CareLeaverAccommodation.objects.create(
        support=support,
        child=child,
        moved_on=moved_on,
        accommodation=accommodation,
        suitable=suitable,
        description=description.strip(),
        arrangement=arrangement,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.ACCOMMODATION_CHANGED.code,
        children=[child],
        by=by,
        summary=f"Moved to {Accommodation(accommodation).label.lower()} ({home.code}, "
        f"{'suitable' if suitable else 'not suitable'}"
        f"{'; ' + home.get_arrangement_display().split(' (')[0].lower() if arrangement else ''}): {home.description}",
        occurred_on=moved_on,
        subject=home,
    )
    cancel_clock(queries.VISIT_AFTER_MOVE, subject=support, on=moved_on, reason="moved again")
    start_clock(queries.VISIT_AFTER_MOVE, child=child, subject=support, started_on=moved_on)
    return home


@action
def record_birthday_contact(
    support: LeavingCareSupport,
    *,
    birthday: int,
    contact_on: date,
    in_touch: str,
    activity: str,
    accommodation: str,
    accommodation_suitable: bool | None,
    by: User,
) -> BirthdayContact:
    """The 903 care leaver information (OC3) for the 17th to 21st birthday: in touch, main activity, accommodation."""
    child = support.child
    require(can_record_leaving_care(by, child))
    born = child.date_of_birth
    birthday_on = anniversary(born, years=birthday) if born is not None and 17 <= birthday <= 21 else None
    refuse_if(
        rules.birthday_problems(
            support,
            birthday=birthday,
            contact_on=contact_on,
            in_touch=in_touch,
            activity=activity,
            accommodation=accommodation,
            accommodation_suitable=accommodation_suitable,
            status_on_birthday=queries.status_of(child, on=birthday_on) if birthday_on else None,
            already_recorded=BirthdayContact.objects.filter(child=child, birthday=birthday).exists(),
            today=clock.today(),
        )
    )
    assert birthday_on is not None  # checked above
    row = BirthdayContact.objects.create(
        support=support,
        child=child,
        birthday=birthday,
        birthday_on=birthday_on,
        contact_on=contact_on,
        in_touch=in_touch,
        activity=activity,
        accommodation=accommodation,
        accommodation_suitable=accommodation_suitable if accommodation else None,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.BIRTHDAY_CONTACT.code,
        children=[child],
        by=by,
        summary=f"{rules.ordinal(birthday)} birthday information (903): {InTouch(in_touch).label.lower()}; "
        f"{Activity(activity).label.lower()} ({activity}); accommodation {row.accom_code}",
        occurred_on=contact_on,
        subject=row,
    )
    return row


@action
def record_support_after_21(
    support: LeavingCareSupport, *, decided_on: date, decision: str, young_person_views: str, by: User
) -> SupportAfter21:
    """The young person's choice at 21 about continued support, or asking for it again up to 25 (R-115).

    Choosing no support stops the visit clock; asking again restarts it while an adviser is allocated."""
    child = support.child
    require(can_record_leaving_care(by, child))
    latest = SupportAfter21.objects.filter(child=child).order_by("-decided_on", "-pk").first()
    refuse_if(
        rules.support_after_21_problems(
            support,
            decided_on=decided_on,
            decision=decision,
            young_person_views=young_person_views,
            latest=latest.decision if latest else None,
            today=clock.today(),
        )
    )
    row = SupportAfter21.objects.create(
        support=support,
        child=child,
        decided_on=decided_on,
        decision=decision,
        young_person_views=young_person_views.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.SUPPORT_AFTER_21.code,
        children=[child],
        by=by,
        summary=f"{SupportDecision(decision).label}: {row.young_person_views}",
        occurred_on=decided_on,
        subject=row,
    )
    if decision == SupportDecision.STOP:
        cancel_clock(queries.VISIT, subject=support, on=decided_on, reason="no support wanted after 21")
    elif (
        decision == SupportDecision.OPT_BACK_IN
        and queries.current_adviser(child) is not None
        and queries.open_clock(queries.VISIT, child) is None
    ):
        start_clock(queries.VISIT, child=child, subject=support, started_on=decided_on)
    return row


@action
def record_entitlement_explained(
    support: LeavingCareSupport, *, entitlement: str, explained_on: date, by: User
) -> EntitlementRecord:
    """An entitlement of the local offer, or a right, was explained to the young person (R-116)."""
    child = support.child
    require(can_record_leaving_care(by, child))
    existing = EntitlementRecord.objects.filter(child=child, entitlement=entitlement).first()
    refuse_if(
        rules.entitlement_problems(
            support,
            entitlement=entitlement,
            explained_on=explained_on,
            already_on=existing.explained_on if existing else None,
            today=clock.today(),
        )
    )
    row = EntitlementRecord.objects.create(
        support=support,
        child=child,
        entitlement=entitlement,
        explained_on=explained_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.ENTITLEMENT_EXPLAINED.code,
        children=[child],
        by=by,
        summary=f"Explained: {Entitlement(entitlement).label.lower()}",
        occurred_on=explained_on,
        subject=row,
    )
    return row


@action
def record_entitlement_taken_up(
    support: LeavingCareSupport, *, entitlement: str, taken_up_on: date, by: User
) -> EntitlementRecord:
    """The young person took up an entitlement explained to them (R-116)."""
    child = support.child
    require(can_record_leaving_care(by, child))
    row = EntitlementRecord.objects.filter(child=child, entitlement=entitlement).first()
    refuse_if(
        rules.taken_up_problems(
            support,
            entitlement=entitlement,
            taken_up_on=taken_up_on,
            explained_on=row.explained_on if row else None,
            already_on=row.taken_up_on if row else None,
            today=clock.today(),
        )
    )
    assert row is not None  # checked above
    row.taken_up_on = taken_up_on
    row.save(update_fields=["taken_up_on"])
    record_event(
        events.ENTITLEMENT_TAKEN_UP.code,
        children=[child],
        by=by,
        summary=f"Took up: {Entitlement(entitlement).label.lower()}",
        occurred_on=taken_up_on,
        subject=row,
    )
    return row


@action
def record_handover(
    support: LeavingCareSupport,
    *,
    handed_over_on: date,
    from_team: Team | None,
    to_team: Team | None,
    handed_over: str,
    by: User,
) -> Handover:
    """The children in care team handed the young person to the leaving care team: what went with them (R-120)."""
    child = support.child
    require(can_record_leaving_care(by, child))
    refuse_if(
        rules.handover_problems(
            support,
            handed_over_on=handed_over_on,
            from_team=from_team,
            to_team=to_team,
            handed_over=handed_over,
            today=clock.today(),
        )
    )
    assert from_team is not None  # checked above
    assert to_team is not None
    row = Handover.objects.create(
        support=support,
        child=child,
        handed_over_on=handed_over_on,
        from_team=from_team,
        to_team=to_team,
        handed_over=handed_over.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.HANDED_OVER.code,
        children=[child],
        by=by,
        summary=f"Handed over from {from_team.name} to {to_team.name}: {row.handed_over}",
        occurred_on=handed_over_on,
        subject=row,
    )
    return row


@action
def record_young_person_as_parent(
    support: LeavingCareSupport, *, baby_born_on: date, lives_with_young_person: bool, support_given: str, by: User
) -> Parenthood:
    """The young person became a parent: where the baby lives, and the support given to them both (R-121)."""
    child = support.child
    require(can_record_leaving_care(by, child))
    refuse_if(
        rules.parenthood_problems(child, baby_born_on=baby_born_on, support_given=support_given, today=clock.today())
    )
    row = Parenthood.objects.create(
        support=support,
        child=child,
        baby_born_on=baby_born_on,
        lives_with_young_person=lives_with_young_person,
        support_given=support_given.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    lives = "lives with them" if lives_with_young_person else "does not live with them"
    record_event(
        events.BECAME_A_PARENT.code,
        children=[child],
        by=by,
        summary=f"Became a parent; the baby {lives}. Support: {row.support_given}",
        occurred_on=baby_born_on,
        subject=row,
    )
    return row


@action
def record_plan_change_request(
    plan: PathwayPlan,
    *,
    requested_on: date,
    what_was_asked: str,
    decision: str,
    decided_on: date,
    how_handled: str,
    by: User,
) -> PlanChangeRequest:
    """The young person asked to change their pathway plan; what was decided and how it was handled (R-054)."""
    child = plan.child
    require(can_record_leaving_care(by, child))
    refuse_if(
        rules.change_request_problems(
            plan,
            requested_on=requested_on,
            what_was_asked=what_was_asked,
            decision=decision,
            decided_on=decided_on,
            how_handled=how_handled,
            today=clock.today(),
        )
    )
    row = PlanChangeRequest.objects.create(
        plan=plan,
        child=child,
        requested_on=requested_on,
        what_was_asked=what_was_asked.strip(),
        decision=decision,
        decided_on=decided_on,
        how_handled=how_handled.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.PLAN_CHANGE_REQUESTED.code,
        children=[child],
        by=by,
        summary=f"Asked to change the pathway plan: {row.what_was_asked}. "
        f"{ChangeDecision(decision).label} on {long_date(decided_on)}: {row.how_handled}",
        occurred_on=requested_on,
        subject=row,
    )
    return row
