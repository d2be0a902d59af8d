"""Chronology event types for assessments."""

from kith.platform.chronology.registry import Significance, register  # noqa: F401
