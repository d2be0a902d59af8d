"""The fostering service's actions: from the enquiry to approval, reviews, training, placements and the end.

Each event names the household's carers (adults with their own records), so the carers'
chronologies hold their fostering history; linking a placement names the child as well.
Temporary approval (reg 24) starts the 16-week clock, met by full approval; approval starts the
yearly review clock, and each review meets it and starts the next; the end closes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.fostering import events, queries, rules
from kith.fostering.access import can_decide_approval, can_link_placement, can_record_fostering
from kith.fostering.models import (
    ApprovalReview,
    EndReason,
    Household,
    HouseholdCarer,
    HouseholdKind,
    KindOfCare,
    PlacementLink,
    TrainingCompleted,
)
from kith.fostering.rules import Terms
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import close_clocks_for, meet_clock, start_clock

if TYPE_CHECKING:
    from kith.children_in_care.models import Placement
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording needs an active staff record
    return staff


def _set_terms(household: Household, terms: Terms) -> None:
    household.approved_places = terms.places
    household.age_from = terms.age_from
    household.age_to = terms.age_to
    household.kind_of_care = terms.kind_of_care


@action
def record_fostering_enquiry(
    *, name: str, postcode: str, kind: str, carers: Sequence[Person], enquiry_on: date, by: User
) -> Household:
    """Someone asked to foster, or a relative or friend was put forward for a child, on ``enquiry_on``."""
    require(can_record_fostering(by))
    carers = list(carers)
    refuse_if(
        rules.enquiry_problems(
            name=name,
            postcode=postcode,
            kind=kind,
            enquiry_on=enquiry_on,
            carers=carers,
            today=clock.today(),
            fostering_elsewhere=queries.fostering_elsewhere(carers),
        )
    )
    household = Household.objects.create(
        name=name.strip(),
        postcode=postcode.strip().upper(),
        kind=kind,
        enquiry_on=enquiry_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    for carer in carers:
        HouseholdCarer.objects.create(household=household, person=carer)
    record_event(
        events.ENQUIRY_RECORDED.code,
        children=carers,
        by=by,
        summary=f"Fostering enquiry from {household.name}: {HouseholdKind(kind).label.lower()}",
        occurred_on=enquiry_on,
        subject=household,
    )
    return household


@action
def start_fostering_assessment(household: Household, *, started_on: date, assessor: str, by: User) -> Household:
    require(can_record_fostering(by))
    refuse_if(rules.assessment_problems(household, started_on=started_on, assessor=assessor, today=clock.today()))
    household.assessment_started_on = started_on
    household.assessor = assessor.strip()
    household.save(update_fields=["assessment_started_on", "assessor"])
    record_event(
        events.ASSESSMENT_STARTED.code,
        children=queries.carers_of(household),
        by=by,
        summary=f"Fostering assessment of {household.name} started by {household.assessor}",
        occurred_on=started_on,
        subject=household,
    )
    return household


@action
def grant_temporary_approval(household: Household, *, approved_on: date, child: Person, by: User) -> Household:
    """A connected person is approved for ``child`` under reg 24 from ``approved_on``: 16 weeks to full approval."""
    require(can_decide_approval(by))
    refuse_if(rules.temporary_approval_problems(household, approved_on=approved_on, child=child, today=clock.today()))
    household.temporary_approval_on = approved_on
    household.temporary_approval_child = child
    _set_terms(household, Terms(places=1, age_from=None, age_to=None, kind_of_care=KindOfCare.NAMED_CHILD))
    household.save(
        update_fields=[
            "temporary_approval_on",
            "temporary_approval_child",
            "approved_places",
            "age_from",
            "age_to",
            "kind_of_care",
        ]
    )
    deadline = start_clock(queries.TEMPORARY_APPROVAL, child=child, subject=household, started_on=approved_on)
    record_event(
        events.TEMPORARY_APPROVAL_GRANTED.code,
        children=[*queries.carers_of(household), child],
        by=by,
        summary=f"{household.name} temporarily approved as connected persons for {child.full_name} (reg 24); full "
        f"approval due by {long_date(deadline.due_on)}",
        occurred_on=approved_on,
        subject=household,
    )
    return household


@action
def approve_foster_carers(
    household: Household,
    *,
    panel_recommended_on: date,
    approved_on: date,
    decision_maker: str,
    terms: Terms,
    by: User,
) -> Household:
    """The agency decision maker approved the carers on ``terms`` after the panel's recommendation."""
    require(can_decide_approval(by))
    refuse_if(
        rules.approval_problems(
            household,
            panel_recommended_on=panel_recommended_on,
            approved_on=approved_on,
            decision_maker=decision_maker,
            terms=terms,
            today=clock.today(),
        )
    )
    household.panel_recommended_on = panel_recommended_on
    household.approved_on = approved_on
    household.decision_maker = decision_maker.strip()
    _set_terms(household, terms)
    household.save(
        update_fields=[
            "panel_recommended_on",
            "approved_on",
            "decision_maker",
            "approved_places",
            "age_from",
            "age_to",
            "kind_of_care",
        ]
    )
    carers = queries.carers_of(household)
    event = record_event(
        events.CARERS_APPROVED.code,
        children=carers,
        by=by,
        summary=f"{household.name} approved as foster carers by {household.decision_maker}: {household.terms}",
        occurred_on=approved_on,
        subject=household,
    )
    meet_clock(queries.TEMPORARY_APPROVAL, subject=household, met_on=approved_on, event=event)
    start_clock(queries.ANNUAL_REVIEW, child=carers[0], subject=household, started_on=approved_on)
    return household


@action
def review_fostering_approval(
    household: Household,
    *,
    reviewed_on: date,
    reviewer: str,
    carers_views: str,
    childrens_views: str = "",
    recommendation: str,
    terms: Terms,
    by: User,
) -> ApprovalReview:
    """The yearly review of approval (reg 28): meets the clock running and starts the next year's."""
    require(can_record_fostering(by))
    refuse_if(
        rules.review_problems(
            household,
            reviewed_on=reviewed_on,
            last_reviewed_on=queries.last_reviewed_on(household),
            reviewer=reviewer,
            carers_views=carers_views,
            recommendation=recommendation,
            terms=terms,
            today=clock.today(),
        )
    )
    # checked above
    assert terms.places is not None
    assert terms.age_from is not None
    assert terms.age_to is not None
    changed = (terms.places, terms.age_from, terms.age_to, terms.kind_of_care) != (
        household.approved_places,
        household.age_from,
        household.age_to,
        household.kind_of_care,
    )
    review = ApprovalReview.objects.create(
        household=household,
        reviewed_on=reviewed_on,
        reviewer=reviewer.strip(),
        carers_views=carers_views.strip(),
        childrens_views=childrens_views.strip(),
        recommendation=recommendation.strip(),
        approved_places=terms.places,
        age_from=terms.age_from,
        age_to=terms.age_to,
        kind_of_care=terms.kind_of_care,
        terms_changed=changed,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    _set_terms(household, terms)
    household.save(update_fields=["approved_places", "age_from", "age_to", "kind_of_care"])
    carers = queries.carers_of(household)
    event = record_event(
        events.APPROVAL_REVIEWED.code,
        children=carers,
        by=by,
        summary=f"Approval of {household.name} reviewed by {review.reviewer}: terms "
        f"{'changed to' if changed else 'confirmed as'} {household.terms}",
        occurred_on=reviewed_on,
        subject=review,
    )
    meet_clock(queries.ANNUAL_REVIEW, subject=household, met_on=reviewed_on, event=event)
    start_clock(queries.ANNUAL_REVIEW, child=carers[0], subject=household, started_on=reviewed_on)
    return review


@action
def record_foster_carer_training(
    household: Household, *, carer: Person, course: str, completed_on: date, by: User
) -> TrainingCompleted:
    require(can_record_fostering(by))
    is_carer = HouseholdCarer.objects.filter(household=household, person=carer).exists()
    refuse_if(
        rules.training_problems(
            household, carer=carer, is_carer=is_carer, course=course, completed_on=completed_on, today=clock.today()
        )
    )
    training = TrainingCompleted.objects.create(
        household=household,
        carer=carer,
        course=course.strip(),
        completed_on=completed_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    record_event(
        events.TRAINING_COMPLETED.code,
        children=[carer],
        by=by,
        summary=f"{carer.full_name} completed {training.course}",
        occurred_on=completed_on,
        subject=training,
    )
    return training


@action
def link_placement_to_household(placement: Placement, *, household: Household, by: User) -> PlacementLink:
    """The child's placement is with ``household``: it counts against the household's approved places."""
    child = placement.child
    require(can_link_placement(by, child))
    refuse_if(
        rules.link_problems(
            household,
            placement=placement,
            already_linked=PlacementLink.objects.filter(placement=placement).exists(),
            placed_now=len(queries.placed_now(household)),
        )
    )
    link = PlacementLink.objects.create(
        placement=placement, household=household, recorded_by=_staff(by), recorded_at=clock.now()
    )
    record_event(
        events.PLACEMENT_LINKED.code,
        children=[child, *queries.carers_of(household)],
        by=by,
        summary=f"{child.full_name} placed with {household.name} ({placement.placement_type}) from "
        f"{long_date(placement.started_on)}",
        occurred_on=placement.started_on,
        subject=link,
    )
    return link


@action
def end_fostering_approval(household: Household, *, ended_on: date, reason: str, notes: str, by: User) -> Household:
    """The household stopped fostering: resigned, approval terminated, not approved, or withdrew."""
    decided_by_agency = reason in {EndReason.DEREGISTERED, EndReason.NOT_APPROVED}
    require(can_decide_approval(by) if decided_by_agency else can_record_fostering(by) or can_decide_approval(by))
    refuse_if(
        rules.ending_problems(
            household,
            ended_on=ended_on,
            reason=reason,
            notes=notes,
            placed_now=[placement.child for placement in queries.placed_now(household)],
            today=clock.today(),
        )
    )
    household.ended_on = ended_on
    household.end_reason = reason
    household.end_notes = notes.strip()
    household.save(update_fields=["ended_on", "end_reason", "end_notes"])
    close_clocks_for(household, on=ended_on, reason="no longer fostering")
    record_event(
        events.APPROVAL_ENDED.code,
        children=queries.carers_of(household),
        by=by,
        summary=f"{household.name}: {EndReason(reason).label.lower()}. {household.end_notes}",
        occurred_on=ended_on,
        subject=household,
    )
    return household
