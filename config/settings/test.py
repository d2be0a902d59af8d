"""Settings for the test suite: the same as base, with a fast password hasher."""

from config import env
from config.settings.base import *  # noqa: F403

# Each suite may name its own database, so two can run side by side on one server.
DATABASES["default"]["TEST"] = {"NAME": env.TEST_DATABASE}  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
KITH_REQUIRE_MFA = True
KITH_ENFORCE_ACTION_EVENTS = True
