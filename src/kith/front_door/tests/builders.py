"""Building front door records for tests, through the real actions.

Tests run at 11am on Wednesday 2 December 2026 (see conftest). A contact received at 9am
that day is due for a decision on Thursday 3 December 2026 (one working day).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from kith.front_door.actions import decide_contact, record_contact, screen_contact
from kith.front_door.models import Consent, Contact, ContactDecision, Priority, ThresholdLevel
from kith.people.models import Person
from kith.platform.reference.cin_census import PrimaryNeed, ReferralSource
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 11, 0, tzinfo=LONDON)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def given_contact(
    children: Sequence[Person],
    by: StaffMember,
    *,
    received_at: datetime | None = None,
    consent: str = Consent.GIVEN,
    consent_rationale: str = "",
    **overrides: Any,
) -> Contact:
    values: dict[str, Any] = {
        "source": ReferralSource.SCHOOLS,
        "referrer_name": "Ms Lena Ford",
        "referrer_organisation": "Seaton Primary School",
        "reason": "Ava came to school with a bruise on her cheek and would not say how she got it",
        "history_checks": "Kith records; school attendance; police",
        "history_findings": "No earlier involvement",
        **overrides,
    }
    return record_contact(
        list(children),
        received_at=received_at or at(TODAY),
        consent=consent,
        consent_rationale=consent_rationale,
        by=by.user,
        **values,
    )


def given_screened_contact(children: Sequence[Person], by: StaffMember, **overrides: Any) -> Contact:
    contact = given_contact(children, by, **overrides)
    return screen_contact(
        contact,
        screening_analysis="An unexplained injury to a young child; the school is worried",
        priority=Priority.AMBER,
        by=by.user,
    )


def given_decided_contact(
    children: Sequence[Person],
    screener: StaffMember,
    manager: StaffMember,
    *,
    decision: str = ContactDecision.REFERRAL,
    decided_at: datetime | None = None,
    **contact_overrides: Any,
) -> Contact:
    contact = given_screened_contact(children, screener, **contact_overrides)
    return decide_contact(
        contact,
        decision=decision,
        rationale="The injury needs a social work assessment",
        advice_given="Talk to the family about the support the school offers"
        if decision == ContactDecision.ADVICE
        else "",
        threshold_level=ThresholdLevel.TARGETED
        if decision in {ContactDecision.REFERRAL, ContactDecision.STRATEGY_DISCUSSION}
        else "",
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT
        if decision in {ContactDecision.REFERRAL, ContactDecision.STRATEGY_DISCUSSION}
        else "",
        decided_at=decided_at,
        by=manager.user,
    )


def deadlines() -> list[tuple[str, int, date, date, date | None, date | None]]:
    """Every deadline row: (code, child, started, due, met, cancelled), in the order they were made."""
    return list(
        Deadline.objects.order_by("pk").values_list(
            "timescale_code", "child_id", "started_on", "due_on", "met_on", "cancelled_on"
        )
    )
