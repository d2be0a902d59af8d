"""The deployment checks warn about a generated secret key and password-only sign-in."""

from __future__ import annotations

from typing import Any

from kith.platform.access.checks import check_secrets_and_second_factor


def test_a_generated_key_and_no_second_factor_are_both_flagged(settings: Any) -> None:
    # given the local defaults of the demo
    settings.SECRET_KEY_FROM_ENVIRONMENT = False
    settings.KITH_REQUIRE_MFA = False
    # when
    found = check_secrets_and_second_factor()
    # then
    assert [message.id for message in found] == ["kith.W001", "kith.W002"]


def test_production_settings_pass(settings: Any) -> None:
    # given a key from the environment and two-factor sign-in
    settings.SECRET_KEY_FROM_ENVIRONMENT = True
    settings.KITH_REQUIRE_MFA = True
    # when / then
    assert check_secrets_and_second_factor() == []
