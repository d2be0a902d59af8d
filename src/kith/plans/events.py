"""Chronology event types for plans."""

from kith.platform.chronology.registry import Significance, register  # noqa: F401
