"""Start-up checks on the security settings a council must not leave at their local defaults."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_secrets_and_second_factor(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Production needs its own secret key and two-factor sign-in (run with `kith check --deploy`)."""
    problems: list[checks.CheckMessage] = []
    if not settings.SECRET_KEY_FROM_ENVIRONMENT:
        problems.append(
            checks.Warning(
                "KITH_SECRET_KEY is not set: Kith is using a key generated into var/secret_key.",
                hint="Set KITH_SECRET_KEY to a long random value kept outside the server's disk.",
                id="kith.W001",
            )
        )
    if not settings.KITH_REQUIRE_MFA:
        problems.append(
            checks.Warning(
                "KITH_REQUIRE_MFA is off: staff can sign in to children's records with a password alone.",
                hint="Leave KITH_REQUIRE_MFA unset (on) outside the demo.",
                id="kith.W002",
            )
        )
    return problems
