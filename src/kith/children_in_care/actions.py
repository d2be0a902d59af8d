"""Becoming looked after, moving, a change of legal status, and leaving care.

Each action keeps the SSDA903 episode rows true as it goes (ADR 0009): becoming looked
after opens a period of care, its first placement and an episode with reason S; a move
ends the episode (X1, with the reason for the move) and opens one with reason P, B, T or U;
a change of legal status alone opens one with reason L; leaving care ends the last episode
with the reason care ended. The clocks the Care Planning Regulations start run from here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kith.adoption.queries import consent_to_place_on
from kith.care_planning.models import CarePlan
from kith.care_reviews.models import IroAllocation
from kith.children_in_care import events, queries, rules, visiting
from kith.children_in_care.access import can_record_children_in_care
from kith.children_in_care.models import (
    EntryRoute,
    Episode,
    PeriodOfCare,
    Placement,
    PlacementNotification,
    PlacementPlan,
)
from kith.children_in_care.rules import PlacementDetails, normalise_postcode
from kith.people.access import staff_of
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.reference.ssda903 import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from kith.platform.rules import refuse_if, require
from kith.platform.timescales.clocks import close_clocks_for, meet_clock, start_clock

if TYPE_CHECKING:
    from kith.people.models import Person
    from kith.platform.access.models import User
    from kith.quality.models import ManagementDecision
    from kith.workforce.models import StaffMember

LEFT_CARE = "stopped being looked after"
MOVED = "the child moved"

# The clocks that start when a child becomes looked after (subject: the period of care).
PERIOD_CLOCKS = (
    "children_in_care.care_plan",
    "children_in_care.first_review",
    "children_in_care.initial_health_assessment",
)
# Personal education plans: for children of school age and in early years (age 2 to 17).
PEP_CLOCKS = ("children_in_care.pep_started", "children_in_care.pep_completed")
PEP_AGES = range(2, 18)
PLACEMENT_PLAN_CLOCK = "children_in_care.placement_plan"
PLACEMENT_NOTIFICATION_CLOCK = "children_in_care.placement_notification"
# The clocks each placement starts (subject: the placement).
PLACEMENT_CLOCKS = (PLACEMENT_PLAN_CLOCK, PLACEMENT_NOTIFICATION_CLOCK)
NHS_NUMBER_CLOCK = "children_in_care.cp_is_nhs_number"


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # recording case work needs an active staff record
    return staff


def _new_placement(period: PeriodOfCare, details: PlacementDetails, *, started_on: date, by: User) -> Placement:
    placement = Placement.objects.create(
        period=period,
        child=period.child,
        started_on=started_on,
        placement_type=details.placement_type,
        provider=details.provider,
        carer=details.carer.strip(),
        urn=details.urn.strip().upper(),
        postcode=normalise_postcode(details.postcode),
        home_postcode=normalise_postcode(details.home_postcode),
        in_area=details.in_area,
        host_authority="" if details.in_area else details.host_authority.strip(),
        distance_miles=details.distance_miles,
        planned=details.planned,
        matching=details.matching.strip(),
        siblings_placed_together=details.siblings_placed_together,
        temporary_approval=details.temporary_approval,
        unregistered=details.unregistered,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    for code in PLACEMENT_CLOCKS:
        start_clock(code, child=period.child, subject=placement, started_on=started_on)
    # The first visit: within a week of any placement; for a placement for adoption, the Adoption
    # Agencies Regulations' own first-week visit (reg 36), which the same visit meets.
    start_clock(visiting.first_week_clock(placement), child=period.child, subject=placement, started_on=started_on)
    return placement


def _new_episode(
    period: PeriodOfCare, placement: Placement, *, started_on: date, reason: str, legal_status: str, need: str
) -> Episode:
    return Episode.objects.create(
        period=period,
        child=period.child,
        placement=placement,
        started_on=started_on,
        reason_new_episode=reason,
        legal_status=legal_status,
        category_of_need=need,
        recorded_at=clock.now(),
    )


def _end_episode(episode: Episode, *, on: date, reason: str, reason_for_placement_change: str = "") -> None:
    episode.ended_on = on
    episode.reason_ceased = reason
    episode.reason_for_placement_change = reason_for_placement_change
    episode.save(update_fields=["ended_on", "reason_ceased", "reason_for_placement_change"])


def _end_placement(
    placement: Placement, *, on: date, why: str, reason_for_change: str = "", planned: bool | None
) -> None:
    placement.ended_on = on
    placement.reason_for_change = reason_for_change
    placement.end_was_planned = planned
    placement.save(update_fields=["ended_on", "reason_for_change", "end_was_planned"])
    close_clocks_for(placement, on=on, reason=why)


@action
def start_period_of_care(
    child: Person,
    *,
    started_on: date,
    route: str,
    legal_status: str,
    category_of_need: str,
    reason_for_care: str,
    alternatives_considered: str,
    decision: ManagementDecision | None,
    placement: PlacementDetails,
    previous_permanence: str = "",
    previous_permanence_la: str = "",
    previous_permanence_on: date | None = None,
    by: User,
) -> PeriodOfCare:
    """The child becomes looked after, on the manager's decision, in their first placement.

    Starts the clocks for the care plan, the first review, the initial health assessment,
    the personal education plan (for children aged 2 to 17), and, for the placement, the
    placement plan, the notifications and the first visit.
    """
    require(can_record_children_in_care(by, child))
    refuse_if(
        rules.merge(
            rules.entry_problems(
                child,
                started_on=started_on,
                today=clock.today(),
                legal_status=legal_status,
                category_of_need=category_of_need,
                reason_for_care=reason_for_care,
                alternatives_considered=alternatives_considered,
                decision=decision,
                route=route,
                routes=list(EntryRoute.values),
                placement=placement,
                open_period=queries.open_period_of_care(child),
                last_period=queries.latest_period_of_care(child),
            ),
            rules.previous_permanence_problems(
                previous_permanence, la=previous_permanence_la, on=previous_permanence_on, started_on=started_on
            ),
        )
    )
    period = PeriodOfCare.objects.create(
        child=child,
        started_on=started_on,
        route=route,
        reason_for_care=reason_for_care.strip(),
        alternatives_considered=alternatives_considered.strip(),
        previous_permanence=previous_permanence,
        previous_permanence_la=previous_permanence_la.strip()
        if previous_permanence in rules.ORDERS_BEFORE_CARE
        else "",
        previous_permanence_on=previous_permanence_on if previous_permanence in rules.ORDERS_BEFORE_CARE else None,
        decision=decision,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    first = _new_placement(period, placement, started_on=started_on, by=by)
    _new_episode(
        period,
        first,
        started_on=started_on,
        reason=ReasonNewEpisode.STARTED,
        legal_status=legal_status,
        need=category_of_need,
    )
    for code in PERIOD_CLOCKS:
        start_clock(code, child=child, subject=period, started_on=started_on)
    if child.age_on(started_on) in PEP_AGES:
        for code in PEP_CLOCKS:
            start_clock(code, child=child, subject=period, started_on=started_on)
    if not child.nhs_number:
        start_clock(NHS_NUMBER_CLOCK, child=child, subject=period, started_on=started_on)
    record_event(
        events.BECAME_LOOKED_AFTER.code,
        children=[child],
        by=by,
        summary=f"Became looked after ({LegalStatus(legal_status).label}); placed with {first.carer} "
        f"({PlacementType(first.placement_type).label})",
        occurred_on=started_on,
        subject=period,
    )
    return period


def _reason_new_episode(*, legal_status_changes: bool, same_carer: bool) -> str:
    if legal_status_changes:
        return ReasonNewEpisode.BOTH_SAME_CARER if same_carer else ReasonNewEpisode.BOTH
    return ReasonNewEpisode.PLACEMENT_SAME_CARER if same_carer else ReasonNewEpisode.PLACEMENT


@action
def move_placement(
    period: PeriodOfCare,
    *,
    moved_on: date,
    reason_for_change: str,
    placement: PlacementDetails,
    same_carer: bool = False,
    planned: bool = True,
    legal_status: str = "",
    by: User,
) -> Placement:
    """The child moves to a new placement (with a new legal status, when ``legal_status`` is given).

    The current placement and episode end on the day of the move; the new episode's reason
    is P (new carer), B (same carer, new placement), T or U (the legal status changes too).
    """
    child = period.child
    require(can_record_children_in_care(by, child))
    episode = queries.current_episode(period)
    current = queries.current_placement(period)
    new_status = legal_status or (episode.legal_status if episode is not None else "")
    refuse_if(
        rules.move_problems(
            period,
            moved_on=moved_on,
            today=clock.today(),
            episode=episode,
            placement=current,
            reason_for_change=reason_for_change,
            new_placement=placement,
            legal_status=new_status,
            consent_to_place_on=consent_to_place_on(period),
            legal_status_changes=episode is not None and bool(legal_status) and legal_status != episode.legal_status,
        )
    )
    # An open period always has both.
    assert episode is not None
    assert current is not None
    _end_placement(current, on=moved_on, why=MOVED, reason_for_change=reason_for_change, planned=planned)
    _end_episode(
        episode, on=moved_on, reason=ReasonEpisodeCeased.CONTINUES, reason_for_placement_change=reason_for_change
    )
    new = _new_placement(period, placement, started_on=moved_on, by=by)
    _new_episode(
        period,
        new,
        started_on=moved_on,
        reason=_reason_new_episode(
            legal_status_changes=new_status != episode.legal_status,
            # A3 and A5 are, by their definition, with the child's current foster carers.
            same_carer=same_carer or placement.placement_type in rules.ADOPTION_WITH_CURRENT_CARERS,
        ),
        legal_status=new_status,
        need=episode.category_of_need,
    )
    record_event(
        events.PLACEMENT_CHANGED.code,
        children=[child],
        by=by,
        summary=f"Moved from {current.carer} to {new.carer} ({PlacementType(new.placement_type).label})"
        + (f": {current.get_reason_for_change_display().lower()}" if reason_for_change else ""),
        occurred_on=moved_on,
        subject=new,
    )
    return new


@action
def change_legal_status(period: PeriodOfCare, *, changed_on: date, legal_status: str, by: User) -> Episode:
    """The legal basis for care changes while the child stays where they are: a new episode, reason L."""
    child = period.child
    require(can_record_children_in_care(by, child))
    episode = queries.current_episode(period)
    refuse_if(
        rules.legal_status_change_problems(
            period, changed_on=changed_on, today=clock.today(), episode=episode, legal_status=legal_status
        )
    )
    assert episode is not None  # an open period always has one
    _end_episode(episode, on=changed_on, reason=ReasonEpisodeCeased.CONTINUES)
    new = _new_episode(
        period,
        episode.placement,
        started_on=changed_on,
        reason=ReasonNewEpisode.LEGAL_STATUS,
        legal_status=legal_status,
        need=episode.category_of_need,
    )
    record_event(
        events.LEGAL_STATUS_CHANGED.code,
        children=[child],
        by=by,
        summary=f"Legal status changed from {LegalStatus(episode.legal_status).label} "
        f"to {LegalStatus(legal_status).label}",
        occurred_on=changed_on,
        subject=new,
    )
    return new


@action
def end_period_of_care(period: PeriodOfCare, *, ended_on: date, reason_ceased: str, by: User) -> PeriodOfCare:
    """The child stops being looked after: the last episode and placement end with the reason, and every
    clock of the period and its placement closes."""
    child = period.child
    require(can_record_children_in_care(by, child))
    episode = queries.current_episode(period)
    refuse_if(
        rules.leaving_problems(
            period, ended_on=ended_on, today=clock.today(), episode=episode, reason_ceased=reason_ceased
        )
    )
    assert episode is not None  # an open period always has one
    _end_episode(episode, on=ended_on, reason=reason_ceased)
    _end_placement(episode.placement, on=ended_on, why=LEFT_CARE, planned=None)
    period.ended_on = ended_on
    period.reason_ceased = reason_ceased
    period.save(update_fields=["ended_on", "reason_ceased"])
    # The care plan in force ends with the period, so a later period starts a plan of its own; so does
    # the IRO's allocation, so a child who comes back into care can have an IRO again (the same one,
    # for continuity) and no IRO goes on counting a child who has left care.
    CarePlan.objects.filter(period=period, replaced_on__isnull=True).update(replaced_on=ended_on)
    IroAllocation.objects.filter(period=period, ended_on__isnull=True).update(ended_on=ended_on)
    close_clocks_for(period, on=ended_on, reason=LEFT_CARE)
    record_event(
        events.LEFT_CARE.code,
        children=[child],
        by=by,
        summary=f"Stopped being looked after on {long_date(ended_on)}: {ReasonEpisodeCeased(reason_ceased).label}",
        occurred_on=ended_on,
        subject=period,
    )
    return period


@action
def agree_placement_plan(
    placement: Placement,
    *,
    agreed_on: date,
    arrangements: str,
    delegated_authority: str,
    child_views: str,
    by: User,
) -> PlacementPlan:
    """Record the placement plan agreed with the carer; it meets the placement's 5-working-day clock."""
    child = placement.child
    require(can_record_children_in_care(by, child))
    refuse_if(
        rules.placement_plan_problems(
            placement,
            agreed_on=agreed_on,
            today=clock.today(),
            arrangements=arrangements,
            delegated_authority=delegated_authority,
            child_views=child_views,
        )
    )
    plan = PlacementPlan.objects.create(
        placement=placement,
        child=child,
        agreed_on=agreed_on,
        arrangements=arrangements.strip(),
        delegated_authority=delegated_authority.strip(),
        child_views=child_views.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    event = record_event(
        events.PLACEMENT_PLAN_AGREED.code,
        children=[child],
        by=by,
        summary=f"Placement plan agreed with {placement.carer}",
        occurred_on=agreed_on,
        subject=plan,
    )
    # A plan agreed before the placement began meets its clock on the placement's first day.
    meet_clock(PLACEMENT_PLAN_CLOCK, subject=placement, met_on=max(agreed_on, placement.started_on), event=event)
    return plan


@action
def record_placement_notification(
    placement: Placement,
    *,
    notified_on: date,
    recipients: str,
    health_team_notified_on: date | None,
    host_authority_notified_on: date | None = None,
    by: User,
) -> PlacementNotification:
    """Record that the placement was notified in writing; the last of the notices meets the 5-working-day
    clock, which is met only when the health team (and, out of area, the host council) has been told."""
    child = placement.child
    require(can_record_children_in_care(by, child))
    refuse_if(
        rules.notification_problems(
            placement,
            notified_on=notified_on,
            today=clock.today(),
            recipients=recipients,
            health_team_notified_on=health_team_notified_on,
            host_authority_notified_on=host_authority_notified_on,
        )
    )
    assert health_team_notified_on is not None  # the rules refuse a notification without it
    notification = PlacementNotification.objects.create(
        placement=placement,
        child=child,
        notified_on=notified_on,
        recipients=recipients.strip(),
        health_team_notified_on=health_team_notified_on,
        host_authority_notified_on=None if placement.in_area else host_authority_notified_on,
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    last = max(d for d in (notified_on, health_team_notified_on, notification.host_authority_notified_on) if d)
    event = record_event(
        events.PLACEMENT_NOTIFIED.code,
        children=[child],
        by=by,
        summary=f"Placement with {placement.carer} notified to {notification.recipients}",
        occurred_on=last,
        subject=notification,
    )
    meet_clock(PLACEMENT_NOTIFICATION_CLOCK, subject=placement, met_on=max(last, placement.started_on), event=event)
    return notification
