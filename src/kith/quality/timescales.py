"""Local practice standards for case recording and supervision (not statutory)."""

from __future__ import annotations

from kith.platform.timescales.editions import before_working_together_2023
from kith.platform.timescales.registry import register
from kith.platform.timescales.sources import LOCAL_PRACTICE_STANDARDS
from kith.platform.timescales.types import CalendarDays, Months, Timescale, When, WorkingDays

RECORDING = "case-recording timeliness (not statutory)"
LOCAL_DEFAULT = "Kith's default local standard, which the council may change."

CASE_RECORDING_CRITICAL_EVENT = register(
    Timescale(
        code="quality.case_recording_critical_event",
        title="Recording a critical event",
        limit=CalendarDays(1),
        source=LOCAL_PRACTICE_STANDARDS.at(RECORDING),
        starts_when=When("the critical event"),
        met_when=When("the event is recorded"),
        effective_from=LOCAL_PRACTICE_STANDARDS.in_force_from,
        is_local_standard=True,
        description=f"Within 24 hours. {LOCAL_DEFAULT}",
    )
)

CASE_RECORDING_VISIT = register(
    Timescale(
        code="quality.case_recording_visit",
        title="Recording a statutory visit",
        limit=WorkingDays(2),
        source=LOCAL_PRACTICE_STANDARDS.at(RECORDING),
        starts_when=When("the visit"),
        met_when=When("the visit is recorded"),
        effective_from=LOCAL_PRACTICE_STANDARDS.in_force_from,
        is_local_standard=True,
        description=LOCAL_DEFAULT,
    )
)

CASE_RECORDING = register(
    Timescale(
        code="quality.case_recording",
        title="Case recording",
        limit=WorkingDays(5),
        source=LOCAL_PRACTICE_STANDARDS.at(RECORDING),
        starts_when=When("the work being recorded"),
        met_when=When("the case note is recorded"),
        effective_from=LOCAL_PRACTICE_STANDARDS.in_force_from,
        is_local_standard=True,
        description=f"Notes other than critical events and statutory visits. {LOCAL_DEFAULT}",
    )
)

SUPERVISION = register(
    Timescale(
        code="quality.supervision",
        title="Management oversight in supervision",
        limit=Months(2),
        source=LOCAL_PRACTICE_STANDARDS.at(RECORDING),
        starts_when=When("the last recorded management oversight", event="quality.management_decision_recorded"),
        met_when=When("a manager records oversight in supervision", event="quality.management_decision_recorded"),
        effective_from=LOCAL_PRACTICE_STANDARDS.in_force_from,
        is_local_standard=True,
        description=f"Manager oversight of the case in supervision at least every 2 months. {LOCAL_DEFAULT}",
    )
)

# The same rules before Working Together 2023, so older records are measured too.
for _current in (CASE_RECORDING_CRITICAL_EVENT, CASE_RECORDING_VISIT, CASE_RECORDING, SUPERVISION):
    register(before_working_together_2023(_current))
