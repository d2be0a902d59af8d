from kith.workforce.tests.fixtures import authority, sign_in  # noqa: F401 - fixtures for this package
