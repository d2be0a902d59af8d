"""The return home interview after a missing episode: offered within 72 hours of the child's return."""

from __future__ import annotations

from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import MISSING_CHILDREN_GUIDANCE_2014
from kith.platform.timescales.types import CalendarDays, Timescale, When

GUIDANCE = MISSING_CHILDREN_GUIDANCE_2014

RETURN_HOME_INTERVIEW = register(
    Timescale(
        code="missing.return_home_interview",
        title="Return home interview",
        # 72 hours, counted on dates as the engine does everywhere: 3 calendar days from the day of return.
        limit=CalendarDays(3),
        source=GUIDANCE.at("Return interviews"),
        starts_when=When("the child came back or was found", event="missing.episode_ended"),
        met_when=When(
            "the interview is held, or the child declines it", event="missing.return_home_interview_recorded"
        ),
        effective_from=GUIDANCE.in_force_from,
        description="An independent return interview is offered to a child who was missing, within 72 hours of "
        "their return; a child who declines it has been offered it. Episodes of being away from placement "
        "without authorisation (903 code A) start no clock. Inspection: HP24 ¶7, ¶33; RC12 ¶108.",
    )
)
