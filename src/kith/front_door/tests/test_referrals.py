"""Referrals not made through a contact, and closing the child in need episode.

Tests run at 11am on Wednesday 2 December 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from kith.assessments.actions import start_assessment
from kith.assessments.models import AssessmentKind
from kith.front_door.actions import close_referral, record_referral
from kith.front_door.models import Referral, ThresholdLevel
from kith.front_door.tests.builders import TODAY, deadlines
from kith.people.actions import PersonDetails, add_person
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.cin_census import PrimaryNeed, ReasonForClosure, ReferralSource
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.quality.models import ManagementDecision
from kith.workforce.tests.fixtures import Authority
from tests.casework import given_cin_plan, given_cp_plan, given_section_47, given_strategy_discussion

pytestmark = pytest.mark.django_db

REFERRED_ON = date(2026, 11, 2)


def _referral(authority: Authority, **overrides: object) -> Referral:
    values: dict[str, object] = {
        "referral_date": REFERRED_ON,
        "source": ReferralSource.POLICE,
        "threshold_level": ThresholdLevel.TARGETED,
        "primary_need": PrimaryNeed.ACUTE_STRESS,
        **overrides,
    }
    return record_referral(authority.own_child, by=authority.screener.user, **values)  # type: ignore[arg-type]


def test_a_referral_handed_over_from_out_of_hours_starts_the_assessment_clock(authority: Authority) -> None:
    # when
    referral = _referral(authority, stepped_up_from_early_help=True, step_up_reason="Police protection at the weekend")
    # then
    assert (
        referral.child,
        referral.contact,
        referral.source,
        referral.stepped_up_from_early_help,
        referral.step_up_reason,
        referral.recorded_by,
    ) == (authority.own_child, None, "6", True, "Police protection at the weekend", authority.screener)
    assert deadlines() == [
        ("assessments.single_assessment", authority.own_child.pk, REFERRED_ON, date(2027, 1, 7), None, None)
    ]
    assert [
        (event.occurred_on, event.summary)
        for event in chronology_of(authority.own_child, event_types=["front_door.referral_received"])
    ] == [(REFERRED_ON, "Referral from Police (stepped up from early help): Family in acute stress")]


def test_a_referral_with_no_further_action_is_closed_at_once_and_needs_no_primary_need(authority: Authority) -> None:
    # when
    referral = _referral(authority, primary_need="", no_further_action=True)
    # then
    assert (referral.closed_on, referral.closure_reason, referral.no_further_action) == (REFERRED_ON, "RC7", True)
    assert deadlines() == []


def test_a_second_open_referral_is_refused_naming_the_open_one(authority: Authority) -> None:
    # given
    _referral(authority)
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        _referral(authority, referral_date=TODAY)
    # then
    assert refused.value.problems == {
        "referral_date": [
            "Ava Thompson already has an open referral, since 2 November 2026: record the work on that referral, "
            "or close it first"
        ]
    }
    assert (Referral.objects.count(), CaseEvent.objects.count(), Deadline.objects.count()) == (1, events, 1)


def test_a_referral_dated_after_the_childs_death_is_refused_naming_both_dates(authority: Authority) -> None:
    # given a child who died on 1 November 2026
    child = add_person(
        PersonDetails(
            kind="child",
            given_name="Noah",
            family_name="Price",
            date_of_birth=date(2019, 5, 5),
            date_of_death=date(2026, 11, 1),
        ),
        by=authority.screener.user,
    )
    # when
    with pytest.raises(RuleBroken) as refused:
        record_referral(
            child,
            referral_date=REFERRED_ON,
            source=ReferralSource.GP,
            threshold_level=ThresholdLevel.TARGETED,
            primary_need=PrimaryNeed.CHILDS_DISABILITY,
            by=authority.screener.user,
        )
    # then
    assert refused.value.problems == {
        "referral_date": ["A referral dated 2 November 2026 is after Noah Price's death on 1 November 2026"]
    }
    assert Referral.objects.count() == 0


def test_a_pre_birth_referral_is_allowed_for_an_unborn_child(authority: Authority) -> None:
    # given a baby due on 1 March 2027
    unborn = add_person(
        PersonDetails(
            kind="child", given_name="Baby", family_name="Price", expected_date_of_birth=date(2027, 3, 1), sex="U"
        ),
        by=authority.screener.user,
    )
    # when
    referral = record_referral(
        unborn,
        referral_date=TODAY,
        source=ReferralSource.HEALTH_VISITOR,
        threshold_level=ThresholdLevel.STATUTORY,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        by=authority.screener.user,
    )
    # then
    assert referral.referral_date == TODAY


# --- closure ----------------------------------------------------------------------------------------------------


def test_a_manager_closes_the_case_with_its_reason_and_the_clocks_are_cancelled(authority: Authority) -> None:
    # given
    referral = _referral(authority)
    # when
    close_referral(
        referral,
        closed_on=TODAY,
        reason=ReasonForClosure.SERVICES_CEASED,
        rationale="Kerry has moved with Ava to a refuge; support from the refuge and school",
        stepped_down_to_early_help=True,
        step_down_reason="School's family support worker continues",
        by=authority.team_manager.user,
    )
    # then
    referral.refresh_from_db()
    assert (
        referral.closed_on,
        referral.closure_reason,
        referral.stepped_down_to_early_help,
        referral.step_down_reason,
    ) == (TODAY, "RC7", True, "School's family support worker continues")
    assert deadlines() == [
        ("assessments.single_assessment", authority.own_child.pk, REFERRED_ON, date(2027, 1, 7), None, TODAY)
    ]
    assert Deadline.objects.get().cancel_reason == "Referral closed"
    assert list(ManagementDecision.objects.values_list("kind", "decision", "decided_by")) == [
        (
            "case_closure",
            "Close the case: Services ceased for any other reason, including the child no longer in need; "
            "stepped down to early help",
            authority.team_manager.pk,
        )
    ]
    assert [
        event.summary for event in chronology_of(authority.own_child, event_types=["front_door.referral_closed"])
    ] == [
        "Case closed by Tom Hughes (RC7: Services ceased for any other reason, including the child no longer in "
        "need): Kerry has moved with Ava to a refuge; support from the refuge and school"
    ]


def test_closing_is_refused_while_plans_enquiries_and_assessments_are_open_naming_each(authority: Authority) -> None:
    # given Ava's referral with an unauthorised assessment, an open s47 enquiry and a child in need plan
    referral = _referral(authority)
    start_assessment(
        referral,
        kind=AssessmentKind.CHILD_AND_FAMILY,
        started_on=date(2026, 11, 3),
        worker=authority.social_worker,
        by=authority.social_worker.user,
    )
    discussion = given_strategy_discussion(referral, authority.team_manager, on=date(2026, 11, 4))
    given_section_47(discussion, authority.social_worker, on=date(2026, 11, 4))
    given_cin_plan(referral, authority.social_worker, on=date(2026, 11, 10))
    events = CaseEvent.objects.count()

    def refusal() -> list[str]:
        with pytest.raises(RuleBroken) as refused:
            close_referral(
                referral,
                closed_on=TODAY,
                reason=ReasonForClosure.SERVICES_CEASED,
                rationale="Needs met",
                by=authority.team_manager.user,
            )
        return refused.value.problems["closed_on"]

    # when / then
    assert refusal() == [
        "Close or end these first: the child in need plan from 10 November 2026; the section 47 enquiry from "
        "4 November 2026; the assessment started 3 November 2026, not yet authorised by a manager"
    ]
    referral.refresh_from_db()
    assert (referral.closed_on, ManagementDecision.objects.count(), CaseEvent.objects.count()) == (None, 0, events)
    # and when a conference has made a child protection plan (ending the enquiry and the child in need plan)
    # and a new enquiry is under way
    given_cp_plan(referral, authority.social_worker, on=date(2026, 11, 20))
    again = given_strategy_discussion(referral, authority.team_manager, on=date(2026, 11, 25))
    given_section_47(again, authority.social_worker, on=date(2026, 11, 25))
    events = CaseEvent.objects.count()
    # then
    assert refusal() == [
        "Close or end these first: the child protection plan from 20 November 2026; the section 47 enquiry from "
        "25 November 2026; the assessment started 3 November 2026, not yet authorised by a manager"
    ]
    referral.refresh_from_db()
    assert (referral.closed_on, ManagementDecision.objects.count(), CaseEvent.objects.count()) == (None, 0, events)


def test_closing_after_assessment_without_an_assessment_is_refused(authority: Authority) -> None:
    # given
    referral = _referral(authority)
    # when
    with pytest.raises(RuleBroken) as refused:
        close_referral(
            referral,
            closed_on=TODAY,
            reason=ReasonForClosure.NFA_AFTER_ASSESSMENT,
            rationale="Needs met",
            by=authority.team_manager.user,
        )
    # then
    assert list(refused.value.problems) == ["reason"]
    referral.refresh_from_db()
    assert referral.closed_on is None


def test_closing_a_case_is_a_managers_decision(authority: Authority) -> None:
    # given
    referral = _referral(authority)
    # when / then
    with pytest.raises(NotAllowed):
        close_referral(
            referral,
            closed_on=TODAY,
            reason=ReasonForClosure.SERVICES_CEASED,
            rationale="Needs met",
            by=authority.social_worker.user,
        )
    referral.refresh_from_db()
    assert referral.closed_on is None


def test_a_closed_referral_cannot_be_closed_again(authority: Authority) -> None:
    # given
    referral = _referral(authority, primary_need="", no_further_action=True)
    # when
    with pytest.raises(RuleBroken) as refused:
        close_referral(
            referral,
            closed_on=TODAY,
            reason=ReasonForClosure.SERVICES_CEASED,
            rationale="Again",
            by=authority.team_manager.user,
        )
    # then
    assert refused.value.problems == {"closed_on": ["This referral was already closed on 2 November 2026"]}
