from kith.workforce.tests.fixtures import authority, sign_in  # noqa: F401 - the shared synthetic authority
