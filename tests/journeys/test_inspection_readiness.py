"""In a real browser: a leader uploads the council's inspection report, sees the plan, and updates an item.

The report is Hartlepool's real 2010 safeguarding and looked after children inspection
(shared/reports, beside the repository); Kith serves Hartlepool in this test.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_otp.oath import totp
from playwright.sync_api import Browser, Page, expect

from kith.inspection.models import PlanItem, ProgressUpdate
from kith.platform.access.roles import Role
from kith.workforce.models import StaffMember, TeamKind
from tests.factories import TEST_PASSWORD, given_staff, given_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT.parent / "shared" / "reports" / "hartlepool-2010-safeguarding-and-looked-after.txt"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def page_of(browser: Browser, live_server: Any, settings: Any) -> Iterator[Any]:
    """Sign a member of staff in (setting up their authenticator app) in a browser of their own."""
    settings.KITH_AUTHORITY_NAME = "Hartlepool"
    contexts = []

    def signed_in(staff: StaffMember) -> Page:
        context = browser.new_context(bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/")
        page.get_by_label("Username").fill(staff.user.username)
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        secret = page.locator(".kith-secret").inner_text().strip()
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        page.get_by_label("Security code").fill(f"{totp(key):06d}")
        page.get_by_role("button", name="Continue").click()
        return page

    yield signed_in
    for context in contexts:
        context.close()


def assert_accessible(page: Page) -> None:
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        f"async () => (await axe.run(document, {{runOnly: {AXE_RULES}}}))"
        ".violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
    )
    assert violations == [], page.url


@pytest.mark.requirement("R-149")
def test_a_leader_uploads_the_report_sees_the_plan_and_updates_an_item(
    page_of: Any, time_machine: time_machine.TimeMachineFixture
) -> None:
    # given a head of service and a team manager of Hartlepool, on Monday 4 October 2010
    time_machine.move_to(datetime(2010, 10, 4, 9, 0, tzinfo=LONDON), tick=False)
    service = given_team("Children's Services", kind=TeamKind.SERVICE)
    head = given_staff(Role.HEAD_OF_SERVICE, service, full_name="Ruth Alder", username="ruth.alder")
    given_staff(Role.TEAM_MANAGER, given_team("Safeguarding North", parent=service), full_name="Tom Hughes")
    if not REPORT.parent.exists():
        pytest.skip(f"The real Ofsted reports are read from {REPORT.parent}, which is not present beside this checkout")
    assert REPORT.exists(), f"The real report is expected at {REPORT}"
    page = page_of(head)

    # when she opens Inspection from the navigation and uploads the report
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Inspection").click()
    expect(page.get_by_role("heading", name=re.compile("Inspection readiness"))).to_be_visible()
    page.get_by_role("link", name="Import a report").first.click()
    page.get_by_label("Inspection report").set_input_files(str(REPORT))
    page.get_by_role("button", name="Import report").click()

    # then the inspection is shown with its judgements, and the plan has been started
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Hartlepool's Safeguarding and looked after children (2010) report imported and its improvement plan started"
    )
    expect(page.locator("#judgements-1 tbody tr")).to_have_count(15)
    expect(page.locator("#judgements-2 tbody tr")).to_have_count(18)
    assert_accessible(page)
    page.get_by_role("link", name="The improvement plan").click()
    expect(page.get_by_role("heading", name=re.compile("Improvement plan"))).to_be_visible()
    expect(page.locator("#items tbody tr")).to_have_count(10)
    # on 4 October 2010 the two "immediately" items (due 16 July) are overdue
    expect(page.locator("#summary")).to_contain_text("2 overdue")
    assert_accessible(page)

    # when she gives item 3 (A&E staff's safeguarding advice, within three months) to Tom Hughes
    page.get_by_role("link", name=re.compile("^NHS Hartlepool in conjunction with the HSCB should ensure")).click()
    expect(page.locator("#item")).to_contain_text("16 October 2010")
    page.get_by_role("link", name="Change the owner and due date").click()
    page.get_by_label("Owner").select_option(label="Tom Hughes, Safeguarding North")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Item 3 given to Tom Hughes")

    # and records progress on it, amber, with a note
    page.get_by_role("link", name="Record progress").click()
    page.get_by_label("Amber: at risk").check()
    page.get_by_label("Progress since the last update").fill(
        "Designated nurse meets the A&E team monthly from November."
    )
    page.get_by_role("button", name="Record progress").click()

    # then the item shows its owner, its status and the update
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Progress recorded")
    expect(page.locator("#item")).to_contain_text("Tom Hughes")
    expect(page.locator("#item")).to_contain_text("Amber")
    expect(page.get_by_text("Designated nurse meets the A&E team monthly from November.")).to_be_visible()
    assert_accessible(page)

    # and the plan shows it among the items and in progress over time
    page.get_by_role("link", name="The whole plan").click()
    expect(page.locator("#items tbody tr").nth(2)).to_contain_text("Tom Hughes")
    expect(page.locator("#items tbody tr").nth(2)).to_contain_text("Amber")
    expect(page.locator("#progress tbody tr").last).to_contain_text("Today")
    item = PlanItem.objects.get(position=3)
    assert (item.owner.full_name if item.owner else None, item.status) == ("Tom Hughes", "amber")
    assert list(ProgressUpdate.objects.values_list("written_on", "status")) == [(date(2010, 10, 4), "amber")]
