"""Chronology event types for visits."""

from kith.platform.chronology.registry import Significance, register  # noqa: F401
