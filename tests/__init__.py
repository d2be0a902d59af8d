"""Kith's cross-cutting tests: shared builders (``tests.factories``), journeys and architecture rules."""
