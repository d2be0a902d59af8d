"""In a real browser: the idle warning before sign-out, and the pages checked with axe for WCAG problems."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from kith.people.models import Person
from kith.synthetic.demo import DEMO_PASSWORD, load_demo_authority

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def demo_without_second_factor(transactional_db: Any, settings: Any) -> None:
    settings.KITH_REQUIRE_MFA = False
    load_demo_authority()


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_idle_warning_comes_before_sign_out_and_staying_keeps_the_session(
    page: Page, live_server: Any, demo_without_second_factor: None, settings: Any
) -> None:
    # given sessions that end after 8 seconds idle, with a warning 5 seconds before
    settings.KITH_SESSION_IDLE = timedelta(seconds=8)
    settings.KITH_SESSION_WARNING = timedelta(seconds=5)
    sign_in(page, live_server.url, "social.worker")
    dialog = page.get_by_role("dialog", name="You will be signed out soon to protect children's records")

    # when the worker does nothing for a few seconds
    expect(dialog).to_be_visible(timeout=8_000)

    # then choosing to stay closes the warning and keeps them signed in
    page.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()
    page.reload()
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()


def test_doing_nothing_after_the_warning_signs_the_user_out(
    page: Page, live_server: Any, demo_without_second_factor: None, settings: Any
) -> None:
    # given sessions that end after 6 seconds idle, with a warning 3 seconds before
    settings.KITH_SESSION_IDLE = timedelta(seconds=6)
    settings.KITH_SESSION_WARNING = timedelta(seconds=3)
    sign_in(page, live_server.url, "social.worker")

    # when the worker ignores the warning
    # then they land on the sign-in page, told why
    expect(page.get_by_role("heading", name="Sign in to Kith")).to_be_visible(timeout=12_000)
    expect(page.get_by_text("You were signed out to protect children's records")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/people/search/?q=Bennett",
        "/people/{ava}/",
        "/people/{ava}/chronology/?show=all",
        "/people/new/",
        "/workforce/team-caseload/",
    ],
)
def test_pages_have_no_accessibility_violations_axe_can_find(
    browser: Browser, live_server: Any, demo_without_second_factor: None, path: str
) -> None:
    # given a team manager signed in (axe is injected, so the page's own CSP is set aside for the check)
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, live_server.url, "team.manager")
    ava = Person.objects.get(given_name="Ava", family_name="Bennett")

    # when a page is checked against WCAG 2.2 A and AA
    page.goto(live_server.url + path.format(ava=ava.pk))
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}))"
        ".violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
    )
    context.close()

    # then axe finds nothing
    assert violations == []
