"""Child protection's rules as pure functions: each returns the problem in words, or nothing.

The actions call these and refuse with the messages; the messages name the dates so the
practitioner can see what is wrong without looking anything up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kith.child_protection.models import ConferenceDecision, Quorum, quorum_of
from kith.plans.models import Objective
from kith.plans.records import ObjectiveDetails
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.agencies import Agency

# Decisions an initial conference may make, and those a review conference may make.
INITIAL_DECISIONS = frozenset({ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN})
REVIEW_DECISIONS = frozenset({ConferenceDecision.CONTINUE_PLAN, ConferenceDecision.END_PLAN})

CIN_PLAN_REPLACED = "Replaced by a child protection plan"

__all__ = [
    "CIN_PLAN_REPLACED",
    "INITIAL_DECISIONS",
    "REVIEW_DECISIONS",
    "CoreGroupMemberDetails",
    "MemberDetails",
    "ObjectiveDetails",
    "ObjectiveProgress",
    "PlanDetails",
    "Quorum",
    "quorum_of",
]


@dataclass(frozen=True)
class MemberDetails:
    """Someone invited to, or at, a conference. ``invited_on`` None means not invited (R-062)."""

    name: str
    agency: str
    role: str = ""
    invited_on: date | None = None
    attended: bool = False
    sent_apologies: bool = False
    report_submitted: bool = False


@dataclass(frozen=True)
class PlanDetails:
    """What an initial conference puts in the child protection plan (R-024, R-043–R-045)."""

    how_risks_will_be_reduced: str
    contingency: str
    identity_actions: str = ""
    summary_for_family: str = ""
    objectives: tuple[ObjectiveDetails, ...] = ()


@dataclass(frozen=True)
class ObjectiveProgress:
    """Progress on one of the plan's objectives, as reported at a core group (R-065)."""

    objective: Objective
    progress: str
    notes: str = ""


@dataclass(frozen=True)
class CoreGroupMemberDetails:
    name: str
    agency: str
    role: str = ""
    attended: bool = True


def in_future(on: date, *, today: date, what: str) -> str | None:
    if on > today:
        return f"{what} must be today or in the past"
    return None


def after_death(on: date, *, died_on: date | None, what: str, name: str) -> str | None:
    if died_on is not None and on > died_on:
        return f"{what} on {long_date(on)} is after {name}'s death on {long_date(died_on)}"
    return None


def before_strategy_discussion(held_on: date, *, discussed_on: date | None) -> str | None:
    """An initial conference cannot come before the strategy discussion that led to it."""
    if discussed_on is not None and held_on < discussed_on:
        return (
            f"The conference on {long_date(held_on)} is before the strategy discussion on "
            f"{long_date(discussed_on)}. A conference is held after its strategy discussion"
        )
    return None


def before_referral(held_on: date, *, referred_on: date) -> str | None:
    if held_on < referred_on:
        return f"The conference on {long_date(held_on)} is before the referral on {long_date(referred_on)}"
    return None


def review_too_early(held_on: date, *, plan_started_on: date, last_conference_on: date | None) -> str | None:
    """A review is after the plan started (census rule 8841) and not before the last conference."""
    if held_on <= plan_started_on:
        return (
            f"A review conference must be after the plan started on {long_date(plan_started_on)}; "
            f"this one is dated {long_date(held_on)}"
        )
    if last_conference_on is not None and held_on < last_conference_on:
        return f"The review on {long_date(held_on)} is before the last conference on {long_date(last_conference_on)}"
    return None


def plan_end_problem(*, started_on: date, ended_on: date) -> str | None:
    """A plan ends after it starts; the census (rule 8840) refuses one that starts and ends on the same day."""
    if ended_on < started_on:
        return f"The plan cannot end on {long_date(ended_on)}, before it started on {long_date(started_on)}"
    if ended_on == started_on:
        return (
            f"The plan cannot end on the day it started ({long_date(started_on)}); the children in need "
            "census does not accept a plan that starts and ends on the same day"
        )
    return None


def core_group_date_problem(held_on: date, *, plan_started_on: date, last_core_group_on: date | None) -> str | None:
    if held_on < plan_started_on:
        return f"The core group on {long_date(held_on)} is before the plan started on {long_date(plan_started_on)}"
    if last_core_group_on is not None and held_on < last_core_group_on:
        return (
            f"The core group on {long_date(held_on)} is before the last core group on {long_date(last_core_group_on)}"
        )
    return None


def member_problems(members: Sequence[MemberDetails], *, held_on: date) -> list[str]:
    """Who was invited and who came: each named with an agency; no invitation after the meeting."""
    if not members:
        return ["Add who was invited to the conference and who attended"]
    problems = []
    for number, member in enumerate(members, start=1):
        who = member.name.strip() or f"Person {number}"
        if not member.name.strip():
            problems.append(f"Person {number}: enter their name")
        if member.agency not in Agency.values:
            problems.append(f"{who}: select their agency")
        if member.invited_on is not None and member.invited_on > held_on:
            problems.append(
                f"{who}: the invitation on {long_date(member.invited_on)} is after the conference on "
                f"{long_date(held_on)}"
            )
        if member.attended and member.sent_apologies:
            problems.append(f"{who}: either attended or sent apologies, not both")
    return problems


def core_group_member_problems(members: Sequence[CoreGroupMemberDetails]) -> list[str]:
    if not members:
        return ["Add who was at the core group"]
    problems = []
    for number, member in enumerate(members, start=1):
        who = member.name.strip() or f"Person {number}"
        if not member.name.strip():
            problems.append(f"Person {number}: enter their name")
        if member.agency not in Agency.values:
            problems.append(f"{who}: select their agency")
    return problems
