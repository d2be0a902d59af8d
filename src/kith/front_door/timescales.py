"""The front door's statutory timescales."""

from __future__ import annotations

from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import WORKING_TOGETHER_2023
from kith.platform.timescales.types import Timescale, When, WorkingDays

CONTACT_RECEIVED = When("the contact reaching the front door", event="front_door.contact_received")

REFERRAL_DECISION = register(
    Timescale(
        code="front_door.referral_decision",
        title="Decision on a referral",
        limit=WorkingDays(1),
        source=WORKING_TOGETHER_2023.at("ch.4 (assessment)"),
        starts_when=CONTACT_RECEIVED,
        met_when=When(
            "a manager decides the type of response and the referrer is told",
            event="front_door.contact_decided",
        ),
        effective_from=WORKING_TOGETHER_2023.in_force_from,
        description="Within one working day of receiving the referral, decide the type of response needed "
        "and let the referrer know.",
    )
)
