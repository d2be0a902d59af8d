"""What makes the fostering service's records acceptable: pure checks that name the dates they compare."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kith.fostering.models import EndReason, Household, HouseholdKind, HouseholdStatus, KindOfCare
from kith.plans.rules import Problems, add, required
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import PlacementType

__all__ = ["Problems", "Terms", "add", "required"]

# Children Act 1989, Schedule 7: the "usual fostering limit" is three children (an exemption is needed for more).
USUAL_FOSTERING_LIMIT = 3
# A relative or friend fosters as a connected person (903 U1–U3); other carers take U4–U6.
CONNECTED_PERSON_PLACEMENTS = frozenset(
    {PlacementType.RELATIVE_LONG_TERM, PlacementType.RELATIVE_FOSTER_FOR_ADOPTION, PlacementType.RELATIVE_OTHER}
)
OTHER_FOSTER_PLACEMENTS = frozenset(
    {PlacementType.FOSTER_LONG_TERM, PlacementType.FOSTER_FOR_ADOPTION, PlacementType.FOSTER_OTHER}
)


@dataclass(frozen=True)
class Terms:
    """The terms of approval: how many children, what ages, what kind of care."""

    places: int | None
    age_from: int | None
    age_to: int | None
    kind_of_care: str


def not_in_future(problems: Problems, field: str, label: str, value: date, *, today: date) -> None:
    if value > today:
        add(problems, field, f"{label} ({long_date(value)}) must be today or in the past")


def not_before(problems: Problems, field: str, label: str, value: date, *, earlier: date | None, what: str) -> None:
    if earlier is not None and value < earlier:
        add(problems, field, f"{label} ({long_date(value)}) is before {what} ({long_date(earlier)})")


def still_fostering(problems: Problems, household: Household, *, field: str) -> None:
    if household.ended_on is not None:
        add(problems, field, f"{household.name} stopped fostering on {long_date(household.ended_on)}")


def enquiry_problems(
    *,
    name: str,
    postcode: str,
    kind: str,
    enquiry_on: date,
    carers: Sequence[Any],
    today: date,
    fostering_elsewhere: dict[int, str],
) -> Problems:
    """``fostering_elsewhere``: carers (by pk) already in a household still fostering, with its name."""
    problems: Problems = {}
    required(problems, "name", name, "Enter the household's name, for example Bev and Carl Hunt")
    required(problems, "postcode", postcode, "Enter the household's postcode")
    if kind not in HouseholdKind.values:
        add(problems, "kind", "Choose the kind of fostering household")
    not_in_future(problems, "enquiry_on", "The enquiry", enquiry_on, today=today)
    if not carers:
        add(problems, "carers", "Name at least one carer by their Kith ID")
    for carer in carers:
        if carer.is_child:
            add(problems, "carers", f"{carer.full_name} ({carer.kith_id}) is a child: carers are adults")
        elif carer.pk in fostering_elsewhere:
            add(problems, "carers", f"{carer.full_name} is already a carer of {fostering_elsewhere[carer.pk]}")
    return problems


def assessment_problems(household: Household, *, started_on: date, assessor: str, today: date) -> Problems:
    problems: Problems = {}
    still_fostering(problems, household, field="started_on")
    if household.assessment_started_on is not None:
        add(problems, "started_on", f"The assessment started on {long_date(household.assessment_started_on)}")
    not_in_future(problems, "started_on", "The start of the assessment", started_on, today=today)
    not_before(
        problems,
        "started_on",
        "The start of the assessment",
        started_on,
        earlier=household.enquiry_on,
        what="the enquiry",
    )
    required(problems, "assessor", assessor, "Enter the assessing social worker")
    return problems


def temporary_approval_problems(household: Household, *, approved_on: date, child: Any, today: date) -> Problems:
    problems: Problems = {}
    still_fostering(problems, household, field="approved_on")
    if household.kind != HouseholdKind.CONNECTED_PERSON:
        add(
            problems,
            "approved_on",
            f"Temporary approval (reg 24) is for a connected person; {household.name} are "
            f"{HouseholdKind(household.kind).label.lower()}",
        )
    if household.temporary_approval_on is not None:
        add(problems, "approved_on", f"Temporarily approved already on {long_date(household.temporary_approval_on)}")
    if household.approved_on is not None:
        add(problems, "approved_on", f"Approved already on {long_date(household.approved_on)}")
    not_in_future(problems, "approved_on", "The temporary approval", approved_on, today=today)
    not_before(
        problems, "approved_on", "The temporary approval", approved_on, earlier=household.enquiry_on, what="the enquiry"
    )
    if not child.is_child:
        add(problems, "child", f"{child.full_name} is not a child: temporary approval is for a named child")
    return problems


def terms_problems(problems: Problems, terms: Terms) -> None:
    if terms.places is None or terms.places < 1:
        add(problems, "places", "Enter how many children the carers are approved for")
    elif terms.places > USUAL_FOSTERING_LIMIT:
        add(
            problems,
            "places",
            f"{terms.places} children is over the usual fostering limit of {USUAL_FOSTERING_LIMIT} (Children Act 1989, "
            "Schedule 7)",
        )
    if terms.age_from is None or terms.age_to is None:
        add(problems, "age_from", "Enter the age range, from and to")
    elif terms.age_from > terms.age_to:
        add(problems, "age_from", f"The age range runs from {terms.age_from} to {terms.age_to}: the first is older")
    elif terms.age_to > 17:
        add(problems, "age_to", f"Foster carers are approved for children up to 17, not {terms.age_to}")
    if terms.kind_of_care not in KindOfCare.values:
        add(problems, "kind_of_care", "Choose the kind of care")


def approval_problems(
    household: Household,
    *,
    panel_recommended_on: date,
    approved_on: date,
    decision_maker: str,
    terms: Terms,
    today: date,
) -> Problems:
    problems: Problems = {}
    still_fostering(problems, household, field="approved_on")
    if household.approved_on is not None:
        add(problems, "approved_on", f"Approved already on {long_date(household.approved_on)}")
    if household.assessment_started_on is None:
        add(problems, "panel_recommended_on", "Record the start of the assessment first")
    not_in_future(problems, "panel_recommended_on", "The panel", panel_recommended_on, today=today)
    not_before(
        problems,
        "panel_recommended_on",
        "The panel",
        panel_recommended_on,
        earlier=household.assessment_started_on,
        what="the assessment started",
    )
    not_in_future(problems, "approved_on", "The approval", approved_on, today=today)
    not_before(
        problems,
        "approved_on",
        "The approval",
        approved_on,
        earlier=panel_recommended_on,
        what="the panel's recommendation",
    )
    required(problems, "decision_maker", decision_maker, "Enter the agency decision maker")
    terms_problems(problems, terms)
    return problems


def review_problems(
    household: Household,
    *,
    reviewed_on: date,
    last_reviewed_on: date | None,
    reviewer: str,
    carers_views: str,
    recommendation: str,
    terms: Terms,
    today: date,
) -> Problems:
    problems: Problems = {}
    still_fostering(problems, household, field="reviewed_on")
    if household.approved_on is None:
        add(problems, "reviewed_on", f"{household.name} are not approved yet: there is no approval to review")
    not_in_future(problems, "reviewed_on", "The review", reviewed_on, today=today)
    not_before(problems, "reviewed_on", "The review", reviewed_on, earlier=household.approved_on, what="the approval")
    not_before(problems, "reviewed_on", "The review", reviewed_on, earlier=last_reviewed_on, what="the last review")
    required(problems, "reviewer", reviewer, "Enter who reviewed the approval")
    required(problems, "carers_views", carers_views, "Record the carers' views")
    required(problems, "recommendation", recommendation, "Record the review's recommendation")
    terms_problems(problems, terms)
    return problems


def training_problems(
    household: Household, *, carer: Any, is_carer: bool, course: str, completed_on: date, today: date
) -> Problems:
    problems: Problems = {}
    if not is_carer:
        add(problems, "carer", f"{carer.full_name} is not a carer of {household.name}")
    required(problems, "course", course, "Enter the course")
    not_in_future(problems, "completed_on", "The course", completed_on, today=today)
    not_before(problems, "completed_on", "The course", completed_on, earlier=household.enquiry_on, what="the enquiry")
    return problems


def link_problems(household: Household, *, placement: Any, already_linked: bool, placed_now: int) -> Problems:
    """The placement is open, fits the household's kind, and began while the carers could take children."""
    problems: Problems = {}
    child = placement.child
    if placement.ended_on is not None:
        add(problems, "household", f"The placement ended on {long_date(placement.ended_on)}")
    if already_linked:
        add(problems, "household", "This placement's fostering household is already recorded")
    code = placement.placement_type
    if household.kind == HouseholdKind.CONNECTED_PERSON and code not in CONNECTED_PERSON_PLACEMENTS:
        add(
            problems,
            "household",
            f"{household.name} are connected persons: the placement should be U1, U2 or U3, not {code}",
        )
    elif (
        household.kind in {HouseholdKind.MAINSTREAM, HouseholdKind.SHORT_BREAKS} and code not in OTHER_FOSTER_PLACEMENTS
    ):
        add(
            problems,
            "household",
            f"{household.name} are not relatives or friends: the placement should be U4, U5 or U6, not {code}",
        )
    elif household.kind == HouseholdKind.STAYING_PUT:
        add(problems, "household", f"{household.name} are staying put carers: a child in care is not placed with them")
    approved_from = household.approved_from
    if (
        household.status not in {HouseholdStatus.APPROVED, HouseholdStatus.TEMPORARILY_APPROVED}
        or approved_from is None
    ):
        add(problems, "household", f"{household.name} are not approved to foster")
    elif placement.started_on < approved_from:
        add(
            problems,
            "household",
            f"{child.full_name}'s placement began on {long_date(placement.started_on)}, before {household.name} were "
            f"approved ({long_date(approved_from)})",
        )
    age = child.age_on(placement.started_on)
    if (
        age is not None
        and household.age_from is not None
        and household.age_to is not None
        and not household.age_from <= age <= household.age_to
    ):
        add(
            problems,
            "household",
            f"{child.full_name} was {age} when the placement began; {household.name} are approved for children "
            f"aged {household.age_from} to {household.age_to}",
        )
    places = household.approved_places or 0
    if placement.ended_on is None and placed_now >= places:
        add(
            problems,
            "household",
            f"{household.name} are approved for {places} child{'ren' if places != 1 else ''} and {placed_now} "
            f"{'is' if placed_now == 1 else 'are'} placed: there is no vacancy",
        )
    return problems


def ending_problems(
    household: Household, *, ended_on: date, reason: str, notes: str, placed_now: Sequence[Any], today: date
) -> Problems:
    problems: Problems = {}
    still_fostering(problems, household, field="ended_on")
    not_in_future(problems, "ended_on", "The end", ended_on, today=today)
    not_before(problems, "ended_on", "The end", ended_on, earlier=household.enquiry_on, what="the enquiry")
    was_approved = household.approved_from is not None
    if reason not in EndReason.values:
        add(problems, "reason", "Choose why the household stopped fostering")
    elif reason in {EndReason.RESIGNED, EndReason.DEREGISTERED} and not was_approved:
        add(problems, "reason", f"{household.name} were never approved: choose not approved or withdrew")
    elif reason in {EndReason.NOT_APPROVED, EndReason.WITHDRAWN} and was_approved:
        add(problems, "reason", f"{household.name} were approved: choose resigned or approval terminated")
    for child in placed_now:
        add(problems, "ended_on", f"{child.full_name} is still placed with {household.name}: record the move first")
    required(problems, "notes", notes, "Say why")
    return problems
