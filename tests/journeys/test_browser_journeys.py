"""The high-value flows, in a real browser: Chromium driven by Playwright."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.synthetic.demo import DEMO_PASSWORD, load_demo_authority

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_authority(transactional_db: Any) -> None:
    load_demo_authority()


def sign_in_with_new_authenticator(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    secret = page.locator(".kith-secret").inner_text().strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Security code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Continue").click()


@pytest.mark.requirement("R-006")
@pytest.mark.requirement("R-008")
def test_a_social_worker_signs_in_finds_a_child_and_reads_the_chronology(
    page: Page, live_server: Any, demo_authority: None
) -> None:
    # given a social worker with an authenticator app to set up
    # when she signs in with her password and a security code
    sign_in_with_new_authenticator(page, live_server.url, "social.worker")

    # then her caseload shows the children allocated to her
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Ava Bennett")).to_be_visible()

    # when she searches with a misspelt family name
    page.get_by_role("link", name="Search").first.click()
    page.get_by_label("Name, Kith ID or NHS number").fill("Benet")
    page.get_by_role("button", name="Search").click()

    # then the family is found and she opens Ava's record
    expect(page.get_by_role("heading", name="4 people found")).to_be_visible()
    page.get_by_role("link", name="Ava Bennett").click()
    expect(page.get_by_role("heading", name=re.compile("Case summary"))).to_be_visible()
    expect(page.locator(".kith-banner")).to_contain_text("Priya Shah, Safeguarding Team North")
    expect(page.locator("#management-oversight ~ .kith-decision").first).to_contain_text("Grace Okafor")

    # when she opens the chronology: key events by default, then all
    page.get_by_role("link", name="Chronology").first.click()
    expect(page.locator(".moj-timeline__item")).to_have_count(3)
    page.get_by_label("All events").check()
    page.get_by_role("button", name="Apply filters").click()

    # then every event is there, with who recorded it
    expect(page.locator(".moj-timeline__item")).to_have_count(7)
    expect(page.locator(".moj-timeline")).to_contain_text("Recorded by Sam Carter")
    ava = Person.objects.get(given_name="Ava", family_name="Bennett")
    assert list(
        AccessLogEntry.objects.filter(person=ava, user__username="social.worker")
        .values_list("what", "page")
        .order_by("at")
    ) == [
        ("view", f"/people/{ava.pk}/"),
        ("view", f"/people/{ava.pk}/chronology/"),
        ("view", f"/people/{ava.pk}/chronology/"),
    ]


def test_a_child_in_another_team_answers_not_found(page: Page, live_server: Any, demo_authority: None) -> None:
    # given a social worker in Safeguarding Team North, and a child held by Team South
    jayden = Person.objects.get(given_name="Jayden", family_name="Hall")
    sign_in_with_new_authenticator(page, live_server.url, "social.worker")

    # when she types the address of his record
    response = page.goto(f"{live_server.url}/people/{jayden.pk}/")

    # then Kith answers "not found", exactly as for a record that does not exist, and logs the refusal
    assert response is not None
    assert response.status == 404
    missing = page.goto(f"{live_server.url}/people/999999/")
    assert missing is not None
    assert missing.status == 404
    assert list(
        AccessLogEntry.objects.filter(user__username="social.worker", what="refused").values_list(
            "person_id", "requested_id"
        )
    ) == [(jayden.pk, str(jayden.pk)), (None, "999999")]
