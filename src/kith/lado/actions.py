"""Recording allegations against people who work with children: the allegation, the LADO's decisions, the outcome.

Every event is written on the chronology of each child the allegation affects, so
the allegation is linked to each child's safeguarding record (R-129).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from kith.lado import events, rules
from kith.lado.access import can_manage_allegation, can_record_allegation, can_record_allegations
from kith.lado.models import Allegation, AllegationCategory, DecisionKind, LadoDecision, Outcome
from kith.people.access import staff_of
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import action
from kith.platform.chronology.record import record_event
from kith.platform.rules import refuse_if, require

if TYPE_CHECKING:
    from kith.platform.access.models import User
    from kith.workforce.models import StaffMember


def _staff(by: User) -> StaffMember:
    staff = staff_of(by)
    assert staff is not None  # the capability needs an active staff record
    return staff


def _about(allegation: Allegation) -> str:
    """The person by role and employer: the chronology is read by everyone working with the child."""
    return f"a {allegation.subject_role} at {allegation.subject_employer}"


@action
def record_allegation(
    children: Sequence[Person],
    *,
    received_on: date,
    referrer_name: str,
    referrer_agency: str,
    subject_name: str,
    subject_role: str,
    subject_employer: str,
    category: str,
    details: str,
    advice_given: str = "",
    subject_person: Person | None = None,
    by: User,
) -> Allegation:
    """An allegation received by the LADO, naming every child it affects; each child's chronology records it."""
    require(can_record_allegations(by))
    for child in children:
        require(can_record_allegation(by, child))
    refuse_if(
        rules.allegation_problems(
            children=len(children),
            all_children_are_children=all(child.is_child for child in children),
            subject_is_adult=subject_person is None or not subject_person.is_child,
            received_on=received_on,
            referrer_name=referrer_name,
            referrer_agency=referrer_agency,
            subject_name=subject_name,
            subject_role=subject_role,
            subject_employer=subject_employer,
            category=category,
            details=details,
            today=clock.today(),
        )
    )
    allegation = Allegation.objects.create(
        received_on=received_on,
        referrer_name=referrer_name.strip(),
        referrer_agency=referrer_agency.strip(),
        subject_name=subject_name.strip(),
        subject_person=subject_person,
        subject_role=subject_role.strip(),
        subject_employer=subject_employer.strip(),
        category=category,
        details=details.strip(),
        advice_given=advice_given.strip(),
        recorded_by=_staff(by),
        recorded_at=clock.now(),
    )
    allegation.children.set(children)
    record_event(
        events.ALLEGATION_RECORDED.code,
        children=children,
        by=by,
        summary=f"LADO allegation {allegation.reference} about {_about(allegation)}: "
        f"{AllegationCategory(category).label.lower()}",
        occurred_on=received_on,
        subject=allegation,
    )
    return allegation


@action
def record_lado_decision(
    allegation: Allegation, *, decided_on: date, decision: str, rationale: str, by: User
) -> LadoDecision:
    """A decision the LADO made, with the reasons, on the chronology of every child affected."""
    require(can_manage_allegation(by, allegation))
    officer = _staff(by)
    refuse_if(
        rules.decision_problems(
            allegation, decided_on=decided_on, decision=decision, rationale=rationale, today=clock.today()
        )
    )
    made = LadoDecision.objects.create(
        allegation=allegation,
        decided_on=decided_on,
        decision=decision,
        rationale=rationale.strip(),
        decided_by=officer,
        recorded_at=clock.now(),
    )
    record_event(
        events.DECISION_RECORDED.code,
        children=allegation.children.all(),
        by=by,
        summary=f"LADO decision on {allegation.reference} by {officer.full_name}: {DecisionKind(decision).label}. "
        f"Why: {made.rationale}",
        occurred_on=decided_on,
        subject=made,
    )
    return made


@action
def close_allegation(
    allegation: Allegation, *, closed_on: date, outcome: str, outcome_summary: str = "", by: User
) -> Allegation:
    """The outcome (substantiated, false, malicious, unsubstantiated or unfounded); the time to resolution is kept."""
    require(can_manage_allegation(by, allegation))
    last = allegation.decisions.order_by("-decided_on").first()
    refuse_if(
        rules.closing_problems(
            allegation,
            closed_on=closed_on,
            outcome=outcome,
            last_decision_on=last.decided_on if last else None,
            today=clock.today(),
        )
    )
    allegation.closed_on = closed_on
    allegation.outcome = outcome
    allegation.outcome_summary = outcome_summary.strip()
    allegation.save(update_fields=["closed_on", "outcome", "outcome_summary"])
    record_event(
        events.ALLEGATION_CLOSED.code,
        children=allegation.children.all(),
        by=by,
        summary=f"LADO allegation {allegation.reference} concluded: {Outcome(outcome).label.lower()}, "
        f"{allegation.days_to_resolution} days after it was received",
        occurred_on=closed_on,
        subject=allegation,
    )
    return allegation
