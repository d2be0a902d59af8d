"""The front door's statutory timescales."""

from __future__ import annotations

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import LOCAL_PROCEDURES, WORKING_TOGETHER_2023
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

EARLY_HELP_FOLLOW_UP = register(
    Timescale(
        code="front_door.early_help_follow_up",
        title="Check a signposted family got help",
        limit=WorkingDays(20),
        source=LOCAL_PROCEDURES.at("follow-up of contacts signposted or stepped down to early help"),
        starts_when=When(
            "the contact decision to signpost the family or step down to early help",
            event="front_door.contact_decided",
        ),
        met_when=When(
            "the front door checks whether the family got the help", event="front_door.early_help_followed_up"
        ),
        effective_from=LOCAL_PROCEDURES.in_force_from,
        is_local_standard=True,
        description="Families signposted to early help are contacted again to confirm they got help, so that a "
        "family who fell between services is found (R-152; RC12 ¶37). No national timescale: this is Kith's "
        "default, which the council may change.",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (REFERRAL_DECISION, EARLY_HELP_FOLLOW_UP):
    register(before_working_together_2023(_current))
