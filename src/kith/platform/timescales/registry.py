"""The register of declared timescales, and the areas that declare them.

Each area declares its timescales in its own ``timescales.py`` and registers them
there, on import. ``TimescalesConfig.ready()`` imports those modules by name through
``load_declarations()``.
"""

from __future__ import annotations

import importlib
from datetime import date

from kith.platform.timescales.types import Timescale

# The modules that declare timescales, imported when Django starts. They are named
# here and imported with importlib, never with an import statement: the platform must
# not depend on the areas that stand on it (import-linter forbids kith.platform →
# the domain areas), while the areas' declarations still have to be loaded before
# anything asks for a timescale. A new area adds its module to this list.
DECLARATION_MODULES = [
    "kith.front_door.timescales",
    "kith.assessments.timescales",
    "kith.child_in_need.timescales",
    "kith.child_protection.timescales",
    "kith.children_in_care.timescales",
    "kith.care_leavers.timescales",
    "kith.missing.timescales",
    "kith.quality.timescales",
    "kith.legal.timescales",
    "kith.registers.timescales",
    "kith.fostering.timescales",
]


class DuplicateTimescale(ValueError):
    """A second declaration of a code whose dates overlap one already registered."""


class UnknownTimescale(KeyError):
    """No timescale has this code."""


class TimescaleNotInForce(LookupError):
    """The code is declared, but no version of it was in force on the date asked about."""


class Registry:
    """Versions of each timescale by code. The module-level functions use the one shared registry."""

    def __init__(self) -> None:
        # Codes keep the order they were first declared in (dicts keep insertion order).
        self._versions: dict[str, list[Timescale]] = {}

    def register(self, timescale: Timescale) -> Timescale:
        versions = self._versions.setdefault(timescale.code, [])
        for other in versions:
            if _overlap(timescale, other):
                raise DuplicateTimescale(
                    f"Timescale {timescale.code!r} is already registered in force from {other.effective_from}"
                )
        versions.append(timescale)
        versions.sort(key=lambda version: version.effective_from)
        return timescale

    def get(self, code: str, *, on: date) -> Timescale:
        """The version of ``code`` in force on ``on``."""
        versions = self._versions.get(code)
        if not versions:
            raise UnknownTimescale(code)
        for version in versions:
            if version.in_force_on(on):
                return version
        raise TimescaleNotInForce(f"No version of timescale {code!r} was in force on {on.isoformat()}")

    def all_timescales(self) -> list[Timescale]:
        """Every version of every timescale, in the order the codes were declared, each code's by date."""
        return [version for versions in self._versions.values() for version in versions]

    def codes(self) -> list[str]:
        """Every declared code, alphabetically."""
        return sorted(self._versions)


def _overlap(one: Timescale, other: Timescale) -> bool:
    one_ends = one.effective_to or date.max
    other_ends = other.effective_to or date.max
    return one.effective_from < other_ends and other.effective_from < one_ends


_registry = Registry()


def register(timescale: Timescale) -> Timescale:
    """Declare a timescale (or a new version of one, in force after the last ends)."""
    return _registry.register(timescale)


def get(code: str, *, on: date) -> Timescale:
    return _registry.get(code, on=on)


def all_timescales() -> list[Timescale]:
    return _registry.all_timescales()


def codes() -> list[str]:
    return _registry.codes()


def load_declarations(modules: list[str] | None = None) -> None:
    """Import every declaration module (each registers its timescales once, on first import)."""
    for name in DECLARATION_MODULES if modules is None else modules:
        importlib.import_module(name)
