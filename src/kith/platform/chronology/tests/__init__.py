"""Tests of the chronology: the event-type registry, recording events and the action decorator."""
