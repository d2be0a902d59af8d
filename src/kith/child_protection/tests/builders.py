"""Test set-up for child protection: a referral with its strategy discussion and enquiry, and
conferences recorded through the real actions.

The referral, strategy discussion and enquiry come from ``tests.casework`` (another area's
state, recorded through its actions: the strategy discussion starts the initial conference clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kith.assessments.models import Section47Enquiry, StrategyDiscussion
from kith.child_protection.actions import (
    MemberDetails,
    ObjectiveDetails,
    PlanDetails,
    hold_initial_conference,
)
from kith.child_protection.models import ChildParticipation, ChildProtectionPlan, Conference, ConferenceDecision
from kith.front_door.models import Referral
from kith.people.models import Person
from kith.platform.reference.agencies import Agency
from kith.platform.reference.cin_census import CategoryOfAbuse
from kith.workforce.models import StaffMember
from tests.casework import given_referral, given_section_47, given_strategy_discussion

REFERRED_ON = date(2027, 1, 4)
DISCUSSED_ON = date(2027, 1, 5)
ICPC_ON = date(2027, 1, 13)


@dataclass(frozen=True)
class Case:
    child: Person
    referral: Referral
    discussion: StrategyDiscussion
    enquiry: Section47Enquiry


def given_case(
    child: Person, worker: StaffMember, *, referred_on: date = REFERRED_ON, discussed_on: date = DISCUSSED_ON
) -> Case:
    referral = given_referral(child, worker, on=referred_on)
    discussion = given_strategy_discussion(referral, worker, on=discussed_on)
    enquiry = given_section_47(discussion, worker, on=discussed_on)
    return Case(child=child, referral=referral, discussion=discussion, enquiry=enquiry)


def members(*, worker: str = "Priya Shah") -> list[MemberDetails]:
    """Who was asked and who came: the GP invited and absent, the health visitor never invited."""
    return [
        MemberDetails(
            name=worker, agency=Agency.SOCIAL_CARE, role="Social worker", invited_on=date(2027, 1, 6), attended=True
        ),
        MemberDetails(
            name="Kerry Bennett", agency=Agency.FAMILY, role="Mother", invited_on=date(2027, 1, 6), attended=True
        ),
        MemberDetails(
            name="Dr Anna Lowe",
            agency=Agency.HEALTH,
            role="GP",
            invited_on=date(2027, 1, 11),
            attended=False,
            sent_apologies=True,
            report_submitted=True,
        ),
        MemberDetails(name="Jo Pike", agency=Agency.HEALTH, role="Health visitor", invited_on=None),
        MemberDetails(
            name="Mr Singh", agency=Agency.EDUCATION, role="Head teacher", invited_on=date(2027, 1, 6), attended=False
        ),
    ]


def objectives(*, all_by: date | None = None, **overrides: Any) -> tuple[ObjectiveDetails, ...]:
    """Two objectives (the housing one due first); ``all_by`` gives both the same target date."""
    values = {
        "outcome": "Ava is in school every day, fed and clean",
        "action": "Walk Ava to school each morning and check she has had breakfast",
        "owner": "Kerry Bennett",
        "owner_agency": "Family",
        "target_date": all_by or date(2027, 3, 1),
        **overrides,
    }
    return (
        ObjectiveDetails(**values),
        ObjectiveDetails(
            outcome="The home is safe and warm",
            action="Housing officer arranges repairs to the heating",
            owner="Sam Patel",
            owner_agency="Housing",
            target_date=all_by or date(2027, 2, 15),
        ),
    )


def plan_details(**overrides: Any) -> PlanDetails:
    values: dict[str, Any] = {
        "how_risks_will_be_reduced": "Daily school attendance checks; weekly parenting support at home.",
        "contingency": "If Ava misses school or the home is unsafe again, a legal planning meeting is held.",
        "identity_actions": "Work with Ava in Polish with an interpreter; keep her church group going.",
        "summary_for_family": "We want Ava to be safe, warm and in school every day.",
        "objectives": objectives(),
        **overrides,
    }
    return PlanDetails(**values)


def initial_conference(
    case: Case, *, chair: StaffMember, by: StaffMember | None = None, **overrides: Any
) -> Conference:
    """Record the initial conference for ``case`` through the action (a plan, neglect, on 13 January 2027)."""
    values: dict[str, Any] = {
        "section_47_enquiry": case.enquiry,
        "held_on": ICPC_ON,
        "chair": chair,
        "members": members(),
        "report_shared_with_parents_on": date(2027, 1, 8),
        "report_shared_with_child_on": date(2027, 1, 11),
        "child_participation": ChildParticipation.VIEWS_THROUGH_WORKER,
        "child_views": "Ava says she likes school but is hungry in the mornings.",
        "parents_views": "Kerry agrees the heating is a problem.",
        "decision": ConferenceDecision.PLAN,
        "category": CategoryOfAbuse.NEGLECT,
        "decision_rationale": "Continuing neglect of Ava's basic needs despite early help.",
        "plan": plan_details(),
        **overrides,
    }
    return hold_initial_conference(case.referral, by=(by or chair).user, **values)


def plan_from_conference(case: Case, *, chair: StaffMember, **overrides: Any) -> ChildProtectionPlan:
    conference = initial_conference(case, chair=chair, **overrides)
    assert conference.plan is not None
    return conference.plan
