"""What makes each stage of an adoption plan acceptable: pure checks naming the dates and codes.

The 903 rules behind a check are named in brackets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kith.adoption.models import ADOPTION_ORDER_REASONS, AdoptionPlan, AuthorityBasis
from kith.plans.rules import Problems, add, dated_work_problems, required
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.ssda903 import (
    ADOPTIVE_PLACEMENTS,
    PLACEMENT_ORDER_PLACEMENTS,
    AdopterLegalStatus,
    AdopterSex,
    LegalStatus,
    PlacementType,
    ReasonPlacedCeased,
)

SINGLE_SEXES = frozenset({AdopterSex.MALE, AdopterSex.FEMALE})
COUPLE_SEXES = frozenset({AdopterSex.TWO_MALE, AdopterSex.TWO_FEMALE, AdopterSex.MALE_AND_FEMALE})
SAME_SEX = frozenset({AdopterSex.TWO_MALE, AdopterSex.TWO_FEMALE})
# Placed with the child's current foster carers (FOSTER_CARE 1; rule 335).
WITH_FOSTER_CARERS = frozenset(
    {PlacementType.ADOPTION_CONSENT_CURRENT_CARER, PlacementType.ADOPTION_ORDER_CURRENT_CARER}
)
# The legal status of the adopters fixes which sexes the return accepts (rules 517, 518, 520, 524).
SEXES_FOR_LEGAL_STATUS = {
    AdopterLegalStatus.PARTNER_OF_PARENT: frozenset({AdopterSex.MALE_AND_FEMALE}),
    AdopterLegalStatus.OTHER: SAME_SEX,
    AdopterLegalStatus.CIVIL_PARTNERS: SAME_SEX,
    AdopterLegalStatus.MARRIED_COUPLE: frozenset({AdopterSex.MALE_AND_FEMALE}),
}


@dataclass(frozen=True)
class MatchDetails:
    """The match as the worker describes it: the adopters and the plan for the child's move."""

    matched_on: date
    matching_panel_on: date | None
    adopters: str
    number_of_adopters: int | None
    adopters_sex: str
    adopters_legal_status: str
    adopted_by_foster_carers: bool | None
    transition_plan: str


def in_care_problems(period: Any, *, on: date, field: str, label: str, today: date) -> Problems:
    """Adoption work is dated inside the period of care: not before the child came into care, not after."""
    problems = dated_work_problems(field, label, on, child=period.child, today=today)
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


def plan_is_open_problems(plan: AdoptionPlan, *, field: str) -> Problems:
    problems: Problems = {}
    if plan.ceased_on is not None:
        add(
            problems,
            field,
            f"The decision that the child should be placed for adoption ended on {long_date(plan.ceased_on)}",
        )
    if plan.adoption_order_on is not None:
        add(problems, field, f"The adoption order was made on {long_date(plan.adoption_order_on)}")
    return problems


def _not_before(problems: Problems, field: str, label: str, on: date, earlier_label: str, earlier: date) -> None:
    if on < earlier:
        add(problems, field, f"{label} ({long_date(on)}) is before {earlier_label} ({long_date(earlier)})")


def decision_problems(
    period: Any,
    *,
    decided_on: date,
    today: date,
    decision_maker: str,
    reasons: str,
    panel_recommended_on: date | None,
    raa_notified_on: date | None,
    open_plan: AdoptionPlan | None,
    last_plan: AdoptionPlan | None,
) -> Problems:
    """The decision is made while the child is looked after (rules 1003, 334), and a new one only once the
    last has ceased, on or after that day (rule 579)."""
    problems = in_care_problems(period, on=decided_on, field="decided_on", label="The decision", today=today)
    if period.ended_on is not None:
        add(
            problems,
            "decided_on",
            f"{period.child.full_name} stopped being looked after on {long_date(period.ended_on)}",
        )
    if open_plan is not None:
        add(
            problems,
            "decided_on",
            f"The decision of {long_date(open_plan.decided_on)} that {period.child.full_name} should be placed "
            "for adoption is still in force",
        )
    elif last_plan is not None and last_plan.ceased_on is not None and decided_on < last_plan.ceased_on:
        add(
            problems,
            "decided_on",
            f"The new decision ({long_date(decided_on)}) is before the last one ceased "
            f"({long_date(last_plan.ceased_on)})",
        )
    required(problems, "decision_maker", decision_maker, "Enter the agency decision maker's name and post")
    required(problems, "reasons", reasons, "Say why adoption is in the child's best interests")
    if panel_recommended_on is not None:
        if panel_recommended_on > decided_on:
            add(
                problems,
                "panel_recommended_on",
                f"The panel's recommendation ({long_date(panel_recommended_on)}) is after the decision "
                f"({long_date(decided_on)})",
            )
        _not_before(
            problems,
            "panel_recommended_on",
            "The panel's recommendation",
            panel_recommended_on,
            "the child came into care",
            period.started_on,
        )
    if raa_notified_on is not None:
        if raa_notified_on > today:
            add(problems, "raa_notified_on", f"The notification ({long_date(raa_notified_on)}) is in the future")
        _not_before(
            problems,
            "raa_notified_on",
            "The notification",
            raa_notified_on,
            "the child came into care",
            period.started_on,
        )
    return problems


def authority_problems(
    plan: AdoptionPlan, *, basis: str, given_on: date, today: date, legal_status_that_day: str
) -> Problems:
    """Authority to place comes after the decision (rule 554): a placement order, already the child's legal
    status (E1) that day, or the parents' consent under section 19."""
    problems = merge(
        plan_is_open_problems(plan, field="given_on"),
        in_care_problems(plan.period, on=given_on, field="given_on", label="The authority", today=today),
    )
    if plan.authority_given_on is not None:
        add(
            problems,
            "given_on",
            f"Authority to place was already given on {long_date(plan.authority_given_on)} "
            f"({AuthorityBasis(plan.authority_basis).label.lower()})",
        )
    _not_before(problems, "given_on", "The authority", given_on, "the decision", plan.decided_on)
    if basis not in AuthorityBasis.values:
        add(problems, "basis", "Choose what gives the authority to place")
    elif basis == AuthorityBasis.PLACEMENT_ORDER and legal_status_that_day != LegalStatus.PLACEMENT_ORDER:
        add(
            problems,
            "basis",
            f"On {long_date(given_on)} the legal status was {legal_status_that_day or 'not recorded'}: record "
            "the placement order as a change of legal status (E1) first",
        )
    return problems


def match_problems(plan: AdoptionPlan, details: MatchDetails, *, today: date) -> Problems:
    """The match follows the authority to place and the decision (rule 333), after the matching panel, and
    describes the adopters in codes the return accepts together (rules 511, 514, 517–520, 524)."""
    problems = merge(
        plan_is_open_problems(plan, field="matched_on"),
        in_care_problems(plan.period, on=details.matched_on, field="matched_on", label="The match", today=today),
    )
    if plan.matched_on is not None:
        add(problems, "matched_on", f"Already matched on {long_date(plan.matched_on)} with {plan.adopters}")
    if plan.authority_given_on is None:
        add(problems, "matched_on", "Record the authority to place (a placement order or consent) before the match")
    else:
        _not_before(
            problems, "matched_on", "The match", details.matched_on, "the authority to place", plan.authority_given_on
        )
    _not_before(problems, "matched_on", "The match", details.matched_on, "the decision", plan.decided_on)
    if details.matching_panel_on is not None:
        if details.matching_panel_on > details.matched_on:
            add(
                problems,
                "matching_panel_on",
                f"The matching panel ({long_date(details.matching_panel_on)}) is after the match "
                f"({long_date(details.matched_on)})",
            )
        _not_before(
            problems,
            "matching_panel_on",
            "The matching panel",
            details.matching_panel_on,
            "the decision",
            plan.decided_on,
        )
    required(problems, "adopters", details.adopters, "Enter the prospective adopters' names")
    required(problems, "transition_plan", details.transition_plan, "Describe the transition plan for the child's move")
    if details.adopted_by_foster_carers is None:
        add(problems, "adopted_by_foster_carers", "Say whether the adopters are the child's foster carers")
    return merge(problems, adopters_problems(details))


def adopters_problems(details: MatchDetails) -> Problems:
    problems: Problems = {}
    number, sex, status = details.number_of_adopters, details.adopters_sex, details.adopters_legal_status
    if number not in (1, 2):
        add(problems, "number_of_adopters", "Say whether there is one adopter or two")
    if sex not in AdopterSex.values:
        add(problems, "adopters_sex", "Choose the adopters' sexes")
    if status not in AdopterLegalStatus.values:
        add(problems, "adopters_legal_status", "Choose the adopters' legal status")
    if problems:
        return problems
    if number == 1 and sex not in SINGLE_SEXES:
        add(problems, "adopters_sex", f"{sex} describes two adopters, but there is one (M1 or F1)")
    if number == 2 and sex not in COUPLE_SEXES:
        add(problems, "adopters_sex", f"{sex} describes one adopter, but there are two: MM, FF or MF (rule 511)")
    if status == AdopterLegalStatus.SINGLE and number != 1:
        add(problems, "adopters_legal_status", "L0 is a single adopter, but there are two (rule 514)")
    if status != AdopterLegalStatus.SINGLE and number == 1:
        add(
            problems,
            "adopters_legal_status",
            f"{status} ({AdopterLegalStatus(status).label.lower()}) is a couple: a single adopter is L0",
        )
    allowed = SEXES_FOR_LEGAL_STATUS.get(AdopterLegalStatus(status))
    if number == 2 and allowed is not None and sex not in allowed:
        add(
            problems,
            "adopters_sex",
            f"The return accepts {' or '.join(sorted(allowed))} with legal status {status}, not {sex} "
            "(rules 517, 518, 520, 524)",
        )
    return problems


def placed_problems(plan: AdoptionPlan, *, placement: Any | None) -> Problems:
    """Placed for adoption: in a placement for adoption (A3–A6) that began on or after the match (rule 331),
    with consent for A3/A4 and a placement order for A5/A6, and with the child's foster carers exactly when
    the match says the adopters are them (rule 335)."""
    problems = plan_is_open_problems(plan, field="placement")
    if plan.placed_on is not None:
        add(problems, "placement", f"Already placed for adoption on {long_date(plan.placed_on)}")
        return problems
    if plan.matched_on is None:
        add(problems, "placement", "Record the match with the prospective adopters first")
        return problems
    if placement is None or placement.placement_type not in ADOPTIVE_PLACEMENTS:
        now = f"{placement.placement_type} ({placement.carer})" if placement is not None else "not recorded"
        add(
            problems,
            "placement",
            f"The child's placement is {now}: move the child to their placement for adoption (A3 to A6) first",
        )
        return problems
    kind = placement.placement_type
    _not_before(problems, "placement", "The placement for adoption", placement.started_on, "the match", plan.matched_on)
    by_order = kind in PLACEMENT_ORDER_PLACEMENTS
    if by_order and plan.authority_basis != AuthorityBasis.PLACEMENT_ORDER:
        add(
            problems,
            "placement",
            f"Placement type {kind} is under a placement order, but the authority to place is the parents' consent",
        )
    if not by_order and plan.authority_basis != AuthorityBasis.CONSENT:
        add(
            problems,
            "placement",
            f"Placement type {kind} is with consent, but the authority to place is a placement order",
        )
    with_carers = kind in WITH_FOSTER_CARERS
    if plan.adopted_by_foster_carers is not None and with_carers != plan.adopted_by_foster_carers:
        add(
            problems,
            "placement",
            f"Placement type {kind} says the adopters are {'' if with_carers else 'not '}the child's foster carers, "
            f"but the match says they are {'' if plan.adopted_by_foster_carers else 'not '}(rule 335)",
        )
    return problems


def review_problems(plan: AdoptionPlan, *, held_on: date, today: date, child_views: str, progress: str) -> Problems:
    """Adoption reviews run once the agency has authority to place (reg 36), one a day."""
    problems = merge(
        plan_is_open_problems(plan, field="held_on"),
        in_care_problems(plan.period, on=held_on, field="held_on", label="The review", today=today),
    )
    if plan.authority_given_on is None:
        add(problems, "held_on", "Adoption reviews start once authority to place is recorded")
    else:
        _not_before(problems, "held_on", "The review", held_on, "the authority to place", plan.authority_given_on)
    required(problems, "child_views", child_views, "Record the child's views, or how they were sought")
    required(problems, "progress", progress, "Record the progress of the plan since the last review")
    return problems


def ceased_problems(
    plan: AdoptionPlan, *, ceased_on: date, today: date, reason: str, why: str, placement: Any | None
) -> Problems:
    """The decision ceases on or after it was made (rule 522), with the reason (rule 120), and not while the
    child is still living in a placement for adoption (move them first)."""
    problems = merge(
        plan_is_open_problems(plan, field="ceased_on"),
        in_care_problems(plan.period, on=ceased_on, field="ceased_on", label="The decision", today=today),
    )
    _not_before(problems, "ceased_on", "The decision", ceased_on, "the decision to place", plan.decided_on)
    if reason not in ReasonPlacedCeased.values:
        add(problems, "reason", "Choose why the child should no longer be placed for adoption")
    required(problems, "why", why, "Say what changed")
    if placement is not None and placement.placement_type in ADOPTIVE_PLACEMENTS:
        add(
            problems,
            "ceased_on",
            f"The child is still placed for adoption ({placement.placement_type}, with {placement.carer}): "
            "record the move out of the adoptive placement first",
        )
    return problems


def adoption_order_problems(plan: AdoptionPlan, *, made_on: date, reason_ceased: str, today: date) -> Problems:
    """The adoption order follows the placement for adoption and is not made on the day of the match (rule 582)."""
    problems = merge(
        plan_is_open_problems(plan, field="made_on"),
        in_care_problems(plan.period, on=made_on, field="made_on", label="The adoption order", today=today),
    )
    if reason_ceased not in dict(ADOPTION_ORDER_REASONS):
        add(problems, "reason_ceased", "Choose whether the application was unopposed (E11) or consent dispensed (E12)")
    if plan.placed_on is None:
        add(problems, "made_on", "Record the placement for adoption before the adoption order")
        return problems
    _not_before(problems, "made_on", "The adoption order", made_on, "the placement for adoption", plan.placed_on)
    if plan.matched_on == made_on:
        add(problems, "made_on", f"The adoption order cannot be made on the day of the match ({long_date(made_on)})")
    return problems


def merge(*found: Problems) -> Problems:
    problems: Problems = {}
    for each in found:
        for field, messages in each.items():
            problems.setdefault(field, []).extend(messages)
    return problems
