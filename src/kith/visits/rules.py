"""What a statutory visit record must say (R-002, R-003, R-004): pure checks returning ``{field: [messages]}``."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date


def no_plan_problems(child: Any) -> Problems:
    return {
        "plan": [
            f"{child.full_name} is not looked after and has no open child in need or child protection plan "
            "to record a statutory visit against"
        ]
    }


def visit_problems(
    child: Any,
    *,
    plan_name: str,
    plan_started_on: date,
    is_child_protection: bool,
    visited_on: date,
    today: date,
    where: str,
    child_seen: bool,
    seen_alone: bool,
    spoken_to_alone: bool,
    why_not_seen: str,
    why_not_alone: str,
    bedroom_seen: bool | None,
    observations: str,
    child_views: str,
    analysis: str,
    outcome: str,
) -> Problems:
    name = child.given_name
    problems = dated_work_problems("visited_on", "The date of the visit", visited_on, child=child, today=today)
    if visited_on < plan_started_on:
        add(
            problems,
            "visited_on",
            f"The date of the visit ({long_date(visited_on)}) is before the {plan_name} started "
            f"({long_date(plan_started_on)})",
        )
    required(problems, "where", where, "Enter where the visit took place")
    if child_seen:
        if not (seen_alone and spoken_to_alone):
            required(problems, "why_not_alone", why_not_alone, f"Say why {name} was not seen alone or spoken to alone")
        required(
            problems,
            "child_views",
            child_views,
            f"Record {name}'s wishes and feelings, or why they could not be gathered",
        )
    else:
        required(problems, "why_not_seen", why_not_seen, f"Say why {name} was not seen")
        if seen_alone or spoken_to_alone:
            add(problems, "seen_alone", f"{name} was not seen, so cannot have been seen or spoken to alone")
    if is_child_protection and bedroom_seen is None:
        add(problems, "bedroom_seen", f"Say whether {name}'s bedroom was seen")
    required(problems, "observations", observations, "Enter what you saw and heard")
    required(problems, "analysis", analysis, f"Enter what the visit tells you about {name}'s safety and needs")
    required(problems, "outcome", outcome, "Enter the outcome of the visit and what happens next")
    return problems
