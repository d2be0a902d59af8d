"""Early help assessments and their audit (R-042), police protection (R-122), out-of-hours handovers,
and professional disagreements (R-075).

Tests run at 11am on Wednesday 2 December 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from kith.front_door.actions import (
    acknowledge_handover,
    audit_early_help_assessment,
    end_police_protection,
    escalate_professional_disagreement,
    record_early_help_assessment,
    record_out_of_hours_call,
    record_police_protection,
    record_professional_disagreement,
    resolve_professional_disagreement,
)
from kith.front_door.models import (
    AfterPoliceProtection,
    AuditGrade,
    ContactDecision,
    DisagreementOutcome,
    EarlyHelpAssessment,
    EarlyHelpOutcome,
    EscalationStage,
    OutOfHoursRecord,
    PoliceProtection,
    ProfessionalDisagreement,
    ThresholdLevel,
)
from kith.front_door.queries import handovers_awaiting, police_protection_by_month
from kith.front_door.tests.builders import TODAY, at, given_contact, given_decided_contact
from kith.people.models import Person
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.chronology.queries import chronology_of
from kith.platform.reference.agencies import Agency
from kith.platform.rules import NotAllowed, RuleBroken
from kith.workforce.tests.fixtures import Authority, add_staff

pytestmark = pytest.mark.django_db


def _summaries(child: Person, event_type: str) -> list[tuple[date, str]]:
    return [(event.occurred_on, event.summary) for event in chronology_of(child, event_types=[event_type])]


# --- early help (R-042) --------------------------------------------------------------------------------------


def _early_help(authority: Authority) -> EarlyHelpAssessment:
    return record_early_help_assessment(
        authority.own_child,
        agency="Seaton Primary School",
        lead_professional="Lena Ford, family support worker",
        assessed_on=date(2026, 11, 16),
        level_of_need=ThresholdLevel.EARLY_HELP,
        needs_identified="Poor attendance; Ava is often hungry",
        plan="Breakfast club daily; parenting course for Kerry",
        family_consented=True,
        by=authority.screener.user,
    )


@pytest.mark.requirement("R-042")
def test_a_partners_early_help_assessment_is_put_on_record(authority: Authority) -> None:
    # when
    assessment = _early_help(authority)
    # then
    assessment.refresh_from_db()
    assert (assessment.agency, assessment.level_of_need, assessment.outcome, assessment.audited_on) == (
        "Seaton Primary School",
        "2",
        EarlyHelpOutcome.CONTINUING,
        None,
    )
    assert _summaries(authority.own_child, "front_door.early_help_assessment_recorded") == [
        (
            date(2026, 11, 16),
            "Early help assessment by Seaton Primary School (lead professional Lena Ford, family support worker): "
            "Poor attendance; Ava is often hungry",
        )
    ]


@pytest.mark.requirement("R-042")
@pytest.mark.parametrize("auditor", ["team_manager", "quality_auditor"])
def test_a_manager_or_a_quality_auditor_audits_it(authority: Authority, auditor: str) -> None:
    # given
    assessment = _early_help(authority)
    staff = (
        authority.team_manager
        if auditor == "team_manager"
        else add_staff("Quinn Harper", Role.QA_AUDITOR, authority.performance)
    )
    # when
    audit_early_help_assessment(
        assessment,
        grade=AuditGrade.REQUIRES_IMPROVEMENT,
        findings="Hunger noted but not explored with Kerry",
        by=staff.user,
    )
    # then
    assessment.refresh_from_db()
    assert (assessment.audited_on, assessment.audited_by, assessment.audit_grade, assessment.audit_findings) == (
        TODAY,
        staff,
        "requires_improvement",
        "Hunger noted but not explored with Kerry",
    )
    assert _summaries(authority.own_child, "front_door.early_help_assessment_audited") == [
        (TODAY, f"Early help assessment by Seaton Primary School audited by {staff.full_name}: requires improvement")
    ]


@pytest.mark.requirement("R-042")
def test_a_social_worker_cannot_audit_and_an_audit_is_not_repeated(authority: Authority) -> None:
    # given
    assessment = _early_help(authority)
    audit_early_help_assessment(
        assessment, grade=AuditGrade.GOOD, findings="Clear plan", by=authority.team_manager.user
    )
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(NotAllowed):
        audit_early_help_assessment(assessment, grade=AuditGrade.GOOD, findings="x", by=authority.social_worker.user)
    with pytest.raises(RuleBroken) as refused:
        audit_early_help_assessment(
            assessment, grade=AuditGrade.INADEQUATE, findings="x", by=authority.north_deputy.user
        )
    # then
    assert refused.value.problems == {"grade": ["This assessment was already audited on 2 December 2026"]}
    assessment.refresh_from_db()
    assert (assessment.audit_grade, assessment.audited_by, CaseEvent.objects.count()) == (
        "good",
        authority.team_manager,
        events,
    )


# --- police protection (R-122) -------------------------------------------------------------------------------


def _police_protection(authority: Authority, **overrides: object) -> PoliceProtection:
    values: dict[str, object] = {
        "started_at": at(date(2026, 11, 27), 21, 40),  # a Friday night
        "reason": "Found alone at home at night, the house cold and no food",
        "police_officer": "PC Jo Bell 1234",
        "where_placed": "Emergency foster carers",
        **overrides,
    }
    return record_police_protection(authority.own_child, by=authority.screener.user, **values)  # type: ignore[arg-type]


@pytest.mark.requirement("R-122")
def test_police_protection_is_recorded_with_its_time_classified_out_of_office_hours(authority: Authority) -> None:
    # when
    protection = _police_protection(authority, parents_informed_at=at(date(2026, 11, 27), 23, 5))
    # then
    protection.refresh_from_db()
    assert (protection.started_at, protection.in_office_hours, protection.reason, protection.ended_at) == (
        at(date(2026, 11, 27), 21, 40),
        False,
        "Found alone at home at night, the house cold and no food",
        None,
    )
    assert _summaries(authority.own_child, "front_door.police_protection_started") == [
        (
            date(2026, 11, 27),
            "Police protection from 27 November 2026 at 9:40pm (out of office hours), PC Jo Bell 1234: Found alone "
            "at home at night, the house cold and no food",
        )
    ]


@pytest.mark.requirement("R-122")
def test_police_protection_in_office_hours_is_classified_so_and_counted_by_month(authority: Authority) -> None:
    # given one use on a Friday night in November and one on a weekday morning in December
    first = _police_protection(authority)
    end_police_protection(
        first,
        ended_at=at(date(2026, 11, 28), 12),
        what_followed=AfterPoliceProtection.ACCOMMODATED,
        by=authority.screener.user,
    )
    second = _police_protection(authority, started_at=at(TODAY, 10, 15))
    # when
    months = police_protection_by_month(PoliceProtection.objects.all())
    # then
    assert second.in_office_hours is True
    assert [(month.month_words, month.in_office_hours, month.out_of_hours, month.total) for month in months] == [
        ("December 2026", 1, 0, 1),
        ("November 2026", 0, 1, 1),
    ]


@pytest.mark.requirement("R-122")
def test_the_end_of_police_protection_and_what_followed(authority: Authority) -> None:
    # given
    protection = _police_protection(authority)
    # when
    end_police_protection(
        protection,
        ended_at=at(date(2026, 11, 29), 14),
        what_followed=AfterPoliceProtection.EMERGENCY_PROTECTION_ORDER,
        notes="Order granted by the family court",
        by=authority.screener.user,
    )
    # then
    protection.refresh_from_db()
    assert (protection.ended_at, protection.what_followed) == (at(date(2026, 11, 29), 14), "epo")
    assert _summaries(authority.own_child, "front_door.police_protection_ended") == [
        (
            date(2026, 11, 29),
            "Police protection ended 29 November 2026 at 2pm: Emergency protection order. Order granted by the "
            "family court",
        )
    ]


def test_police_protection_cannot_start_again_while_one_is_open(authority: Authority) -> None:
    # given
    _police_protection(authority)
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(RuleBroken) as refused:
        _police_protection(authority, started_at=at(date(2026, 11, 28), 1))
    # then
    assert refused.value.problems == {
        "started_at": [
            "Ava Thompson's police protection from 27 November 2026 at 9:40pm has not been ended: record its end first"
        ]
    }
    assert (PoliceProtection.objects.count(), CaseEvent.objects.count()) == (1, events)


# --- out of hours -------------------------------------------------------------------------------------------


def _call(authority: Authority) -> OutOfHoursRecord:
    return record_out_of_hours_call(
        [authority.own_child],
        received_at=at(date(2026, 11, 28), 2, 10),
        caller="PC Jo Bell",
        what_happened="Ava found alone at home",
        advice_or_action="Police protection; placed with emergency foster carers",
        handed_over_to=authority.north,
        call_back_needed=True,
        by=authority.screener.user,
    )


def test_an_out_of_hours_call_is_handed_over_and_waits_for_the_day_team(authority: Authority) -> None:
    # when
    call = _call(authority)
    # then
    assert handovers_awaiting(authority.north, OutOfHoursRecord.objects.all()) == [call]
    assert handovers_awaiting(authority.south, OutOfHoursRecord.objects.all()) == []
    assert _summaries(authority.own_child, "front_door.out_of_hours_call_recorded") == [
        (
            date(2026, 11, 28),
            "Out-of-hours call from PC Jo Bell, handed over to North Safeguarding: Ava found alone at home",
        )
    ]


def test_the_day_team_picks_up_the_handover(authority: Authority) -> None:
    # given
    call = _call(authority)
    # when
    acknowledge_handover(
        call, day_team_action="Visit today; strategy discussion at 2pm", by=authority.social_worker.user
    )
    # then
    call.refresh_from_db()
    assert (call.acknowledged_at, call.acknowledged_by, call.day_team_action) == (
        at(TODAY, 11),
        authority.social_worker,
        "Visit today; strategy discussion at 2pm",
    )
    assert handovers_awaiting(authority.north, OutOfHoursRecord.objects.all()) == []


def test_only_the_team_handed_to_picks_up_a_handover_and_only_once(authority: Authority) -> None:
    # given
    call = _call(authority)
    acknowledge_handover(call, day_team_action="Visit today", by=authority.social_worker.user)
    events = CaseEvent.objects.count()
    # when
    with pytest.raises(NotAllowed):
        acknowledge_handover(call, day_team_action="Ours", by=authority.screener.user)
    with pytest.raises(RuleBroken) as refused:
        acknowledge_handover(call, day_team_action="Again", by=authority.colleague.user)
    # then
    assert refused.value.problems == {
        "day_team_action": ["Priya Shah already picked this up on 2 December 2026 at 11am"]
    }
    call.refresh_from_db()
    assert (call.acknowledged_by, CaseEvent.objects.count()) == (authority.social_worker, events)


# --- professional disagreement (R-075) -------------------------------------------------------------------------


@pytest.mark.requirement("R-075")
def test_a_disagreement_with_a_contact_decision_is_recorded_escalated_and_resolved(authority: Authority) -> None:
    # given a contact decided as early help on 30 November
    contact = given_decided_contact(
        [authority.own_child],
        authority.screener,
        authority.front_door_manager,
        decision=ContactDecision.EARLY_HELP,
        received_at=at(date(2026, 11, 30), 9),
        decided_at=at(date(2026, 11, 30), 15),
    )
    # when
    raised = record_professional_disagreement(
        contact,
        raised_on=date(2026, 12, 1),
        raised_by_name="Lena Ford",
        raised_by_agency=Agency.EDUCATION,
        disagreement="The school believes Ava needs a social work assessment",
        by=authority.screener.user,
    )
    escalate_professional_disagreement(
        raised,
        stage=EscalationStage.MANAGERS,
        escalated_on=TODAY,
        escalated_to="Gita Patel",
        by=authority.screener.user,
    )
    resolve_professional_disagreement(
        raised,
        resolved_on=TODAY,
        outcome=DisagreementOutcome.DECISION_CHANGED,
        resolution="Agreed to refer for an assessment",
        by=authority.front_door_manager.user,
    )
    # then
    raised.refresh_from_db()
    assert (raised.stage, raised.escalated_to, raised.resolved_on, raised.outcome, raised.resolved_by) == (
        "2",
        "Gita Patel",
        TODAY,
        "changed",
        authority.front_door_manager,
    )
    assert [
        (event.event_type, event.summary)
        for event in reversed(
            list(
                chronology_of(
                    authority.own_child,
                    event_types=[
                        "front_door.disagreement_raised",
                        "front_door.disagreement_escalated",
                        "front_door.disagreement_resolved",
                    ],
                )
            )
        )
    ] == [
        (
            "front_door.disagreement_raised",
            "Lena Ford (Education) disagreed with the decision: The school believes Ava needs a social work assessment",
        ),
        (
            "front_door.disagreement_escalated",
            "Disagreement raised by Lena Ford escalated to stage 2: between their managers (Gita Patel)",
        ),
        (
            "front_door.disagreement_resolved",
            "Disagreement raised by Lena Ford resolved by Gita Patel: the decision was changed. Agreed to refer for "
            "an assessment",
        ),
    ]


@pytest.mark.requirement("R-075")
def test_there_is_no_disagreement_with_a_contact_not_yet_decided(authority: Authority) -> None:
    # given
    contact = given_contact([authority.own_child], authority.screener)
    # when
    with pytest.raises(RuleBroken) as refused:
        record_professional_disagreement(
            contact,
            raised_on=TODAY,
            raised_by_name="Lena Ford",
            raised_by_agency=Agency.EDUCATION,
            disagreement="x",
            by=authority.screener.user,
        )
    # then
    assert refused.value.problems == {"disagreement": ["The contact has no decision yet to disagree with"]}
    assert ProfessionalDisagreement.objects.count() == 0


@pytest.mark.requirement("R-075")
def test_resolving_a_disagreement_is_a_managers_decision(authority: Authority) -> None:
    # given
    contact = given_decided_contact(
        [authority.own_child], authority.screener, authority.front_door_manager, decision=ContactDecision.EARLY_HELP
    )
    raised = record_professional_disagreement(
        contact,
        raised_on=TODAY,
        raised_by_name="Lena Ford",
        raised_by_agency=Agency.EDUCATION,
        disagreement="Needs assessment",
        by=authority.screener.user,
    )
    # when / then
    with pytest.raises(NotAllowed):
        resolve_professional_disagreement(
            raised,
            resolved_on=TODAY,
            outcome=DisagreementOutcome.DECISION_STOOD,
            resolution="x",
            by=authority.screener.user,
        )
    raised.refresh_from_db()
    assert raised.resolved_on is None
