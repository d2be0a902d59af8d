"""The front door's rules, as pure functions: no database, the dates named in every message."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.front_door import rules
from kith.front_door.models import Consent, ContactDecision, EscalationStage, Priority, ThresholdLevel
from kith.front_door.tests.builders import at
from kith.people.models import Person
from kith.platform.reference.cin_census import PrimaryNeed, ReasonForClosure, ReferralSource

NOW = at(date(2026, 12, 2), 11)


def _child(**dates: date | None) -> Person:
    return Person(kind="child", given_name="Ava", family_name="Thompson", **dates)


# --- office hours (R-122) ------------------------------------------------------------------------------


@pytest.mark.requirement("R-122")
@pytest.mark.parametrize(
    ("moment", "in_hours"),
    [
        (at(date(2026, 12, 2), 9, 0), True),  # Wednesday, opening time
        (at(date(2026, 12, 2), 8, 59), False),
        (at(date(2026, 12, 2), 16, 59), True),
        (at(date(2026, 12, 2), 17, 0), False),  # closing time is out of hours
        (at(date(2026, 12, 5), 11, 0), False),  # Saturday
        (at(date(2026, 12, 25), 11, 0), False),  # Christmas Day, a Friday
        (at(date(2026, 12, 28), 11, 0), False),  # Boxing Day (substitute day)
        (datetime(2026, 7, 6, 8, 30, tzinfo=UTC), True),  # 9:30am in British Summer Time
        (datetime(2026, 7, 6, 16, 30, tzinfo=UTC), False),  # 5:30pm in British Summer Time
    ],
)
def test_office_hours_are_9_to_5_london_time_on_working_days(moment: datetime, in_hours: bool) -> None:
    # when
    found = rules.in_office_hours(moment)
    # then
    assert found is in_hours


def test_a_moment_is_written_in_london_time() -> None:
    # when
    words = [rules.at_words(moment) for moment in (at(date(2026, 12, 2), 9, 30), at(date(2026, 12, 2), 12))]
    # then
    assert words == ["2 December 2026 at 9:30am", "2 December 2026 at midday"]


# --- repeat contacts and re-referrals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "repeat"),
    [
        ([date(2025, 12, 2)], True),  # exactly 12 months before
        ([date(2025, 12, 1)], False),
        ([date(2026, 12, 2)], True),  # the same day
        ([], False),
        ([date(2024, 1, 1), date(2026, 6, 30)], True),
    ],
)
def test_a_repeat_contact_is_another_within_12_months(earlier: list[date], repeat: bool) -> None:
    # when
    found = rules.is_repeat_contact(date(2026, 12, 2), earlier)
    # then
    assert found is repeat


@pytest.mark.parametrize(
    ("closed", "re_referral"),
    [([date(2025, 12, 2)], True), ([date(2025, 12, 1)], False), ([], False), ([date(2026, 11, 30)], True)],
)
def test_a_re_referral_comes_within_12_months_of_the_last_referral_closing(
    closed: list[date], re_referral: bool
) -> None:
    # when
    found = rules.is_re_referral(date(2026, 12, 2), closed)
    # then
    assert found is re_referral


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2039, 12, 31)))
def test_the_day_itself_always_counts_as_within_12_months(day: date) -> None:
    # then
    assert (rules.is_re_referral(day, [day]), rules.is_repeat_contact(day, [day])) == (True, True)


# --- the child's dates -----------------------------------------------------------------------------------


def test_a_referral_after_the_childs_death_is_refused_naming_both_dates() -> None:
    # given
    child = _child(date_of_birth=date(2019, 1, 1), date_of_death=date(2026, 11, 20))
    problems: rules.Problems = {}
    # when
    rules.dated_within_life_problems(
        problems, "referral_date", "A referral", child, date(2026, 11, 25), before_birth_allowed=True
    )
    # then
    assert problems == {
        "referral_date": ["A referral dated 25 November 2026 is after Ava Thompson's death on 20 November 2026"]
    }


def test_a_referral_before_birth_is_refused_for_a_born_child() -> None:
    # given
    child = _child(date_of_birth=date(2026, 6, 1))
    problems: rules.Problems = {}
    # when
    rules.dated_within_life_problems(
        problems, "referral_date", "A referral", child, date(2026, 5, 1), before_birth_allowed=True
    )
    # then
    assert problems == {"referral_date": ["A referral dated 1 May 2026 is before Ava Thompson's birth on 1 June 2026"]}


def test_a_pre_birth_referral_is_allowed_up_to_40_weeks_before_the_expected_date() -> None:
    # given an unborn child expected on 1 March 2027 (40 weeks before is 25 May 2026)
    child = _child(expected_date_of_birth=date(2027, 3, 1))
    allowed: rules.Problems = {}
    refused: rules.Problems = {}
    # when
    rules.dated_within_life_problems(allowed, "d", "A referral", child, date(2026, 5, 25), before_birth_allowed=True)
    rules.dated_within_life_problems(refused, "d", "A referral", child, date(2026, 5, 24), before_birth_allowed=True)
    # then
    assert allowed == {}
    assert refused == {
        "d": [
            "A referral dated 24 May 2026 is more than 40 weeks before Ava Thompson's expected date of birth, "
            "1 March 2027"
        ]
    }


def test_police_protection_of_an_unborn_child_is_refused() -> None:
    # given
    child = _child(expected_date_of_birth=date(2027, 3, 1))
    problems: rules.Problems = {}
    # when
    rules.dated_within_life_problems(problems, "d", "Police protection", child, NOW.date(), before_birth_allowed=False)
    # then
    assert problems == {"d": ["Ava Thompson is not born yet: this cannot be recorded for an unborn child"]}


# --- contacts --------------------------------------------------------------------------------------------


def _contact_problems(**overrides: object) -> rules.Problems:
    values: dict[str, object] = {
        "children": [_child(date_of_birth=date(2020, 1, 1))],
        "adults": [],
        "received_at": at(date(2026, 12, 2), 9),
        "now": NOW,
        "source": ReferralSource.POLICE,
        "reason": "Domestic abuse incident",
        "consent": Consent.GIVEN,
        "consent_rationale": "",
        **overrides,
    }
    return rules.contact_problems(**values)  # type: ignore[arg-type]


def test_an_acceptable_contact_has_no_problems() -> None:
    # then
    assert _contact_problems() == {}


@pytest.mark.requirement("R-016")
def test_consent_dispensed_with_needs_its_rationale() -> None:
    # when
    problems = _contact_problems(consent=Consent.DISPENSED_WITH, consent_rationale="  ")
    # then
    assert problems == {
        "consent_rationale": ["Enter why consent is dispensed with to safeguard the child: a manager must agree it"]
    }


def test_a_contact_received_in_the_future_or_about_nobody_is_refused() -> None:
    # when
    problems = _contact_problems(children=[], received_at=at(date(2026, 12, 2), 11, 1), reason="", source="99")
    # then
    assert problems == {
        "children": ["Add at least one child the contact is about"],
        "received_at": ["The time the contact was received (2 December 2026 at 11:01am) must be now or in the past"],
        "source": ["Select who made the contact"],
        "reason": ["Enter the reason for the contact"],
    }


# --- screening and decisions -------------------------------------------------------------------------------


@pytest.mark.requirement("R-007")
def test_screening_needs_the_history_checks_and_what_they_found() -> None:
    # when
    problems = rules.screening_problems(
        decided_at=None, screening_analysis="Worrying", priority=Priority.RED, history_checks="", history_findings=" "
    )
    # then
    assert problems == {
        "history_checks": ["Enter the history checks made (R-007)"],
        "history_findings": ["Enter what the history checks found (R-007)"],
    }


def _decision_problems(**overrides: object) -> rules.Problems:
    values: dict[str, object] = {
        "decided_before": None,
        "screened": True,
        "received_at": at(date(2026, 12, 2), 9),
        "decided_at": NOW,
        "now": NOW,
        "decision": ContactDecision.REFERRAL,
        "rationale": "Needs an assessment",
        "advice_given": "",
        "threshold_level": ThresholdLevel.TARGETED,
        "primary_need": PrimaryNeed.ABUSE_OR_NEGLECT,
        "no_further_action": False,
        "consent": Consent.GIVEN,
        "consent_signed_off": False,
        "stepped_up_from_early_help": False,
        "step_up_reason": "",
        **overrides,
    }
    return rules.decision_problems(**values)  # type: ignore[arg-type]


def test_an_acceptable_referral_decision_has_no_problems() -> None:
    # then
    assert _decision_problems() == {}


def test_a_decision_before_the_contact_was_received_is_refused_naming_both_times() -> None:
    # when
    problems = _decision_problems(decided_at=at(date(2026, 12, 2), 8, 30))
    # then
    assert problems == {
        "decided_at": [
            "The decision (2 December 2026 at 8:30am) cannot be before the contact was received "
            "(2 December 2026 at 9am)"
        ]
    }


def test_a_contact_is_not_decided_twice_nor_before_it_is_screened() -> None:
    # when
    problems = _decision_problems(decided_before=at(date(2026, 12, 1), 15), screened=False)
    # then
    assert problems == {
        "decision": [
            "The contact was decided on 1 December 2026 at 3pm: it cannot be decided twice",
            "Screen the contact first: the history checks, analysis and priority (R-007)",
        ]
    }


@pytest.mark.requirement("R-016")
def test_a_referral_waits_for_a_manager_to_agree_to_proceed_without_consent() -> None:
    # when
    refused = _decision_problems(consent=Consent.DISPENSED_WITH, consent_signed_off=False)
    allowed = _decision_problems(consent=Consent.DISPENSED_WITH, consent_signed_off=True)
    advice = _decision_problems(
        consent=Consent.DISPENSED_WITH, decision=ContactDecision.ADVICE, advice_given="Leaflet on support"
    )
    # then
    assert refused == {
        "decision": [
            "Consent is dispensed with but no manager has agreed it yet: agree it before making a referral (R-016)"
        ]
    }
    assert (allowed, advice) == ({}, {})


def test_a_referral_needs_a_threshold_and_a_primary_need_unless_there_is_no_further_action() -> None:
    # when
    missing = _decision_problems(threshold_level="", primary_need="")
    nfa = _decision_problems(primary_need="", no_further_action=True)
    # then
    assert missing == {
        "threshold_level": ["Select the threshold level"],
        "primary_need": ["Select the child's primary need (needed unless there is no further action)"],
    }
    assert nfa == {}


def test_advice_needs_the_advice_given_and_no_further_action_is_only_for_a_referral() -> None:
    # when
    problems = _decision_problems(decision=ContactDecision.ADVICE, no_further_action=True)
    # then
    assert problems == {
        "advice_given": ["Enter the advice or information given"],
        "no_further_action": ["No further action at referral applies only to a referral to children's social care"],
    }


# --- closure -------------------------------------------------------------------------------------------------


def _closure_problems(**overrides: object) -> rules.Problems:
    values: dict[str, object] = {
        "referral_date": date(2026, 10, 1),
        "closed_before": None,
        "closed_on": date(2026, 12, 2),
        "today": date(2026, 12, 2),
        "reason": ReasonForClosure.SERVICES_CEASED,
        "rationale": "Needs met",
        "stepped_down_to_early_help": False,
        "step_down_reason": "",
        "open_work": [],
        "latest_work": None,
        "has_assessment": False,
        "date_of_death": None,
        "work_beyond_assessment": [],
        **overrides,
    }
    return rules.closure_problems(**values)  # type: ignore[arg-type]


def test_closing_is_refused_naming_what_is_still_open() -> None:
    # when
    problems = _closure_problems(
        open_work=["the child in need plan from 1 November 2026", "the section 47 enquiry from 2 October 2026"]
    )
    # then
    assert problems == {
        "closed_on": [
            "Close or end these first: the child in need plan from 1 November 2026; "
            "the section 47 enquiry from 2 October 2026"
        ]
    }


def test_closing_after_assessment_needs_an_assessment_and_died_needs_a_date_of_death() -> None:
    # when
    after_assessment = _closure_problems(reason=ReasonForClosure.NFA_AFTER_ASSESSMENT)
    died = _closure_problems(reason=ReasonForClosure.DIED)
    # then
    assert after_assessment == {
        "reason": [
            "Case closed after assessment, no further action needs an assessment on this referral: there is none, "
            "so choose another reason (census query 8825Q)"
        ]
    }
    assert died == {"reason": ["Record the child's date of death on their details before closing for this reason"]}


def test_closing_after_assessment_is_refused_when_the_referral_went_further() -> None:
    # when a referral with a section 47 enquiry and a plan is closed "after assessment"
    problems = _closure_problems(
        reason=ReasonForClosure.NFA_AFTER_ASSESSMENT,
        has_assessment=True,
        work_beyond_assessment=["a section 47 enquiry", "a child in need plan"],
    )
    # then
    assert problems == {
        "reason": [
            "Case closed after assessment, no further action means the assessment was the only work on this "
            "referral, but it also had a section 47 enquiry and a child in need plan: choose another reason, such "
            "as services ceased (census rule 2990)"
        ]
    }


def test_a_closure_before_the_referral_or_the_last_work_is_refused() -> None:
    # when
    problems = _closure_problems(closed_on=date(2026, 9, 30), latest_work=("the assessment", date(2026, 11, 3)))
    # then
    assert problems == {
        "closed_on": [
            "The closure date (30 September 2026) cannot be before the referral (1 October 2026)",
            "The closure date (30 September 2026) cannot be before the last work on this referral: the assessment "
            "on 3 November 2026",
        ]
    }


def test_closing_with_a_referral_to_early_help_is_a_step_down_with_a_reason() -> None:
    # when
    problems = _closure_problems(reason=ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT, has_assessment=True)
    # then
    assert problems == {
        "stepped_down_to_early_help": ["A case closed with a referral to early help is a step down: say so and why"]
    }


# --- police protection, escalation ---------------------------------------------------------------------------


def test_police_protection_lasts_at_most_72_hours() -> None:
    # when
    problems = rules.end_police_protection_problems(
        started_at=at(date(2026, 11, 27), 20),
        ended_before=None,
        ended_at=at(date(2026, 11, 30), 21),
        now=NOW,
        what_followed="returned_home",
        notes="",
    )
    # then
    assert problems == {
        "ended_at": [
            "Police protection lasts at most 72 hours (Children Act 1989 s46(6)); it began 27 November 2026 at 8pm"
        ]
    }


@pytest.mark.requirement("R-075")
def test_an_escalation_moves_to_a_later_stage_after_the_disagreement_was_raised() -> None:
    # when
    problems = rules.escalation_problems(
        resolved_on=None,
        current_stage=EscalationStage.MANAGERS,
        raised_on=date(2026, 11, 20),
        last_escalated_on=date(2026, 11, 25),
        stage=EscalationStage.MANAGERS,
        escalated_on=date(2026, 11, 24),
        today=date(2026, 12, 2),
        escalated_to="Head of service",
    )
    # then
    assert problems == {
        "stage": ["It is already at stage 2: between their managers: escalate it to a later stage"],
        "escalated_on": ["The escalation (24 November 2026) cannot be before the last escalation (25 November 2026)"],
    }
