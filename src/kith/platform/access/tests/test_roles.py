"""The role → capability and role → scope maps, reviewed like any other rule."""

from __future__ import annotations

import pytest

from kith.people.access import people_visible_to
from kith.platform.access.capabilities import Capability as C  # noqa: N817 - as in roles.py
from kith.platform.access.roles import (
    MANAGER_ROLES,
    ROLE_CAPABILITIES,
    ROLE_SCOPE,
    Role,
    Scope,
    capabilities_of,
    scope_of,
)
from kith.workforce.models import TeamKind
from tests.factories import given_allocated_child, given_child_held_by, given_staff, given_team


def test_every_role_has_a_capability_set_and_a_scope() -> None:
    # given every role the service knows
    roles = set(Role)
    # when / then
    assert (set(ROLE_CAPABILITIES), set(ROLE_SCOPE)) == (roles, roles)
    assert [role for role in Role if not ROLE_CAPABILITIES[role]] == []


def test_only_the_system_administrator_reaches_no_child() -> None:
    # given
    # when
    no_children = [role for role in Role if ROLE_SCOPE[role] is Scope.NONE]
    cannot_view = [role for role in Role if C.VIEW_CHILD_RECORD not in ROLE_CAPABILITIES[role]]
    # then
    assert (no_children, cannot_view) == ([Role.SYSTEM_ADMINISTRATOR], [Role.SYSTEM_ADMINISTRATOR])


def test_only_the_system_administrator_administers_accounts() -> None:
    # given
    # when
    administrators = [role for role in Role if C.ADMINISTER_ACCOUNTS in ROLE_CAPABILITIES[role]]
    # then
    assert administrators == [Role.SYSTEM_ADMINISTRATOR]


@pytest.mark.parametrize(
    ("_case", "role", "capabilities", "scope"),
    [
        (
            "social worker",
            Role.SOCIAL_WORKER,
            {
                C.VIEW_CHILD_RECORD,
                C.SEARCH_PEOPLE,
                C.RECORD_CASE_WORK,
                C.ADD_PERSON,
                C.VIEW_CASELOAD,
                C.EXPORT_CHILD_RECORD,
            },
            Scope.CASELOAD_AND_TEAM,
        ),
        (
            "team manager",
            Role.TEAM_MANAGER,
            {
                C.VIEW_CHILD_RECORD,
                C.SEARCH_PEOPLE,
                C.RECORD_CASE_WORK,
                C.ADD_PERSON,
                C.VIEW_CASELOAD,
                C.ALLOCATE_CASE,
                C.RECORD_MANAGEMENT_DECISION,
                C.VIEW_TEAM_CASELOAD,
                C.GRANT_RESTRICTED_ACCESS,
                C.EXPORT_CHILD_RECORD,
                C.VIEW_ACCESS_LOG,
                C.PRODUCE_RETURNS,
            },
            Scope.TEAM_HIERARCHY,
        ),
        (
            "IRO",
            Role.IRO,
            {C.VIEW_CHILD_RECORD, C.SEARCH_PEOPLE, C.RECORD_CASE_WORK, C.VIEW_CASELOAD},
            Scope.WHOLE_SERVICE,
        ),
        (
            "business support",
            Role.BUSINESS_SUPPORT,
            {C.VIEW_CHILD_RECORD, C.SEARCH_PEOPLE, C.ADD_PERSON},
            Scope.CASELOAD_AND_TEAM,
        ),
        (
            "performance analyst",
            Role.PERFORMANCE_ANALYST,
            {C.VIEW_CHILD_RECORD, C.SEARCH_PEOPLE, C.VIEW_TEAM_CASELOAD, C.PRODUCE_RETURNS},
            Scope.WHOLE_SERVICE,
        ),
        ("system administrator", Role.SYSTEM_ADMINISTRATOR, {C.ADMINISTER_ACCOUNTS}, Scope.NONE),
    ],
)
def test_role_map_for_key_roles(_case: str, role: Role, capabilities: set[C], scope: Scope) -> None:
    # given a role
    # when / then
    assert (capabilities_of(role), scope_of(role)) == (frozenset(capabilities), scope)


def test_managers_are_the_roles_that_allocate_and_grant() -> None:
    # given
    # when
    allocating = {role for role in Role if C.ALLOCATE_CASE in ROLE_CAPABILITIES[role]}
    granting = {role for role in Role if C.GRANT_RESTRICTED_ACCESS in ROLE_CAPABILITIES[role]}
    # then
    assert (allocating, granting) == (set(MANAGER_ROLES), set(MANAGER_ROLES))


@pytest.mark.parametrize(("_case", "role"), [("unknown role", "wizard"), ("empty", "")])
def test_an_unknown_role_can_do_nothing_and_reaches_no_child(_case: str, role: str) -> None:
    # given a role string that is not a Role
    # when / then
    assert (capabilities_of(role), scope_of(role)) == (frozenset(), Scope.NONE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "team_kind"),
    [
        ("in an ordinary team", TeamKind.SAFEGUARDING),
        ("even in the front door, where everyone else sees the whole service", TeamKind.FRONT_DOOR),
        ("even out of hours", TeamKind.OUT_OF_HOURS),
    ],
)
def test_the_system_administrator_sees_no_children(_case: str, team_kind: str) -> None:
    # given an administrator, and children held in the administrator's own team
    administrator = given_staff(Role.SYSTEM_ADMINISTRATOR, given_team(kind=team_kind))
    given_child_held_by(administrator.team)
    given_allocated_child()
    # when
    visible = people_visible_to(administrator.user)
    # then
    assert list(visible) == []
