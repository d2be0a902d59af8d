"""Chronology event types for child in need."""

from kith.platform.chronology.registry import Significance, register  # noqa: F401
