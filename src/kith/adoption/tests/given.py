"""Ava's adoption plan, stage by stage, through the real actions (dates of the story in test_actions)."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.adoption.actions import (
    record_adoption_decision,
    record_adoption_match,
    record_authority_to_place,
    record_placed_for_adoption,
)
from kith.adoption.models import AdoptionPlan, AuthorityBasis
from kith.adoption.rules import MatchDetails
from kith.children_in_care.actions import change_legal_status
from kith.children_in_care.models import PeriodOfCare
from kith.platform.reference.ssda903 import LegalStatus, PlacementType
from kith.workforce.tests.fixtures import Authority
from tests.casework import a_placement, given_move

DECIDED_ON = date(2027, 3, 1)
ORDER_MADE_ON = date(2027, 4, 5)
MATCHED_ON = date(2027, 8, 2)
PLACED_ON = date(2027, 8, 16)
ADOPTERS = "Sam and Jo Lee"


def decided(authority: Authority, period: PeriodOfCare, on: date = DECIDED_ON) -> AdoptionPlan:
    return record_adoption_decision(
        period,
        decided_on=on,
        decision_maker="Helen Marsh, head of service",
        reasons="Ava cannot return home and no relative can care for her; she needs a family for life",
        raa_notified_on=date(2027, 2, 15),
        regional_adoption_agency="Tees Valley Adoption",
        by=authority.team_manager.user,
    )


def authorised(authority: Authority, plan: AdoptionPlan, on: date = ORDER_MADE_ON) -> AdoptionPlan:
    """The placement order made: the legal status becomes E1, then the authority is recorded."""
    change_legal_status(
        plan.period, changed_on=on, legal_status=LegalStatus.PLACEMENT_ORDER, by=authority.social_worker.user
    )
    return record_authority_to_place(
        plan, basis=AuthorityBasis.PLACEMENT_ORDER, given_on=on, by=authority.social_worker.user
    )


def a_match(**changes: Any) -> MatchDetails:
    values: dict[str, Any] = {
        "matched_on": MATCHED_ON,
        "matching_panel_on": date(2027, 7, 26),
        "adopters": ADOPTERS,
        "number_of_adopters": 2,
        "adopters_sex": "MF",
        "adopters_legal_status": "L11",
        "adopted_by_foster_carers": False,
        "transition_plan": "Introductions over two weeks: visits at the Rowleys', then days out, then the move",
    }
    return MatchDetails(**(values | changes))


def matched(authority: Authority, plan: AdoptionPlan, **changes: Any) -> AdoptionPlan:
    return record_adoption_match(plan, match=a_match(**changes), by=authority.social_worker.user)


def placed(
    authority: Authority, plan: AdoptionPlan, kind: str = PlacementType.ADOPTION_ORDER_NEW_CARER
) -> AdoptionPlan:
    given_move(
        plan.period,
        authority.social_worker,
        on=PLACED_ON,
        placement=a_placement(kind, carer=ADOPTERS, postcode="TS26 9DD"),
    )
    return record_placed_for_adoption(plan, by=authority.social_worker.user)


def placed_plan(authority: Authority, period: PeriodOfCare) -> AdoptionPlan:
    """Decided on 1 March, placement order on 5 April, matched on 2 August, placed (A6) on 16 August 2027."""
    return placed(authority, matched(authority, authorised(authority, decided(authority, period))))
