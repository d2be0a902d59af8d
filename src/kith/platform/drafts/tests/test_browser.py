"""In a real browser: what a manager types is saved as a draft and is there again after a reload."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kith.platform.drafts.store import draft_for
from kith.workforce.tests.fixtures import PASSWORD, Authority, build_authority

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def authority_without_second_factor(transactional_db: Any, settings: Any) -> Authority:
    settings.KITH_REQUIRE_MFA = False
    return build_authority()


def test_a_half_written_decision_survives_a_reload(
    page: Page, live_server: Any, authority_without_second_factor: Authority
) -> None:
    # given a team manager on the management decision form for Ava
    authority = authority_without_second_factor
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(authority.team_manager.user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/quality/children/{authority.own_child.pk}/management-decisions/new/")
    expect(page.get_by_text("Your draft is saved as you type.")).to_be_visible()

    # when she types her decision and reasons, and pauses
    page.get_by_label("Case direction").check()
    page.get_by_label("Decision", exact=True).fill("Proceed to a child and family assessment")
    page.get_by_label("Reasons for the decision").fill("School reports three unexplained absences")

    # then the page says the draft is saved
    expect(page.get_by_role("status")).to_have_text(
        re.compile(r"^Draft saved at \d{1,2}(:\d\d)?(am|pm)$|^Draft saved at (midday|midnight)$")
    )

    # when the page is reloaded
    page.reload()

    # then what she typed is back, and she is told why
    expect(
        page.get_by_text(re.compile(r"You have an unsaved draft from .+ today\. It has been restored\."))
    ).to_be_visible()
    expect(page.get_by_label("Decision", exact=True)).to_have_value("Proceed to a child and family assessment")
    expect(page.get_by_label("Reasons for the decision")).to_have_value("School reports three unexplained absences")
    expect(page.get_by_label("Case direction")).to_be_checked()
    expect(page.get_by_text("There is a problem")).to_have_count(0)

    # when she records the decision
    page.get_by_role("button", name="Record decision").click()

    # then the decision is recorded and the draft is gone
    expect(page.get_by_text("Case direction recorded on Ava Thompson's record")).to_be_visible()
    assert draft_for(authority.team_manager.user, f"quality.management_decision:{authority.own_child.pk}") is None
