"""Settings for the test suite: the same as base, with a fast password hasher."""

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
KITH_REQUIRE_MFA = True
KITH_ENFORCE_ACTION_EVENTS = True
