"""Builders of case-work state for tests: a referral, a strategy discussion, an enquiry, plans.

``from tests.casework import given_referral, given_cp_plan``. Each builder takes the
child and the member of staff recording, and returns the record made.

NOTE (lead, in progress): while the front door, assessment and child protection actions
are being written, these builders create rows directly. Each will be switched to call
the real action before this work lands, keeping the same signature.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kith.assessments.models import Section47Enquiry, StrategyDecision, StrategyDiscussion
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan
from kith.front_door.models import Referral, ThresholdLevel
from kith.people.models import Person
from kith.platform import clock
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse, PrimaryNeed, ReferralSource
from kith.workforce.models import StaffMember

LONDON = ZoneInfo("Europe/London")


def at(on: date, hour: int = 10) -> datetime:
    """A moment on ``on`` in London (a strategy discussion's ``held_at``, a contact's ``received_at``)."""
    return datetime.combine(on, time(hour), tzinfo=LONDON)


def given_referral(child: Person, by: StaffMember, *, on: date | None = None) -> Referral:
    return Referral.objects.create(
        child=child,
        referral_date=on or clock.today(),
        source=ReferralSource.SCHOOLS,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        threshold_level=ThresholdLevel.STATUTORY,
        recorded_by=by,
        recorded_at=clock.now(),
    )


def given_strategy_discussion(referral: Referral, by: StaffMember, *, on: date | None = None) -> StrategyDiscussion:
    discussion = StrategyDiscussion.objects.create(
        referral=referral,
        child=referral.child,
        held_at=at(on or referral.referral_date),
        mode="meeting",
        chair=by,
        information_shared="School reported bruising; police hold two call-outs for domestic abuse.",
        risk_analysis="Reasonable cause to suspect significant harm.",
        decision=StrategyDecision.JOINT_S47,
        rationale="Injury unexplained; joint enquiry needed.",
        recorded_by=by,
        recorded_at=clock.now(),
    )
    discussion.participants.create(name="Sam Police", agency=Agency.POLICE, role="DC, child abuse investigation")
    discussion.participants.create(name=by.full_name, agency=Agency.SOCIAL_CARE, role="Chair")
    return discussion


def given_section_47(discussion: StrategyDiscussion, by: StaffMember, *, on: date | None = None) -> Section47Enquiry:
    return Section47Enquiry.objects.create(
        referral=discussion.referral,
        child=discussion.child,
        strategy_discussion=discussion,
        worker=by,
        started_on=on or discussion.held_at.astimezone(LONDON).date(),
    )


def given_cp_plan(referral: Referral, by: StaffMember, *, on: date | None = None) -> ChildProtectionPlan:
    return ChildProtectionPlan.objects.create(
        referral=referral,
        child=referral.child,
        started_on=on or clock.today(),
        initial_category=CategoryOfAbuse.NEGLECT,
        latest_category=CategoryOfAbuse.NEGLECT,
        how_risks_will_be_reduced="Daily school attendance checked; parenting support weekly.",
        contingency="If the home conditions fall below the agreed standard, a legal planning meeting is held.",
        recorded_by=by,
        recorded_at=clock.now(),
    )


def given_cin_plan(referral: Referral, by: StaffMember, *, on: date | None = None) -> ChildInNeedPlan:
    return ChildInNeedPlan.objects.create(
        referral=referral,
        child=referral.child,
        started_on=on or clock.today(),
        summary_for_family="Help for the family to get the children to school every day.",
        recorded_by=by,
        recorded_at=clock.now(),
    )
