"""The 903 episodes a child's time in care leaves behind: becoming looked after, a care order, a move,
a return home; and the clocks becoming looked after starts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import time_machine

from kith.children_in_care.actions import change_legal_status, end_period_of_care
from kith.children_in_care.models import Episode, PeriodOfCare
from kith.platform.reference.cin_census import PrimaryNeed
from kith.platform.reference.ssda903 import PlacementType
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.tests.fixtures import Authority, authority  # noqa: F401 - shared fixture
from tests.casework import a_placement, given_looked_after_child, given_move

pytestmark = pytest.mark.django_db

TODAY = date(2027, 6, 30)


@pytest.fixture(autouse=True)
def _today(time_machine: time_machine.TimeMachineFixture) -> None:
    time_machine.move_to(TODAY, tick=False)


def _episodes(child: object) -> list[tuple[object, ...]]:
    return [
        (
            e.started_on,
            e.reason_new_episode,
            e.legal_status,
            e.placement.placement_type,
            e.ended_on,
            e.reason_ceased,
            e.reason_for_placement_change,
        )
        for e in Episode.objects.filter(child=child).select_related("placement").order_by("started_on", "pk")
    ]


@pytest.mark.requirement("R-009")
def test_care_order_move_and_return_home_leave_four_episodes(authority: Authority) -> None:  # noqa: F811
    # Given Ava accommodated under section 20 on 4 January 2027
    child = authority.own_child
    period = given_looked_after_child(child, authority.social_worker, on=date(2027, 1, 4))
    # When an interim care order is made, she moves, and she goes home as planned
    change_legal_status(period, changed_on=date(2027, 2, 1), legal_status="C1", by=authority.social_worker.user)
    given_move(period, authority.social_worker, on=date(2027, 3, 15), reason_for_change="CARPL")
    end_period_of_care(period, ended_on=date(2027, 6, 1), reason_ceased="E4A", by=authority.social_worker.user)
    # Then the episodes read as the return needs them
    assert _episodes(child) == [
        (date(2027, 1, 4), "S", "V2", "U6", date(2027, 2, 1), "X1", ""),
        (date(2027, 2, 1), "L", "C1", "U6", date(2027, 3, 15), "X1", "CARPL"),
        (date(2027, 3, 15), "P", "C1", "U6", date(2027, 6, 1), "E4A", ""),
    ]
    period.refresh_from_db()
    assert (period.ended_on, period.reason_ceased) == (date(2027, 6, 1), "E4A")


def test_becoming_looked_after_starts_the_regulations_clocks(authority: Authority) -> None:  # noqa: F811
    child = authority.own_child
    given_looked_after_child(child, authority.social_worker, on=date(2027, 1, 4))
    assert sorted(Deadline.objects.filter(child=child).values_list("timescale_code", flat=True)) == sorted(
        [
            "children_in_care.care_plan",
            "children_in_care.cp_is_nhs_number",
            "children_in_care.first_review",
            "children_in_care.initial_health_assessment",
            "children_in_care.pep_completed",
            "children_in_care.pep_started",
            "children_in_care.placement_notification",
            "children_in_care.placement_plan",
            "children_in_care.visit_first_week",
        ]
    )


def test_a_second_period_while_looked_after_is_refused(authority: Authority) -> None:  # noqa: F811
    child = authority.own_child
    given_looked_after_child(child, authority.social_worker, on=date(2027, 1, 4))
    with pytest.raises(RuleBroken) as refused:
        given_looked_after_child(child, authority.social_worker, on=date(2027, 2, 4))
    assert refused.value.problems["started_on"] == [
        "Ava Thompson has been looked after since 4 January 2027: record a move or a change of legal status instead"
    ]
    assert PeriodOfCare.objects.filter(child=child).count() == 1


def test_a_placement_for_adoption_with_the_current_carers_starts_with_the_placement_order(
    authority: Authority,  # noqa: F811
) -> None:
    # given Ava in foster care under a care order since January
    period = given_looked_after_child(
        authority.own_child, authority.social_worker, on=date(2027, 1, 4), legal_status="C2"
    )
    adoptive = a_placement(PlacementType.ADOPTION_ORDER_CURRENT_CARER)
    # when her carers become her prospective adopters without the placement order given on the same day
    with pytest.raises(RuleBroken) as refused:
        given_move(period, authority.social_worker, on=date(2027, 5, 3), placement=adoptive)
    # then the move is refused, naming the 903 rule, and nothing changes
    assert refused.value.problems["legal_status"] == [
        "A placement for adoption with the current foster carers (A5) starts with a change of legal status the "
        "same day (903 rule 217): give the new legal status"
    ]
    assert Episode.objects.filter(child=authority.own_child).count() == 1
    # and with the placement order made that day the new episode is U, as the return expects
    given_move(period, authority.social_worker, on=date(2027, 5, 3), placement=adoptive, legal_status="E1")
    assert _episodes(authority.own_child)[-1][:3] == (date(2027, 5, 3), "U", "E1")


def test_care_that_began_before_working_together_2023_is_measured_by_the_earlier_edition(
    authority: Authority,  # noqa: F811
) -> None:
    # given Ava, with no NHS number on her record, came into care in June 2022
    child = authority.own_child
    given_looked_after_child(child, authority.social_worker, on=date(2022, 6, 1))
    # then the CP-IS clock ran that day under Kith's local standard as applied to the earlier years
    deadline = Deadline.objects.get(child=child, timescale_code="children_in_care.cp_is_nhs_number")
    assert (deadline.started_on, deadline.due_on) == (date(2022, 6, 1), date(2022, 6, 1))


def test_a_special_guardianship_order_to_former_foster_carers_needs_a_foster_placement(
    authority: Authority,  # noqa: F811
) -> None:
    # Given Ava, looked after since 4 January 2027, now in a children's home
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=date(2027, 1, 4))
    given_move(
        period,
        authority.social_worker,
        on=date(2027, 3, 15),
        reason_for_change="CARPL",
        placement=a_placement(PlacementType.CHILDRENS_HOME, carer="Ash House", provider="PR4"),
    )
    # When her care is ended with a special guardianship order to former foster carers
    with pytest.raises(RuleBroken) as refused:
        end_period_of_care(period, ended_on=date(2027, 6, 1), reason_ceased="E45", by=authority.social_worker.user)
    # Then it is refused, and the order to a relative who was not her foster carer is accepted
    assert refused.value.problems == {
        "reason_ceased": [
            "Special guardianship order: former foster carer who is a relative or friend: the child is not in a "
            "foster placement, so the special guardians are not former foster carers (903 rule 516); choose E47 or E48"
        ]
    }
    end_period_of_care(period, ended_on=date(2027, 6, 1), reason_ceased="E47", by=authority.social_worker.user)


def test_a_placement_with_parents_needs_a_care_order_not_section_20(authority: Authority) -> None:  # noqa: F811
    # Given Ava accommodated under section 20 in foster care since 4 January 2027
    period = given_looked_after_child(authority.own_child, authority.social_worker, on=date(2027, 1, 4))
    home = a_placement(PlacementType.WITH_PARENTS, carer="Her mother", postcode="TS25 1QQ")
    # When she is to be placed with her mother while still accommodated under section 20
    with pytest.raises(RuleBroken) as refused:
        given_move(period, authority.social_worker, on=date(2027, 3, 1), placement=home)
    # Then the move is refused, naming the 903 rule
    assert refused.value.problems["placement_type"] == [
        "A child accommodated under section 20 is not placed with their parents: a placement with parents (P1) "
        "needs a care order, interim or full (903 rule 378)"
    ]
    # and once a care order is made she can be placed at home, after which section 20 cannot be recorded
    change_legal_status(period, changed_on=date(2027, 3, 1), legal_status="C2", by=authority.social_worker.user)
    given_move(period, authority.social_worker, on=date(2027, 4, 1), placement=home)
    with pytest.raises(RuleBroken) as refused:
        change_legal_status(period, changed_on=date(2027, 5, 3), legal_status="V2", by=authority.social_worker.user)
    assert refused.value.problems["legal_status"] == [
        "The child is placed with their parents (P1), which section 20 accommodation cannot be (903 rule 378): "
        "move the child first"
    ]
    assert [episode[2:4] for episode in _episodes(authority.own_child)] == [
        ("V2", "U6"),
        ("C2", "U6"),
        ("C2", "P1"),
    ]


def test_a_placement_no_registration_covers_takes_no_urn(authority: Authority) -> None:  # noqa: F811
    period = given_looked_after_child(
        authority.own_child, authority.social_worker, on=date(2027, 1, 4), legal_status="C2"
    )
    home = replace(a_placement(PlacementType.WITH_PARENTS, carer="Her mother", postcode="TS25 1QQ"), urn="SC123456")
    with pytest.raises(RuleBroken) as refused:
        given_move(period, authority.social_worker, on=date(2027, 3, 1), placement=home)
    assert refused.value.problems["urn"] == ["A placement of type P1 has no Ofsted URN: leave it blank (903 rule 222)"]


def test_only_a_placement_with_parents_is_at_the_childs_home_postcode(authority: Authority) -> None:  # noqa: F811
    # Given Ava on a care order in foster care since 4 January 2027; her family lives at TS25 1QQ
    period = given_looked_after_child(
        authority.own_child, authority.social_worker, on=date(2027, 1, 4), legal_status="C2"
    )
    # When she is to move to kinship carers recorded at her family's own postcode, typed as the worker typed it
    kinship = a_placement(PlacementType.RELATIVE_OTHER, carer="Her aunt", postcode="ts251qq")
    with pytest.raises(RuleBroken) as refused:
        given_move(period, authority.social_worker, on=date(2027, 3, 1), placement=kinship)
    # Then the move is refused, naming the 903 rule
    assert refused.value.problems == {
        "postcode": [
            "The placement's postcode is the child's home postcode (TS25 1QQ): only a placement with parents (P1) "
            "is at home. Check both postcodes (903 rule 392d)"
        ]
    }
    # and a placement with her mother at that postcode is accepted, as is the aunt's at her own
    given_move(period, authority.social_worker, on=date(2027, 3, 1), placement=replace(kinship, postcode="TS25 1QR"))
    home = a_placement(PlacementType.WITH_PARENTS, carer="Her mother", postcode="TS25 1QQ")
    given_move(period, authority.social_worker, on=date(2027, 4, 1), placement=home)
    assert [episode[2:4] for episode in _episodes(authority.own_child)] == [
        ("C2", "U6"),
        ("C2", "U3"),
        ("C2", "P1"),
    ]


def test_a_child_whose_parents_are_absent_may_be_placed_at_the_postcode_given_as_home(
    authority: Authority,  # noqa: F811
) -> None:
    # Given a child who arrived alone (N8): the worker has no home postcode to give but the foster carers'
    at_the_carers = a_placement(PlacementType.FOSTER_OTHER, postcode="TS24 7QS", home_postcode="TS24 7QS")
    # When / then: he is accommodated there, as any child with absent parents may be (the 903 leaves an
    # unaccompanied child's home postcode out, rule 406)
    given_looked_after_child(
        authority.own_child,
        authority.social_worker,
        on=date(2027, 1, 4),
        category_of_need=PrimaryNeed.ABSENT_PARENTING,
        placement=at_the_carers,
    )
    assert [episode[2:4] for episode in _episodes(authority.own_child)] == [("V2", "U6")]
