"""Permission matrix for the workforce pages: role × scope × action.

Scope is the child's place relative to the North Safeguarding team: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, with no grant to the
user). Refusals are 404s, alike for missing and forbidden, and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.models import Person
from kith.platform import clock
from kith.workforce.models import Allocation, StaffMember, Team
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_ALLOCATE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
REFUSED_ALLOCATIONS = [(role, scope) for role in ROLES for scope in SCOPES if (role, scope) not in MAY_ALLOCATE]


def _child_and_change(authority: Authority, scope: str) -> tuple[Person, Team, StaffMember | None]:
    """The child in ``scope`` and a valid change to its allocation (so only access can refuse it)."""
    return {
        "own": (authority.own_child, authority.north, authority.colleague),
        "other": (authority.other_child, authority.south, None),
        "restricted": (authority.restricted_child, authority.north, authority.social_worker),
    }[scope]


def _allocations() -> list[tuple[int, int, int | None, object, object]]:
    return list(
        Allocation.objects.order_by("pk").values_list("child_id", "team_id", "worker_id", "started_on", "ended_on")
    )


def _post_data(team: Team, worker: StaffMember | None) -> dict[str, object]:
    return {
        "team": team.pk,
        "worker": worker.pk if worker else "",
        "reason": "Matrix check",
        **date_fields("started_on", clock.today()),
    }


@pytest.mark.parametrize(("role", "scope"), sorted(MAY_ALLOCATE))
def test_allocate_is_allowed(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given
    child, team, worker = _child_and_change(authority, scope)
    client = sign_in(getattr(authority, role))
    count = Allocation.objects.count()
    # when
    page = client.get(reverse("workforce:allocate", args=[child.pk]))
    posted = client.post(reverse("workforce:allocate", args=[child.pk]), _post_data(team, worker))
    # then
    assert (page.status_code, posted.status_code) == (200, 302)
    assert Allocation.objects.count() == count + 1
    assert Allocation.objects.filter(child=child, ended_on__isnull=True).values_list("team", "worker").get() == (
        team.pk,
        worker.pk if worker else None,
    )


@pytest.mark.parametrize(("role", "scope"), REFUSED_ALLOCATIONS)
def test_allocate_is_refused_with_a_404_and_nothing_changes(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child, team, worker = _child_and_change(authority, scope)
    client = sign_in(getattr(authority, role))
    before = _allocations()
    # when
    page = client.get(reverse("workforce:allocate", args=[child.pk]))
    posted = client.post(reverse("workforce:allocate", args=[child.pk]), _post_data(team, worker))
    # then
    assert (page.status_code, posted.status_code) == (404, 404)
    assert _allocations() == before


def test_allocate_answers_404_for_a_child_that_does_not_exist(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.service_manager)
    before = _allocations()
    missing = authority.restricted_child.pk + 1000
    # when
    response = client.post(reverse("workforce:allocate", args=[missing]), _post_data(authority.north, None))
    # then
    assert response.status_code == 404
    assert _allocations() == before


# Team caseload: which team's caseload each role asks for (``own``: the user's own team;
# ``other``: South Safeguarding) and the team the page then shows at its top.
TEAM_CASELOAD_SHOWN = [
    ("team_manager", "own", "North Safeguarding"),
    ("team_manager", "other", "North Safeguarding"),  # not theirs: the filter is refused, their own shown
    ("service_manager", "own", "Children's Social Care"),
    ("service_manager", "other", "South Safeguarding"),
    ("analyst", "own", "Performance and Systems"),
    ("analyst", "other", "Performance and Systems"),
]
TEAM_CASELOAD_REFUSED = [
    (role, scope) for role in ("social_worker", "screener", "administrator") for scope in ("own", "other")
]


def _team_asked_for(authority: Authority, staff: StaffMember, scope: str) -> Team:
    return staff.team if scope == "own" else authority.south


@pytest.mark.requirement("R-145")
@pytest.mark.parametrize(("role", "scope", "shown"), TEAM_CASELOAD_SHOWN)
def test_team_caseload_is_shown_only_for_teams_the_user_may_see(
    authority: Authority, sign_in: SignIn, role: str, scope: str, shown: str
) -> None:
    # given
    staff = getattr(authority, role)
    client = sign_in(staff)
    # when
    response = client.get(reverse("workforce:team_caseload"), {"team": _team_asked_for(authority, staff, scope).pk})
    # then
    assert (response.status_code, response.context["top"].name) == (200, shown)


@pytest.mark.requirement("R-145")
@pytest.mark.parametrize(("role", "scope"), TEAM_CASELOAD_REFUSED)
def test_team_caseload_is_refused_with_a_404(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given
    staff = getattr(authority, role)
    client = sign_in(staff)
    before = _allocations()
    # when
    response = client.get(reverse("workforce:team_caseload"), {"team": _team_asked_for(authority, staff, scope).pk})
    # then
    assert response.status_code == 404
    assert _allocations() == before


def test_pages_need_a_verified_second_factor(authority: Authority, client: Client) -> None:
    # given
    client.force_login(authority.team_manager.user)  # password only: no second factor yet
    # when
    response = client.get(reverse("workforce:team_caseload"))
    # then
    assert (response.status_code, response["Location"]) == (
        302,
        f"{reverse('access:two_factor')}?next=/workforce/team-caseload/",
    )
