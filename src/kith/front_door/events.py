"""Chronology event types for front door."""

from kith.platform.chronology.registry import Significance, register  # noqa: F401
