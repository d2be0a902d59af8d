"""Chronology event types for child protection."""

from kith.platform.chronology.registry import Significance, register  # noqa: F401
