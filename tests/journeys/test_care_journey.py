"""In a real browser: a child comes into care, is placed, reviewed and moved, leaves care at 18, and
his personal adviser sees him at 19.

Each member of staff signs in (with their second factor) in their own browser and does their part
on the real pages, on the days it happens: the clock is set to each day with time-machine, which
the live server shares because it runs in the test's process.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Page, expect

from kith.children_in_care.models import Episode
from kith.platform.access.roles import Role
from kith.platform.timescales.models import Deadline
from kith.workforce.actions import allocate_case
from kith.workforce.models import TeamKind
from tests.factories import given_allocated_child, given_staff, given_team
from tests.journeys.test_front_door_to_child_protection import (  # noqa: F401 - the sign_in fixture, by name
    SignIn,
    assert_accessible,
    fill_date,
    moment,
    open_case_work,
    sign_in,
    success,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page: Page, question: str, answer: str) -> None:
    """Tick one answer of a question asked with radios, by the question's legend."""
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def fill_placement(page: Page, *, kind: str, carer: str, postcode: str) -> None:
    page.get_by_label("Type of placement").select_option(kind)
    page.get_by_label("Who provides it").select_option("PR1")
    page.get_by_label("Carer, home or provider").fill(carer)
    page.get_by_label("Postcode of the placement").fill(postcode)
    page.get_by_label("Postcode the child came from").fill("TS24 8AS")
    choose(page, "Is the placement in the council's area?", "Yes")
    choose(page, "Was the placement planned?", "Yes")


def test_a_child_comes_into_care_moves_leaves_at_18_and_his_adviser_sees_him_at_19(
    sign_in: SignIn,  # noqa: F811 - the fixture, by name
    live_server: Any,
    settings: Any,
    time_machine: time_machine.TimeMachineFixture,
) -> None:
    # The story runs over three years of frozen time: sessions may last that long.
    settings.KITH_SESSION_IDLE = settings.KITH_SESSION_ABSOLUTE = timedelta(days=3 * 366)
    settings.SESSION_COOKIE_AGE = int(timedelta(days=3 * 366).total_seconds())
    # given the children in care team (Lena and her manager Mo), an IRO, the leaving care team
    # (Pat, a personal adviser, and his manager Tom), and Jay (15), held by Lena
    time_machine.move_to(moment(date(2025, 2, 3), 8, 50), tick=False)
    service = given_team("Children's Services", kind=TeamKind.SERVICE)
    cic = given_team("Children in Care", kind=TeamKind.CHILDREN_IN_CARE, parent=service)
    leaving = given_team("Leaving Care", kind=TeamKind.CARE_LEAVERS, parent=service)
    helen = given_staff(Role.SERVICE_MANAGER, service, full_name="Helen Marsh", username="helen.marsh")
    lena = given_staff(Role.SOCIAL_WORKER, cic, full_name="Lena Fischer", username="lena.fischer")
    mo = given_staff(Role.TEAM_MANAGER, cic, full_name="Mo Rahman", username="mo.rahman")
    iris = given_staff(
        Role.IRO, given_team("Reviewing Unit", kind=TeamKind.IRO), full_name="Iris Novak", username="iris.novak"
    )
    pat = given_staff(Role.PERSONAL_ADVISER, leaving, full_name="Pat Quinn", username="pat.quinn")
    tom = given_staff(Role.TEAM_MANAGER, leaving, full_name="Tom Ellis", username="tom.ellis")
    jay = given_allocated_child(
        worker=lena, manager=mo, given_name="Jay", family_name="Okoro", date_of_birth=date(2009, 3, 2)
    )
    record = f"{live_server.url}/people/{jay.pk}/"

    # when his manager decides that Jay should be looked after
    time_machine.move_to(moment(date(2025, 2, 3), 9, 30), tick=False)
    manager = sign_in(mo)
    manager.goto(record)
    manager.get_by_role("link", name="Record a management decision").click()
    choose(manager, "What kind of decision is this?", "Decision that the child should be looked after")
    manager.get_by_label("Decision", exact=True).fill("Jay should be accommodated under section 20")
    manager.get_by_label("Reasons for the decision").fill("His father asked him to leave; mediation failed twice")
    fill_date(manager, "Date of the decision", date(2025, 2, 3))
    manager.get_by_role("button", name="Record decision").click()

    # and his social worker records him becoming looked after, first leaving out what was tried
    time_machine.move_to(moment(date(2025, 2, 3), 16, 0), tick=False)
    worker = sign_in(lena)
    open_case_work(worker, record)
    worker.get_by_role("link", name="Record becoming looked after").click()
    worker.get_by_label("The manager's decision").select_option(index=1)
    fill_date(worker, "Date the child became looked after", date(2025, 2, 3))
    choose(
        worker,
        "How the child came into care",
        "Accommodated with the agreement of those with parental responsibility",
    )
    worker.get_by_label("Legal status").select_option("V2")
    worker.get_by_label("Category of need").select_option("N5")
    worker.get_by_label("Why the child needs to be looked after").fill("His father asked him to leave")
    choose(worker, "Did the child have a permanence order before coming into care?", "No previous permanence order")
    fill_placement(worker, kind="U4", carer="Jean and Rob Pike", postcode="TS26 0AA")
    worker.get_by_role("button", name="Record").click()

    # then nothing is saved, and what she typed is still there
    expect(worker.locator(".govuk-error-summary")).to_contain_text("Say what was tried or considered before care")
    expect(worker.get_by_label("Carer, home or provider")).to_have_value("Jean and Rob Pike")
    assert_accessible(worker)

    # when she says what was tried, Jay is looked after from today, in the 903 episode S
    worker.get_by_label("What was tried or considered first").fill("Family mediation twice; his grandmother")
    worker.get_by_role("button", name="Record").click()
    expect(success(worker)).to_contain_text("Jay is looked after from 3 February 2025")
    expect(worker.get_by_role("heading", name="Care history")).to_be_visible()
    expect(worker.locator("table[id^=episodes-] tbody tr")).to_have_count(1)
    assert_accessible(worker)

    # and she records the placement plan from the Case work tab
    open_case_work(worker, record)
    worker.get_by_role("link", name="record it").click()
    fill_date(worker, "Date agreed with the carer", date(2025, 2, 3))
    worker.get_by_label("Day-to-day arrangements").fill("The Pikes take Jay to school and to see his grandmother")
    worker.get_by_label("What the carer may decide").fill("Haircuts, school trips, sleepovers")
    worker.get_by_label("The child's views on the placement").fill("Jay likes the Pikes' dog")
    worker.get_by_role("button", name="Record the plan").click()
    expect(success(worker)).to_contain_text("Placement plan agreed on 3 February 2025")

    # when his manager allocates the IRO the next day
    time_machine.move_to(moment(date(2025, 2, 4), 10, 0), tick=False)
    open_case_work(manager, record)
    manager.get_by_role("link", name="allocate an IRO").click()
    manager.get_by_label("Independent reviewing officer").select_option(label="Iris Novak")
    fill_date(manager, "From", date(2025, 2, 4))
    manager.get_by_role("button", name="Allocate").click()
    expect(success(manager)).to_contain_text("Iris Novak is now the IRO")

    # and the IRO chairs his first review on day 19
    time_machine.move_to(moment(date(2025, 2, 28), 14, 0), tick=False)
    reviewer = sign_in(iris)
    open_case_work(reviewer, record)
    reviewer.get_by_role("link", name="Record a review").click()
    fill_date(reviewer, "Date of the review", date(2025, 2, 28))
    choose(reviewer, "How did the child take part?", "Attended and spoke for themselves")
    fill_date(reviewer, "When did you meet the child before the review?", date(2025, 2, 25))
    reviewer.get_by_label("The child's views").fill("Jay wants to stay with the Pikes")
    reviewer.get_by_label("Progress since the last review").fill("Settled; back at school every day")
    choose(reviewer, "Does the care plan meet the child's needs?", "Yes")
    choose(reviewer, "Was the child told how to complain?", "Yes")
    choose(reviewer, "Was the child offered an advocate?", "Yes")
    first_decision = reviewer.locator("#decision-row-1")
    first_decision.get_by_label("Decision 1").fill("Ask his grandmother about Sunday visits")
    first_decision.get_by_label("Who will do it").fill("Lena Fischer")
    fill_date(first_decision, "By when", date(2025, 3, 14))
    reviewer.get_by_role("button", name="Record the review").click()
    expect(success(reviewer)).to_contain_text("Review recorded")
    first_review = Deadline.objects.get(child=jay, timescale_code="children_in_care.first_review")
    assert (first_review.due_on, first_review.met_on) == (date(2025, 3, 3), date(2025, 2, 28))

    # when Jay moves to long-term carers in June, and his worker starts his leaving care support
    time_machine.move_to(moment(date(2025, 6, 2), 11, 0), tick=False)
    open_case_work(worker, record)
    worker.get_by_role("link", name="Record a move").click()
    fill_date(worker, "Date of the move", date(2025, 6, 2))
    worker.get_by_label("Why the child moved").select_option("CARPL")
    choose(worker, "Was the move planned?", "Yes")
    fill_placement(worker, kind="U4", carer="Ann Shaw", postcode="TS25 1QQ")
    worker.get_by_role("button", name="Record the move").click()
    expect(success(worker)).to_contain_text("Moved to Ann Shaw on 2 June 2025")
    open_case_work(worker, record)
    worker.get_by_role("link", name="Start leaving care support").click()
    fill_date(worker, "Date", date(2025, 6, 2))
    worker.get_by_role("button", name="Start support").click()
    expect(success(worker)).to_contain_text("Leaving care support started")

    # and on his 18th birthday he stops being looked after and stays put with his carer
    time_machine.move_to(moment(date(2027, 3, 2), 10, 0), tick=False)
    open_case_work(worker, record)
    worker.get_by_role("link", name="Leaving care", exact=True).click()
    fill_date(worker, "Date care ended", date(2027, 3, 2))
    worker.get_by_label("Why care ended").select_option("E17")
    worker.get_by_role("button", name="Record").click()
    expect(success(worker)).to_contain_text("Jay stopped being looked after on 2 March 2027")

    # then the 903 episodes are S, then P, the last ending E17
    assert list(
        Episode.objects.filter(child=jay).order_by("started_on").values_list("reason_new_episode", "reason_ceased")
    ) == [("S", "X1"), ("P", "E17")]

    # when the service manager passes him to the leaving care team, whose manager allocates Pat as adviser
    allocate_case(
        jay, team=leaving, worker=pat, reason="Jay left care at 18", started_on=date(2027, 3, 2), by=helen.user
    )
    adviser_manager = sign_in(tom)
    adviser_manager.goto(f"{live_server.url}/care-leavers/{jay.pk}/")
    adviser_manager.get_by_role("link", name="allocate a personal adviser").click()
    adviser_manager.get_by_label("Personal adviser").select_option(label="Pat Quinn")
    fill_date(adviser_manager, "From", date(2027, 3, 2))
    adviser_manager.get_by_role("button", name="Allocate").click()
    expect(success(adviser_manager)).to_contain_text("Pat Quinn is now the personal adviser")

    # and Pat sees Jay, now 19, at home
    time_machine.move_to(moment(date(2028, 3, 10), 15, 0), tick=False)
    adviser = sign_in(pat)
    adviser.goto(f"{live_server.url}/care-leavers/{jay.pk}/")
    adviser.get_by_role("link", name="Record contact").click()
    fill_date(adviser, "Date", date(2028, 3, 10))
    choose(adviser, "How", "Seen in person")
    adviser.get_by_label("Where you saw them").fill("At Ann Shaw's home")
    adviser.get_by_label("What the young person said").fill("Jay has a job offer at a garage")
    adviser.get_by_label("What was talked about and what you noticed").fill("His CV, and the bus to the garage")
    adviser.get_by_role("button", name="Save").click()
    expect(success(adviser)).to_contain_text("Contact recorded")
    assert_accessible(adviser)

    # then the two-monthly visit was met, late, and the next is due two months on
    visits = list(
        Deadline.objects.filter(child=jay, timescale_code="care_leavers.personal_adviser_visit")
        .order_by("started_on")
        .values_list("due_on", "met_on")
    )
    assert visits == [(date(2027, 5, 2), date(2028, 3, 10)), (date(2028, 5, 10), None)]
