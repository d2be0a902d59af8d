"""The adoption plan's stages: clocks started, met and closed, the 903 rows they leave, and refusals that
name the dates and codes and save nothing."""

from __future__ import annotations

from datetime import date

import pytest

from kith.adoption.actions import (
    record_adoption_decision,
    record_adoption_decision_ceased,
    record_adoption_match,
    record_adoption_order,
    record_adoption_review,
    record_authority_to_place,
    record_placed_for_adoption,
)
from kith.adoption.models import AdoptionPlan, AuthorityBasis
from kith.adoption.queries import ad1_row, placed_adoption_rows, timeliness
from kith.adoption.tests.given import (
    ADOPTERS,
    PLACED_ON,
    a_match,
    authorised,
    decided,
    matched,
    placed,
    placed_plan,
)
from kith.children_in_care.actions import change_legal_status, end_period_of_care
from kith.children_in_care.models import Episode, PeriodOfCare
from kith.platform.chronology.models import CaseEvent
from kith.platform.reference.ssda903 import PlacementType
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.returns.ssda903 import build_903
from kith.returns.years import collection_year
from kith.workforce.tests.fixtures import Authority
from tests.casework import a_placement, given_looked_after_child, given_move

pytestmark = pytest.mark.django_db


def _adoption_clocks(period: PeriodOfCare) -> list[tuple[str, date, date, date | None, date | None]]:
    return list(
        Deadline.objects.filter(child=period.child, timescale_code__startswith="children_in_care.adoption")
        .filter(timescale_code__contains="review")
        .order_by("started_on", "pk")
        .values_list("timescale_code", "started_on", "due_on", "met_on", "cancelled_on")
    )


def _review(authority: Authority, plan: AdoptionPlan, on: date) -> None:
    record_adoption_review(
        plan,
        held_on=on,
        child_views="Ava asked when she will meet her new family",
        progress="Family finding under way",
        by=authority.social_worker.user,
    )


def _adoption_events(period: PeriodOfCare) -> list[tuple[str, date]]:
    return list(
        CaseEvent.objects.filter(children=period.child, event_type__startswith="adoption.")
        .order_by("occurred_on", "pk")
        .values_list("event_type", "occurred_on")
    )


def test_from_the_decision_to_the_adoption_order_each_clock_is_started_met_and_closed(
    authority: Authority, period: PeriodOfCare
) -> None:
    # given a placement order on 5 April and a review before placement on 1 July
    plan = authorised(authority, decided(authority, period))
    _review(authority, plan, date(2027, 7, 1))
    # when Ava is matched, placed on 16 August, reviewed on 10 September and adopted on 25 October
    matched(authority, plan)
    placed(authority, plan)
    _review(authority, plan, date(2027, 9, 10))
    record_adoption_order(plan, made_on=date(2027, 10, 25), reason_ceased="E11", by=authority.social_worker.user)
    # then each adoption review clock ran from the right event and closed when care ended
    before = "children_in_care.adoption_review_before_placement"
    later_before = "children_in_care.adoption_later_review_before_placement"
    first_after = "children_in_care.adoption_first_review_after_placement"
    second_after = "children_in_care.adoption_second_review_after_placement"
    assert _adoption_clocks(period) == [
        (before, date(2027, 4, 5), date(2027, 7, 5), date(2027, 7, 1), None),
        (later_before, date(2027, 7, 1), date(2028, 1, 1), None, date(2027, 8, 16)),
        (first_after, date(2027, 8, 16), date(2027, 9, 13), date(2027, 9, 10), None),
        (second_after, date(2027, 9, 10), date(2027, 12, 10), None, date(2027, 10, 25)),
    ]
    # and the placement for adoption started its own first-week visit, closed with care
    assert list(
        Deadline.objects.filter(
            child=period.child, timescale_code="children_in_care.adoption_visit_first_week"
        ).values_list("started_on", "due_on", "cancelled_on")
    ) == [(date(2027, 8, 16), date(2027, 8, 23), date(2027, 10, 25))]
    # and the chronology holds each stage on its day, the period ending by adoption (E11)
    assert _adoption_events(period) == [
        ("adoption.should_be_placed_for_adoption", date(2027, 3, 1)),
        ("adoption.authority_to_place_given", date(2027, 4, 5)),
        ("adoption.adoption_review_held", date(2027, 7, 1)),
        ("adoption.matched", date(2027, 8, 2)),
        ("adoption.placed_for_adoption", date(2027, 8, 16)),
        ("adoption.adoption_review_held", date(2027, 9, 10)),
        ("adoption.adoption_order_made", date(2027, 10, 25)),
    ]
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ceased) == (date(2027, 10, 25), "E11")


def test_the_903_rows_come_from_the_plan_without_rekeying(authority: Authority, period: PeriodOfCare) -> None:
    plan = placed_plan(authority, period)
    record_adoption_order(plan, made_on=date(2027, 10, 25), reason_ceased="E12", by=authority.social_worker.user)
    assert ad1_row(period.child) == {
        "DATE_INT": date(2027, 3, 1),
        "DATE_MATCH": date(2027, 8, 2),
        "FOSTER_CARE": 0,
        "NB_ADOPTR": 2,
        "SEX_ADOPTR": "MF",
        "LS_ADOPTR": "L11",
    }
    assert placed_adoption_rows(period.child) == [
        {"DATE_PLACED": date(2027, 3, 1), "DATE_PLACED_CEASED": None, "REASON_PLACED_CEASED": ""}
    ]


def test_the_event_says_how_long_the_child_waited_and_flags_more_than_12_months(
    authority: Authority, period: PeriodOfCare
) -> None:
    # given a decision on 5 January 2027 and placement on 16 August 2027: 223 days, within 12 months
    plan = placed(authority, matched(authority, authorised(authority, decided(authority, period, date(2027, 1, 5)))))
    summary = CaseEvent.objects.get(event_type="adoption.placed_for_adoption").summary
    assert summary == f"Placed for adoption with {ADOPTERS} (A6), 223 days after the decision"
    assert timeliness(plan, today=date(2027, 11, 1)).over_twelve_months is False


def test_a_child_still_waiting_a_year_after_the_decision_is_flagged(authority: Authority, period: PeriodOfCare) -> None:
    plan = decided(authority, period)
    waiting = timeliness(plan, today=date(2028, 3, 2))
    assert (waiting.placed_by, waiting.over_twelve_months, waiting.days_to_placement) == (date(2028, 3, 1), True, None)
    assert timeliness(plan, today=date(2028, 3, 1)).over_twelve_months is False


def test_a_decision_before_the_child_came_into_care_is_refused_and_nothing_is_saved(
    authority: Authority, period: PeriodOfCare
) -> None:
    with pytest.raises(RuleBroken) as refused:
        record_adoption_decision(
            period,
            decided_on=date(2027, 1, 3),
            decision_maker="Helen Marsh",
            reasons="",
            panel_recommended_on=date(2027, 1, 10),
            by=authority.team_manager.user,
        )
    assert refused.value.problems == {
        "decided_on": ["The decision (3 January 2027) is before Ava Thompson came into care (4 January 2027)"],
        "reasons": ["Say why adoption is in the child's best interests"],
        "panel_recommended_on": ["The panel's recommendation (10 January 2027) is after the decision (3 January 2027)"],
    }
    assert (AdoptionPlan.objects.count(), CaseEvent.objects.filter(event_type__startswith="adoption.").count()) == (
        0,
        0,
    )


def test_a_new_decision_waits_until_the_last_has_ceased_and_is_not_dated_before_it(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = decided(authority, period)
    with pytest.raises(RuleBroken) as still_open:
        decided(authority, period, date(2027, 6, 1))
    record_adoption_decision_ceased(
        plan,
        ceased_on=date(2027, 6, 1),
        reason="RD2",
        why="The court made a care order only",
        by=authority.team_manager.user,
    )
    with pytest.raises(RuleBroken) as before_ceased:
        decided(authority, period, date(2027, 5, 31))
    decided(authority, period, date(2027, 9, 1))
    assert still_open.value.problems["decided_on"] == [
        "The decision of 1 March 2027 that Ava Thompson should be placed for adoption is still in force"
    ]
    assert before_ceased.value.problems["decided_on"] == [
        "The new decision (31 May 2027) is before the last one ceased (1 June 2027)"
    ]
    assert placed_adoption_rows(period.child) == [
        {"DATE_PLACED": date(2027, 3, 1), "DATE_PLACED_CEASED": date(2027, 6, 1), "REASON_PLACED_CEASED": "RD2"},
        {"DATE_PLACED": date(2027, 9, 1), "DATE_PLACED_CEASED": None, "REASON_PLACED_CEASED": ""},
    ]


def test_a_placement_order_is_the_childs_legal_status_before_it_is_the_authority(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = decided(authority, period)
    with pytest.raises(RuleBroken) as refused:
        record_authority_to_place(
            plan, basis=AuthorityBasis.PLACEMENT_ORDER, given_on=date(2027, 4, 5), by=authority.social_worker.user
        )
    assert refused.value.problems == {
        "basis": [
            "On 5 April 2027 the legal status was V2: record the placement order as a change of legal status (E1) first"
        ]
    }
    assert Deadline.objects.filter(timescale_code__startswith="children_in_care.adoption").count() == 0


def test_authority_is_not_dated_before_the_decision(authority: Authority, period: PeriodOfCare) -> None:
    plan = decided(authority, period)
    with pytest.raises(RuleBroken) as refused:
        record_authority_to_place(
            plan, basis=AuthorityBasis.CONSENT, given_on=date(2027, 2, 20), by=authority.social_worker.user
        )
    assert refused.value.problems == {
        "given_on": ["The authority (20 February 2027) is before the decision (1 March 2027)"]
    }


def test_a_match_needs_the_authority_to_place_first(authority: Authority, period: PeriodOfCare) -> None:
    plan = decided(authority, period)
    with pytest.raises(RuleBroken) as refused:
        matched(authority, plan)
    assert refused.value.problems == {
        "matched_on": ["Record the authority to place (a placement order or consent) before the match"]
    }


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        (
            {"number_of_adopters": 2, "adopters_sex": "F1", "adopters_legal_status": "L2"},
            {"adopters_sex": ["F1 describes one adopter, but there are two: MM, FF or MF (rule 511)"]},
        ),
        (
            {"number_of_adopters": 2, "adopters_sex": "FF", "adopters_legal_status": "L0"},
            {"adopters_legal_status": ["L0 is a single adopter, but there are two (rule 514)"]},
        ),
        (
            {"number_of_adopters": 1, "adopters_sex": "F1", "adopters_legal_status": "L2"},
            {"adopters_legal_status": ["L2 (unmarried couple) is a couple: a single adopter is L0"]},
        ),
        (
            {"number_of_adopters": 2, "adopters_sex": "MM", "adopters_legal_status": "L11"},
            {"adopters_sex": ["The return accepts MF with legal status L11, not MM (rules 517, 518, 520, 524)"]},
        ),
        (
            {"number_of_adopters": 2, "adopters_sex": "MF", "adopters_legal_status": "L12"},
            {"adopters_sex": ["The return accepts FF or MM with legal status L12, not MF (rules 517, 518, 520, 524)"]},
        ),
        (
            {"matching_panel_on": date(2027, 8, 9), "adopters": "", "adopted_by_foster_carers": None},
            {
                "matching_panel_on": ["The matching panel (9 August 2027) is after the match (2 August 2027)"],
                "adopters": ["Enter the prospective adopters' names"],
                "adopted_by_foster_carers": ["Say whether the adopters are the child's foster carers"],
            },
        ),
    ],
)
def test_the_match_describes_the_adopters_in_codes_the_return_accepts_together(
    authority: Authority, period: PeriodOfCare, changes: dict[str, object], problems: dict[str, list[str]]
) -> None:
    plan = authorised(authority, decided(authority, period))
    with pytest.raises(RuleBroken) as refused:
        record_adoption_match(plan, match=a_match(**changes), by=authority.social_worker.user)
    assert refused.value.problems == problems
    plan.refresh_from_db()
    assert plan.matched_on is None


def test_a_placement_for_adoption_with_consent_needs_the_consent_recorded_first(
    authority: Authority, period: PeriodOfCare
) -> None:
    # given a decision, but no consent yet
    plan = decided(authority, period)
    # when Ava is moved to A4 (with consent, new carer) the move is refused
    with pytest.raises(RuleBroken) as refused:
        given_move(period, authority.social_worker, on=date(2027, 8, 16), placement=a_placement("A4", carer=ADOPTERS))
    assert refused.value.problems == {
        "placement_type": [
            "Placement type A4 is a placement for adoption with consent: record the parents' consent under "
            "section 19 as the authority to place first"
        ]
    }
    # and with consent given on 1 April the same move is accepted and recorded as the placement for adoption
    record_authority_to_place(
        plan, basis=AuthorityBasis.CONSENT, given_on=date(2027, 4, 1), by=authority.social_worker.user
    )
    placed(authority, matched(authority, plan), kind=PlacementType.ADOPTION_CONSENT_NEW_CARER)
    plan.refresh_from_db()
    assert (plan.placed_on, plan.placement.placement_type if plan.placement else "") == (date(2027, 8, 16), "A4")


def test_a_move_to_a_consent_placement_before_the_consent_was_given_is_refused(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = decided(authority, period)
    record_authority_to_place(
        plan, basis=AuthorityBasis.CONSENT, given_on=date(2027, 9, 1), by=authority.social_worker.user
    )
    with pytest.raises(RuleBroken) as refused:
        given_move(period, authority.social_worker, on=date(2027, 8, 16), placement=a_placement("A4", carer=ADOPTERS))
    assert refused.value.problems["placement_type"] == [
        "Placement type A4 needs the parents' consent, given on 1 September 2027, after the placement starts "
        "(16 August 2027)"
    ]


def test_placed_for_adoption_needs_the_child_to_be_in_their_adoptive_placement(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = matched(authority, authorised(authority, decided(authority, period)))
    with pytest.raises(RuleBroken) as refused:
        record_placed_for_adoption(plan, by=authority.social_worker.user)
    assert refused.value.problems == {
        "placement": [
            "The child's placement is U6 (Sam and Alex Rowley (in-house foster carers)): move the child to their "
            "placement for adoption (A3 to A6) first"
        ]
    }


def test_adoption_by_the_foster_carers_must_agree_with_the_placement_type(
    authority: Authority, period: PeriodOfCare
) -> None:
    # given the decision, and on 16 August the placement order made as Ava's placement becomes A5 (with her
    # current foster carers: the 903 wants the legal status to change that day, rule 217)
    plan = decided(authority, period)
    given_move(
        period,
        authority.social_worker,
        on=PLACED_ON,
        placement=a_placement("A5", carer="Sam and Alex Rowley (in-house foster carers)"),
        legal_status="E1",
    )
    record_authority_to_place(
        plan, basis=AuthorityBasis.PLACEMENT_ORDER, given_on=PLACED_ON, by=authority.social_worker.user
    )
    # when the match says the adopters are new to Ava (FOSTER_CARE 0)
    plan = matched(authority, plan, matched_on=PLACED_ON)
    with pytest.raises(RuleBroken) as refused:
        record_placed_for_adoption(plan, by=authority.social_worker.user)
    # then the placement for adoption is refused, naming rule 335
    assert refused.value.problems == {
        "placement": [
            "Placement type A5 says the adopters are the child's foster carers, but the match says they are not "
            "(rule 335)"
        ]
    }


def test_the_decision_cannot_cease_while_the_child_lives_with_the_adopters_and_then_closes_the_clocks(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = placed_plan(authority, period)
    with pytest.raises(RuleBroken) as refused:
        record_adoption_decision_ceased(
            plan,
            ceased_on=date(2027, 10, 1),
            reason="RD1",
            why="The placement broke down",
            by=authority.team_manager.user,
        )
    assert refused.value.problems == {
        "ceased_on": [
            f"The child is still placed for adoption (A6, with {ADOPTERS}): record the move out of the adoptive "
            "placement first"
        ]
    }
    # when Ava moves back to foster care (a placement order stays her legal status) and the decision ceases
    given_move(period, authority.social_worker, on=date(2027, 10, 1), reason_for_change="CREQO")
    record_adoption_decision_ceased(
        plan, ceased_on=date(2027, 10, 4), reason="RD1", why="The placement broke down", by=authority.team_manager.user
    )
    # then no adoption clock is left open, and the reason reaches the chronology
    assert (
        Deadline.objects.filter(
            timescale_code__startswith="children_in_care.adoption", met_on__isnull=True, cancelled_on__isnull=True
        ).count()
        == 0
    )
    assert CaseEvent.objects.get(event_type="adoption.decision_ceased").summary == (
        "Ava should no longer be placed for adoption (RD1: the child's needs changed): The placement broke down"
    )


def test_the_adoption_order_follows_the_placement_for_adoption(authority: Authority, period: PeriodOfCare) -> None:
    plan = matched(authority, authorised(authority, decided(authority, period)))
    with pytest.raises(RuleBroken) as refused:
        record_adoption_order(plan, made_on=date(2027, 10, 25), reason_ceased="E8", by=authority.social_worker.user)
    assert refused.value.problems == {
        "reason_ceased": ["Choose whether the application was unopposed (E11) or consent dispensed (E12)"],
        "made_on": ["Record the placement for adoption before the adoption order"],
    }
    period.refresh_from_db()
    assert period.ended_on is None


def test_an_adoption_order_after_care_already_ended_by_adoption_on_that_day_is_recorded(
    authority: Authority, period: PeriodOfCare
) -> None:
    plan = placed_plan(authority, period)
    end_period_of_care(period, ended_on=date(2027, 10, 25), reason_ceased="E11", by=authority.social_worker.user)
    plan.refresh_from_db()
    record_adoption_order(plan, made_on=date(2027, 10, 25), reason_ceased="E11", by=authority.social_worker.user)
    plan.refresh_from_db()
    assert (plan.adoption_order_on, Episode.objects.filter(child=period.child, reason_ceased="E11").count()) == (
        date(2027, 10, 25),
        1,
    )


def test_the_legal_status_cannot_leave_e1_while_placed_under_the_placement_order(
    authority: Authority, period: PeriodOfCare
) -> None:
    placed_plan(authority, period)
    with pytest.raises(RuleBroken):
        change_legal_status(period, changed_on=date(2027, 9, 1), legal_status="C2", by=authority.social_worker.user)


def test_a_child_cannot_come_into_care_straight_into_a_placement_for_adoption_with_consent(
    authority: Authority,
) -> None:
    # the decision and the consent belong to a period of care, so none can exist yet
    with pytest.raises(RuleBroken) as refused:
        given_looked_after_child(
            authority.own_child, authority.social_worker, on=date(2027, 3, 1), placement=a_placement("A3")
        )
    assert refused.value.problems["placement_type"] == [
        "Placement type A3 is a placement for adoption with consent: record the parents' consent under section 19 "
        "as the authority to place first"
    ]
    assert PeriodOfCare.objects.count() == 0


def test_a_decision_that_ceased_is_in_the_return_of_its_year_and_not_the_next(authority: Authority) -> None:
    # given Ava, looked after since 5 January 2026, and the decision of 2 March 2026 that she should be placed
    # for adoption, which ceased on 20 March 2026
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=date(2026, 1, 5))
    plan = decided(authority, period, date(2026, 3, 2))
    record_adoption_decision_ceased(
        plan, ceased_on=date(2026, 3, 20), reason="RD1", why="Ava's needs changed", by=authority.team_manager.user
    )

    # then 2025-26's return reports it, ceased; 2026-27's, in which Ava is still looked after, does not (rule 118)
    ava = period.child.kith_id
    rows = {
        year: [
            (row["DATE_PLACED"], row["DATE_PLACED_CEASED"], row["REASON_PLACED_CEASED"])
            for row in build_903(collection_year(year)).tables["placed_for_adoption"]
            if row["CHILD"] == ava
        ]
        for year in (2026, 2027)
    }
    assert rows == {2026: [("02/03/2026", "20/03/2026", "RD1")], 2027: []}
    assert any(row["CHILD"] == ava for row in build_903(collection_year(2027)).tables["episodes"])
