"""Permission matrix for inspection readiness: role × page, and the owner of an item.

Leaders (service managers, heads of service) and quality assurance auditors reach every page;
the owner of an item reaches that item and records on it; everyone else gets "Page not found".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kith.inspection import actions
from kith.inspection.models import Inspection, PlanItem, ProgressUpdate
from kith.inspection.reading import read_report
from kith.inspection.tests import snippets
from kith.platform import clock
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = [
    "social_worker",
    "team_manager",
    "owner",
    "service_manager",
    "head_of_service",
    "auditor",
    "analyst",
    "administrator",
]
LEADERS = {"service_manager", "head_of_service", "auditor"}
PAGES = ["index", "import", "inspection", "plan", "item", "history", "reference", "self_evaluation", "my_items"]
# Pages anyone signed in may open (they show only what is theirs).
OPEN_TO_ALL = {"my_items"}
ALL = [(role, page) for role in ROLES for page in PAGES]


@pytest.fixture
def own_item(authority: Authority) -> PlanItem:
    """The council's own (invented) SLAC report imported; item 1 owned by the North deputy manager."""
    text = snippets.slac().replace("Northbridge", "Hartlepool")
    inspection = actions.import_report(read_report(text), source_name="x", by=authority.service_manager.user)
    item = inspection.plan.items.get(position=1)
    actions.assign_plan_item(item, owner=authority.north_deputy, due_on=None, by=authority.service_manager.user)
    return item


def _staff(authority: Authority, role: str, head_of_service: StaffMember, auditor: StaffMember) -> StaffMember:
    return {"owner": authority.north_deputy, "head_of_service": head_of_service, "auditor": auditor}.get(
        role
    ) or getattr(authority, role)


def _url(page: str, item: PlanItem) -> str:
    arguments = {"inspection": item.plan.inspection_id, "plan": item.plan_id, "item": item.pk}
    return reverse(f"inspection:{page}", args=[arguments[page]] if page in arguments else [])


@pytest.mark.parametrize(("role", "page"), ALL)
def test_who_may_open_each_page(
    sign_in: SignIn,
    authority: Authority,
    head_of_service: StaffMember,
    auditor: StaffMember,
    own_item: PlanItem,
    role: str,
    page: str,
) -> None:
    # given a member of staff in the role
    client = sign_in(_staff(authority, role, head_of_service, auditor))

    # when they open the page
    response = client.get(_url(page, own_item))

    # then leaders open every page, the owner their item, and everyone else is told "not found"
    allowed = role in LEADERS or page in OPEN_TO_ALL or (role == "owner" and page == "item")
    assert response.status_code == (200 if allowed else 404)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_record_progress_on_an_item(
    sign_in: SignIn,
    authority: Authority,
    head_of_service: StaffMember,
    auditor: StaffMember,
    own_item: PlanItem,
    role: str,
) -> None:
    # given a member of staff in the role
    client = sign_in(_staff(authority, role, head_of_service, auditor))

    # when they record progress on item 1
    response = client.post(
        reverse("inspection:record_progress", args=[own_item.pk]),
        {"status": "green", "note": "On track.", **date_fields("written_on", clock.today())},
    )

    # then leaders and the owner may; for anyone else it is "not found", and nothing is recorded
    allowed = role in LEADERS or role == "owner"
    assert (response.status_code, ProgressUpdate.objects.count()) == ((302, 1) if allowed else (404, 0))


@pytest.mark.parametrize("role", ROLES)
def test_who_may_give_an_item_its_owner(
    sign_in: SignIn,
    authority: Authority,
    head_of_service: StaffMember,
    auditor: StaffMember,
    own_item: PlanItem,
    role: str,
) -> None:
    # given a member of staff in the role
    client = sign_in(_staff(authority, role, head_of_service, auditor))

    # when they give item 1 to the team manager
    response = client.post(
        reverse("inspection:assign_item", args=[own_item.pk]),
        {"owner": authority.team_manager.pk, **date_fields("due_on", date(2011, 6, 30))},
    )

    # then only leaders may (the owner may not hand their own item on), and otherwise nothing changes
    own_item.refresh_from_db()
    allowed = role in LEADERS
    assert (response.status_code, own_item.owner) == (
        (302, authority.team_manager) if allowed else (404, authority.north_deputy)
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_may_import_a_report(
    sign_in: SignIn, authority: Authority, head_of_service: StaffMember, auditor: StaffMember, role: str
) -> None:
    # given a member of staff in the role
    client = sign_in(_staff(authority, role, head_of_service, auditor))

    # when they upload a report
    upload = SimpleUploadedFile("northbridge.txt", snippets.ilacs().encode(), content_type="text/plain")
    response = client.post(reverse("inspection:import"), {"report": upload})

    # then only leaders may, and for anyone else nothing is kept
    allowed = role in LEADERS
    assert (response.status_code, Inspection.objects.count()) == ((302, 1) if allowed else (404, 0))
