"""Starting, saving, completing and authorising an assessment: the rows, the events and the clock."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kith.assessments.actions import (
    AssessmentAnswers,
    authorise_assessment,
    complete_assessment,
    save_assessment,
    start_assessment,
)
from kith.assessments.models import Assessment, AssessmentKind, AssessmentOutcome
from kith.assessments.tests.builders import FULL_ANSWERS, Case, given_assessment, given_case, given_clock
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.rules import EditConflict, NotAllowed, RuleBroken
from kith.platform.timescales.engine import DeadlineStatus
from kith.platform.timescales.models import Deadline
from kith.quality.models import DecisionKind, ManagementDecision
from tests.factories import given_adult, given_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

SINGLE_ASSESSMENT = "assessments.single_assessment"


@pytest.fixture
def case() -> Case:
    return given_case()


def _events(child: Person, code: str) -> list[tuple[date, str, Any]]:
    return [(e.occurred_on, e.summary, e.recorded_by) for e in chronology_of(child, event_types=[code])]


def _answers(**overrides: object) -> AssessmentAnswers:
    return AssessmentAnswers(**{**FULL_ANSWERS, **overrides})  # type: ignore[typeddict-item]


def _snapshot() -> tuple[int, int, list[tuple[Any, ...]], int]:
    return (
        Assessment.objects.count(),
        CaseEvent.objects.count(),
        list(Deadline.objects.order_by("pk").values_list("met_on", "cancelled_on")),
        ManagementDecision.objects.count(),
    )


# --- starting -----------------------------------------------------------------------------------------


@pytest.mark.requirement("R-037")
def test_starting_an_assessment_records_its_start_date_worker_and_an_event(case: Case) -> None:
    # given a referral on 4 November 2026
    # when the worker starts a child and family assessment the next day
    assessment = start_assessment(
        case.referral,
        kind=AssessmentKind.CHILD_AND_FAMILY,
        started_on=date(2026, 11, 5),
        worker=case.worker,
        by=case.worker.user,
    )
    # then
    assert (assessment.referral, assessment.child, assessment.kind, assessment.worker, assessment.started_on) == (
        case.referral,
        case.child,
        AssessmentKind.CHILD_AND_FAMILY,
        case.worker,
        date(2026, 11, 5),
    )
    assert (assessment.completed_on, assessment.authorised_on, assessment.version) == (None, None, 1)
    assert _events(case.child, "assessments.assessment_started") == [
        (date(2026, 11, 5), "Child and family assessment started by Priya Shah", case.worker.user)
    ]


@pytest.mark.requirement("R-040")
def test_a_connected_person_assessment_names_the_carer_assessed(case: Case) -> None:
    # given the child's grandmother
    grandmother = given_adult(by=case.worker, given_name="Irene", family_name="Walsh")
    # when
    assessment = start_assessment(
        case.referral,
        kind=AssessmentKind.CONNECTED_PERSON,
        started_on=date(2026, 11, 10),
        worker=case.worker,
        connected_person=grandmother,
        by=case.worker.user,
    )
    # then
    assert (assessment.kind, assessment.connected_person) == (AssessmentKind.CONNECTED_PERSON, grandmother)
    assert _events(case.child, "assessments.assessment_started") == [
        (
            date(2026, 11, 10),
            "Connected person (family and friends) assessment of Irene Walsh as a carer started by Priya Shah",
            case.worker.user,
        )
    ]


@pytest.mark.requirement("R-040")
def test_a_connected_person_assessment_may_run_beside_the_childs_own(case: Case) -> None:
    # given the child and family assessment still open
    given_assessment(case)
    grandmother = given_adult(by=case.worker, given_name="Irene", family_name="Walsh")
    # when
    start_assessment(
        case.referral,
        kind=AssessmentKind.CONNECTED_PERSON,
        started_on=date(2026, 11, 10),
        worker=case.worker,
        connected_person=grandmother,
        by=case.worker.user,
    )
    # then
    assert Assessment.objects.filter(referral=case.referral).count() == 2


START_REFUSALS = [
    (
        "before the referral",
        {"started_on": date(2026, 11, 3)},
        {
            "started_on": [
                "The assessment cannot start on 3 November 2026, before the referral on 4 November 2026",
            ]
        },
    ),
    (
        "in the future",
        {"started_on": date(2027, 1, 21)},
        {"started_on": ["The start date (21 January 2027) must be today or in the past"]},
    ),
    (
        "a connected person assessment without the carer",
        {"kind": AssessmentKind.CONNECTED_PERSON},
        {"connected_person": ["Choose the family member or friend being assessed as a carer"]},
    ),
    (
        "a homeless 16 or 17 year old's assessment of a 7 year old",
        {"kind": AssessmentKind.HOMELESS_16_17},
        {
            "kind": [
                "This assessment is for young people aged 16 or 17: the child is 7 years old on 5 November 2026",
            ]
        },
    ),
    (
        "a pre-birth assessment of a child already born",
        {"kind": AssessmentKind.PRE_BIRTH},
        {"kind": ["A pre-birth assessment starts before the birth: the child was born on 2 March 2019"]},
    ),
]


@pytest.mark.requirement("R-037")
@pytest.mark.parametrize(("_case", "changes", "problems"), START_REFUSALS, ids=[r[0] for r in START_REFUSALS])
def test_starting_an_assessment_is_refused_with_the_dates_named_and_nothing_saved(
    case: Case, _case: str, changes: dict[str, Any], problems: dict[str, list[str]]
) -> None:
    # given
    before = _snapshot()
    values: dict[str, Any] = {"kind": AssessmentKind.CHILD_AND_FAMILY, "started_on": date(2026, 11, 5), **changes}
    # when
    with pytest.raises(RuleBroken) as refused:
        start_assessment(case.referral, worker=case.worker, by=case.worker.user, **values)
    # then
    assert refused.value.problems == problems
    assert _snapshot() == before


def test_a_second_assessment_of_the_child_waits_for_the_first_to_be_completed(case: Case) -> None:
    # given an open child and family assessment (census rule 8896: one open assessment per episode)
    given_assessment(case)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        start_assessment(
            case.referral,
            kind=AssessmentKind.CHILD_AND_FAMILY,
            started_on=date(2026, 12, 1),
            worker=case.worker,
            by=case.worker.user,
        )
    # then
    assert refused.value.problems == {
        "kind": [
            "The child and family assessment started on 5 November 2026 is still open: "
            "complete it before starting another"
        ]
    }
    assert _snapshot() == before


def test_no_new_assessment_on_a_closed_referral(case: Case) -> None:
    # given the referral closed on 10 December 2026
    case.referral.closed_on = date(2026, 12, 10)
    case.referral.closure_reason = "RC7"
    case.referral.save()
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        start_assessment(
            case.referral,
            kind=AssessmentKind.CHILD_AND_FAMILY,
            started_on=date(2026, 12, 1),
            worker=case.worker,
            by=case.worker.user,
        )
    # then
    assert refused.value.problems == {
        "started_on": [
            "The referral of 4 November 2026 was closed on 10 December 2026: no new work can be recorded on a "
            "closed referral"
        ]
    }
    assert _snapshot() == before


@pytest.mark.requirement("R-040")
def test_a_homeless_16_year_old_is_assessed_and_cannot_be_completed_without_advice_on_their_rights() -> None:
    # given a 16 year old who presented as homeless
    case = given_case(date_of_birth=date(2010, 6, 1))
    assessment = given_assessment(case, kind=AssessmentKind.HOMELESS_16_17, **FULL_ANSWERS)
    before = _snapshot()
    # when it is completed with no date of the advice on their right to become looked after
    with pytest.raises(RuleBroken) as refused:
        complete_assessment(
            assessment,
            completed_on=date(2026, 12, 1),
            outcome=AssessmentOutcome.LOOKED_AFTER,
            outcome_rationale="Accommodated under section 20 at their request",
            by=case.worker.user,
        )
    # then
    assert refused.value.problems == {
        "advised_of_right_to_be_looked_after_on": [
            "Enter the date the young person was advised of their rights, including the right to become looked after"
        ]
    }
    assert _snapshot() == before


@pytest.mark.requirement("R-040")
def test_a_homeless_16_year_olds_assessment_records_the_advice_and_the_accommodation() -> None:
    # given
    case = given_case(date_of_birth=date(2010, 6, 1))
    assessment = given_assessment(case, kind=AssessmentKind.HOMELESS_16_17, **FULL_ANSWERS)
    assessment = save_assessment(
        assessment,
        answers=AssessmentAnswers(
            advised_of_right_to_be_looked_after_on=date(2026, 11, 6), accommodation_secured="Supported lodgings"
        ),
        version=assessment.version,
        by=case.worker.user,
    )
    # when
    completed = complete_assessment(
        assessment,
        completed_on=date(2026, 12, 1),
        outcome=AssessmentOutcome.LOOKED_AFTER,
        outcome_rationale="Accommodated under section 20 at their request",
        by=case.worker.user,
    )
    # then
    assert (
        completed.advised_of_right_to_be_looked_after_on,
        completed.accommodation_secured,
        completed.completed_on,
    ) == (date(2026, 11, 6), "Supported lodgings", date(2026, 12, 1))


def test_a_worker_outside_the_childs_teams_cannot_start_an_assessment(case: Case) -> None:
    # given a social worker in another team
    stranger = given_staff(Role.SOCIAL_WORKER)
    before = _snapshot()
    # when / then
    with pytest.raises(NotAllowed):
        start_assessment(
            case.referral,
            kind=AssessmentKind.CHILD_AND_FAMILY,
            started_on=date(2026, 11, 5),
            worker=stranger,
            by=stranger.user,
        )
    assert _snapshot() == before


# --- saving work in progress ------------------------------------------------------------------------


@pytest.mark.requirement("R-020")
@pytest.mark.requirement("R-027")
def test_saving_a_section_keeps_it_and_names_it_in_the_chronology(case: Case) -> None:
    # given
    assessment = given_assessment(case)
    # when the worker saves the child's views
    saved = save_assessment(
        assessment,
        answers=AssessmentAnswers(
            child_seen=True,
            child_seen_alone=True,
            child_spoken_to_alone=False,
            why_not_seen="Ava asked for her mum to stay while she talked",
            child_views="  Ava drew her house and said mornings are 'shouty'.  ",
            child_issues_follow_up="Morning routine plan with mum; Ava's views checked at the next visit.",
        ),
        version=1,
        by=case.worker.user,
    )
    # then
    saved.refresh_from_db()
    assert (saved.child_views, saved.child_spoken_to_alone, saved.version) == (
        "Ava drew her house and said mornings are 'shouty'.",
        False,
        2,
    )
    assert _events(case.child, "assessments.assessment_updated") == [
        (date(2027, 1, 20), "Child and family assessment saved: The child: seen, and their views", case.worker.user)
    ]


def test_a_save_that_crosses_someone_elses_is_refused_and_nothing_is_overwritten(case: Case) -> None:
    # given a colleague saved the risks after the worker opened version 1
    assessment = given_assessment(case)
    save_assessment(
        assessment, answers=AssessmentAnswers(risk_factors="Colleague's risks"), version=1, by=case.worker.user
    )
    before = _snapshot()
    # when the worker saves from the version they opened
    with pytest.raises(EditConflict):
        save_assessment(assessment, answers=AssessmentAnswers(risk_factors="Mine"), version=1, by=case.worker.user)
    # then
    assessment.refresh_from_db()
    assert (assessment.risk_factors, assessment.version) == ("Colleague's risks", 2)
    assert _snapshot() == before


@pytest.mark.parametrize(
    ("factors", "message"),
    [
        (["21", "16A"], "Select 'No factors identified' on its own, or select the factors identified"),
        (["16A", "16A"], "Select each factor once"),
        (["99Z"], "Choose factors from the list (99Z is not one)"),
    ],
)
def test_factors_follow_the_census_rules(case: Case, factors: list[str], message: str) -> None:
    # given
    assessment = given_assessment(case)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        save_assessment(assessment, answers=AssessmentAnswers(factors=factors), version=1, by=case.worker.user)
    # then
    assert refused.value.problems == {"factors": [message]}
    assert _snapshot() == before


def test_factors_are_kept_in_the_census_order(case: Case) -> None:
    # given
    assessment = given_assessment(case)
    # when
    saved = save_assessment(
        assessment, answers=AssessmentAnswers(factors=["16A", "3B", "1B"]), version=1, by=case.worker.user
    )
    # then
    assert saved.factors == ["1B", "3B", "16A"]


def test_a_completed_assessment_can_no_longer_be_changed(case: Case) -> None:
    # given
    assessment = given_assessment(case, **FULL_ANSWERS)
    complete_assessment(
        assessment,
        completed_on=date(2027, 1, 6),
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        outcome_rationale="Needs met best by a plan",
        by=case.worker.user,
    )
    assessment.refresh_from_db()
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        save_assessment(
            assessment, answers=AssessmentAnswers(risk_factors="Later"), version=assessment.version, by=case.worker.user
        )
    # then
    assert refused.value.problems == {
        "assessment": ["This assessment was completed on 6 January 2027: it can no longer be changed"]
    }
    assert _snapshot() == before


# --- completing --------------------------------------------------------------------------------------


@pytest.mark.requirement("R-032")
@pytest.mark.requirement("R-037")
@pytest.mark.requirement("R-039")
def test_completing_records_the_date_outcome_and_reasons_as_a_key_event(case: Case) -> None:
    # given every section written
    assessment = given_assessment(case, **FULL_ANSWERS)
    # when
    completed = complete_assessment(
        assessment,
        completed_on=date(2027, 1, 6),
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        outcome_rationale="  Needs are met best by a child in need plan.  ",
        by=case.worker.user,
    )
    # then
    completed.refresh_from_db()
    assert (completed.completed_on, completed.outcome, completed.outcome_rationale) == (
        date(2027, 1, 6),
        AssessmentOutcome.CHILD_IN_NEED_PLAN,
        "Needs are met best by a child in need plan.",
    )
    assert [
        (e.occurred_on, e.summary, e.significance)
        for e in chronology_of(case.child, event_types=["assessments.assessment_completed"])
    ] == [(date(2027, 1, 6), "Child and family assessment completed: child in need plan", "key")]


@pytest.mark.requirement("R-002")
@pytest.mark.requirement("R-020")
@pytest.mark.requirement("R-024")
@pytest.mark.requirement("R-032")
def test_completing_is_refused_naming_everything_missing(case: Case) -> None:
    # given an assessment with nothing written
    assessment = given_assessment(case)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        complete_assessment(
            assessment, completed_on=date(2027, 1, 6), outcome="", outcome_rationale="", by=case.worker.user
        )
    # then
    assert refused.value.problems == {
        "child_seen": ["Say whether the child was seen"],
        "child_views": ["Enter the child's views, or how their experience was understood if they could not give them"],
        "child_issues_follow_up": [
            "Enter how the issues the child raised are being followed up, or say they raised none"
        ],
        "risk_factors": ["Enter the risk factors"],
        "protective_factors": ["Enter the protective factors"],
        "steps_to_reduce_risk": ["Enter the steps needed to reduce the risk"],
        "identity_needs": ["Enter the child's identity needs: ethnicity, culture, religion, language and disability"],
        "identity_actions": ["Enter the actions to meet the child's identity needs"],
        "factors": ["Select the factors identified at assessment, or 'No factors identified'"],
        "outcome": ["Select the outcome of the assessment"],
        "outcome_rationale": ["Enter the reasons for the outcome"],
    }
    assert _snapshot() == before


@pytest.mark.requirement("R-002")
def test_a_child_not_seen_alone_needs_the_reason_why_not(case: Case) -> None:
    # given the child seen, but not alone, and no reason given
    assessment = given_assessment(case, **{**FULL_ANSWERS, "child_seen_alone": False, "why_not_seen": ""})
    # when
    with pytest.raises(RuleBroken) as refused:
        complete_assessment(
            assessment,
            completed_on=date(2027, 1, 6),
            outcome=AssessmentOutcome.NO_FURTHER_ACTION,
            outcome_rationale="No needs",
            by=case.worker.user,
        )
    # then
    assert refused.value.problems == {
        "why_not_seen": ["Enter why the child was not seen, seen alone or spoken to alone"]
    }


@pytest.mark.requirement("R-037")
def test_an_assessment_completed_before_it_started_is_refused_naming_both_dates(case: Case) -> None:
    # given an assessment started on 5 November 2026
    assessment = given_assessment(case, **FULL_ANSWERS)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        complete_assessment(
            assessment,
            completed_on=date(2026, 11, 4),
            outcome=AssessmentOutcome.NO_FURTHER_ACTION,
            outcome_rationale="No needs",
            by=case.worker.user,
        )
    # then
    assert refused.value.problems == {
        "completed_on": ["The assessment cannot be completed on 4 November 2026, before it started on 5 November 2026"]
    }
    assert _snapshot() == before


def test_an_assessment_cannot_be_completed_in_the_future(case: Case) -> None:
    # given
    assessment = given_assessment(case, **FULL_ANSWERS)
    # when
    with pytest.raises(RuleBroken) as refused:
        complete_assessment(
            assessment,
            completed_on=date(2027, 1, 21),
            outcome=AssessmentOutcome.NO_FURTHER_ACTION,
            outcome_rationale="No needs",
            by=case.worker.user,
        )
    # then
    assert refused.value.problems == {
        "completed_on": ["The completion date (21 January 2027) must be today or in the past"]
    }


def test_an_assessment_concluding_a_strategy_discussion_is_needed_starts_that_clock(case: Case) -> None:
    # given
    assessment = given_assessment(case, **FULL_ANSWERS)
    # when
    complete_assessment(
        assessment,
        completed_on=date(2026, 11, 16),
        outcome=AssessmentOutcome.STRATEGY_DISCUSSION,
        outcome_rationale="Disclosure of an injury at home",
        by=case.worker.user,
    )
    # then a strategy discussion is due the next working day
    assert list(
        Deadline.objects.filter(timescale_code="assessments.strategy_discussion").values_list(
            "started_on", "due_on", "met_on"
        )
    ) == [(date(2026, 11, 16), date(2026, 11, 17), None)]


def test_a_pre_birth_assessment_does_not_ask_whether_the_baby_was_seen() -> None:
    # given an unborn child and a pre-birth assessment with everything else written
    case = given_case(date_of_birth=None, expected_date_of_birth=date(2027, 3, 1), referred_on=date(2027, 1, 4))
    answers = {k: v for k, v in FULL_ANSWERS.items() if not k.startswith("child_") and k != "why_not_seen"}
    assessment = given_assessment(case, kind=AssessmentKind.PRE_BIRTH, started_on=date(2027, 1, 5), **answers)
    # when
    completed = complete_assessment(
        assessment,
        completed_on=date(2027, 1, 19),
        outcome=AssessmentOutcome.STRATEGY_DISCUSSION,
        outcome_rationale="Risk to the baby at birth",
        by=case.worker.user,
    )
    # then
    assert completed.completed_on == date(2027, 1, 19)


# --- authorising ------------------------------------------------------------------------------------


def _completed(case: Case, on: date = date(2027, 1, 6)) -> Assessment:
    assessment = given_assessment(case, **FULL_ANSWERS)
    return complete_assessment(
        assessment,
        completed_on=on,
        outcome=AssessmentOutcome.CHILD_IN_NEED_PLAN,
        outcome_rationale="Needs met best by a plan",
        by=case.worker.user,
    )


@pytest.mark.requirement("R-037")
def test_a_managers_authorisation_is_a_decision_on_the_record_and_meets_the_45_day_clock(case: Case) -> None:
    # given a referral on 4 November 2026 (assessment due 11 January 2027), completed on 6 January
    deadline = given_clock(SINGLE_ASSESSMENT, case.referral)
    assessment = _completed(case)
    # when the manager authorises it on 8 January
    authorised = authorise_assessment(
        assessment,
        authorised_on=date(2027, 1, 8),
        rationale="Analysis is clear about risk; plan is proportionate.",
        by=case.manager.user,
    )
    # then
    assert (authorised.authorised_on, authorised.authorised_by) == (date(2027, 1, 8), case.manager)
    assert list(
        ManagementDecision.objects.values_list("child", "kind", "decision", "rationale", "decided_on", "decided_by")
    ) == [
        (
            case.child.pk,
            DecisionKind.ASSESSMENT_AUTHORISED,
            "Child and family assessment completed on 6 January 2027 authorised: child in need plan",
            "Analysis is clear about risk; plan is proportionate.",
            date(2027, 1, 8),
            case.manager.pk,
        )
    ]
    [event] = chronology_of(case.child, event_types=["assessments.assessment_authorised"])
    assert (event.occurred_on, event.summary, event.significance) == (
        date(2027, 1, 8),
        "Child and family assessment authorised by Tom Hughes: child in need plan",
        "key",
    )
    deadline.refresh_from_db()
    assert (deadline.due_on, deadline.met_on, deadline.met_by_event, deadline.status_on(date(2027, 1, 20))) == (
        date(2027, 1, 11),
        date(2027, 1, 8),
        event,
        DeadlineStatus.MET_IN_TIME,
    )
    assert deadline.explanation == (
        "Due 11 January 2027: 45 working days after the referral on 4 November 2026, "
        "not counting 25 December, 28 December and 1 January."
    )


def test_a_social_worker_cannot_authorise_an_assessment(case: Case) -> None:
    # given
    assessment = _completed(case)
    before = _snapshot()
    # when / then
    with pytest.raises(NotAllowed):
        authorise_assessment(assessment, authorised_on=date(2027, 1, 8), rationale="Fine", by=case.worker.user)
    assert _snapshot() == before


@pytest.mark.requirement("R-037")
def test_authorisation_before_completion_is_refused_naming_both_dates(case: Case) -> None:
    # given
    given_clock(SINGLE_ASSESSMENT, case.referral)
    assessment = _completed(case)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        authorise_assessment(assessment, authorised_on=date(2027, 1, 5), rationale="", by=case.manager.user)
    # then
    assert refused.value.problems == {
        "authorised_on": [
            "The assessment cannot be authorised on 5 January 2027, before it was completed on 6 January 2027"
        ],
        "rationale": ["Enter the reasons for authorising the assessment"],
    }
    assert _snapshot() == before


def test_an_assessment_not_yet_completed_cannot_be_authorised(case: Case) -> None:
    # given
    assessment = given_assessment(case)
    before = _snapshot()
    # when
    with pytest.raises(RuleBroken) as refused:
        authorise_assessment(assessment, authorised_on=date(2027, 1, 8), rationale="Fine", by=case.manager.user)
    # then
    assert refused.value.problems == {
        "authorised_on": [
            "The assessment has not been completed: it can be authorised once the social worker completes it"
        ]
    }
    assert _snapshot() == before


@pytest.mark.requirement("R-040")
def test_authorising_a_connected_person_assessment_leaves_the_childs_assessment_clock_running(case: Case) -> None:
    # given
    deadline = given_clock(SINGLE_ASSESSMENT, case.referral)
    grandmother = given_adult(by=case.worker, given_name="Irene", family_name="Walsh")
    assessment = start_assessment(
        case.referral,
        kind=AssessmentKind.CONNECTED_PERSON,
        started_on=date(2026, 11, 10),
        worker=case.worker,
        connected_person=grandmother,
        by=case.worker.user,
    )
    assessment = save_assessment(assessment, answers=_answers(), version=1, by=case.worker.user)
    complete_assessment(
        assessment,
        completed_on=date(2027, 1, 6),
        outcome=AssessmentOutcome.NO_FURTHER_ACTION,
        outcome_rationale="Approved as a carer",
        by=case.worker.user,
    )
    # when
    authorise_assessment(assessment, authorised_on=date(2027, 1, 7), rationale="Agreed", by=case.manager.user)
    # then
    deadline.refresh_from_db()
    assert deadline.met_on is None
