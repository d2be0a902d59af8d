"""Cross-cutting services every domain area stands on.

Nothing in ``kith.platform`` imports a domain app (people, workforce, ...); the
import-linter contracts in ``pyproject.toml`` enforce it.
"""
