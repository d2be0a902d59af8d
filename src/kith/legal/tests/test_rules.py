"""The pre-proceedings and court rules, on unsaved records: each refusal names the dates."""

from __future__ import annotations

from datetime import date

from kith.legal import rules
from kith.legal.models import ApplicationKind, CareProceedings, HearingKind, MeetingKind, Order, PreProceedings

TODAY = date(2027, 3, 1)


def _period(**values: object) -> PreProceedings:
    return PreProceedings(entered_on=date(2027, 1, 11), **values)


def _proceedings(**values: object) -> CareProceedings:
    return CareProceedings(application_made_on=date(2027, 2, 1), application_kind=ApplicationKind.CARE_ORDER, **values)


def test_a_second_open_pre_proceedings_is_refused_naming_when_the_first_began() -> None:
    # given a child already in pre-proceedings
    # when
    problems = rules.entry_problems(already_open=_period(), entered_on=TODAY, reason="Neglect", today=TODAY)
    # then
    assert problems == {
        "entered_on": ["The child is already in pre-proceedings, since 11 January 2027: end that before starting again"]
    }


def test_entry_in_the_future_and_without_reasons_is_refused() -> None:
    # given / when
    problems = rules.entry_problems(already_open=None, entered_on=date(2027, 3, 2), reason="  ", today=TODAY)
    # then
    assert problems == {
        "entered_on": ["The date of entry (2 March 2027) must be today or in the past"],
        "reason": ["Enter the reasons for entering pre-proceedings"],
    }


def test_a_letter_dated_before_entry_is_refused_naming_both_dates() -> None:
    # given / when
    problems = rules.letter_problems(
        _period(), sent_on=date(2027, 1, 4), risks="r", changes_expected="c", support_offered="s", today=TODAY
    )
    # then
    assert problems == {
        "sent_on": [
            "The date the letter was sent (4 January 2027) cannot be before the date pre-proceedings started "
            "(11 January 2027)"
        ]
    }


def test_a_second_letter_is_refused() -> None:
    # given / when
    problems = rules.letter_problems(
        _period(letter_sent_on=date(2027, 1, 14)),
        sent_on=date(2027, 1, 20),
        risks="r",
        changes_expected="c",
        support_offered="s",
        today=TODAY,
    )
    # then
    assert problems == {"sent_on": ["The letter before proceedings was already recorded as sent on 14 January 2027"]}


def test_a_letter_must_set_out_risks_changes_and_support() -> None:
    # given / when
    problems = rules.letter_problems(
        _period(), sent_on=date(2027, 1, 14), risks="", changes_expected=" ", support_offered="", today=TODAY
    )
    # then
    assert problems == {
        "risks": ["Enter the risks the letter sets out"],
        "changes_expected": ["Enter the changes the letter says are expected"],
        "support_offered": ["Enter the support the letter offers"],
    }


def test_a_meeting_before_entry_with_a_review_before_it_is_refused() -> None:
    # given / when
    problems = rules.meeting_problems(
        _period(),
        initial_held_on=None,
        kind=MeetingKind.INITIAL,
        held_on=date(2027, 1, 8),
        next_review_on=date(2027, 1, 8),
        attendees="Parents",
        summary="Agreed",
        today=TODAY,
    )
    # then
    assert problems == {
        "held_on": [
            "The date of the meeting (8 January 2027) cannot be before the date pre-proceedings started "
            "(11 January 2027)"
        ],
        "next_review_on": ["The next review (8 January 2027) must be after the meeting (8 January 2027)"],
    }


def test_a_second_initial_meeting_is_refused() -> None:
    # given / when
    problems = rules.meeting_problems(
        _period(),
        initial_held_on=date(2027, 1, 20),
        kind=MeetingKind.INITIAL,
        held_on=date(2027, 2, 1),
        next_review_on=None,
        attendees="Parents",
        summary="Agreed",
        today=TODAY,
    )
    # then
    assert problems == {"kind": ["The initial meeting was already recorded, on 20 January 2027"]}


def test_a_family_meeting_held_before_it_was_offered_is_refused() -> None:
    # given / when
    problems = rules.family_meeting_problems(
        _period(), offered_on=date(2027, 1, 20), held_on=date(2027, 1, 18), today=TODAY
    )
    # then
    assert problems == {
        "held_on": [
            "The date the meeting was held (18 January 2027) cannot be before the date it was offered (20 January 2027)"
        ]
    }


def test_the_exit_decision_cannot_come_before_the_letter_or_the_last_meeting() -> None:
    # given pre-proceedings with a letter on 14 January and a meeting on 1 February
    # when the exit is dated 12 January
    problems = rules.exit_problems(
        _period(letter_sent_on=date(2027, 1, 14)),
        ended_on=date(2027, 1, 12),
        outcome="step_down_cin",
        rationale="Progress made",
        letter_of_issue_sent_on=None,
        last_meeting_on=date(2027, 2, 1),
        today=TODAY,
    )
    # then
    assert problems == {
        "ended_on": [
            "The date of the decision (12 January 2027) cannot be before the date the letter before proceedings "
            "was sent (14 January 2027)",
            "The date of the decision (12 January 2027) cannot be before the last meeting (1 February 2027)",
        ]
    }


def test_the_exit_decision_needs_an_outcome_and_reasons_and_a_letter_of_issue_only_when_issuing() -> None:
    # given / when
    problems = rules.exit_problems(
        _period(),
        ended_on=date(2027, 2, 1),
        outcome="",
        rationale="",
        letter_of_issue_sent_on=date(2027, 2, 1),
        last_meeting_on=None,
        today=TODAY,
    )
    # then
    assert problems == {
        "outcome": ["Select the decision: step down or issue proceedings"],
        "rationale": ["Enter the reasons for the decision"],
        "letter_of_issue_sent_on": ["A letter of issue is only sent when proceedings are issued"],
    }


def test_ended_pre_proceedings_cannot_end_again() -> None:
    # given / when
    problems = rules.exit_problems(
        _period(ended_on=date(2027, 2, 1)),
        ended_on=date(2027, 2, 2),
        outcome="no_further_action",
        rationale="Done",
        letter_of_issue_sent_on=None,
        last_meeting_on=None,
        today=TODAY,
    )
    # then
    assert problems == {"ended_on": ["Pre-proceedings already ended on 1 February 2027"]}


def test_an_application_while_in_pre_proceedings_is_refused_until_the_decision_to_issue() -> None:
    # given / when
    problems = rules.application_problems(
        open_pre_proceedings=_period(),
        open_of_same_kind=None,
        application_kind=ApplicationKind.CARE_ORDER,
        application_made_on=date(2027, 2, 1),
        court="Family Court at Middlesbrough",
        reason="Neglect",
        today=TODAY,
    )
    # then
    assert problems == {
        "application_made_on": [
            "The child is in pre-proceedings (since 11 January 2027): record the decision to issue proceedings first"
        ]
    }


def test_a_second_open_application_for_the_same_order_is_refused() -> None:
    # given / when
    problems = rules.application_problems(
        open_pre_proceedings=None,
        open_of_same_kind=_proceedings(),
        application_kind=ApplicationKind.CARE_ORDER,
        application_made_on=date(2027, 2, 10),
        court="Family Court at Middlesbrough",
        reason="Neglect",
        today=TODAY,
    )
    # then
    assert problems == {"application_kind": ["A care order application made on 1 February 2027 is still open"]}


def test_a_hearing_before_the_application_is_refused_naming_both_dates() -> None:
    # given / when
    problems = rules.hearing_problems(
        _proceedings(),
        kind=HearingKind.FIRST,
        order_made=Order.NONE,
        held_on=date(2027, 1, 28),
        next_hearing_on=date(2027, 1, 27),
        today=TODAY,
    )
    # then
    assert problems == {
        "held_on": [
            "The date of the hearing (28 January 2027) cannot be before the date of the application (1 February 2027)"
        ],
        "next_hearing_on": ["The next hearing (27 January 2027) must be after this hearing (28 January 2027)"],
    }


def test_proceedings_cannot_end_before_they_start_or_before_the_last_hearing() -> None:
    # given / when
    problems = rules.conclusion_problems(
        _proceedings(),
        ended_on=date(2027, 1, 31),
        final_order=Order.CARE_ORDER,
        delay_reasons="",
        last_hearing_on=date(2027, 2, 20),
        due_on=date(2027, 8, 2),
        today=TODAY,
    )
    # then
    assert problems == {
        "ended_on": [
            "The date the proceedings ended (31 January 2027) cannot be before the date of the application "
            "(1 February 2027)",
            "The date the proceedings ended (31 January 2027) cannot be before the last hearing (20 February 2027)",
        ]
    }


def _late_conclusion(delay_reasons: str) -> rules.Problems:
    # proceedings whose 26 weeks ended on 2 August 2027 end on 16 August 2027
    return rules.conclusion_problems(
        _proceedings(),
        ended_on=date(2027, 8, 16),
        final_order=Order.CARE_ORDER,
        delay_reasons=delay_reasons,
        last_hearing_on=None,
        due_on=date(2027, 8, 2),
        today=date(2027, 9, 1),
    )


def test_ending_after_26_weeks_without_reasons_for_delay_is_refused() -> None:
    # given / when
    problems = _late_conclusion("")
    # then
    assert problems == {
        "delay_reasons": [
            "Give the reasons for the delay: the proceedings ended on 16 August 2027, after the 26 weeks that "
            "ended on 2 August 2027"
        ]
    }


def test_ending_after_26_weeks_with_reasons_for_delay_is_accepted() -> None:
    # given / when
    problems = _late_conclusion("The expert's report was filed five weeks late")
    # then
    assert problems == {}


def test_directions_only_is_not_a_final_order() -> None:
    # given / when
    problems = rules.conclusion_problems(
        _proceedings(),
        ended_on=date(2027, 2, 20),
        final_order=Order.NONE,
        delay_reasons="",
        last_hearing_on=None,
        due_on=None,
        today=TODAY,
    )
    # then
    assert problems == {"final_order": ["Select the final order"]}
