"""Managing restricted records needs access by right; the duplicate check cannot be talked round."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from kith.people.actions import (
    PersonDetails,
    PossibleDuplicates,
    add_person,
    grant_restricted_access,
    restrict_record,
)
from kith.platform.access.breakglass import break_glass
from kith.platform.access.models import RestrictedAccessGrant
from kith.platform.access.roles import Role
from kith.platform.rules import RuleBroken
from tests.factories import given_allocated_child, given_staff, given_team, signed_in_client

pytestmark = pytest.mark.django_db


def test_a_manager_who_only_broke_the_glass_cannot_grant_themselves_access(client: Client) -> None:
    # given a restricted child in a team, and a second manager of that team who broke the glass
    team = given_team()
    restricting_manager = given_staff(Role.TEAM_MANAGER, team)
    other_manager = given_staff(Role.TEAM_MANAGER, team)
    child = given_allocated_child(worker=given_staff(Role.SOCIAL_WORKER, team), manager=restricting_manager)
    restrict_record(child, reason="Adoption", by=restricting_manager.user)
    break_glass(child, by=other_manager.user, reason="Police called out of hours about the child", page="test")
    browser = signed_in_client(client, other_manager)
    grants_before = RestrictedAccessGrant.objects.count()

    # when they try to grant themselves lasting access, or to end the restricting manager's
    grant_page = browser.post(f"/people/{child.pk}/access/", {"user": other_manager.user.pk, "reason": "Keep access"})
    own_grant = RestrictedAccessGrant.objects.get(person=child, user=restricting_manager.user)
    ending = browser.post(f"/people/{child.pk}/access/{own_grant.pk}/end/")

    # then both answer "not found" and nothing changes
    assert (grant_page.status_code, ending.status_code) == (404, 404)
    assert RestrictedAccessGrant.objects.count() == grants_before
    assert RestrictedAccessGrant.objects.filter(pk=own_grant.pk, revoked_at__isnull=True).exists()


def test_access_cannot_be_granted_to_someone_whose_work_does_not_reach_the_child() -> None:
    # given a restricted child in one team and a social worker in another
    manager = given_staff(Role.TEAM_MANAGER)
    child = given_allocated_child(worker=given_staff(Role.SOCIAL_WORKER, manager.team), manager=manager)
    restrict_record(child, reason="Adoption", by=manager.user)
    elsewhere = given_staff(Role.SOCIAL_WORKER, full_name="Ellie Testworker")

    # when the manager tries to grant them access
    with pytest.raises(RuleBroken) as refused:
        grant_restricted_access(child, to=elsewhere.user, reason="Helping out", by=manager.user)

    # then the reason says so
    assert refused.value.problems == {
        "user": ["Ellie Testworker's work does not reach this child: their team must hold the child first"]
    }


def test_a_match_the_user_cannot_see_cannot_be_marked_as_checked() -> None:
    # given a child held by another team, and a social worker adding a child with the same name and birth date
    existing = given_allocated_child(given_name="Maisie", family_name="Thornbury", date_of_birth=date(2016, 6, 4))
    worker = given_staff(Role.SOCIAL_WORKER)

    details = PersonDetails(kind="child", given_name="Maisie", family_name="Thornbury", date_of_birth=date(2016, 6, 4))

    # when the worker claims to have checked the existing record (its id posted by hand)
    with pytest.raises(PossibleDuplicates) as found:
        add_person(details, by=worker.user, reviewed_duplicates=[existing.pk])

    # then the match still blocks the addition
    assert [candidate.person for candidate in found.value.candidates] == [existing]


def test_a_system_administrator_has_no_person_search(client: Client) -> None:
    # given a system administrator
    browser = signed_in_client(client, given_staff(Role.SYSTEM_ADMINISTRATOR))
    # when they open the search page
    response = browser.get("/people/search/", {"q": "Smith"})
    # then it does not exist for them
    assert response.status_code == 404
