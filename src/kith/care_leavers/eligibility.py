"""Whether a young person is a care leaver on a date, and which kind: computed from their time in care, never typed.

The categories (Children Act 1989 as amended by the Children (Leaving Care) Act 2000):

* **eligible** (Sch 2 para 19B; Care Planning Regulations 2010 reg 40): aged 16 or 17, still
  looked after, and looked after for at least 13 weeks in all since their 14th birthday,
  including some time after their 16th;
* **relevant** (s.23A; Care Leavers (England) Regulations 2010 reg 3): aged 16 or 17, was
  eligible, and has left care;
* **former relevant** (s.23C): aged 18 to 24, and was eligible or relevant before 18. Personal
  adviser support continues to the 25th birthday; from the 21st it continues when the young
  person asks for it (Children and Social Work Act 2017 s.3);
* **qualifying** (s.24): aged 16 to 20, looked after at some time after their 16th birthday but
  never eligible, and no longer looked after.

Pure functions over dates: the caller passes the young person's spells of care that count
(``queries.care_spells`` leaves out short breaks, which reg 40(2) excludes). A spell ends on
the first day the young person is no longer looked after, as the 903 counts days, so a day
in care is ``started_on <= day < ended_on``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kith.platform.calendar.working_days import long_date

THIRTEEN_WEEKS = 13 * 7


class CareLeaverStatus(StrEnum):
    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"
    NOT_A_CARE_LEAVER = "not_a_care_leaver"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CareLeaverStatus.ELIGIBLE: "Eligible",
    CareLeaverStatus.RELEVANT: "Relevant",
    CareLeaverStatus.FORMER_RELEVANT: "Former relevant",
    CareLeaverStatus.QUALIFYING: "Qualifying",
    CareLeaverStatus.NOT_A_CARE_LEAVER: "Not a care leaver",
}

# Those to whom the council owes a personal adviser, a needs assessment and a pathway plan.
ENTITLED_TO_A_PATHWAY_PLAN = frozenset(
    {CareLeaverStatus.ELIGIBLE, CareLeaverStatus.RELEVANT, CareLeaverStatus.FORMER_RELEVANT}
)


@dataclass(frozen=True)
class CareSpell:
    """A stretch of being looked after that counts towards eligibility; ``ended_on`` is None while it runs."""

    started_on: date
    ended_on: date | None = None

    def includes(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day < self.ended_on)


@dataclass(frozen=True)
class Eligibility:
    """The young person's status on ``on``, with the reason in words and the day they first became eligible."""

    status: CareLeaverStatus
    on: date
    reason: str
    eligible_from: date | None = None
    # From the 21st birthday a former relevant young person's support continues if they ask (to 25).
    support_on_request: bool = False

    @property
    def is_care_leaver(self) -> bool:
        return self.status is not CareLeaverStatus.NOT_A_CARE_LEAVER

    @property
    def is_entitled_to_a_pathway_plan(self) -> bool:
        return self.status in ENTITLED_TO_A_PATHWAY_PLAN


def anniversary(day: date, *, years: int) -> date:
    """The same day ``years`` later; 29 February falls on 1 March in a year that has none."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def first_eligible_day(*, born: date, spells: Sequence[CareSpell]) -> date | None:
    """The first day the young person was (or, if a spell still runs, will be) eligible; None if never.

    Days in care count from the 14th birthday; the 13 weeks are complete on the day after the
    91st such day, which must fall on or after the 16th birthday and before the 18th while
    the young person is still looked after.
    """
    fourteenth, sixteenth, eighteenth = (anniversary(born, years=n) for n in (14, 16, 18))
    counted = 0
    for spell in sorted(spells, key=lambda each: each.started_on):
        start = max(spell.started_on, fourteenth)
        end = min(spell.ended_on or eighteenth, eighteenth)
        if start >= end:
            continue
        candidate = max(start, sixteenth, start + timedelta(days=max(THIRTEEN_WEEKS - counted, 0)))
        if candidate < end:
            return candidate
        counted += (end - start).days
    return None


def status_on(*, born: date, spells: Sequence[CareSpell], on: date) -> Eligibility:
    """The young person's care leaver status on ``on``."""
    sixteenth, eighteenth, twenty_first, twenty_fifth = (anniversary(born, years=n) for n in (16, 18, 21, 25))
    eligible_from = first_eligible_day(born=born, spells=spells)
    was_eligible = eligible_from is not None and eligible_from <= on
    looked_after = any(spell.includes(on) for spell in spells)

    def result(status: CareLeaverStatus, reason: str, *, on_request: bool = False) -> Eligibility:
        return Eligibility(status, on, reason, eligible_from if was_eligible else None, on_request)

    if on < sixteenth:
        return result(CareLeaverStatus.NOT_A_CARE_LEAVER, f"Under 16 (16 on {long_date(sixteenth)})")
    if on < eighteenth:
        if was_eligible and eligible_from is not None:
            since = long_date(eligible_from)
            if looked_after:
                return result(CareLeaverStatus.ELIGIBLE, f"Looked after and eligible since {since}")
            return result(CareLeaverStatus.RELEVANT, f"Eligible from {since}; has left care, under 18")
        if looked_after:
            return result(CareLeaverStatus.NOT_A_CARE_LEAVER, _not_yet_eligible(eligible_from))
        if _looked_after_between(spells, sixteenth, min(on, eighteenth)):
            return result(CareLeaverStatus.QUALIFYING, "Looked after after 16 but never for 13 weeks since 14")
        return result(CareLeaverStatus.NOT_A_CARE_LEAVER, "Not looked after since the 16th birthday")
    if on < twenty_fifth:
        if eligible_from is not None:
            if on >= twenty_first:
                return result(
                    CareLeaverStatus.FORMER_RELEVANT,
                    f"Eligible from {long_date(eligible_from)}; 21 or over, so support continues to 25 "
                    f"({long_date(twenty_fifth)}) when the young person asks for it",
                    on_request=True,
                )
            return result(
                CareLeaverStatus.FORMER_RELEVANT,
                f"Eligible from {long_date(eligible_from)}; 18 or over, support to 25 ({long_date(twenty_fifth)})",
            )
        if on < twenty_first and _looked_after_between(spells, sixteenth, eighteenth):
            return result(CareLeaverStatus.QUALIFYING, "Looked after after 16 but never for 13 weeks since 14")
    return result(CareLeaverStatus.NOT_A_CARE_LEAVER, "No leaving care duty on this date")


def _not_yet_eligible(eligible_from: date | None) -> str:
    if eligible_from is None:
        return "Looked after, but will not reach 13 weeks in care since 14 before the 18th birthday"
    return f"Looked after, not yet for 13 weeks since 14: eligible from {long_date(eligible_from)} if still in care"


def _looked_after_between(spells: Sequence[CareSpell], first: date, before: date) -> bool:
    """Whether any day from ``first`` up to (not including) ``before`` was a day in care."""
    return any(max(spell.started_on, first) < min(spell.ended_on or before, before) for spell in spells)
