"""Builders of case-work state for tests: a referral, a strategy discussion, an enquiry, plans, care.

``from tests.casework import given_referral, given_cp_plan``. Each builder takes the
child (or the record it follows on from) and the member of staff recording, and returns
the record made.

Like ``tests.factories``, every builder goes through the real actions, so test set-up
cannot drift from what the service does: the rules are checked, the clocks start and the
chronology is written as they would be in use. A child protection plan comes from an
initial conference that decided on one (after a strategy discussion and a section 47
enquiry, made here when the referral has none to follow).

The actions check access. When the member of staff given may not do what a builder needs
(a social worker cannot chair a conference; a North worker cannot record on a South child),
the builder acts as someone who may: the child's allocated worker, then a manager of the
child's team, then anyone already in post who may; only when nobody may is a team manager
added to the child's team. ``by`` still names the worker on the enquiry and the lead
professional on a child in need plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kith.assessments.actions import record_strategy_discussion, start_section_47
from kith.assessments.models import (
    DiscussionMode,
    EnquiryOutcome,
    Section47Enquiry,
    StrategyDecision,
    StrategyDiscussion,
)
from kith.care_reviews.actions import hold_review
from kith.care_reviews.models import Review
from kith.care_reviews.rules import DecisionDetails
from kith.child_in_need.access import can_record_child_in_need
from kith.child_in_need.actions import start_child_in_need_plan
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.access import can_chair_conference
from kith.child_protection.actions import MemberDetails, PlanDetails, hold_initial_conference
from kith.child_protection.models import ChildParticipation, ChildProtectionPlan, Conference, ConferenceDecision
from kith.children_in_care.access import can_record_children_in_care
from kith.children_in_care.actions import move_placement, start_period_of_care
from kith.children_in_care.models import EntryRoute, PeriodOfCare, Placement
from kith.children_in_care.rules import PlacementDetails
from kith.front_door.access import can_record_front_door_work
from kith.front_door.actions import record_referral
from kith.front_door.models import Referral, ThresholdLevel
from kith.people.access import can_record_on
from kith.people.models import Person
from kith.plans.records import ObjectiveDetails
from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import MANAGER_ROLES, Role, capabilities_of
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse, PrimaryNeed, ReferralSource
from kith.platform.reference.ssda903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonPlacementChange,
    ReviewParticipation,
)
from kith.quality.access import can_record_management_decision
from kith.quality.actions import record_management_decision
from kith.quality.models import DecisionKind
from kith.workforce.models import Allocation, StaffMember
from tests.factories import given_staff

LONDON = ZoneInfo("Europe/London")

Allowed = Callable[[Any, Person], bool]

CHAIR_ROLES = (Role.IRO, *MANAGER_ROLES)


def at(on: date, hour: int = 10) -> datetime:
    """A moment on ``on`` in London (a strategy discussion's ``held_at``, a contact's ``received_at``)."""
    return datetime.combine(on, time(hour), tzinfo=LONDON)


# --- the builders ------------------------------------------------------------------------------


def given_referral(
    child: Person,
    by: StaffMember,
    *,
    on: date | None = None,
    source: str = ReferralSource.SCHOOLS,
    primary_need: str = PrimaryNeed.ABUSE_OR_NEGLECT,
    threshold_level: str = ThresholdLevel.STATUTORY,
) -> Referral:
    """An open referral dated ``on`` (today), recorded through ``record_referral``: the assessment clock starts."""
    recorder = _acting(child, by, can_record_front_door_work)
    return record_referral(
        child,
        referral_date=on or clock.today(),
        source=source,
        primary_need=primary_need,
        threshold_level=threshold_level,
        by=recorder.user,
    )


def given_strategy_discussion(
    referral: Referral,
    by: StaffMember,
    *,
    on: date | None = None,
    decision: str = StrategyDecision.JOINT_S47,
) -> StrategyDiscussion:
    """A strategy meeting chaired by ``by`` on ``on`` (the referral date) at 10am, or earlier today if
    that is still to come; by default it decides on a joint section 47 enquiry, starting the conference clock."""
    recorder = _acting(referral.child, by, can_record_on)
    return record_strategy_discussion(
        referral,
        held_at=_moment(on or referral.referral_date),
        mode=DiscussionMode.MEETING,
        out_of_hours=False,
        chair=by,
        participants=[
            ("Sam Police", Agency.POLICE, "DC, child abuse investigation"),
            (by.full_name, Agency.SOCIAL_CARE, "Chair"),
        ],
        information_shared="School reported bruising; police hold two call-outs for domestic abuse.",
        risk_analysis="Reasonable cause to suspect significant harm.",
        decision=decision,
        rationale="Injury unexplained; joint enquiry needed.",
        by=recorder.user,
    )


def given_section_47(discussion: StrategyDiscussion, by: StaffMember, *, on: date | None = None) -> Section47Enquiry:
    """The section 47 enquiry the discussion decided on, started on ``on`` (the day of the discussion) with
    ``by`` as the worker."""
    recorder = _acting(discussion.child, by, can_record_on)
    return start_section_47(
        discussion,
        started_on=on or discussion.held_on,
        worker=by if _records_case_work(by) else recorder,
        by=recorder.user,
    )


def given_cp_plan(
    referral: Referral,
    by: StaffMember,
    *,
    on: date | None = None,
    chair: StaffMember | None = None,
    category: str = CategoryOfAbuse.NEGLECT,
) -> ChildProtectionPlan:
    """A child protection plan from an initial conference on ``on`` (today) that decided on one.

    The conference follows the referral's section 47 enquiry; when there is none to follow, a
    strategy discussion and an enquiry are held that day first. The chair is ``chair``, else
    ``by`` when they may chair, else a conference chair who may (an IRO or a manager).
    """
    held_on = on or clock.today()
    enquiry = _enquiry_to_follow(referral, by, on=held_on)
    chair = chair or _acting(referral.child, by, can_chair_conference, roles=CHAIR_ROLES)
    conference = hold_initial_conference(
        referral,
        section_47_enquiry=enquiry,
        held_on=held_on,
        chair=chair,
        members=[
            MemberDetails(
                name=by.full_name, agency=Agency.SOCIAL_CARE, role="Social worker", invited_on=held_on, attended=True
            ),
            MemberDetails(name="Kerry Bennett", agency=Agency.FAMILY, role="Parent", invited_on=held_on, attended=True),
            MemberDetails(name="Sam Police", agency=Agency.POLICE, role="DC", invited_on=held_on, attended=True),
        ],
        child_participation=ChildParticipation.VIEWS_THROUGH_WORKER,
        decision=ConferenceDecision.PLAN,
        category=category,
        decision_rationale="Continuing neglect of the child's basic needs despite support.",
        plan=PlanDetails(
            how_risks_will_be_reduced="Daily school attendance checked; parenting support weekly.",
            contingency="If the home conditions fall below the agreed standard, a legal planning meeting is held.",
            objectives=(
                ObjectiveDetails(
                    outcome="The child is in school every day, fed and clean",
                    action="Walk the child to school each morning; the school checks breakfast",
                    owner="Kerry Bennett",
                    owner_agency="Family",
                    target_date=held_on + timedelta(weeks=12),
                ),
            ),
        ),
        by=chair.user,
    )
    assert conference.plan is not None  # the conference decided on a plan
    return conference.plan


def given_cin_plan(
    referral: Referral,
    by: StaffMember,
    *,
    on: date | None = None,
    first_review_on: date | None = None,
    objectives: Sequence[ObjectiveDetails] | None = None,
) -> ChildInNeedPlan:
    """A child in need plan from ``on`` (today) with ``by`` as lead professional, one objective and its
    first review 12 weeks on; the child in need visit clock starts."""
    started_on = on or clock.today()
    recorder = _acting(referral.child, by, can_record_child_in_need)
    return start_child_in_need_plan(
        referral,
        started_on=started_on,
        summary_for_family="Help for the family to get the children to school every day.",
        contingency="If the children keep missing school, a meeting decides whether more help is needed.",
        lead_professional=f"{by.full_name}, {by.get_role_display().lower()}",
        first_review_on=first_review_on or started_on + timedelta(weeks=12),
        objectives=list(objectives)
        if objectives is not None
        else [
            ObjectiveDetails(
                outcome="The children are at school every day and on time",
                action="A parent walks the children to school; the school rings home by 9:30am if they are not there",
                owner="Kerry Bennett",
                owner_agency="Parent",
                target_date=started_on + timedelta(weeks=8),
            )
        ],
        by=recorder.user,
    )


def a_placement(
    placement_type: str = PlacementType.FOSTER_OTHER,
    *,
    carer: str = "Sam and Alex Rowley (in-house foster carers)",
    provider: str | None = None,
    postcode: str = "TS24 8AB",
    home_postcode: str = "TS25 1QQ",
    in_area: bool = True,
    host_authority: str = "",
    planned: bool = True,
    temporary_approval: bool = False,
) -> PlacementDetails:
    """Placement details for ``start_period_of_care`` and ``move_placement``: by default an in-house foster
    placement in the area. The provider follows the type (PR0 with parents, none for temporary moves)."""
    if provider is None:
        if placement_type == PlacementType.WITH_PARENTS:
            provider = PlacementProvider.PARENTS
        elif placement_type.startswith("T") or placement_type.startswith("Z1"):
            provider = ""
        else:
            provider = PlacementProvider.OWN_AUTHORITY
    return PlacementDetails(
        placement_type=placement_type,
        carer=carer,
        provider=provider,
        postcode=postcode,
        home_postcode=home_postcode,
        in_area=in_area,
        host_authority=host_authority,
        planned=planned,
        temporary_approval=temporary_approval,
    )


def given_looked_after_child(
    child: Person,
    by: StaffMember,
    *,
    on: date | None = None,
    legal_status: str = LegalStatus.SECTION_20,
    route: str = EntryRoute.VOLUNTARY,
    category_of_need: str = PrimaryNeed.ABUSE_OR_NEGLECT,
    placement: PlacementDetails | None = None,
    previous_permanence: str = "",
) -> PeriodOfCare:
    """The child becomes looked after on ``on`` (today) in an in-house foster placement, on a manager's
    decision recorded that day, through ``start_period_of_care``: the care plan, review, health, PEP,
    placement plan, notification and first-visit clocks start. The previous permanence question is left
    unasked unless ``previous_permanence`` answers it."""
    started_on = on or clock.today()
    manager = _acting(child, by, can_record_management_decision, roles=tuple(MANAGER_ROLES))
    decision = record_management_decision(
        child,
        kind=DecisionKind.ENTRY_TO_CARE,
        decision="The child should be looked after.",
        rationale="The family network could not keep the child safe; no relative could care for the child.",
        decided_on=started_on,
        by=manager.user,
    )
    recorder = _acting(child, by, can_record_children_in_care)
    return start_period_of_care(
        child,
        started_on=started_on,
        route=route,
        legal_status=legal_status,
        category_of_need=category_of_need,
        reason_for_care="Neglect: the parents could not meet the child's basic needs despite a plan of support.",
        alternatives_considered="A family group conference; the grandparents were assessed and could not care.",
        decision=decision,
        placement=placement or a_placement(),
        previous_permanence=previous_permanence,
        by=recorder.user,
    )


def given_move(
    period: PeriodOfCare,
    by: StaffMember,
    *,
    on: date | None = None,
    placement: PlacementDetails | None = None,
    reason_for_change: str = ReasonPlacementChange.CARE_PLAN,
    legal_status: str = "",
) -> Placement:
    """The child moves on ``on`` (today) to another in-house foster placement, through ``move_placement``."""
    recorder = _acting(period.child, by, can_record_children_in_care)
    return move_placement(
        period,
        moved_on=on or clock.today(),
        reason_for_change=reason_for_change,
        placement=placement or a_placement(carer="Jo Kaur (in-house foster carer)", postcode="TS26 9DD"),
        legal_status=legal_status,
        by=recorder.user,
    )


def given_care_review(period: PeriodOfCare, iro: StaffMember, *, on: date) -> Review:
    """The IRO chairs a review of the child's care on ``on``, the child taking part (PN1), through
    ``hold_review``: the review clock running is met and the next starts."""
    previous = Review.objects.filter(period=period).exists()
    return hold_review(
        period,
        held_on=on,
        participation=ReviewParticipation.SPOKE_FOR_SELF,
        iro_met_child_on=on,
        child_views="Happy where they live; wants more time with their brother.",
        progress="Settled at home and at school.",
        care_plan_meets_needs=True,
        decisions=[DecisionDetails(decision="Arrange sibling contact", owner="The social worker", due_on=on)],
        previous_decisions_checked=True if previous else None,
        previous_decisions_notes="Done: contact arranged." if previous else "",
        by=iro.user,
    )


# --- helpers ------------------------------------------------------------------------------------


def _moment(on: date) -> datetime:
    """10am on ``on``; earlier today when 10am today is still to come (the actions refuse the future)."""
    return min(at(on), clock.now()) if on == clock.today() else at(on)


def _records_case_work(staff: StaffMember) -> bool:
    return staff.is_active and Capability.RECORD_CASE_WORK in capabilities_of(staff.role)


def _enquiry_to_follow(referral: Referral, by: StaffMember, *, on: date) -> Section47Enquiry:
    """The referral's enquiry an initial conference on ``on`` can follow; else a new discussion and enquiry that day."""
    enquiries = Section47Enquiry.objects.filter(referral=referral, started_on__lte=on).order_by("-started_on", "-pk")
    for enquiry in enquiries:
        if enquiry.ended_on is None:
            return enquiry
        followed = Conference.objects.filter(section_47_enquiry=enquiry).exists()
        if enquiry.outcome == EnquiryOutcome.INITIAL_CONFERENCE and enquiry.ended_on <= on and not followed:
            return enquiry
    discussion = given_strategy_discussion(referral, by, on=on)
    return given_section_47(discussion, by, on=on)


def _acting(child: Person, by: StaffMember, allowed: Allowed, *, roles: tuple[str, ...] = ()) -> StaffMember:
    """``by`` when they may (``allowed``) act on the child, in one of ``roles`` if given; else someone who may."""

    def fits(staff: StaffMember) -> bool:
        return not roles or staff.role in roles

    if fits(by) and allowed(by.user, child):
        return by
    allocation = Allocation.objects.filter(child=child, ended_on__isnull=True).select_related("worker").first()
    team_id = allocation.team_id if allocation else None
    worker = allocation.worker if allocation else None
    if worker is not None and fits(worker) and allowed(worker.user, child):
        return worker
    in_post = StaffMember.objects.filter(is_active=True).select_related("user", "team").order_by("pk")
    if roles:
        in_post = in_post.filter(role__in=roles)
    candidates = sorted(
        (staff for staff in in_post if staff.pk != by.pk),
        key=lambda staff: (staff.team_id != team_id, staff.role not in MANAGER_ROLES),
    )
    for staff in candidates:
        if allowed(staff.user, child):
            return staff
    if allocation is not None:
        manager = given_staff(Role.TEAM_MANAGER, allocation.team)
        if allowed(manager.user, child):
            return manager
    raise AssertionError(f"Nobody in post may do this for {child.full_name}: allocate the child first")
