"""Chronology event types for the front door: contacts, referrals, early help, police protection,
out-of-hours handovers and professional disagreements."""

from kith.platform.chronology.registry import Significance, register

CONTACT_RECEIVED = register(
    "front_door.contact_received",
    "Contact received",
    significance=Significance.KEY,
    description="Information about the child reached the front door: who from, why, consent and history checks.",
)
CONSENT_DISPENSED_SIGNED_OFF = register(
    "front_door.consent_dispensed_signed_off",
    "Proceeding without consent agreed",
    significance=Significance.KEY,
    description="A manager agreed to proceed without the parents' consent to safeguard the child, and why (R-016).",
)
CONTACT_SCREENED = register(
    "front_door.contact_screened",
    "Contact screened",
    significance=Significance.STANDARD,
    description="The screener's analysis of the contact and its priority (red, amber or green).",
)
CONTACT_DECIDED = register(
    "front_door.contact_decided",
    "Contact decided",
    significance=Significance.KEY,
    description="The manager's decision on a contact: advice, early help, a referral or a strategy discussion.",
)
EARLY_HELP_FOLLOWED_UP = register(
    "front_door.early_help_followed_up",
    "Early help followed up",
    significance=Significance.STANDARD,
    description="The front door checked whether a signposted family got the help (R-152).",
)
REFERRAL_RECEIVED = register(
    "front_door.referral_received",
    "Referral received",
    significance=Significance.KEY,
    description="A referral to children's social care was recorded other than through a contact decision.",
)
REFERRAL_CLOSED = register(
    "front_door.referral_closed",
    "Case closed",
    significance=Significance.KEY,
    description="A manager closed the child in need episode, with the reason and rationale.",
)
EARLY_HELP_ASSESSMENT_RECORDED = register(
    "front_door.early_help_assessment_recorded",
    "Early help assessment recorded",
    significance=Significance.STANDARD,
    description="An early help assessment by a partner agency was put on the record (R-042).",
)
EARLY_HELP_ASSESSMENT_AUDITED = register(
    "front_door.early_help_assessment_audited",
    "Early help assessment audited",
    significance=Significance.STANDARD,
    description="A manager or auditor graded an early help assessment and recorded the findings (R-042).",
)
POLICE_PROTECTION_STARTED = register(
    "front_door.police_protection_started",
    "Police protection",
    significance=Significance.KEY,
    description="The police used their powers of protection (s46 Children Act 1989) (R-122).",
)
POLICE_PROTECTION_ENDED = register(
    "front_door.police_protection_ended",
    "Police protection ended",
    significance=Significance.KEY,
    description="Police protection ended, and what followed for the child.",
)
OUT_OF_HOURS_CALL_RECORDED = register(
    "front_door.out_of_hours_call_recorded",
    "Out-of-hours call",
    significance=Significance.KEY,
    description="The emergency duty team's record of a call, handed over to the day team.",
)
HANDOVER_ACKNOWLEDGED = register(
    "front_door.handover_acknowledged",
    "Out-of-hours handover picked up",
    significance=Significance.STANDARD,
    description="The day team picked up an out-of-hours handover and said what it will do.",
)
DISAGREEMENT_RAISED = register(
    "front_door.disagreement_raised",
    "Professional disagreement raised",
    significance=Significance.KEY,
    description="A partner disagreed with a front door decision (R-075).",
)
DISAGREEMENT_ESCALATED = register(
    "front_door.disagreement_escalated",
    "Professional disagreement escalated",
    significance=Significance.STANDARD,
    description="A professional disagreement moved to the next stage of the escalation policy (R-075).",
)
DISAGREEMENT_RESOLVED = register(
    "front_door.disagreement_resolved",
    "Professional disagreement resolved",
    significance=Significance.KEY,
    description="How a professional disagreement was resolved, and by whom (R-075).",
)
