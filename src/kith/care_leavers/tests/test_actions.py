"""Leaving care actions: support starts only for an eligible child, each clock starts and is met, refusals
name the dates and codes and save nothing, and the 903 OC3 rows come out of what was recorded."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kith.care_leavers.actions import (
    agree_pathway_plan,
    allocate_personal_adviser,
    complete_needs_assessment,
    record_accommodation_change,
    record_birthday_contact,
    record_pathway_plan_shared,
    record_personal_adviser_contact,
    review_pathway_plan,
    start_leaving_care_support,
)
from kith.care_leavers.models import (
    BirthdayContact,
    CareLeaverAccommodation,
    LeavingCareSupport,
    PathwayPlan,
    PersonalAdviserAllocation,
)
from kith.care_leavers.queries import oc3_rows, status_of
from kith.care_leavers.rules import NeedsDetails, PlanDetails
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, add_staff

pytestmark = pytest.mark.django_db

NEEDS = NeedsDetails(
    young_person_views="Kai wants to stay near his college and learn to cook",
    health_and_development="Healthy; asthma reviewed every year",
    education_training_employment="Level 2 motor vehicle course at college",
    family_and_relationships="Sees his sister every week",
    practical_skills_and_money="Needs help with budgeting",
    accommodation="Wants supported lodgings when he leaves care",
)
PLAN = PlanDetails(
    young_person_views="Kai agrees with the plan and wants to move at 17",
    accommodation="Supported lodgings in Hartlepool from the summer",
    education_training_employment="Finish the level 2 course; apply for level 3",
    health_and_wellbeing="Register with a GP near the lodgings; asthma review in March",
    finance="Bursary of £30 a week; setting-up-home allowance when he moves",
    support_network="His sister, his foster carers, the college tutor",
    contingency="If the lodgings end, a supported flat through the housing protocol",
)


def _clocks(child: Person, code: str) -> list[tuple[date, date, date | None, date | None]]:
    return list(
        Deadline.objects.filter(child=child, timescale_code=code)
        .order_by("started_on", "pk")
        .values_list("started_on", "due_on", "met_on", "cancelled_on")
    )


def _events(child: Person, code: str) -> list[tuple[date, str]]:
    return list(
        CaseEvent.objects.filter(children=child, event_type=code).order_by("pk").values_list("occurred_on", "summary")
    )


def _assessed(support: LeavingCareSupport, authority: Authority, on: date = date(2026, 11, 20)) -> None:
    complete_needs_assessment(support, completed_on=on, details=NEEDS, by=authority.social_worker.user)


# --- starting support -----------------------------------------------------------------------------


@pytest.mark.requirement("R-114")
def test_support_starts_from_the_day_the_child_became_eligible_and_the_needs_assessment_clock_with_it(
    kai: Person, support: LeavingCareSupport
) -> None:
    assert support.became_eligible_on == date(2026, 9, 15)
    assert _events(kai, "care_leavers.became_eligible") == [
        (
            date(2026, 9, 15),
            "Eligible for leaving care support from 15 September 2026: Looked after and eligible since "
            "15 September 2026",
        )
    ]
    assert _clocks(kai, "care_leavers.needs_assessment") == [(date(2026, 9, 15), date(2026, 12, 15), None, None)]


def test_support_is_refused_before_the_child_is_eligible_and_nothing_is_saved(
    authority: Authority, kai: Person, period: Any
) -> None:
    with pytest.raises(RuleBroken) as refused:
        start_leaving_care_support(kai, on=date(2026, 9, 14), by=authority.social_worker.user)
    assert refused.value.problems == {
        "on": [
            "Kai Morgan is not an eligible child on 14 September 2026 (not a care leaver: Under 16 "
            "(16 on 15 September 2026))"
        ]
    }
    assert (
        LeavingCareSupport.objects.count(),
        Deadline.objects.filter(timescale_code__startswith="care_l").count(),
    ) == (
        0,
        0,
    )


def test_support_starts_once(authority: Authority, kai: Person, support: LeavingCareSupport) -> None:
    with pytest.raises(RuleBroken) as refused:
        start_leaving_care_support(kai, on=date(2026, 10, 1), by=authority.social_worker.user)
    assert refused.value.problems == {"on": ["Leaving care support for Kai Morgan has already started"]}


def test_the_status_is_computed_from_the_episodes_and_changes_when_care_ends(
    kai: Person, left_care: LeavingCareSupport
) -> None:
    found = [status_of(kai, on=day).status.label for day in (date(2027, 7, 31), date(2027, 8, 1), date(2028, 9, 15))]
    assert found == ["Eligible", "Relevant", "Former relevant"]


# --- the needs assessment and the personal adviser ------------------------------------------------


def test_completing_the_needs_assessment_meets_its_clock(
    authority: Authority, kai: Person, support: LeavingCareSupport
) -> None:
    _assessed(support, authority)
    assert _clocks(kai, "care_leavers.needs_assessment") == [
        (date(2026, 9, 15), date(2026, 12, 15), date(2026, 11, 20), None)
    ]
    assert _events(kai, "care_leavers.needs_assessment_completed")[0][0] == date(2026, 11, 20)


def test_a_needs_assessment_without_the_young_persons_views_or_before_eligibility_is_refused(
    authority: Authority, support: LeavingCareSupport
) -> None:
    with pytest.raises(RuleBroken) as refused:
        complete_needs_assessment(
            support,
            completed_on=date(2026, 9, 1),
            details=NeedsDetails(**{**NEEDS.__dict__, "young_person_views": " "}),
            by=authority.social_worker.user,
        )
    assert refused.value.problems == {
        "completed_on": [
            "The needs assessment (1 September 2026) is before Kai Morgan became eligible for leaving care support "
            "(15 September 2026)"
        ],
        "young_person_views": ["Record the young person's views, in their words where you can"],
    }


@pytest.mark.requirement("R-114")
def test_a_personal_adviser_starts_the_visit_clock_and_a_new_one_ends_the_last(
    authority: Authority, kai: Person, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    second = add_staff("Rhys Bell", Role.PERSONAL_ADVISER, authority.north)
    allocate_personal_adviser(support, adviser=adviser, allocated_on=date(2026, 10, 1), by=authority.team_manager.user)
    allocate_personal_adviser(support, adviser=second, allocated_on=date(2027, 2, 1), by=authority.team_manager.user)
    assert list(
        PersonalAdviserAllocation.objects.order_by("pk").values_list("adviser__full_name", "allocated_on", "ended_on")
    ) == [("Pat Lowry", date(2026, 10, 1), date(2027, 2, 1)), ("Rhys Bell", date(2027, 2, 1), None)]
    assert _clocks(kai, "care_leavers.personal_adviser_visit") == [(date(2026, 10, 1), date(2026, 12, 1), None, None)]


def test_the_adviser_must_be_a_personal_adviser_who_can_open_the_record(
    authority: Authority, support: LeavingCareSupport
) -> None:
    south_adviser = add_staff("Lou Hart", Role.PERSONAL_ADVISER, authority.south)
    refusals = []
    for staff in (authority.colleague, south_adviser):
        with pytest.raises(RuleBroken) as refused:
            allocate_personal_adviser(
                support, adviser=staff, allocated_on=date(2026, 10, 1), by=authority.team_manager.user
            )
        refusals.append(refused.value.problems)
    assert refusals == [
        {"adviser": ["Oliver Grant is not a personal adviser in post"]},
        {"adviser": ["Lou Hart cannot open Kai Morgan's record: allocate the case to their team first"]},
    ]


def test_a_social_worker_cannot_allocate_the_personal_adviser(
    authority: Authority, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    with pytest.raises(NotAllowed):
        allocate_personal_adviser(
            support, adviser=adviser, allocated_on=date(2026, 10, 1), by=authority.social_worker.user
        )
    assert PersonalAdviserAllocation.objects.count() == 0


# --- the pathway plan --------------------------------------------------------------------------------


def test_the_pathway_plan_is_prepared_from_the_needs_assessment(
    authority: Authority, support: LeavingCareSupport
) -> None:
    with pytest.raises(RuleBroken) as refused:
        agree_pathway_plan(support, agreed_on=date(2026, 11, 1), details=PLAN, by=authority.social_worker.user)
    assert refused.value.problems == {
        "agreed_on": ["Complete the needs assessment first: the pathway plan is prepared from it"]
    }
    assert PathwayPlan.objects.count() == 0


@pytest.mark.requirement("R-051")
def test_each_review_replaces_the_plan_meets_the_review_clock_and_starts_the_next(
    authority: Authority, kai: Person, support: LeavingCareSupport
) -> None:
    _assessed(support, authority)
    first = agree_pathway_plan(
        support,
        agreed_on=date(2026, 12, 1),
        details=PLAN,
        copy_given_on=date(2026, 12, 3),
        by=authority.social_worker.user,
    )
    second = review_pathway_plan(
        first,
        reviewed_on=date(2027, 5, 20),
        details=PLAN,
        what_changed="Kai asked to move in August rather than June",
        by=authority.social_worker.user,
    )
    first.refresh_from_db()
    assert (first.replaced_on, second.replaces_id, second.replaced_on, second.copy_given_on) == (
        date(2027, 5, 20),
        first.pk,
        None,
        None,
    )
    assert _clocks(kai, "care_leavers.pathway_plan_review") == [
        (date(2026, 12, 1), date(2027, 6, 1), date(2027, 5, 20), None),
        (date(2027, 5, 20), date(2027, 11, 20), None, None),
    ]
    assert _events(kai, "care_leavers.pathway_plan_agreed") == [
        (date(2026, 12, 1), "Pathway plan agreed; copy given 3 December 2026")
    ]


def test_only_the_plan_in_force_is_reviewed_and_a_review_says_what_changed(
    authority: Authority, support: LeavingCareSupport
) -> None:
    _assessed(support, authority)
    first = agree_pathway_plan(support, agreed_on=date(2026, 12, 1), details=PLAN, by=authority.social_worker.user)
    review_pathway_plan(
        first, reviewed_on=date(2027, 5, 20), details=PLAN, what_changed="New college", by=authority.social_worker.user
    )
    with pytest.raises(RuleBroken) as refused:
        review_pathway_plan(
            first, reviewed_on=date(2027, 6, 1), details=PLAN, what_changed=" ", by=authority.social_worker.user
        )
    assert refused.value.problems == {
        "reviewed_on": ["This version was replaced on 20 May 2027: review the plan in force"],
        "what_changed": ["Say what changed, including any change the young person asked for"],
    }


@pytest.mark.requirement("R-051")
def test_the_copy_given_is_recorded_once_and_not_before_the_plan(
    authority: Authority, kai: Person, support: LeavingCareSupport
) -> None:
    _assessed(support, authority)
    plan = agree_pathway_plan(support, agreed_on=date(2026, 12, 1), details=PLAN, by=authority.social_worker.user)
    with pytest.raises(RuleBroken) as refused:
        record_pathway_plan_shared(plan, given_on=date(2026, 11, 30), by=authority.social_worker.user)
    record_pathway_plan_shared(plan, given_on=date(2026, 12, 8), by=authority.social_worker.user)
    plan.refresh_from_db()
    assert refused.value.problems == {
        "copy_given_on": ["A copy cannot be given (30 November 2026) before the plan was agreed (1 December 2026)"]
    }
    assert (plan.copy_given_on, _events(kai, "care_leavers.pathway_plan_shared")) == (
        date(2026, 12, 8),
        [(date(2026, 12, 8), "Given a copy of the pathway plan agreed on 1 December 2026")],
    )


# --- contact and moves -------------------------------------------------------------------------------


@pytest.mark.requirement("R-114")
def test_seeing_the_young_person_meets_the_visit_clock_and_starts_the_next_but_a_call_does_not(
    authority: Authority, kai: Person, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    allocate_personal_adviser(support, adviser=adviser, allocated_on=date(2026, 10, 1), by=authority.team_manager.user)
    record_personal_adviser_contact(
        support, contact_on=date(2026, 10, 20), kind="spoken_to", notes="Phoned about college", by=adviser.user
    )
    record_personal_adviser_contact(
        support,
        contact_on=date(2026, 11, 10),
        kind="seen",
        where="At his foster home",
        young_person_views="Happy at college",
        notes="Talked about moving on next summer",
        by=adviser.user,
    )
    assert _clocks(kai, "care_leavers.personal_adviser_visit") == [
        (date(2026, 10, 1), date(2026, 12, 1), date(2026, 11, 10), None),
        (date(2026, 11, 10), date(2027, 1, 10), None, None),
    ]
    assert [summary for _, summary in _events(kai, "care_leavers.personal_adviser_contact_recorded")] == [
        "Spoken to by phone or video: Phoned about college"
    ]


def test_a_visit_says_where(authority: Authority, support: LeavingCareSupport, adviser: StaffMember) -> None:
    with pytest.raises(RuleBroken) as refused:
        record_personal_adviser_contact(
            support, contact_on=date(2026, 11, 10), kind="seen", notes="Met", by=adviser.user
        )
    assert refused.value.problems == {"where": ["Say where you saw the young person"]}


@pytest.mark.requirement("R-117")
def test_a_move_after_care_records_the_903_code_and_starts_the_week_to_visit(
    authority: Authority, kai: Person, left_care: LeavingCareSupport, adviser: StaffMember
) -> None:
    record_accommodation_change(
        left_care,
        moved_on=date(2027, 8, 1),
        accommodation="E",
        suitable=True,
        description="Supported lodgings with Mrs Ada Quinn, Hartlepool",
        by=adviser.user,
    )
    record_personal_adviser_contact(
        left_care,
        contact_on=date(2027, 8, 6),
        kind="seen",
        where="At the lodgings",
        notes="Settling in",
        by=adviser.user,
    )
    assert CareLeaverAccommodation.objects.get().code == "E1"
    assert _clocks(kai, "care_leavers.personal_adviser_visit_after_move") == [
        (date(2027, 8, 1), date(2027, 8, 8), date(2027, 8, 6), None)
    ]
    assert _events(kai, "care_leavers.accommodation_changed") == [
        (
            date(2027, 8, 1),
            "Moved to supported lodgings (E1, suitable): Supported lodgings with Mrs Ada Quinn, Hartlepool",
        )
    ]


def test_a_move_while_looked_after_is_a_placement_move_and_no_fixed_abode_is_never_suitable(
    authority: Authority, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        record_accommodation_change(
            support, moved_on=date(2027, 3, 1), accommodation="S", suitable=True, description="Sofa", by=adviser.user
        )
    assert refused.value.problems == {
        "moved_on": ["Kai Morgan was looked after on 1 March 2027: record a move in care as a placement move"],
        "accommodation_suitable": ["No fixed abode or homeless is always recorded as unsuitable (S2)"],
    }
    assert CareLeaverAccommodation.objects.count() == 0


# --- the 903 birthday information ------------------------------------------------------------------------


def _birthday(support: LeavingCareSupport, by: StaffMember, **changes: Any) -> BirthdayContact:
    values: dict[str, Any] = {
        "birthday": 17,
        "contact_on": date(2027, 9, 20),
        "in_touch": "YES",
        "activity": "F2",
        "accommodation": "E",
        "accommodation_suitable": True,
    }
    return record_birthday_contact(support, **(values | changes), by=by.user)


@pytest.mark.requirement("R-118")
def test_the_birthday_information_is_the_903_oc3_row(
    authority: Authority, kai: Person, left_care: LeavingCareSupport, adviser: StaffMember
) -> None:
    row = _birthday(left_care, adviser)
    assert (row.birthday_on, row.accom_code) == (date(2027, 9, 15), "E1")
    assert oc3_rows(kai) == [
        {"CHILD": kai.kith_id, "DOB": "15/09/2010", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "E1"}
    ]
    assert _events(kai, "care_leavers.birthday_contact_recorded") == [
        (
            date(2027, 9, 20),
            "17th birthday information (903): in touch; other education, full time (F2); accommodation E1",
        )
    ]


def test_no_birthday_information_for_a_young_person_still_looked_after_on_the_birthday(
    authority: Authority, support: LeavingCareSupport, adviser: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _birthday(support, adviser)
    assert refused.value.problems == {
        "birthday": [
            "Kai Morgan was not a care leaver who had left care on their 17th birthday (15 September 2027: "
            "Looked after and eligible since 15 September 2026); the 903 does not ask (rules 1007, 1016)"
        ]
    }


def test_codes_outside_the_903_sets_and_the_window_are_refused(
    authority: Authority, left_care: LeavingCareSupport, adviser: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _birthday(
            left_care,
            adviser,
            contact_on=date(2027, 6, 14),
            in_touch="MAYBE",
            activity="F3",
            accommodation="Z",
        )
    assert refused.value.problems == {
        "contact_on": [
            "The contact (14 June 2027) is outside the 903 window for the 17th birthday: 15 June 2027 to "
            "15 October 2027"
        ],
        "accommodation": ["At the 17th birthday the accommodation cannot be former foster carers (rule 3001)"],
        "in_touch": ["Choose whether the council was in touch"],
        "activity": ["Choose the young person's main activity"],
    }
    assert BirthdayContact.objects.count() == 0


def test_in_touch_needs_an_activity_and_accommodation_and_each_birthday_is_recorded_once(
    authority: Authority, left_care: LeavingCareSupport, adviser: StaffMember
) -> None:
    with pytest.raises(RuleBroken) as refused:
        _birthday(left_care, adviser, activity="0", accommodation="", accommodation_suitable=None)
    _birthday(left_care, adviser, in_touch="NO", activity="0", accommodation="", accommodation_suitable=None)
    with pytest.raises(RuleBroken) as again:
        _birthday(left_care, adviser)
    assert refused.value.problems == {
        "activity": ["In touch: record the young person's main activity, not 0 (rule 345)"],
        "accommodation": ["In touch: record the young person's accommodation, not 0 (rule 345)"],
    }
    assert again.value.problems == {"birthday": ["The information for the 17th birthday is already recorded"]}
    assert BirthdayContact.objects.get().accom_code == "0"
