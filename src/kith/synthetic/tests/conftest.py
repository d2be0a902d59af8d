"""The shared synthetic authority of the workforce tests, as a fixture by name, for the generator's own steps."""

from kith.workforce.tests.fixtures import authority  # noqa: F401 - the shared fixture
