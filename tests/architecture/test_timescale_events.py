"""Every event a timescale names as starting, meeting or restarting it is one the chronology knows.

A timescale declares the event that starts its clock and the one that meets it. When an
area renames an event, or a declaration names one no action ever records, the explanation
a practitioner reads ("met when the review is held") would point at nothing: this test
keeps the declarations and the chronology's register in step.
"""

from __future__ import annotations

from kith.platform.chronology.registry import all_event_types
from kith.platform.timescales.registry import all_timescales

# Declared from the statutory table before the actions that record them exist. Each leaves
# this list when its area registers the event; the second test keeps the list from going stale.
NOT_YET_RECORDED_BY_ANY_ACTION: frozenset[str] = frozenset()


def _named_events() -> set[tuple[str, str]]:
    return {
        (timescale.code, when.event)
        for timescale in all_timescales()
        for when in (timescale.starts_when, timescale.met_when, *timescale.restarts_when)
        if when.event
    }


def test_every_event_a_timescale_names_is_a_registered_chronology_event() -> None:
    registered = {event_type.code for event_type in all_event_types()}
    unknown = sorted(
        (code, event)
        for code, event in _named_events()
        if event not in registered and event not in NOT_YET_RECORDED_BY_ANY_ACTION
    )
    assert unknown == []


def test_the_list_of_events_still_to_come_names_only_unregistered_events_a_timescale_uses() -> None:
    registered = {event_type.code for event_type in all_event_types()}
    named = {event for _, event in _named_events()}
    assert sorted(NOT_YET_RECORDED_BY_ANY_ACTION & registered) == []
    assert sorted(NOT_YET_RECORDED_BY_ANY_ACTION - named) == []
