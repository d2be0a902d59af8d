"""Signing in: password, second factor, brute-force cool-off, session lifetimes, headers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.settings import base as base_settings
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember
from tests.factories import TEST_PASSWORD, given_staff, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker() -> StaffMember:
    return given_staff(Role.SOCIAL_WORKER, username="sign.in.worker")


def _sign_in(client: Client, username: str, password: str) -> Any:
    return client.post("/sign-in/", {"username": username, "password": password, "next": "/"})


def test_passwords_are_hashed_with_argon2() -> None:
    # given / when / then: the production settings hash with argon2id first
    assert base_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_a_correct_password_leads_to_the_second_factor_before_any_record(client: Client, worker: StaffMember) -> None:
    # given a worker with MFA required and no authenticator yet
    # when they sign in with the right password
    response = _sign_in(client, "sign.in.worker", TEST_PASSWORD)
    home = client.get("/")

    # then they are sent to set up the second factor, and the home page sends them there too
    assert response.status_code == 302
    assert home.status_code == 302
    assert home["Location"] == "/two-factor/?next=/"
    set_up = client.get("/two-factor/?next=/")
    assert "Set up your authenticator app" in set_up.content.decode()


def test_the_right_security_code_completes_sign_in(client: Client, worker: StaffMember) -> None:
    # given a worker who has signed in with a password and opened the set-up page
    _sign_in(client, "sign.in.worker", TEST_PASSWORD)
    client.get("/two-factor/")
    device = TOTPDevice.objects.get(user=worker.user)

    # when they enter the current code from their app
    response = client.post("/two-factor/", {"token": f"{totp(device.bin_key):06d}", "next": "/"})

    # then the device is confirmed and the caseload opens
    device.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert device.confirmed is True
    assert client.get("/").status_code == 200


def test_a_wrong_security_code_is_refused_with_a_message(client: Client, worker: StaffMember) -> None:
    # given a worker at the second-factor page
    _sign_in(client, "sign.in.worker", TEST_PASSWORD)
    client.get("/two-factor/")

    # when they enter a wrong code
    response = client.post("/two-factor/", {"token": "000000", "next": "/"})

    # then they stay on the page with the reason, and are not signed in to records
    assert response.status_code == 200
    assert "The security code is not right or has expired" in response.content.decode()
    assert client.get("/").status_code == 302


def test_a_wrong_password_gives_a_clear_message(client: Client, worker: StaffMember) -> None:
    # when a worker mistypes the password
    response = _sign_in(client, "sign.in.worker", "not-the-password")

    # then the page says so, keeps the username, and does not sign them in
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a correct username and password" in page
    assert 'value="sign.in.worker"' in page


def test_five_failed_attempts_start_a_cool_off_not_a_permanent_lock(client: Client, worker: StaffMember) -> None:
    # given five failed attempts
    with time_machine.travel("2026-11-20 09:00 +00:00", tick=False):
        for _attempt in range(5):
            _sign_in(client, "sign.in.worker", "wrong-password")

        # when the right password is tried straight away
        locked = _sign_in(client, "sign.in.worker", TEST_PASSWORD)

    # then it is refused for now
    assert locked.status_code == 429
    assert "paused for 15 minutes" in locked.content.decode()

    # when it is tried after the cool-off
    with time_machine.travel("2026-11-20 09:16 +00:00", tick=False):
        later = _sign_in(client, "sign.in.worker", TEST_PASSWORD)

    # then it works
    assert later.status_code == 302


def test_an_idle_session_is_signed_out(client: Client, worker: StaffMember) -> None:
    # given a signed-in worker
    with time_machine.travel("2026-11-20 09:00 +00:00", tick=False):
        browser = signed_in_client(client, worker)
        assert browser.get("/").status_code == 200

    # when they come back after more than the idle limit
    idle = settings.KITH_SESSION_IDLE + timedelta(minutes=1)
    with time_machine.travel(f"2026-11-20 09:{idle.seconds // 60:02d} +00:00", tick=False):
        response = browser.get("/")

    # then they must sign in again
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/"


def test_a_busy_session_still_ends_at_its_absolute_lifetime(client: Client, worker: StaffMember, settings: Any) -> None:
    # given a ten-hour session limit, and a worker who signed in at 08:00 and is never idle for long
    settings.KITH_SESSION_ABSOLUTE = timedelta(hours=10)
    settings.KITH_SESSION_IDLE = timedelta(hours=11)
    with time_machine.travel("2026-11-20 08:00 +00:00", tick=False) as clock_hand:
        browser = signed_in_client(client, worker)
        first = browser.get("/")
        clock_hand.move_to("2026-11-20 17:59 +00:00")
        last_within = browser.get("/")

        # when they make a request after ten hours
        clock_hand.move_to("2026-11-20 18:01 +00:00")
        response = browser.get("/")

    # then they must sign in again
    assert (first.status_code, last_within.status_code) == (200, 200)
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/"


def test_pages_carry_a_strict_content_security_policy_and_no_store(client: Client, worker: StaffMember) -> None:
    # given a signed-in worker
    browser = signed_in_client(client, worker)

    # when any page is served
    response = browser.get("/")

    # then scripts and styles come only from Kith itself, and nothing is cached
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["Cache-Control"] == "no-store"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_signing_out_needs_a_post(client: Client, worker: StaffMember) -> None:
    # given a signed-in worker
    browser = signed_in_client(client, worker)

    # when sign-out is asked for with a GET (a link someone was sent), then with the form's POST
    by_link = browser.get("/sign-out/")
    by_form = browser.post("/sign-out/")

    # then only the POST signs them out
    assert by_link.status_code == 405
    assert by_form.status_code == 302
    assert browser.get("/").status_code == 302
