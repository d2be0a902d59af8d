"""The shared synthetic authority and signing in, for this area's tests."""

from kith.workforce.tests.fixtures import authority, sign_in  # noqa: F401 - shared fixtures
