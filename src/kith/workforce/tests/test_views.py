"""The caseload pages and the allocation page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kith.platform import clock
from kith.platform.access.roles import Role
from kith.platform.ui.forms import format_govuk_date
from kith.workforce.actions import allocate_case
from kith.workforce.models import Allocation, StaffMember
from kith.workforce.queries import current_allocation
from kith.workforce.tests.fixtures import Authority, add_child, add_staff, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _allocations() -> list[tuple[int, int, int | None, object, object]]:
    return list(
        Allocation.objects.order_by("pk").values_list("child_id", "team_id", "worker_id", "started_on", "ended_on")
    )


# --- my caseload ---------------------------------------------------------------------------------


def test_my_caseload_lists_the_children_the_worker_holds(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when
    response = client.get(reverse("ui:home"))
    # then
    child = authority.own_child
    assert response.status_code == 200
    assert table_rows(response.content.decode(), "caseload") == [
        ["Ava Thompson", child.kith_id, "6", "North Safeguarding", format_govuk_date(authority.first_allocated_on)]
    ]
    assert f'href="{reverse("people:record", args=[child.pk])}"' in response.content.decode()
    assert "You hold <strong>1 of 18</strong> children" in response.content.decode()


@pytest.mark.requirement("R-145")
def test_my_caseload_shows_n_of_m_and_flags_a_worker_over_their_limit(authority: Authority, sign_in: SignIn) -> None:
    # given
    worker = add_staff("Ruth Adeyemi", Role.SOCIAL_WORKER, authority.north, caseload_limit=1)
    unborn = add_child("Baby", "Nowak", due_in_days=60, by=authority.business_support)
    for child in (authority.own_child, unborn):
        allocate_case(
            child,
            team=authority.north,
            worker=worker,
            reason="New allocation",
            started_on=clock.today(),
            by=authority.front_door_manager.user,
        )
    client = sign_in(worker)
    # when
    response = client.get(reverse("ui:home"))
    # then
    html = response.content.decode()
    assert "You hold <strong>2 of 1</strong> children" in html
    assert '<strong class="govuk-tag govuk-tag--red">Over limit</strong>' in html
    due = format_govuk_date(clock.today() + timedelta(days=60))
    assert [row[:3] for row in table_rows(html, "caseload")] == [
        ["Baby Nowak", unborn.kith_id, f"Unborn, due {due}"],
        ["Ava Thompson", authority.own_child.kith_id, "6"],
    ]


def test_a_restricted_child_on_my_caseload_is_counted_but_not_named(authority: Authority, sign_in: SignIn) -> None:
    # given
    allocate_case(
        authority.restricted_child,
        team=authority.north,
        worker=authority.social_worker,
        reason="Needs a named worker",
        started_on=clock.today(),
        by=authority.north_deputy.user,  # Dana Reid holds the grant to the restricted record
    )
    client = sign_in(authority.social_worker)  # no grant
    # when
    response = client.get(reverse("ui:home"))
    # then
    html = response.content.decode()
    assert "You hold <strong>2 of 18</strong> children" in html
    assert [row[:3] for row in table_rows(html, "caseload")] == [
        ["Ava Thompson", authority.own_child.kith_id, "6"],
        ["Restricted record", "Hidden", "Hidden"],
    ]
    assert "Maya" not in html


def test_my_caseload_says_so_when_no_children_are_allocated(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.colleague)
    # when
    response = client.get(reverse("ui:home"))
    # then
    html = response.content.decode()
    assert "You hold <strong>0</strong> children." in html
    assert "No children are allocated to you." in html
    assert 'id="caseload"' not in html


def test_a_manager_is_offered_the_team_caseload_from_home(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("ui:home"))
    # then
    assert (
        f'<a class="govuk-link" href="{reverse("workforce:team_caseload")}">Team caseload</a>'
        in response.content.decode()
    )


def test_a_system_administrator_gets_a_home_with_administration_and_no_caseload(
    authority: Authority, sign_in: SignIn
) -> None:
    # given a system administrator whose account may use the administration screens
    authority.administrator.user.is_staff = True
    authority.administrator.user.save(update_fields=["is_staff"])
    client = sign_in(authority.administrator)
    # when
    response = client.get(reverse("ui:home"))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "Children are not allocated to this role, so there is no caseload to show." in html
    assert f'href="{reverse("admin:index")}"' in html
    assert 'id="caseload"' not in html


def test_a_performance_analyst_gets_search_and_team_caseloads_but_no_caseload(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.analyst)
    # when
    response = client.get(reverse("ui:home"))
    # then
    html = response.content.decode()
    assert f'<a class="govuk-link" href="{reverse("people:search")}">Find a child or adult</a>' in html
    assert f'<a class="govuk-link" href="{reverse("workforce:team_caseload")}">Team caseloads</a>' in html
    assert f'href="{reverse("admin:index")}"' not in html


def test_an_account_without_a_staff_record_is_told_to_ask_for_one(authority: Authority, sign_in: SignIn) -> None:
    # given
    staff = authority.administrator
    staff.is_active = False  # the account remains; its staff record no longer counts
    staff.save(update_fields=["is_active"])
    client = sign_in(staff)
    # when
    response = client.get(reverse("ui:home"))
    # then
    assert "Your account is not linked to a staff record" in response.content.decode()


# --- team caseload (R-145) ---------------------------------------------------------------------------


@pytest.mark.requirement("R-145")
def test_team_caseload_shows_each_workers_caseload_and_limit_with_peaks_flagged(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    busy = add_staff("Ruth Adeyemi", Role.SOCIAL_WORKER, authority.north, caseload_limit=1)
    second = add_child("Kai", "Morgan", aged=12, by=authority.business_support)
    for child in (authority.own_child, second):
        allocate_case(
            child,
            team=authority.north,
            worker=busy,
            reason="Reallocation",
            started_on=clock.today(),
            by=authority.front_door_manager.user,
        )
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("workforce:team_caseload"))
    # then
    assert response.status_code == 200
    assert table_rows(response.content.decode(), f"workers-{authority.north.pk}") == [
        ["Dana Reid", "Team manager", "0", "Not set", ""],
        ["Oliver Grant", "Social worker", "0", "Not set", ""],
        ["Priya Shah", "Social worker", "0", "18", ""],
        ["Ruth Adeyemi", "Social worker", "2", "1", "Over limit"],
        ["Tom Hughes", "Team manager", "0", "Not set", ""],
    ]
    assert summary_list(response.content.decode(), "team-totals") == {
        "Children held by named workers": "2",
        "Children waiting for a named worker": "1",
        "Workers over their expected caseload": "1 Over limit",
    }


@pytest.mark.requirement("R-145")
def test_team_caseload_lists_unallocated_children_with_a_link_to_allocate(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    waiting_since = clock.today() - timedelta(days=3)
    allocate_case(
        authority.own_child,
        team=authority.north,
        worker=None,
        reason="Priya Shah has left",
        started_on=waiting_since,
        by=authority.team_manager.user,
    )
    client = sign_in(authority.north_deputy)  # Dana Reid restricted Maya's record, so she may see it
    # when
    response = client.get(reverse("workforce:team_caseload"))
    # then
    html = response.content.decode()
    assert table_rows(html, f"unallocated-{authority.north.pk}") == [
        [
            "Maya Clarke",
            authority.restricted_child.kith_id,
            "3",
            "North Safeguarding",
            format_govuk_date(authority.first_allocated_on),
            "Allocate Maya Clarke",
        ],
        [
            "Ava Thompson",
            authority.own_child.kith_id,
            "6",
            "North Safeguarding",
            format_govuk_date(waiting_since),
            "Allocate Ava Thompson",
        ],
    ]
    assert f'href="{reverse("workforce:allocate", args=[authority.own_child.pk])}"' in html


@pytest.mark.requirement("R-145")
def test_a_restricted_child_waiting_in_the_team_is_counted_but_not_named(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)  # no grant to Maya Clarke's restricted record
    # when
    response = client.get(reverse("workforce:team_caseload"))
    # then
    html = response.content.decode()
    assert table_rows(html, f"unallocated-{authority.north.pk}") == [
        [
            "Restricted record",
            "Hidden",
            "Hidden",
            "North Safeguarding",
            format_govuk_date(authority.first_allocated_on),
            "",
        ]
    ]
    assert "Maya" not in html
    assert reverse("workforce:allocate", args=[authority.restricted_child.pk]) not in html


@pytest.mark.requirement("R-145")
def test_a_service_manager_sees_every_team_beneath_and_can_filter_to_one(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.service_manager)
    # when
    everything = client.get(reverse("workforce:team_caseload"))
    south_only = client.get(reverse("workforce:team_caseload"), {"team": authority.south.pk})
    # then
    assert [section.team.name for section in everything.context["sections"]] == [
        "Children's Social Care",
        "North Safeguarding",
        "South Safeguarding",
        "Front Door (MASH)",
        "Performance and Systems",
    ]
    assert [section.team.name for section in south_only.context["sections"]] == ["South Safeguarding"]
    assert table_rows(south_only.content.decode(), f"workers-{authority.south.pk}") == [
        ["Sam Okafor", "Social worker", "1", "Not set", ""]
    ]


@pytest.mark.requirement("R-145")
def test_asking_for_a_team_the_manager_may_not_see_shows_an_error_and_their_own_teams(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("workforce:team_caseload"), {"team": authority.south.pk})
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {"team": ["Select a team from the list"]}
    assert [section.team.name for section in response.context["sections"]] == ["North Safeguarding"]
    assert "Sam Okafor" not in html


def test_a_team_filter_that_is_not_a_number_is_an_error_not_a_crash(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("workforce:team_caseload"), {"team": "north'--"})
    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {"team": ["Select a team from the list"]}


# --- allocate ---------------------------------------------------------------------------------------------


def test_the_allocation_page_shows_the_current_allocation_and_history(authority: Authority, sign_in: SignIn) -> None:
    # given
    moved_on = clock.today() - timedelta(days=5)
    allocate_case(
        authority.own_child,
        team=authority.north,
        worker=authority.colleague,
        reason="Caseload balancing",
        started_on=moved_on,
        by=authority.team_manager.user,
    )
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("workforce:allocate", args=[authority.own_child.pk]))
    # then
    html = response.content.decode()
    assert summary_list(html, "current-allocation") == {
        "Team": "North Safeguarding",
        "Worker": "Oliver Grant",
        "Since": format_govuk_date(moved_on),
        "Decided by": "Tom Hughes",
        "Reason": "Caseload balancing",
    }
    assert table_rows(html, "allocation-history") == [
        [
            format_govuk_date(moved_on),
            "Current",
            "North Safeguarding",
            "Oliver Grant",
            "Tom Hughes",
            "Caseload balancing",
        ],
        [
            format_govuk_date(authority.first_allocated_on),
            format_govuk_date(moved_on),
            "North Safeguarding",
            "Priya Shah",
            "Gita Patel",
            "Referral accepted for assessment",
        ],
    ]


def test_the_allocation_form_offers_the_managers_teams_and_workers_with_no_named_worker_first(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.team_manager)
    # when
    response = client.get(reverse("workforce:allocate", args=[authority.own_child.pk]))
    # then
    form = response.context["form"]
    assert [label for _, label in form.fields["team"].choices] == ["Select a team", "North Safeguarding"]
    assert [label for _, label in form.fields["worker"].choices] == [
        "No named worker yet",
        "Dana Reid (Team manager, North Safeguarding)",
        "Oliver Grant (Social worker, North Safeguarding)",
        "Priya Shah (Social worker, North Safeguarding)",
        "Tom Hughes (Team manager, North Safeguarding)",
    ]
    assert (form["team"].value(), form["started_on"].value()) == (authority.north.pk, clock.today())


def test_allocating_moves_the_child_and_returns_to_their_record_with_a_message(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.team_manager)
    child = authority.own_child
    # when
    response = client.post(
        reverse("workforce:allocate", args=[child.pk]),
        {
            "team": authority.north.pk,
            "worker": authority.colleague.pk,
            "reason": "Priya Shah moves team",
            **date_fields("started_on", clock.today()),
        },
    )
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("people:record", args=[child.pk])
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Ava Thompson is allocated to Oliver Grant"
    ]
    current = current_allocation(child)
    assert current is not None
    assert (current.team, current.worker, current.started_on, current.reason) == (
        authority.north,
        authority.colleague,
        clock.today(),
        "Priya Shah moves team",
    )


def test_bad_input_is_explained_and_kept_and_nothing_changes(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    before = _allocations()
    tomorrow = clock.today() + timedelta(days=1)
    # when
    response = client.post(
        reverse("workforce:allocate", args=[authority.own_child.pk]),
        {
            "team": authority.north.pk,
            "worker": authority.colleague.pk,
            "reason": "  ",
            **date_fields("started_on", tomorrow),
        },
    )
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "started_on": ["Date of allocation must be today or in the past"],
        "reason": ["Enter the reason for this allocation"],
    }
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert f'name="started_on_year" type="text" inputmode="numeric" value="{tomorrow.year}"' in html
    assert response.context["form"]["started_on"].value() == [
        str(tomorrow.day),
        str(tomorrow.month),
        str(tomorrow.year),
    ]
    assert _allocations() == before


def test_a_worker_outside_the_chosen_team_gets_the_actions_message_on_the_worker_field(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.service_manager)
    before = _allocations()
    # when
    response = client.post(
        reverse("workforce:allocate", args=[authority.own_child.pk]),
        {
            "team": authority.north.pk,
            "worker": authority.south_worker.pk,
            "reason": "Cover",
            **date_fields("started_on", clock.today()),
        },
    )
    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {"worker": ["Sam Okafor is not an active member of North Safeguarding"]}
    assert "Cover" in response.content.decode()
    assert _allocations() == before


def test_a_worker_the_manager_may_not_allocate_to_is_not_a_choice(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.team_manager)
    before = _allocations()
    # when
    response = client.post(
        reverse("workforce:allocate", args=[authority.own_child.pk]),
        {
            "team": authority.north.pk,
            "worker": authority.south_worker.pk,
            "reason": "Cover",
            **date_fields("started_on", clock.today()),
        },
    )
    # then
    assert response.context["form"].errors == {"worker": ["Select a worker from the list"]}
    assert _allocations() == before


# --- no N+1: a page makes the same queries for one child as for many -------------------------------------------


def _queries_for(client: Client, url: str) -> int:
    # The clock stands still so the session's last-seen time (saved at most once a minute)
    # is written on neither request, or on both: only the page's own queries differ.
    with time_machine.travel("2026-11-20 10:00 +00:00", tick=False):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
    return len(captured.captured_queries)


MORE_CHILDREN = ["Noah Ellis", "Isla Byrne", "Omar Rashid", "Ruby Walsh", "Theo Price", "Lily Evans"]


def _hand_more_children_to(authority: Authority, worker: StaffMember | None, names: list[str]) -> None:
    for name in names:
        given, family = name.split()
        child = add_child(given, family, aged=MORE_CHILDREN.index(name) + 7, by=authority.business_support)
        allocate_case(
            child,
            team=authority.north,
            worker=worker,
            reason="More work",
            started_on=clock.today(),
            by=authority.front_door_manager.user,
        )


def test_my_caseload_makes_the_same_queries_however_many_children_are_held(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.social_worker)
    with_one = _queries_for(client, reverse("ui:home"))
    _hand_more_children_to(authority, authority.social_worker, MORE_CHILDREN[:4])
    # when
    with_five = _queries_for(client, reverse("ui:home"))
    # then
    assert with_five == with_one


@pytest.mark.requirement("R-145")
def test_team_caseload_makes_the_same_queries_however_many_children_and_workers(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    client = sign_in(authority.service_manager)
    before = _queries_for(client, reverse("workforce:team_caseload"))
    _hand_more_children_to(authority, None, MORE_CHILDREN[:3])
    _hand_more_children_to(authority, add_staff("Extra Worker", Role.SOCIAL_WORKER, authority.north), MORE_CHILDREN[3:])
    # when
    after = _queries_for(client, reverse("workforce:team_caseload"))
    # then
    assert after == before
