"""In a real browser: one child from the front door to a child protection plan, its end and the case closing.

Five members of staff each sign in (with their second factor) in their own browser and do
their part on the real pages, on the days it happens: the clock is set to each day with
time-machine, which the live server shares because it runs in the test's process.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_otp.oath import totp
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from kith.platform.access.roles import Role
from kith.platform.timescales.models import OPEN, Deadline
from kith.workforce.models import StaffMember, TeamKind
from tests.factories import TEST_PASSWORD, given_allocated_child, given_staff, given_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONDON = ZoneInfo("Europe/London")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']"

SignIn = Callable[[StaffMember], Page]


def moment(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def sign_in(browser: Browser, live_server: Any, settings: Any) -> Iterator[SignIn]:
    """Sign a member of staff in, setting up their authenticator app, in a browser of their own.

    The story runs over four months of frozen time, so sessions are allowed to last that long.
    Each browser lets axe in (bypassing the pages' own content security policy) for the checks.
    """
    settings.KITH_SESSION_IDLE = timedelta(days=365)
    settings.KITH_SESSION_ABSOLUTE = timedelta(days=365)
    settings.SESSION_COOKIE_AGE = int(timedelta(days=365).total_seconds())
    contexts: list[BrowserContext] = []

    def signed_in(staff: StaffMember) -> Page:
        context = browser.new_context(bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/")
        page.get_by_label("Username").fill(staff.user.username)
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
        secret = page.locator(".kith-secret").inner_text().strip()
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        page.get_by_label("Security code").fill(f"{totp(key):06d}")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
        return page

    yield signed_in
    for context in contexts:
        context.close()


def fill_date(scope: Page | Locator, legend: str, day: date) -> None:
    group = scope.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def row(page: Page, legend: str) -> Locator:
    """One of a form's repeating rows (a person, an objective), by its legend."""
    return page.get_by_role("group", name=legend, exact=True)


def success(page: Page) -> Locator:
    return page.locator(".govuk-notification-banner--success")


def open_case_work(page: Page, record: str) -> None:
    """The child's record, then its Case work tab: the referral, assessments, plans and what is due."""
    page.goto(record)
    page.get_by_role("navigation", name="Record").get_by_role("link", name="Case work", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("^Case work"))).to_be_visible()


def banner(page: Page) -> Locator:
    return page.locator(".kith-banner")


def assert_accessible(page: Page) -> None:
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        f"async () => (await axe.run(document, {{runOnly: {AXE_RULES}}}))"
        ".violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
    )
    assert violations == [], page.url


@pytest.mark.requirement("R-060")
@pytest.mark.requirement("R-065")
def test_a_child_goes_from_a_contact_to_a_child_protection_plan_and_the_case_closes(
    sign_in: SignIn, live_server: Any, time_machine: time_machine.TimeMachineFixture
) -> None:
    # given a front door (a screener and a manager), Safeguarding North (a social worker and her
    # manager), a conference chair, and Noah, held by North, on Monday 1 March 2027
    time_machine.move_to(moment(date(2027, 3, 1), 8, 50), tick=False)
    front_door = given_team("Front Door", kind=TeamKind.FRONT_DOOR)
    north = given_team("Safeguarding North")
    sam = given_staff(Role.FRONT_DOOR_SCREENER, front_door, full_name="Sam Carter", username="sam.carter")
    rachel = given_staff(Role.TEAM_MANAGER, front_door, full_name="Rachel Dunn", username="rachel.dunn")
    priya = given_staff(Role.SOCIAL_WORKER, north, full_name="Priya Shah", username="priya.shah")
    grace = given_staff(Role.TEAM_MANAGER, north, full_name="Grace Okafor", username="grace.okafor")
    iris = given_staff(Role.IRO, given_team("Safeguarding Unit"), full_name="Iris Mensah", username="iris.mensah")
    noah = given_allocated_child(
        worker=priya, manager=grace, given_name="Noah", family_name="Lawson", date_of_birth=date(2020, 5, 14)
    )
    record = f"{live_server.url}/people/{noah.pk}/"

    # when the screener records the GP's call from Noah's record at 9:15
    time_machine.move_to(moment(date(2027, 3, 1), 9, 15), tick=False)
    screener = sign_in(sam)
    open_case_work(screener, record)
    screener.get_by_role("link", name="Record a contact").click()
    expect(screener.get_by_role("heading", name="Record a new contact")).to_be_visible()
    screener.get_by_label("Time received").fill("08:40")
    screener.get_by_label("Who made the contact").select_option(label="GP")
    screener.get_by_label("Name of the person who made contact").fill("Dr Anna Lowe")
    screener.get_by_label("Their organisation").fill("Seaton Lane Surgery")
    screener.get_by_label("Reason for the contact").fill(
        "Finger-tip bruising on both of Noah's upper arms; no explanation"
    )
    screener.get_by_label("Given", exact=True).check()
    screener.get_by_label("History checks made").fill("Kith, police and nursery records")
    screener.get_by_label("What the history checks found").fill("Two police call-outs to the home in 2026")
    screener.get_by_role("button", name="Record contact").click()

    # then the contact is recorded with its decision due the next working day
    expect(success(screener)).to_contain_text("Contact recorded. Decision due 2 March 2027")
    expect(screener.get_by_role("heading", name=re.compile("Noah Lawson"))).to_be_visible()

    # when she screens it; only a manager can decide
    screener.get_by_label("Screening analysis").fill("Unexplained injuries to a young child; history of violence")
    screener.get_by_label("Red: immediate risk of significant harm").check()
    screener.get_by_role("button", name="Record screening").click()
    expect(success(screener)).to_contain_text("Screening recorded")
    expect(screener.get_by_text("Waiting for a manager's decision.")).to_be_visible()
    assert_accessible(screener)

    # when the front door manager finds it on the front door's list and decides it at 10:30:
    # a referral straight to a strategy discussion
    time_machine.move_to(moment(date(2027, 3, 1), 10, 30), tick=False)
    manager = sign_in(rachel)
    manager.goto(f"{live_server.url}/front-door/")
    awaiting = manager.locator("#awaiting")
    expect(awaiting).to_contain_text("Noah Lawson")
    expect(awaiting).to_contain_text("2 March 2027")
    awaiting.get_by_role("link").first.click()
    manager.get_by_label("Referral straight to a strategy discussion").check()
    manager.get_by_label("Reasons for the decision").fill("Possible non-accidental injury: police and health must meet")
    manager.get_by_label("Threshold level").select_option(label="Level 4: statutory or specialist (child protection)")
    manager.get_by_label("Primary need").select_option(label="Abuse, neglect or exploitation")
    manager.get_by_role("button", name="Record decision").click()

    # then the referral is made, and the strategy discussion is due the next working day
    expect(success(manager)).to_contain_text("Decision recorded: referral made for Noah Lawson")
    manager.get_by_role("link", name="Noah Lawson: referral on 1 March 2027").click()
    expect(manager.get_by_role("heading", name=re.compile("Referral on 1 March 2027"))).to_be_visible()
    deadlines = manager.locator("#deadlines")
    expect(deadlines).to_contain_text("Strategy discussion")
    expect(deadlines.get_by_role("row", name=re.compile("Strategy discussion"))).to_contain_text("2 March 2027")
    expect(deadlines.get_by_role("row", name=re.compile("Child and family assessment"))).to_contain_text("6 May 2027")
    assert_accessible(manager)

    # when the social worker records the strategy meeting held at 10:00 the next day, with
    # police, health and the nursery, deciding a joint section 47 enquiry
    time_machine.move_to(moment(date(2027, 3, 2), 11, 30), tick=False)
    worker = sign_in(priya)
    open_case_work(worker, record)
    worker.get_by_role("link", name="All assessments, strategy discussions and enquiries").click()
    worker.get_by_role("link", name="Record a strategy discussion").click()
    expect(worker.get_by_role("heading", name=re.compile("Record a strategy discussion"))).to_be_visible()
    worker.get_by_label("Time it started").fill("10:00")
    worker.get_by_label("Meeting", exact=True).check()
    for number, (name, agency, role) in enumerate(
        [
            ("Priya Shah", "Children's social care", "Social worker"),
            ("DS Kim Hart", "Police", "Child abuse investigation"),
            ("Dr Anna Lowe", "Health", "GP"),
            ("Ms Ali", "Education", "Nursery manager"),
        ],
        start=1,
    ):
        person = row(worker, f"Person {number}")
        person.get_by_label("Name").fill(name)
        person.get_by_label("Agency").select_option(label=agency)
        person.get_by_label("Role").fill(role)
    worker.get_by_label("Information shared").fill("Bruising on both arms; two police call-outs for domestic abuse")
    worker.get_by_label("Analysis of risk").fill("Possible non-accidental injury to a child of six")
    worker.get_by_label("Joint section 47 enquiry with the police").check()
    worker.get_by_label("Reasons for the decision").fill("Reasonable cause to suspect significant harm")
    assert_accessible(worker)
    worker.get_by_role("button", name="Record the strategy discussion").click()

    # then the discussion shows who took part from which agency
    expect(success(worker)).to_contain_text("Strategy discussion recorded")
    expect(worker.get_by_role("heading", name=re.compile("Strategy meeting"))).to_be_visible()
    participants = worker.locator("#participants")
    for agency in ("Children's social care", "Police", "Health", "Education"):
        expect(participants).to_contain_text(agency)
    expect(worker.locator("#discussion")).to_contain_text("Joint section 47 enquiry with the police")

    # when she starts the section 47 enquiry the same day
    worker.get_by_role("link", name="Start the section 47 enquiry").click()
    worker.get_by_role("button", name="Start the enquiry").click()

    # then the enquiry is under way and the initial conference is due within 15 working days
    expect(success(worker)).to_contain_text("Section 47 enquiry started")
    expect(worker.get_by_role("heading", name=re.compile("Section 47 enquiry"))).to_be_visible()
    open_case_work(worker, record)
    expect(worker.locator("#child-protection")).to_contain_text(
        "Section 47 enquiries under way. Initial child protection conference due 23 March 2027."
    )
    expect(banner(worker)).to_contain_text("Next: Initial child protection conference due 23 March 2027")
    assert_accessible(worker)

    # when the chair records the initial conference of Tuesday 16 March: a plan, category neglect
    time_machine.move_to(moment(date(2027, 3, 16), 14, 0), tick=False)
    chair = sign_in(iris)
    open_case_work(chair, record)
    chair.get_by_role("link", name="Record the initial conference").click()
    expect(chair.get_by_role("heading", name=re.compile("Initial child protection conference"))).to_be_visible()
    invited = date(2027, 3, 3)
    for number, (name, agency, role, came) in enumerate(
        [
            ("Priya Shah", "Children's social care", "Social worker", "Attended"),
            ("Lucy Lawson", "Family", "Mother", "Attended"),
            ("Dr Anna Lowe", "Health", "GP", "Sent apologies"),
            ("DS Kim Hart", "Police", "Child abuse investigation", "Attended"),
        ],
        start=1,
    ):
        person = row(chair, f"Person {number}")
        person.get_by_label("Name").fill(name)
        person.get_by_label("Agency").select_option(label=agency)
        person.get_by_label("Role").fill(role)
        fill_date(person, "Date the invitation was sent", invited)
        person.get_by_label(came, exact=True).check()
    row(chair, "Person 3").get_by_label("Sent a written report").check()
    fill_date(chair, "Date the social worker's report was shared with the parents", date(2027, 3, 11))
    chair.get_by_label("Views shared by the social worker").check()
    chair.get_by_label("The child's views and wishes").fill("Noah says Daddy shouts and he hides under his bed")
    chair.get_by_label("A child protection plan").check()
    chair.get_by_label("Neglect", exact=True).check()
    chair.get_by_label("Reasons for the decision").fill("Noah is not kept safe or cared for at home")
    chair.get_by_label("How the risks will be reduced").fill("Nursery every weekday; parenting support twice a week")
    chair.get_by_label("Contingency plan").fill("If Noah is hurt again, a legal planning meeting is held")
    chair.get_by_label("What we are worried about").fill("We are worried Noah is not always safe or looked after")
    for number, (outcome, action, owner, agency, by) in enumerate(
        [
            (
                "Noah goes to nursery every day",
                "Lucy takes Noah to nursery",
                "Lucy Lawson",
                "Mother",
                date(2027, 5, 28),
            ),
            (
                "Noah is safe at home",
                "Parenting course with the family centre",
                "Jo Reid",
                "Family centre",
                date(2027, 6, 30),
            ),
        ],
        start=1,
    ):
        objective = row(chair, f"Objective {number}")
        objective.get_by_label("What needs to change").fill(outcome)
        objective.get_by_label("What will be done").fill(action)
        objective.get_by_label("Who will do it").fill(owner)
        objective.get_by_label("Their agency or relationship").fill(agency)
        fill_date(objective, "By when", by)
    chair.get_by_role("button", name="Continue").click()

    # then she checks her answers before recording the conference
    expect(chair.get_by_role("heading", name="Check your answers before recording the conference")).to_be_visible()
    expect(chair.locator("#check-members")).to_contain_text("3 March 2027")
    expect(chair.locator("#check-objectives")).to_contain_text("Parenting course with the family centre")
    assert_accessible(chair)
    chair.get_by_role("button", name="Record the conference").click()

    # then the conference is recorded, and every page of Noah's record shows the plan and what is next
    expect(success(chair)).to_contain_text("Initial child protection conference recorded")
    expect(banner(chair)).to_contain_text("Child protection plan since 16 March 2027 (Neglect)")
    expect(banner(chair)).to_contain_text("Next: First core group meeting due 1 April 2027")
    assert_accessible(chair)

    # when the social worker records the first core group on Thursday 25 March, with progress on each objective
    time_machine.move_to(moment(date(2027, 3, 25), 15, 0), tick=False)
    open_case_work(worker, record)
    expect(banner(worker)).to_contain_text("Child protection plan since 16 March 2027 (Neglect)")
    worker.locator("#child-protection").get_by_role("link", name="Open the plan").click()
    expect(worker.locator("#due")).to_contain_text("First core group due 1 April 2027")
    worker.get_by_role("link", name="Record a core group").click()
    for number, (name, agency) in enumerate(
        [("Priya Shah", "Children's social care"), ("Lucy Lawson", "Family"), ("Ms Ali", "Education")], start=1
    ):
        person = row(worker, f"Person {number}")
        person.get_by_label("Name").fill(name)
        person.get_by_label("Agency").select_option(label=agency)
        person.get_by_label("Attended").check()
    nursery = worker.get_by_role("group", name=re.compile("^Lucy takes Noah to nursery"))
    nursery.get_by_label("On track").check()
    nursery.get_by_label("What has happened").fill("Noah has been at nursery every day since the conference")
    course = worker.get_by_role("group", name=re.compile("^Parenting course with the family centre"))
    course.get_by_label("Not started").check()
    course.get_by_label("What has happened").fill("The course starts on 12 April")
    worker.get_by_label("The child's views").fill("Noah showed me his new shoes and said nursery is fun")
    assert_accessible(worker)
    worker.get_by_role("button", name="Record the core group").click()

    # then the plan shows the progress on each objective, and the next visit is what is due first
    expect(success(worker)).to_contain_text("Core group recorded")
    objectives = worker.locator("#objectives")
    expect(objectives.get_by_role("row", name=re.compile("Lucy takes Noah to nursery"))).to_contain_text(
        "On track, 25 March 2027: Noah has been at nursery every day since the conference"
    )
    expect(objectives.get_by_role("row", name=re.compile("Parenting course"))).to_contain_text(
        "Not started, 25 March 2027: The course starts on 12 April"
    )
    expect(worker.locator("#core-groups")).to_contain_text("25 March 2027")
    expect(worker.locator("#due")).to_contain_text("Next core group due 25 April 2027")
    expect(banner(worker)).to_contain_text("Next: Child protection visit due 1 April 2027")

    # when the chair records the first review conference on Tuesday 8 June: the plan continues
    time_machine.move_to(moment(date(2027, 6, 8), 12, 0), tick=False)
    open_case_work(chair, record)
    chair.locator("#child-protection").get_by_role("link", name="Open the plan").click()
    chair.get_by_role("link", name="Record a review conference").click()
    expect(chair.get_by_role("heading", name=re.compile("Review child protection conference"))).to_be_visible()
    for number, (name, agency, came) in enumerate(
        [("Priya Shah", "Children's social care", "Attended"), ("Lucy Lawson", "Family", "Attended")], start=1
    ):
        person = row(chair, f"Person {number}")
        person.get_by_label("Name").fill(name)
        person.get_by_label("Agency").select_option(label=agency)
        fill_date(person, "Date the invitation was sent", date(2027, 5, 20))
        person.get_by_label(came, exact=True).check()
    chair.get_by_label("Views shared by the social worker").check()
    chair.get_by_label("The plan continues").check()
    chair.get_by_label("Reasons for the decision").fill(
        "Nursery attendance is good; the parenting course is not finished"
    )
    chair.get_by_role("button", name="Continue").click()
    expect(chair.get_by_role("heading", name="Check your answers before recording the conference")).to_be_visible()
    chair.get_by_role("button", name="Record the conference").click()

    # then the next review is due in six months
    expect(success(chair)).to_contain_text("Review child protection conference recorded")
    open_case_work(chair, record)
    chair.locator("#child-protection").get_by_role("link", name="Open the plan").click()
    expect(chair.locator("#conferences")).to_contain_text("Review child protection conference")
    expect(chair.locator("#due")).to_contain_text("Review conference due 8 December 2027")

    # when the family move to another council and the chair ends the plan on Monday 21 June
    time_machine.move_to(moment(date(2027, 6, 21), 9, 30), tick=False)
    chair.reload()
    chair.get_by_role("link", name="End the plan outside a conference").click()
    expect(chair.get_by_role("heading", name=re.compile("End the child protection plan"))).to_be_visible()
    chair.get_by_label("Moved to another local authority").check()
    chair.get_by_label("Step-down plan").fill("Stockton's children's services hold a transfer-in conference")
    assert_accessible(chair)
    chair.get_by_role("button", name="End the plan").click()

    # then the plan has ended and nothing more is due on it
    expect(success(chair)).to_contain_text("The child protection plan has ended")
    expect(chair.locator("#plan")).to_contain_text("21 June 2027: Moved to another local authority")
    expect(chair.get_by_text("The plan has ended.")).to_be_visible()
    expect(banner(chair)).not_to_contain_text("Child protection plan since")

    # when North's manager closes the case the next day: transferred to another council (RC5)
    time_machine.move_to(moment(date(2027, 6, 22), 16, 0), tick=False)
    closer = sign_in(grace)
    open_case_work(closer, record)
    closer.locator("#front-door").get_by_role("link", name="1 March 2027").click()
    closer.get_by_label("Transferred to services of another local authority").check()
    closer.get_by_label("Reasons for closing").fill(
        "Noah and his mother live in Stockton, whose children's services accepted the transfer"
    )
    assert_accessible(closer)
    closer.get_by_role("button", name="Close the case").click()

    # then the referral is closed with its census reason
    expect(success(closer)).to_contain_text("Case closed for Noah Lawson")
    episode = closer.locator("#episode")
    expect(episode).to_contain_text("Closed 22 June 2027")
    expect(episode).to_contain_text("RC5: Transferred to services of another local authority")

    # and the chronology lists the journey's events in order, newest first
    closer.get_by_role("navigation", name="Record").get_by_role("link", name="Chronology").click()
    closer.get_by_label("All events").check()
    closer.get_by_role("button", name="Apply filters").click()
    events = [
        (when, what.split(" · ")[0])
        for when, what in zip(
            closer.locator(".moj-timeline__date").all_inner_texts(),
            closer.locator(".moj-timeline__byline").all_inner_texts(),
            strict=True,
        )
    ]
    assert events == [
        ("22 June 2027", "Case closed"),
        ("21 June 2027", "Child protection plan ended"),
        ("8 June 2027", "Review child protection conference"),
        ("25 March 2027", "Core group meeting"),
        ("16 March 2027", "Initial child protection conference"),
        ("2 March 2027", "Section 47 enquiry started"),
        ("2 March 2027", "Strategy discussion"),
        ("1 March 2027", "Contact decided"),
        ("1 March 2027", "Contact screened"),
        ("1 March 2027", "Contact received"),
        ("1 March 2027", "Case allocated"),
        ("1 March 2027", "Added to Kith"),
    ]
    expect(closer.locator(".moj-timeline")).to_contain_text(
        "Strategy meeting chaired by Priya Shah: joint section 47 enquiry with the police. "
        "Agencies: Children's social care, Education, Health, Police"
    )
    assert_accessible(closer)

    # and no deadline is left open for Noah
    assert list(Deadline.objects.filter(OPEN, child=noah).values_list("timescale_code", flat=True)) == []
