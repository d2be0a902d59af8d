"""The permission matrix: who may read which child's record (``kith.people.access``).

The organisation used throughout::

    Children's services (service)          <- the head of service who sets up each case
    ├── My team (safeguarding)             <- the viewer, in each of the 13 roles
    │   └── Team below (disabled children)
    └── Other team (children in care)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.http import Http404

from kith.people.access import (
    can_view_person,
    children_visible_to,
    get_person_for_user_or_404,
    people_visible_to,
)
from kith.people.actions import grant_restricted_access, record_relationship, restrict_record
from kith.people.codes import RelationshipKind
from kith.people.models import Person
from kith.platform import clock
from kith.platform.access.breakglass import break_glass
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from kith.platform.rules import RuleBroken
from kith.workforce.actions import allocate_case
from kith.workforce.models import StaffMember, Team, TeamKind
from tests.factories import (
    given_adult,
    given_child,
    given_child_held_by,
    given_staff,
    given_team,
)

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Organisation:
    head: StaffMember
    my_team: Team
    team_below: Team
    other_team: Team


def _organisation() -> Organisation:
    service = given_team(kind=TeamKind.SERVICE)
    my_team = given_team(kind=TeamKind.SAFEGUARDING, parent=service)
    return Organisation(
        head=given_staff(Role.HEAD_OF_SERVICE, service),
        my_team=my_team,
        team_below=given_team(kind=TeamKind.DISABLED_CHILDREN, parent=my_team),
        other_team=given_team(kind=TeamKind.CHILDREN_IN_CARE, parent=service),
    )


# -- the scenarios: how the child stands to the viewer --------------------------------------------

Scenario = Callable[[Organisation, StaffMember], Person]


def allocated_to_me(org: Organisation, viewer: StaffMember) -> Person:
    # Children are allocated only to roles that hold a caseload; for the others the manager's
    # allocation is refused and the child is left with no team, which the matrix then shows.
    child = given_child(by=org.head)
    with contextlib.suppress(RuleBroken):
        allocate_case(
            child, team=viewer.team, worker=viewer, reason="Allocated", started_on=clock.today(), by=org.head.user
        )
    return child


def held_by_my_team(org: Organisation, viewer: StaffMember) -> Person:
    return given_child_held_by(org.my_team, manager=org.head)


def held_by_team_below(org: Organisation, viewer: StaffMember) -> Person:
    return given_child_held_by(org.team_below, manager=org.head)


def held_by_other_team(org: Organisation, viewer: StaffMember) -> Person:
    return given_child_held_by(org.other_team, manager=org.head)


def restricted_in_my_team(org: Organisation, viewer: StaffMember) -> Person:
    child = given_child_held_by(org.my_team, manager=org.head)
    return restrict_record(child, reason="Placed for adoption", by=org.head.user)


def restricted_with_grant(org: Organisation, viewer: StaffMember) -> Person:
    child = restricted_in_my_team(org, viewer)
    # A grant to someone whose work does not reach the child is refused (RuleBroken); for
    # them the record stays hidden either way, which is what the matrix checks.
    with contextlib.suppress(RuleBroken):
        grant_restricted_access(child, to=viewer.user, reason="Completing the later-life letter", by=org.head.user)
    return child


def restricted_after_break_glass(org: Organisation, viewer: StaffMember) -> Person:
    child = restricted_in_my_team(org, viewer)
    break_glass(child, by=viewer.user, reason="Police called out of hours about the child", page="test")
    return child


SCENARIOS: list[Scenario] = [
    allocated_to_me,
    held_by_my_team,
    held_by_team_below,
    held_by_other_team,
    restricted_in_my_team,
    restricted_with_grant,
    restricted_after_break_glass,
]

T, F = True, False

# Rows: the viewer's role (the viewer works in "My team"). Columns: the scenarios above, in order.
#                                      allocated  my team  below  other  restricted  +grant  +break-glass
MATRIX: dict[Role, tuple[bool, ...]] = {
    Role.SOCIAL_WORKER:                 (T,        T,       F,     F,     F,          T,      T),
    Role.SENIOR_PRACTITIONER:           (T,        T,       F,     F,     F,          T,      T),
    Role.PERSONAL_ADVISER:              (T,        T,       F,     F,     F,          T,      T),
    Role.BUSINESS_SUPPORT:              (F,        T,       F,     F,     F,          T,      T),
    Role.TEAM_MANAGER:                  (T,        T,       T,     F,     F,          T,      T),
    Role.SERVICE_MANAGER:               (T,        T,       T,     F,     F,          T,      T),
    Role.HEAD_OF_SERVICE:               (T,        T,       T,     F,     F,          T,      T),
    Role.FRONT_DOOR_SCREENER:           (T,        T,       T,     T,     F,          T,      T),
    Role.IRO:                           (T,        T,       T,     T,     F,          T,      T),
    Role.PERFORMANCE_ANALYST:           (T,        T,       T,     T,     F,          T,      T),
    Role.QA_AUDITOR:                    (T,        T,       T,     T,     F,          T,      T),
    Role.LADO:                          (T,        T,       T,     T,     F,          T,      T),
    Role.SYSTEM_ADMINISTRATOR:          (F,        F,       F,     F,     F,          F,      F),
}  # fmt: skip

CASES = [
    pytest.param(f"{role.label}, {scenario.__name__}", role, scenario, visible, id=f"{role.value}-{scenario.__name__}")
    for role, row in MATRIX.items()
    for scenario, visible in zip(SCENARIOS, row, strict=True)
]


def test_the_matrix_covers_every_role() -> None:
    # given / when / then
    assert (len(MATRIX), set(MATRIX)) == (len(Role), set(Role))


@pytest.mark.parametrize(("_case", "role", "scenario", "visible"), CASES)
def test_permission_matrix(_case: str, role: Role, scenario: Scenario, visible: bool) -> None:
    # given
    org = _organisation()
    viewer = given_staff(role, org.my_team)
    child = scenario(org, viewer)
    # when
    can_view = can_view_person(viewer.user, child)
    listed = children_visible_to(viewer.user).filter(pk=child.pk).exists()
    # then
    assert (can_view, listed) == (visible, visible)


# -- the other ways a record comes into scope ------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "role", "team_kind", "visible"),
    [
        ("social worker at the front door", Role.SOCIAL_WORKER, TeamKind.FRONT_DOOR, True),
        ("business support out of hours", Role.BUSINESS_SUPPORT, TeamKind.OUT_OF_HOURS, True),
        ("team manager at the front door", Role.TEAM_MANAGER, TeamKind.FRONT_DOOR, True),
        ("social worker in an assessment team", Role.SOCIAL_WORKER, TeamKind.ASSESSMENT, False),
        ("system administrator at the front door", Role.SYSTEM_ADMINISTRATOR, TeamKind.FRONT_DOOR, False),
    ],
)
def test_front_door_and_out_of_hours_teams_see_the_whole_service(
    _case: str, role: Role, team_kind: str, visible: bool
) -> None:
    # given a child held by a team the viewer has nothing to do with
    org = _organisation()
    child = held_by_other_team(org, given_staff(Role.SOCIAL_WORKER, org.other_team))
    viewer = given_staff(role, given_team(kind=team_kind))
    # when / then
    assert can_view_person(viewer.user, child) is visible


def test_people_related_to_my_children_are_in_scope() -> None:
    # given a worker's allocated child, and the child's father
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    child = allocated_to_me(org, worker)
    father = given_adult(by=org.head)
    given_adult(by=org.head)  # somebody unrelated
    record_relationship(father, child, kind=RelationshipKind.PARENT, by=org.head.user)
    # when
    visible = set(people_visible_to(worker.user))
    # then
    assert visible == {child, father}


def test_people_i_added_are_in_scope() -> None:
    # given a worker adds a child who is then held by another team
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    added = given_child(by=worker)
    # when / then
    assert can_view_person(worker.user, added) is True


def test_an_inactive_member_of_staff_sees_nobody() -> None:
    # given a worker who has left, whose child is still held by the team
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    allocated_to_me(org, worker)
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    # when
    visible = people_visible_to(worker.user)
    # then
    assert list(visible) == []


# -- get_person_for_user_or_404 and the access log ------------------------------------------------


def test_opening_a_record_logs_one_view() -> None:
    # given
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    child = allocated_to_me(org, worker)
    before = AccessLogEntry.objects.count()
    # when
    opened = get_person_for_user_or_404(worker.user, str(child.pk), page="people:record")
    # then
    entry = AccessLogEntry.objects.get(user=worker.user)
    assert opened == child
    assert AccessLogEntry.objects.count() == before + 1
    assert (entry.person, entry.what, entry.page, entry.requested_id, entry.break_glass) == (
        child,
        "view",
        "people:record",
        str(child.pk),
        None,
    )


def test_a_forbidden_record_is_a_404_and_the_refusal_is_logged_with_the_person() -> None:
    # given
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    elsewhere = held_by_other_team(org, worker)
    before = AccessLogEntry.objects.count()
    # when
    with pytest.raises(Http404):
        get_person_for_user_or_404(worker.user, elsewhere.pk, page="people:record")
    # then
    entry = AccessLogEntry.objects.get(user=worker.user)
    assert AccessLogEntry.objects.count() == before + 1
    assert (entry.person, entry.what, entry.page, entry.requested_id) == (
        elsewhere,
        "refused",
        "people:record",
        str(elsewhere.pk),
    )


@pytest.mark.parametrize(
    ("_case", "requested"),
    [
        ("an id nobody has", "987654321"),
        ("not a number", "K12; DROP TABLE"),
        ("too big for the column", "99999999999999999999999"),
    ],
)
def test_a_missing_record_is_a_404_and_the_refusal_is_logged_with_the_id_asked_for(_case: str, requested: str) -> None:
    # given
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    before = AccessLogEntry.objects.count()
    # when
    with pytest.raises(Http404):
        get_person_for_user_or_404(worker.user, requested, page="people:record")
    # then
    entry = AccessLogEntry.objects.get(user=worker.user)
    assert AccessLogEntry.objects.count() == before + 1
    assert (entry.person, entry.what, entry.requested_id) == (None, "refused", requested)


def test_missing_and_forbidden_look_the_same_to_the_user() -> None:
    # given
    org = _organisation()
    worker = given_staff(Role.SOCIAL_WORKER, org.my_team)
    elsewhere = held_by_other_team(org, worker)
    # when
    with pytest.raises(Http404) as forbidden:
        get_person_for_user_or_404(worker.user, elsewhere.pk, page="people:record")
    with pytest.raises(Http404) as missing:
        get_person_for_user_or_404(worker.user, "987654321", page="people:record")
    # then
    assert str(forbidden.value) == str(missing.value) == "No such record"
