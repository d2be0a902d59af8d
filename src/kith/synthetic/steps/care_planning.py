"""Scenario verbs for care plans, the copy given to the child, and permanence planning meetings."""

from __future__ import annotations

from datetime import date

from kith.care_planning.actions import agree_care_plan, hold_permanence_meeting, record_care_plan_given_to_child
from kith.care_planning.models import CarePlan, PermanenceMeeting
from kith.care_planning.rules import CarePlanDetails
from kith.children_in_care.models import PeriodOfCare
from kith.synthetic.steps.child_in_need import objective_details
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _period(replay: Replay, step: Step) -> PeriodOfCare:
    period = replay.record(step["period"])
    if not isinstance(period, PeriodOfCare):
        raise ScenarioError(f"{step['period']!r} is not a period of care")
    return period


@verb("agree_care_plan")
def _agree_care_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> CarePlan:
    values = step.get("with", {})
    target = values.get("permanence_target_on")
    assessed = values.get("sibling_contact_assessed")
    return agree_care_plan(
        _period(replay, step),
        agreed_on=on,
        details=CarePlanDetails(
            why_looked_after=str(values.get("why_looked_after", "")),
            why_remains=str(values.get("why_remains", "")),
            permanence_plan=str(values.get("permanence_plan", "")),
            permanence_target_on=as_date(target, "permanence_target_on") if target else None,
            contingency=str(values.get("contingency", "")),
            family_time=str(values.get("family_time", "")),
            sibling_contact=str(values.get("sibling_contact", "")),
            sibling_contact_assessed=None if assessed is None else bool(assessed),
            child_views=str(values.get("child_views", "")),
        ),
        objectives=[objective_details(raw) for raw in values.get("objectives", [])],
        by=by.user,
    )


@verb("record_care_plan_given_to_child")
def _record_care_plan_given_to_child(replay: Replay, step: Step, by: StaffMember, on: date) -> CarePlan:
    plan = replay.record(step["plan"])
    if not isinstance(plan, CarePlan):
        raise ScenarioError(f"{step['plan']!r} is not a care plan")
    return record_care_plan_given_to_child(plan, given_on=on, by=by.user)


@verb("hold_permanence_meeting")
def _hold_permanence_meeting(replay: Replay, step: Step, by: StaffMember, on: date) -> PermanenceMeeting:
    values = step.get("with", {})
    following = values.get("next_meeting_on")
    return hold_permanence_meeting(
        _period(replay, step),
        held_on=on,
        chair=replay.member(str(values.get("chair", ""))),
        attendees=str(values.get("attendees", "")),
        decisions=str(values.get("decisions", "")),
        next_meeting_on=as_date(following, "next_meeting_on") if following else None,
        by=by.user,
    )
