"""Scenario verbs for care leavers: support from eligibility, the needs assessment, the personal adviser,
the pathway plan, contact, moves after care and the 903 birthday information. Each step names the young
person (``child``); the plan steps act on the pathway plan in force."""

from __future__ import annotations

from datetime import date
from typing import Any

from kith.care_leavers.actions import (
    agree_pathway_plan,
    allocate_personal_adviser,
    complete_needs_assessment,
    record_accommodation_change,
    record_birthday_contact,
    record_entitlement_explained,
    record_entitlement_taken_up,
    record_handover,
    record_pathway_plan_shared,
    record_personal_adviser_contact,
    record_plan_change_request,
    record_support_after_21,
    record_young_person_as_parent,
    review_pathway_plan,
    start_leaving_care_support,
)
from kith.care_leavers.models import (
    BirthdayContact,
    CareLeaverAccommodation,
    EntitlementRecord,
    Handover,
    LeavingCareSupport,
    NeedsAssessment,
    Parenthood,
    PathwayPlan,
    PersonalAdviserAllocation,
    PersonalAdviserContact,
    PlanChangeRequest,
    SupportAfter21,
)
from kith.care_leavers.rules import NEEDS_MESSAGES, PLAN_MESSAGES, NeedsDetails, PlanDetails
from kith.synthetic.vocabulary import Replay, ScenarioError, Step, as_date, verb
from kith.workforce.models import StaffMember


def _support(replay: Replay, step: Step) -> LeavingCareSupport:
    child = replay.person(step["child"])
    support = LeavingCareSupport.objects.filter(child=child).first()
    if support is None:
        raise ScenarioError(f"Leaving care support for {child.full_name} has not started")
    support.child = child
    return support


def _plan(replay: Replay, step: Step) -> PathwayPlan:
    child = replay.person(step["child"])
    plan = PathwayPlan.objects.filter(child=child, replaced_on__isnull=True).first()
    if plan is None:
        raise ScenarioError(f"{child.full_name} has no pathway plan in force")
    plan.child = child
    return plan


def _optional_date(values: dict[str, Any], name: str) -> date | None:
    return as_date(values[name], name) if values.get(name) else None


def _yes_no(raw: Any) -> bool | None:
    return None if raw is None or raw == "" else bool(raw)


def _plan_details(values: dict[str, Any]) -> PlanDetails:
    return PlanDetails(**{name: str(values.get(name, "")) for name in PLAN_MESSAGES})


@verb("start_leaving_care_support")
def _start_leaving_care_support(replay: Replay, step: Step, by: StaffMember, on: date) -> LeavingCareSupport:
    return start_leaving_care_support(replay.person(step["child"]), on=on, by=by.user)


@verb("complete_needs_assessment")
def _complete_needs_assessment(replay: Replay, step: Step, by: StaffMember, on: date) -> NeedsAssessment:
    values = step.get("with", {})
    details = NeedsDetails(**{name: str(values.get(name, "")) for name in NEEDS_MESSAGES})
    return complete_needs_assessment(_support(replay, step), completed_on=on, details=details, by=by.user)


@verb("allocate_personal_adviser")
def _allocate_personal_adviser(replay: Replay, step: Step, by: StaffMember, on: date) -> PersonalAdviserAllocation:
    values = step.get("with", {})
    return allocate_personal_adviser(
        _support(replay, step), adviser=replay.member(values["adviser"]), allocated_on=on, by=by.user
    )


@verb("agree_pathway_plan")
def _agree_pathway_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> PathwayPlan:
    values = step.get("with", {})
    return agree_pathway_plan(
        _support(replay, step),
        agreed_on=on,
        details=_plan_details(values),
        copy_given_on=_optional_date(values, "copy_given_on"),
        by=by.user,
    )


@verb("review_pathway_plan")
def _review_pathway_plan(replay: Replay, step: Step, by: StaffMember, on: date) -> PathwayPlan:
    """Unchanged parts of the plan may be left out: they carry over from the plan in force."""
    values = step.get("with", {})
    plan = _plan(replay, step)
    carried = {name: values.get(name, getattr(plan, name)) for name in PLAN_MESSAGES}
    return review_pathway_plan(
        plan,
        reviewed_on=on,
        details=_plan_details(carried),
        what_changed=str(values.get("what_changed", "")),
        copy_given_on=_optional_date(values, "copy_given_on"),
        by=by.user,
    )


@verb("record_pathway_plan_shared")
def _record_pathway_plan_shared(replay: Replay, step: Step, by: StaffMember, on: date) -> PathwayPlan:
    return record_pathway_plan_shared(_plan(replay, step), given_on=on, by=by.user)


@verb("record_personal_adviser_contact")
def _record_personal_adviser_contact(replay: Replay, step: Step, by: StaffMember, on: date) -> PersonalAdviserContact:
    values = step.get("with", {})
    return record_personal_adviser_contact(
        _support(replay, step),
        contact_on=on,
        kind=str(values.get("kind", "")),
        where=str(values.get("where", "")),
        young_person_views=str(values.get("young_person_views", "")),
        notes=str(values.get("notes", "")),
        by=by.user,
    )


@verb("record_accommodation_change")
def _record_accommodation_change(replay: Replay, step: Step, by: StaffMember, on: date) -> CareLeaverAccommodation:
    values = step.get("with", {})
    return record_accommodation_change(
        _support(replay, step),
        moved_on=on,
        accommodation=str(values.get("accommodation", "")),
        suitable=_yes_no(values.get("suitable")),
        description=str(values.get("description", "")),
        arrangement=str(values.get("arrangement", "")),
        by=by.user,
    )


@verb("record_birthday_contact")
def _record_birthday_contact(replay: Replay, step: Step, by: StaffMember, on: date) -> BirthdayContact:
    """``birthday`` (17 to 21), ``in_touch``, ``activity`` and ``accommodation`` in the 903 codes; the
    accommodation as its 903 code with the suitability digit (``Z1``) or ``0``."""
    values = step.get("with", {})
    accom = str(values.get("accommodation", "0"))
    letter, digit = (accom[:1], accom[1:]) if accom != "0" else ("", "")
    return record_birthday_contact(
        _support(replay, step),
        birthday=int(values.get("birthday", 0)),
        contact_on=on,
        in_touch=str(values.get("in_touch", "")),
        activity=str(values.get("activity", "")),
        accommodation=letter,
        accommodation_suitable={"1": True, "2": False}.get(digit),
        by=by.user,
    )


@verb("record_support_after_21")
def _record_support_after_21(replay: Replay, step: Step, by: StaffMember, on: date) -> SupportAfter21:
    """``decision``: continue, stop or opt_back_in, with the ``young_person_views``."""
    values = step.get("with", {})
    return record_support_after_21(
        _support(replay, step),
        decided_on=on,
        decision=str(values.get("decision", "")),
        young_person_views=str(values.get("young_person_views", "")),
        by=by.user,
    )


@verb("record_entitlement_explained")
def _record_entitlement_explained(replay: Replay, step: Step, by: StaffMember, on: date) -> EntitlementRecord:
    values = step.get("with", {})
    return record_entitlement_explained(
        _support(replay, step), entitlement=str(values.get("entitlement", "")), explained_on=on, by=by.user
    )


@verb("record_entitlement_taken_up")
def _record_entitlement_taken_up(replay: Replay, step: Step, by: StaffMember, on: date) -> EntitlementRecord:
    values = step.get("with", {})
    return record_entitlement_taken_up(
        _support(replay, step), entitlement=str(values.get("entitlement", "")), taken_up_on=on, by=by.user
    )


@verb("record_handover")
def _record_handover(replay: Replay, step: Step, by: StaffMember, on: date) -> Handover:
    """``from_team`` and ``to_team``: the keys of the scenario's teams; ``handed_over``: what went with the case."""
    values = step.get("with", {})
    return record_handover(
        _support(replay, step),
        handed_over_on=on,
        from_team=replay.team(values["from_team"]),
        to_team=replay.team(values["to_team"]),
        handed_over=str(values.get("handed_over", "")),
        by=by.user,
    )


@verb("record_young_person_as_parent")
def _record_young_person_as_parent(replay: Replay, step: Step, by: StaffMember, on: date) -> Parenthood:
    """``baby_born_on`` (the step's date by default), ``lives_with_young_person``, ``support_given``."""
    values = step.get("with", {})
    return record_young_person_as_parent(
        _support(replay, step),
        baby_born_on=_optional_date(values, "baby_born_on") or on,
        lives_with_young_person=bool(values.get("lives_with_young_person", True)),
        support_given=str(values.get("support_given", "")),
        by=by.user,
    )


@verb("record_plan_change_request")
def _record_plan_change_request(replay: Replay, step: Step, by: StaffMember, on: date) -> PlanChangeRequest:
    """About the plan in force: asked on ``requested_on`` (the step's date by default), decided on the step's date."""
    values = step.get("with", {})
    return record_plan_change_request(
        _plan(replay, step),
        requested_on=_optional_date(values, "requested_on") or on,
        what_was_asked=str(values.get("what_was_asked", "")),
        decision=str(values.get("decision", "")),
        decided_on=on,
        how_handled=str(values.get("how_handled", "")),
        by=by.user,
    )
