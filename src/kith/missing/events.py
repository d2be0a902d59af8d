"""Chronology event types for missing episodes and return home interviews."""

from kith.platform.chronology.registry import Significance, register

EPISODE_STARTED = register(
    "missing.episode_started",
    "Missing or away from placement",
    significance=Significance.KEY,
    description="The child went missing, or was away from their placement without authorisation: when, the "
    "circumstances, and whether and when the police were told.",
)

EPISODE_ENDED = register(
    "missing.episode_ended",
    "Returned after being missing",
    significance=Significance.KEY,
    description="The child came back or was found: when, where, and whether the police saw them safe and well.",
)

RETURN_HOME_INTERVIEW_RECORDED = register(
    "missing.return_home_interview_recorded",
    "Return home interview",
    significance=Significance.KEY,
    description="The independent return home interview offered after a missing episode: held or declined, "
    "what the child said, the push and pull factors and any risk of exploitation.",
)

SAFE_AND_WELL_CHECK = register(
    "missing.safe_and_well_check_recorded",
    "Police safe and well check",
    significance=Significance.STANDARD,
    description="The police saw the child safe and well after they came back: when, which officer, what they found.",
)

SOCIAL_WORKER_MEETING = register(
    "missing.social_worker_meeting_recorded",
    "Social worker met the child after being missing",
    significance=Significance.KEY,
    description="The child's social worker met them after a missing episode: what they said and what was agreed.",
)
