"""Care leaver status computed from time in care, exact at every boundary: 13 weeks, and the 14th, 16th,
18th, 21st and 25th birthdays. Kai was born on 10 May 2010: 14 on 10 May 2024, 16 on 10 May 2026,
18 on 10 May 2028, 21 on 10 May 2031 and 25 on 10 May 2035."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.care_leavers.eligibility import CareLeaverStatus, CareSpell, anniversary, first_eligible_day, status_on

BORN = date(2010, 5, 10)
ELIGIBLE = CareLeaverStatus.ELIGIBLE
RELEVANT = CareLeaverStatus.RELEVANT
FORMER_RELEVANT = CareLeaverStatus.FORMER_RELEVANT
QUALIFYING = CareLeaverStatus.QUALIFYING
NONE = CareLeaverStatus.NOT_A_CARE_LEAVER

# In care from the 14th birthday until leaving at 17.
FROM_14_LEFT_AT_17 = [CareSpell(date(2024, 5, 10), date(2027, 8, 1))]


def _status(spells: list[CareSpell], on: date) -> CareLeaverStatus:
    return status_on(born=BORN, spells=spells, on=on).status


def test_a_child_in_care_since_14_becomes_eligible_on_their_16th_birthday() -> None:
    assert [_status(FROM_14_LEFT_AT_17, day) for day in (date(2026, 5, 9), date(2026, 5, 10))] == [NONE, ELIGIBLE]
    assert status_on(born=BORN, spells=FROM_14_LEFT_AT_17, on=date(2026, 5, 10)).reason == (
        "Looked after and eligible since 10 May 2026"
    )


def test_a_child_who_comes_into_care_at_16_is_eligible_13_weeks_later() -> None:
    # given Kai looked after from 1 June 2026, aged 16
    spells = [CareSpell(date(2026, 6, 1))]
    # then on the 91st day in care he is not yet eligible; the next day he is
    before = status_on(born=BORN, spells=spells, on=date(2026, 8, 30))
    assert (before.status, before.reason) == (
        NONE,
        "Looked after, not yet for 13 weeks since 14: eligible from 31 August 2026 if still in care",
    )
    assert _status(spells, date(2026, 8, 31)) == ELIGIBLE


def test_time_in_care_before_the_14th_birthday_does_not_count_and_separate_periods_add_up() -> None:
    # given care from 1 March to 28 June 2024 (49 days of it after the 14th birthday) and again from 1 May 2026
    spells = [CareSpell(date(2024, 3, 1), date(2024, 6, 28)), CareSpell(date(2026, 5, 1))]
    # then the 13 weeks are complete 42 days into the second period: 12 June 2026
    assert first_eligible_day(born=BORN, spells=spells) == date(2026, 6, 12)
    assert [_status(spells, day) for day in (date(2026, 6, 11), date(2026, 6, 12))] == [NONE, ELIGIBLE]


def test_a_day_in_care_on_the_14th_birthday_counts_and_the_day_before_does_not() -> None:
    # given 91 days in care ending on the 14th birthday + 91 days, then care again at 16
    counted_from_birthday = [CareSpell(date(2024, 5, 10), date(2024, 8, 9)), CareSpell(date(2026, 6, 1))]
    one_day_short = [CareSpell(date(2024, 5, 11), date(2024, 8, 9)), CareSpell(date(2026, 6, 1))]
    # then with the birthday counted, the 13 weeks are already complete when care starts again at 16
    assert first_eligible_day(born=BORN, spells=counted_from_birthday) == date(2026, 6, 1)
    assert first_eligible_day(born=BORN, spells=one_day_short) == date(2026, 6, 2)


def test_an_eligible_child_who_leaves_care_at_17_is_relevant_from_the_day_care_ended() -> None:
    assert [_status(FROM_14_LEFT_AT_17, day) for day in (date(2027, 7, 31), date(2027, 8, 1))] == [ELIGIBLE, RELEVANT]


def test_at_18_a_relevant_child_and_an_eligible_one_still_in_care_become_former_relevant() -> None:
    in_care_to_18 = [CareSpell(date(2024, 5, 10), date(2028, 5, 10))]
    assert [_status(FROM_14_LEFT_AT_17, day) for day in (date(2028, 5, 9), date(2028, 5, 10))] == [
        RELEVANT,
        FORMER_RELEVANT,
    ]
    assert [_status(in_care_to_18, day) for day in (date(2028, 5, 9), date(2028, 5, 10))] == [ELIGIBLE, FORMER_RELEVANT]


def test_from_21_support_continues_on_request_and_it_ends_on_the_25th_birthday() -> None:
    on_days = [date(2031, 5, 9), date(2031, 5, 10), date(2035, 5, 9), date(2035, 5, 10)]
    found = [status_on(born=BORN, spells=FROM_14_LEFT_AT_17, on=day) for day in on_days]
    assert [(each.status, each.support_on_request) for each in found] == [
        (FORMER_RELEVANT, False),
        (FORMER_RELEVANT, True),
        (FORMER_RELEVANT, True),
        (NONE, False),
    ]
    assert found[2].reason == (
        "Eligible from 10 May 2026; 21 or over, so support continues to 25 (10 May 2035) when the young person "
        "asks for it"
    )


def test_looked_after_after_16_but_not_for_13_weeks_is_qualifying_until_21() -> None:
    # given 30 days in care at 16
    spells = [CareSpell(date(2026, 6, 1), date(2026, 7, 1))]
    days = [date(2026, 6, 30), date(2026, 7, 1), date(2031, 5, 9), date(2031, 5, 10)]
    assert [_status(spells, day) for day in days] == [NONE, QUALIFYING, QUALIFYING, NONE]


def test_care_that_ended_before_16_makes_no_care_leaver() -> None:
    spells = [CareSpell(date(2024, 5, 10), date(2026, 5, 10))]
    assert [_status(spells, day) for day in (date(2026, 5, 10), date(2028, 5, 10))] == [NONE, NONE]


def test_care_that_cannot_reach_13_weeks_before_18_says_so() -> None:
    spells = [CareSpell(date(2028, 3, 1))]
    assert status_on(born=BORN, spells=spells, on=date(2028, 3, 2)).reason == (
        "Looked after, but will not reach 13 weeks in care since 14 before the 18th birthday"
    )


def test_a_child_born_on_29_february_has_birthdays_on_1_march_in_other_years() -> None:
    assert anniversary(date(2012, 2, 29), years=16) == date(2028, 2, 29)
    assert anniversary(date(2012, 2, 29), years=18) == date(2030, 3, 1)


@given(
    start=st.dates(min_value=date(2024, 5, 10), max_value=date(2028, 5, 9)),
    length=st.integers(min_value=1, max_value=1500),
)
def test_one_spell_is_eligible_exactly_from_13_weeks_after_it_starts_and_never_before_16(
    start: date, length: int
) -> None:
    spell = CareSpell(start, date.fromordinal(start.toordinal() + length))
    found = first_eligible_day(born=BORN, spells=[spell])
    expected = max(date.fromordinal(start.toordinal() + 91), date(2026, 5, 10))
    reached = expected < min(spell.ended_on or date.max, date(2028, 5, 10))
    assert found == (expected if reached else None)


@pytest.mark.parametrize("day", [date(2026, 5, 10), date(2027, 1, 1), date(2028, 5, 9)])
def test_the_status_records_the_day_eligibility_began(day: date) -> None:
    assert status_on(born=BORN, spells=FROM_14_LEFT_AT_17, on=day).eligible_from == date(2026, 5, 10)
