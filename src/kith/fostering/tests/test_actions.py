"""The fostering service's actions: the stages to approval, the clocks they start and meet, vacancies derived from
the children's placements, and refusals that name the dates and save nothing."""

from __future__ import annotations

from datetime import date

import pytest

from kith.children_in_care.models import PeriodOfCare
from kith.fostering.actions import (
    approve_foster_carers,
    end_fostering_approval,
    grant_temporary_approval,
    link_placement_to_household,
    record_foster_carer_training,
    record_fostering_enquiry,
    review_fostering_approval,
    start_fostering_assessment,
)
from kith.fostering.models import Household, PlacementLink
from kith.fostering.queries import household_rows
from kith.fostering.rules import Terms
from kith.fostering.tests.conftest import TEENAGERS, an_adult
from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority
from tests.casework import a_placement, given_looked_after_child, given_move

pytestmark = pytest.mark.django_db


def _clocks(household: Household) -> list[tuple[str, date, date, date | None, date | None]]:
    return list(
        Deadline.objects.filter(subject_type__model="household", subject_id=str(household.pk))
        .order_by("started_on", "pk")
        .values_list("timescale_code", "started_on", "due_on", "met_on", "cancelled_on")
    )


def _row(household: Household) -> tuple[str, int, int | None]:
    row = next(row for row in household_rows() if row.household.pk == household.pk)
    return (row.status.value, row.placed, row.vacancies)


def test_approval_starts_the_yearly_review_clock_and_the_event_is_on_each_carers_chronology(
    approved_hunts: Household,
) -> None:
    assert _clocks(approved_hunts) == [("fostering.annual_review", date(2026, 9, 17), date(2027, 9, 17), None, None)]
    event = CaseEvent.objects.get(event_type="fostering.carers_approved")
    assert (event.summary, sorted(event.children.values_list("given_name", flat=True))) == (
        "Bev and Carl Hunt approved as foster carers by Gwen Hale (agency decision maker): 2 children aged 11 to 17: "
        "emergency and short-term",
        ["Bev", "Carl"],
    )
    assert (approved_hunts.postcode, _row(approved_hunts)) == ("TS26 0AA", ("approved", 0, 2))


def test_a_connected_persons_temporary_approval_runs_16_weeks_and_full_approval_meets_it(
    authority: Authority, fay: StaffMember, gwen: StaffMember, kai: Person
) -> None:
    aunt = record_fostering_enquiry(
        name="Dorota Carrow",
        postcode="TS19 7RB",
        kind="connected_person",
        carers=[an_adult("Dorota", "Carrow", by=fay)],
        enquiry_on=date(2027, 4, 30),
        by=fay.user,
    )
    grant_temporary_approval(aunt, approved_on=date(2027, 5, 10), child=kai, by=gwen.user)
    assert _row(aunt) == ("temporarily_approved", 0, 1)
    start_fostering_assessment(aunt, started_on=date(2027, 5, 3), assessor="Fay Dunmore", by=fay.user)
    approve_foster_carers(
        aunt,
        panel_recommended_on=date(2027, 8, 12),
        approved_on=date(2027, 8, 19),
        decision_maker="Gwen Hale",
        terms=Terms(places=1, age_from=11, age_to=17, kind_of_care="named_child"),
        by=gwen.user,
    )
    assert _clocks(aunt) == [
        ("fostering.temporary_approval", date(2027, 5, 10), date(2027, 8, 30), date(2027, 8, 19), None),
        ("fostering.annual_review", date(2027, 8, 19), date(2028, 8, 19), None, None),
    ]
    assert Deadline.objects.get(timescale_code="fostering.temporary_approval").child == kai


def test_temporary_approval_is_only_for_a_connected_person(hunts: Household, gwen: StaffMember, kai: Person) -> None:
    with pytest.raises(RuleBroken) as refused:
        grant_temporary_approval(hunts, approved_on=date(2027, 5, 10), child=kai, by=gwen.user)
    assert refused.value.problems == {
        "approved_on": [
            "Temporary approval (reg 24) is for a connected person; Bev and Carl Hunt are in-house mainstream foster "
            "carers"
        ]
    }
    assert _clocks(hunts) == []


def test_approval_before_the_panel_or_over_the_usual_fostering_limit_is_refused(
    hunts: Household, gwen: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        approve_foster_carers(
            hunts,
            panel_recommended_on=date(2026, 9, 10),
            approved_on=date(2026, 9, 9),
            decision_maker="Gwen Hale",
            terms=Terms(places=4, age_from=11, age_to=17, kind_of_care="long_term"),
            by=gwen.user,
        )
    assert refused.value.problems == {
        "approved_on": ["The approval (9 September 2026) is before the panel's recommendation (10 September 2026)"],
        "places": ["4 children is over the usual fostering limit of 3 (Children Act 1989, Schedule 7)"],
    }
    hunts.refresh_from_db()
    assert (hunts.approved_on, _clocks(hunts)) == (None, [])


def test_each_review_meets_the_clock_and_starts_the_next_and_says_when_the_terms_changed(
    approved_hunts: Household, fay: StaffMember
) -> None:
    review = review_fostering_approval(
        approved_hunts,
        reviewed_on=date(2027, 9, 10),
        reviewer="Rita Bell (independent reviewing officer for foster carers)",
        carers_views="They want to keep caring for teenagers",
        childrens_views="Their son Josh says it is fine sharing the bathroom",
        recommendation="Continue approval; one child only while Josh does his exams",
        terms=Terms(places=1, age_from=11, age_to=17, kind_of_care="emergency"),
        by=fay.user,
    )
    assert (review.terms_changed, approved_hunts.approved_places) == (True, 1)
    assert _clocks(approved_hunts) == [
        ("fostering.annual_review", date(2026, 9, 17), date(2027, 9, 17), date(2027, 9, 10), None),
        ("fostering.annual_review", date(2027, 9, 10), date(2028, 9, 10), None, None),
    ]
    assert CaseEvent.objects.get(event_type="fostering.approval_reviewed").summary == (
        "Approval of Bev and Carl Hunt reviewed by Rita Bell (independent reviewing officer for foster carers): terms "
        "changed to 1 child aged 11 to 17: emergency and short-term"
    )


def test_a_review_before_approval_is_refused(hunts: Household, fay: StaffMember) -> None:
    with pytest.raises(RuleBroken) as refused:
        review_fostering_approval(
            hunts,
            reviewed_on=date(2027, 9, 10),
            reviewer="Rita Bell",
            carers_views="Keen",
            recommendation="Continue",
            terms=TEENAGERS,
            by=fay.user,
        )
    assert refused.value.problems == {
        "reviewed_on": ["Bev and Carl Hunt are not approved yet: there is no approval to review"]
    }


def test_vacancies_are_the_approved_places_less_the_open_placements_linked(
    authority: Authority, approved_hunts: Household, kais_care: PeriodOfCare
) -> None:
    worker = authority.social_worker
    placement = kais_care.placements.get()
    link_placement_to_household(placement, household=approved_hunts, by=worker.user)
    assert _row(approved_hunts) == ("approved", 1, 1)
    event = CaseEvent.objects.get(event_type="fostering.placement_linked")
    assert (event.occurred_on, event.summary, event.children.count()) == (
        date(2027, 2, 1),
        "Kai Morgan placed with Bev and Carl Hunt (U6) from 1 February 2027",
        3,
    )
    given_move(kais_care, worker, on=date(2027, 6, 1))
    assert _row(approved_hunts) == ("approved", 0, 2)


def test_a_placement_is_refused_when_the_household_is_full_or_the_child_is_outside_its_ages(
    authority: Authority, approved_hunts: Household, kais_care: PeriodOfCare, fay: StaffMember
) -> None:
    review_fostering_approval(
        approved_hunts,
        reviewed_on=date(2027, 1, 20),
        reviewer="Rita Bell",
        carers_views="One child for now",
        recommendation="One child",
        terms=Terms(places=1, age_from=11, age_to=17, kind_of_care="emergency"),
        by=fay.user,
    )
    link_placement_to_household(kais_care.placements.get(), household=approved_hunts, by=authority.social_worker.user)
    ava_care = given_looked_after_child(
        authority.own_child, authority.social_worker, on=date(2027, 3, 1), placement=a_placement(carer="The Hunts")
    )
    with pytest.raises(RuleBroken) as refused:
        link_placement_to_household(
            ava_care.placements.get(), household=approved_hunts, by=authority.social_worker.user
        )
    assert refused.value.problems == {
        "household": [
            "Ava Thompson was 6 when the placement began; Bev and Carl Hunt are approved for children aged 11 to 17",
            "Bev and Carl Hunt are approved for 1 child and 1 is placed: there is no vacancy",
        ]
    }
    assert PlacementLink.objects.count() == 1


def test_a_relatives_placement_code_and_a_placement_before_approval_are_refused(
    authority: Authority, hunts: Household, kai: Person, gwen: StaffMember
) -> None:
    care = given_looked_after_child(
        kai, authority.social_worker, on=date(2026, 9, 1), placement=a_placement("U3", carer="Bev and Carl Hunt")
    )
    approve_foster_carers(
        hunts,
        panel_recommended_on=date(2026, 9, 10),
        approved_on=date(2026, 9, 17),
        decision_maker="Gwen Hale",
        terms=TEENAGERS,
        by=gwen.user,
    )
    with pytest.raises(RuleBroken) as refused:
        link_placement_to_household(care.placements.get(), household=hunts, by=authority.social_worker.user)
    assert refused.value.problems == {
        "household": [
            "Bev and Carl Hunt are not relatives or friends: the placement should be U4, U5 or U6, not U3",
            "Kai Morgan's placement began on 1 September 2026, before Bev and Carl Hunt were approved "
            "(17 September 2026)",
        ]
    }


def test_ending_is_refused_while_a_child_is_placed_and_then_closes_the_review_clock(
    authority: Authority, approved_hunts: Household, kais_care: PeriodOfCare, fay: StaffMember
) -> None:
    link_placement_to_household(kais_care.placements.get(), household=approved_hunts, by=authority.social_worker.user)
    with pytest.raises(RuleBroken) as refused:
        end_fostering_approval(
            approved_hunts, ended_on=date(2027, 10, 1), reason="resigned", notes="Retiring", by=fay.user
        )
    assert refused.value.problems == {
        "ended_on": ["Kai Morgan is still placed with Bev and Carl Hunt: record the move first"]
    }
    given_move(kais_care, authority.social_worker, on=date(2027, 9, 30))
    end_fostering_approval(approved_hunts, ended_on=date(2027, 10, 1), reason="resigned", notes="Retiring", by=fay.user)
    assert _clocks(approved_hunts) == [
        ("fostering.annual_review", date(2026, 9, 17), date(2027, 9, 17), None, date(2027, 10, 1))
    ]
    assert [row.household for row in household_rows()] == []


def test_training_is_recorded_for_a_carer_of_the_household_only(hunts: Household, fay: StaffMember) -> None:
    bev = hunts.carers.first().person  # type: ignore[union-attr]
    record_foster_carer_training(
        hunts, carer=bev, course="Skills to Foster", completed_on=date(2026, 4, 20), by=fay.user
    )
    stranger = an_adult("Ann", "Other", by=fay)
    with pytest.raises(RuleBroken) as refused:
        record_foster_carer_training(
            hunts, carer=stranger, course="First aid", completed_on=date(2026, 5, 1), by=fay.user
        )
    assert refused.value.problems == {"carer": ["Ann Other is not a carer of Bev and Carl Hunt"]}
    assert list(
        CaseEvent.objects.filter(event_type="fostering.training_completed").values_list("summary", flat=True)
    ) == ["Bev Hunt completed Skills to Foster"]


def test_a_carer_already_fostering_with_another_household_is_refused(hunts: Household, fay: StaffMember) -> None:
    bev = hunts.carers.first().person  # type: ignore[union-attr]
    with pytest.raises(RuleBroken) as refused:
        record_fostering_enquiry(
            name="Bev Hunt",
            postcode="TS24 1AA",
            kind="short_breaks",
            carers=[bev],
            enquiry_on=date(2027, 1, 5),
            by=fay.user,
        )
    assert refused.value.problems == {"carers": ["Bev Hunt is already a carer of Bev and Carl Hunt"]}
    assert Household.objects.count() == 1
