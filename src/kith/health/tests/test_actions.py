"""Health assessments meet and restart their clocks by age; refusals name the dates, roles and ages and
save nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kith.children_in_care.actions import end_period_of_care
from kith.children_in_care.models import PeriodOfCare
from kith.health.actions import record_dental_check, record_health_assessment, record_immunisations, record_sdq
from kith.health.models import DentalCheck, HealthAssessment, ImmunisationCheck, SdqScore
from kith.platform.chronology.models import CaseEvent
from kith.platform.reference.ssda903 import ReasonEpisodeCeased
from kith.platform.rules import NotAllowed, RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db


def _assess(period: PeriodOfCare, authority: Authority, assessed_on: date, **changes: Any) -> HealthAssessment:
    values: dict[str, Any] = {
        "assessed_on": assessed_on,
        "assessor_name": "Dr Anita Rao",
        "assessor_role": "paediatrician",
        "child_seen": True,
        "outcomes": "Healthy; glasses needed for reading",
        "health_plan": "Carers to book an optician by the end of the month",
    }
    return record_health_assessment(period, **(values | changes), by=authority.social_worker.user)


def _health_clocks(period: PeriodOfCare) -> list[tuple[str, date, date, date | None]]:
    return list(
        Deadline.objects.filter(child=period.child, timescale_code__contains="health_assessment")
        .order_by("started_on", "pk")
        .values_list("timescale_code", "started_on", "due_on", "met_on")
    )


def _refusal(doing: Any) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        doing()
    return refused.value.problems


def test_the_initial_assessment_meets_its_clock_and_a_yearly_review_follows_from_5(
    authority: Authority, period: PeriodOfCare
) -> None:
    # when Ava (6) is assessed on day 16, then reviewed by the school nurse in October
    first = _assess(period, authority, date(2027, 1, 26))
    review = _assess(period, authority, date(2027, 10, 12), assessor_name="Jo Marsh", assessor_role="school_nurse")
    # then the first was the initial assessment, met in time, and each starts a review a year on
    assert (first.kind, review.kind) == ("initial", "review")
    assert _health_clocks(period) == [
        ("children_in_care.initial_health_assessment", date(2027, 1, 4), date(2027, 2, 1), date(2027, 1, 26)),
        (
            "children_in_care.review_health_assessment_5_and_over",
            date(2027, 1, 26),
            date(2028, 1, 26),
            date(2027, 10, 12),
        ),
        ("children_in_care.review_health_assessment_5_and_over", date(2027, 10, 12), date(2028, 10, 12), None),
    ]


def test_a_child_under_5_is_reviewed_every_six_months(authority: Authority, toddler_period: PeriodOfCare) -> None:
    _assess(toddler_period, authority, date(2027, 3, 15), assessor_role="gp", assessor_name="Dr Lee")
    assert _health_clocks(toddler_period)[1:] == [
        ("children_in_care.review_health_assessment_under_5", date(2027, 3, 15), date(2027, 9, 15), None),
    ]


def test_the_assessment_is_a_key_event_in_the_chronology(authority: Authority, period: PeriodOfCare) -> None:
    assessment = _assess(period, authority, date(2027, 1, 26))
    event = CaseEvent.objects.get(event_type="health.health_assessment_completed")
    assert (event.occurred_on, event.summary, event.subject_id) == (
        date(2027, 1, 26),
        "Initial health assessment by Dr Anita Rao (paediatrician)",
        str(assessment.pk),
    )
    deadline = Deadline.objects.get(timescale_code="children_in_care.initial_health_assessment")
    assert deadline.met_by_event_id == event.pk


@pytest.mark.requirement("R-102")
def test_the_initial_assessment_is_a_doctors_but_a_nurse_may_review(authority: Authority, period: PeriodOfCare) -> None:
    problems = _refusal(lambda: _assess(period, authority, date(2027, 1, 26), assessor_role="lac_nurse"))
    assert problems == {
        "assessor_role": [
            "The initial health assessment is carried out by a registered medical practitioner (a paediatrician, "
            "GP or other doctor); a looked-after children's nurse may carry out review assessments"
        ]
    }
    assert HealthAssessment.objects.count() == 0
    assert Deadline.objects.get(timescale_code="children_in_care.initial_health_assessment").met_on is None


def test_an_assessment_before_care_or_in_the_future_is_refused(authority: Authority, period: PeriodOfCare) -> None:
    before = _refusal(lambda: _assess(period, authority, date(2027, 1, 3)))
    future = _refusal(lambda: _assess(period, authority, date(2027, 11, 2)))
    assert (before["assessed_on"], future["assessed_on"]) == (
        ["The assessment (3 January 2027) is before Ava Thompson came into care (4 January 2027)"],
        ["The assessment (2 November 2027) must be today or in the past"],
    )
    assert (HealthAssessment.objects.count(), CaseEvent.objects.filter(event_type__startswith="health.").count()) == (
        0,
        0,
    )


def test_assessments_are_recorded_in_order_and_once_a_day(authority: Authority, period: PeriodOfCare) -> None:
    _assess(period, authority, date(2027, 5, 10))
    earlier = _refusal(lambda: _assess(period, authority, date(2027, 2, 1)))
    same = _refusal(lambda: _assess(period, authority, date(2027, 5, 10)))
    assert (earlier["assessed_on"], same["assessed_on"]) == (
        ["The assessment (1 February 2027) is before the last one recorded (10 May 2027)"],
        ["A health assessment of 10 May 2027 is already recorded for Ava Thompson"],
    )


@pytest.mark.requirement("R-055")
def test_an_assessment_needs_the_child_seen_what_was_found_and_a_plan(
    authority: Authority, period: PeriodOfCare
) -> None:
    problems = _refusal(
        lambda: _assess(
            period, authority, date(2027, 1, 26), child_seen=False, outcomes=" ", health_plan="", assessor_name=""
        )
    )
    assert problems == {
        "child_seen": ["A health assessment needs Ava Thompson to be seen: record it once they have been"],
        "outcomes": ["Record what the assessment found"],
        "health_plan": ["Record the health plan's actions: what will be done, and by whom"],
        "assessor_name": ["Give the name of the health professional who saw the child"],
    }


def test_substance_misuse_needs_the_903_intervention_answers(authority: Authority, period: PeriodOfCare) -> None:
    identified = _refusal(lambda: _assess(period, authority, date(2027, 1, 26), substance_misuse=True))
    not_offered = _refusal(
        lambda: _assess(period, authority, date(2027, 1, 26), substance_misuse=True, intervention_received=False)
    )
    not_identified = _refusal(
        lambda: _assess(period, authority, date(2027, 1, 26), substance_misuse=False, intervention_received=True)
    )
    assert (identified, not_offered, not_identified) == (
        {"intervention_received": ["Say whether Ava Thompson received an intervention for substance misuse"]},
        {"intervention_offered": ["Say whether an intervention was offered"]},
        {"intervention_received": ["Record an intervention only when substance misuse was identified"]},
    )


def test_an_intervention_received_keeps_no_offered_answer(authority: Authority, period: PeriodOfCare) -> None:
    assessment = _assess(
        period,
        authority,
        date(2027, 1, 26),
        substance_misuse=True,
        intervention_received=True,
        intervention_offered=True,
    )
    assert (assessment.substance_misuse, assessment.intervention_received, assessment.intervention_offered) == (
        True,
        True,
        None,
    )


def test_someone_who_may_not_record_on_the_child_is_refused(authority: Authority, period: PeriodOfCare) -> None:
    with pytest.raises(NotAllowed):
        record_dental_check(period, checked_on=date(2027, 3, 1), by=authority.analyst.user)
    with pytest.raises(NotAllowed):
        record_health_assessment(
            period,
            assessed_on=date(2027, 1, 26),
            assessor_name="Dr Rao",
            assessor_role="gp",
            child_seen=True,
            outcomes="Well",
            health_plan="None needed",
            by=authority.south_worker.user,
        )
    assert (DentalCheck.objects.count(), HealthAssessment.objects.count()) == (0, 0)


@pytest.mark.requirement("R-097")
def test_a_dental_check_is_recorded_once_a_day_in_the_chronology(authority: Authority, period: PeriodOfCare) -> None:
    record_dental_check(period, checked_on=date(2027, 3, 1), dentist="Seaton Dental", by=authority.social_worker.user)
    again = _refusal(lambda: record_dental_check(period, checked_on=date(2027, 3, 1), by=authority.social_worker.user))
    assert again == {"checked_on": ["A dental check of 1 March 2027 is already recorded for Ava Thompson"]}
    assert list(CaseEvent.objects.filter(event_type="health.dental_check").values_list("occurred_on", "summary")) == [
        (date(2027, 3, 1), "Dental check with Seaton Dental")
    ]


def test_immunisations_not_up_to_date_say_what_is_outstanding(authority: Authority, period: PeriodOfCare) -> None:
    problems = _refusal(
        lambda: record_immunisations(
            period, checked_on=date(2027, 2, 1), up_to_date=False, by=authority.social_worker.user
        )
    )
    record_immunisations(
        period,
        checked_on=date(2027, 2, 1),
        up_to_date=False,
        outstanding="MMR second dose",
        by=authority.social_worker.user,
    )
    assert problems == {"outstanding": ["Say which immunisations are outstanding"]}
    assert list(ImmunisationCheck.objects.values_list("up_to_date", "outstanding")) == [(False, "MMR second dose")]
    assert CaseEvent.objects.get(event_type="health.immunisations_checked").summary == (
        "Immunisations not up to date: MMR second dose"
    )


def test_an_sdq_score_is_from_0_to_40(authority: Authority, period: PeriodOfCare) -> None:
    problems = _refusal(
        lambda: record_sdq(
            period, completed_on=date(2027, 6, 1), score=41, completed_by="", by=authority.social_worker.user
        )
    )
    assert problems == {
        "score": ["The total difficulties score is from 0 to 40; 41 is not"],
        "completed_by": ["Say who completed the questionnaire"],
    }
    assert SdqScore.objects.count() == 0


def test_an_sdq_is_for_children_aged_4_to_16(authority: Authority, toddler_period: PeriodOfCare) -> None:
    problems = _refusal(
        lambda: record_sdq(
            toddler_period,
            completed_on=date(2027, 6, 1),
            score=12,
            completed_by="Foster carer",
            by=authority.social_worker.user,
        )
    )
    assert problems == {"completed_on": ["The SDQ is for children aged 4 to 16; Noah Price was 3 on 1 June 2027"]}


@pytest.mark.requirement("R-100")
def test_an_sdq_is_recorded_with_its_score(authority: Authority, period: PeriodOfCare) -> None:
    sdq = record_sdq(
        period,
        completed_on=date(2027, 6, 1),
        score=14,
        completed_by="Sam Rowley (foster carer)",
        by=authority.social_worker.user,
    )
    assert (sdq.score, sdq.completed_by) == (14, "Sam Rowley (foster carer)")
    assert CaseEvent.objects.get(event_type="health.sdq_recorded").summary == (
        "SDQ total difficulties score 14 (completed by Sam Rowley (foster carer))"
    )


def test_an_assessment_entered_after_care_ended_starts_no_clock(authority: Authority, period: PeriodOfCare) -> None:
    end_period_of_care(
        period,
        ended_on=date(2027, 9, 30),
        reason_ceased=ReasonEpisodeCeased.HOME_AS_PLANNED,
        by=authority.social_worker.user,
    )
    _assess(period, authority, date(2027, 1, 26))
    assert [(code, met_on) for code, _started, _due, met_on in _health_clocks(period)] == [
        ("children_in_care.initial_health_assessment", None)
    ]
