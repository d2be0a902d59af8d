"""What makes a care plan or a permanence planning meeting acceptable: pure checks naming the dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kith.care_planning.models import PermanencePlan
from kith.plans.records import ObjectiveDetails, objective_problems_by_field
from kith.plans.rules import Problems, add, required
from kith.platform.calendar.working_days import long_date


@dataclass(frozen=True)
class CarePlanDetails:
    """A care plan as typed, before it is agreed."""

    why_looked_after: str
    permanence_plan: str
    contingency: str
    family_time: str
    child_views: str
    why_remains: str = ""
    permanence_target_on: date | None = None
    sibling_contact: str = ""
    sibling_contact_assessed: bool | None = None


def in_period_problems(period: Any, *, on: date, field: str, label: str, today: date) -> Problems:
    problems: Problems = {}
    if on > today:
        add(problems, field, f"{label} ({long_date(on)}) is in the future")
    if on < period.started_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is before {period.child.full_name} came into care "
            f"({long_date(period.started_on)})",
        )
    if period.ended_on is not None and on > period.ended_on:
        add(
            problems,
            field,
            f"{label} ({long_date(on)}) is after {period.child.full_name} stopped being looked after "
            f"({long_date(period.ended_on)})",
        )
    return problems


def care_plan_problems(
    period: Any,
    details: CarePlanDetails,
    *,
    agreed_on: date,
    today: date,
    iro: Any,
    in_force: Any,
    objectives: Sequence[ObjectiveDetails],
) -> Problems:
    problems = in_period_problems(period, on=agreed_on, field="agreed_on", label="The care plan", today=today)
    if iro is None:
        add(problems, "agreed_on", "Allocate the child's IRO first: the care plan names them (reg 5(d))")
    if in_force is not None:
        if agreed_on < in_force.agreed_on:
            add(
                problems,
                "agreed_on",
                f"The care plan in force was agreed on {long_date(in_force.agreed_on)}: a new version cannot be "
                "dated before it",
            )
        required(problems, "why_remains", details.why_remains, "Say why the child still needs to be looked after")
    required(problems, "why_looked_after", details.why_looked_after, "Say why the child is looked after")
    if details.permanence_plan not in PermanencePlan.values:
        add(problems, "permanence_plan", "Choose the plan for permanence")
    if details.permanence_target_on is not None and details.permanence_target_on < agreed_on:
        add(
            problems,
            "permanence_target_on",
            f"The target date for permanence ({long_date(details.permanence_target_on)}) is before the plan "
            f"({long_date(agreed_on)})",
        )
    required(problems, "contingency", details.contingency, "Say what happens if the plan for permanence cannot work")
    required(
        problems,
        "family_time",
        details.family_time,
        "Say how the child will spend time with their family, brothers and sisters",
    )
    if details.sibling_contact.strip() and details.sibling_contact_assessed is None:
        add(problems, "sibling_contact_assessed", "Say whether contact with brothers and sisters was assessed")
    required(
        problems, "child_views", details.child_views, "Record the child's views on the plan, or how they were sought"
    )
    if in_force is None and not objectives:
        add(problems, "objectives", "Add at least one objective: what will change, who will do what, by when")
    for field, messages in objective_problems_by_field(objectives, plan_starts=agreed_on).items():
        problems.setdefault(field, []).extend(messages)
    return problems


def meeting_problems(
    period: Any,
    *,
    held_on: date,
    today: date,
    chair_may_chair: bool,
    attendees: str,
    decisions: str,
    next_meeting_on: date | None,
) -> Problems:
    problems = in_period_problems(
        period, on=held_on, field="held_on", label="The permanence planning meeting", today=today
    )
    if not chair_may_chair:
        add(problems, "chair", "The chair must be a manager or an independent reviewing officer still in post")
    required(problems, "attendees", attendees, "Say who came")
    required(problems, "decisions", decisions, "Record what was decided")
    if next_meeting_on is not None and next_meeting_on <= held_on:
        add(
            problems,
            "next_meeting_on",
            f"The next meeting ({long_date(next_meeting_on)}) must be after this one ({long_date(held_on)})",
        )
    return problems
