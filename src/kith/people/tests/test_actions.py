"""Every change to a person's record: checked, attributed, and written to the chronology."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType

from kith.people.access import can_view_person
from kith.people.actions import (
    AddressDetails,
    PersonDetails,
    PossibleDuplicates,
    add_other_name,
    add_person,
    add_warning,
    change_person_details,
    grant_restricted_access,
    move_to_address,
    record_relationship,
    restrict_record,
)
from kith.people.codes import NameKind, PersonKind, RelationshipKind, Religion, WarningKind
from kith.people.models import Person, PersonDisability, PersonName, PersonWarning, Relationship, Residence
from kith.people.queries import current_residence
from kith.platform.access.models import RestrictedAccessGrant, User
from kith.platform.access.roles import Role
from kith.platform.chronology.models import CaseEvent
from kith.platform.reference.dfe import Disability, Ethnicity
from kith.platform.rules import EditConflict, NotAllowed, RuleBroken
from kith.workforce.models import StaffMember, TeamKind
from tests.factories import (
    given_address_details,
    given_adult,
    given_allocated_child,
    given_child,
    given_staff,
    given_team,
    synthetic_nhs_number,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2025, 3, 14, 10, 30, tzinfo=LONDON)
TODAY = NOW.date()


@pytest.fixture
def frozen() -> Iterator[datetime]:
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def screener() -> StaffMember:
    """A front-door screener: may add people and record on anyone's record."""
    return given_staff(Role.FRONT_DOOR_SCREENER, given_team(kind=TeamKind.FRONT_DOOR))


def _child_details(**overrides: object) -> PersonDetails:
    values: dict[str, object] = {
        "kind": PersonKind.CHILD,
        "given_name": "Olivia",
        "family_name": "Thompson",
        "date_of_birth": date(2016, 5, 9),
        "sex": "F",
        "nhs_number": synthetic_nhs_number(),
        **overrides,
    }
    return PersonDetails(**values)  # type: ignore[arg-type]


def _counts() -> dict[str, int]:
    """Rows an action might write; a refused action leaves every one the same."""
    return {
        "people": Person.objects.count(),
        "names": PersonName.objects.count(),
        "disabilities": PersonDisability.objects.count(),
        "residences": Residence.objects.count(),
        "relationships": Relationship.objects.count(),
        "warnings": PersonWarning.objects.count(),
        "grants": RestrictedAccessGrant.objects.count(),
        "events": CaseEvent.objects.count(),
    }


# -- add_person ----------------------------------------------------------------------------------


def test_add_person_stops_at_likely_duplicates_and_adds_nobody(screener: StaffMember) -> None:
    # given
    olivia = given_child(by=screener, given_name="Olivia", family_name="Thompson", date_of_birth=date(2016, 5, 9))
    before = _counts()
    # when
    with pytest.raises(PossibleDuplicates) as stopped:
        add_person(_child_details(family_name="Thomson"), by=screener.user)
    # then
    assert [candidate.person for candidate in stopped.value.candidates] == [olivia]
    assert _counts() == before


def test_add_person_adds_once_the_duplicates_are_reviewed(screener: StaffMember) -> None:
    # given
    olivia = given_child(by=screener, given_name="Olivia", family_name="Thompson", date_of_birth=date(2016, 5, 9))
    before = Person.objects.count()
    # when
    added = add_person(_child_details(family_name="Thomson"), by=screener.user, reviewed_duplicates=[olivia.pk])
    # then
    assert (Person.objects.count(), added.family_name, added.pk == olivia.pk) == (before + 1, "Thomson", False)


def test_add_person_writes_one_person_added_event(frozen: datetime, screener: StaffMember) -> None:
    # given
    details = _child_details()
    # when
    person = add_person(details, by=screener.user)
    # then
    event = CaseEvent.objects.get(children=person)
    assert (
        event.event_type,
        event.recorded_by,
        event.recorded_at,
        event.occurred_on,
        event.summary,
        event.significance,
        event.subject,
        event.entered_late,
    ) == ("people.person_added", screener.user, NOW, TODAY, "Olivia Thompson added to Kith", "standard", person, False)


def test_add_person_records_who_added_them_and_when(frozen: datetime, screener: StaffMember) -> None:
    # given
    details = _child_details()
    # when
    person = add_person(details, by=screener.user)
    # then
    assert (person.added_by, person.added_at, person.version) == (screener.user, NOW, 1)


def test_add_person_with_an_address_starts_their_address_history(frozen: datetime, screener: StaffMember) -> None:
    # given
    home = AddressDetails(line_1="14 Cliff Terrace", town="Hartlepool", postcode="TS24 7AA")
    # when
    person = add_person(_child_details(), by=screener.user, address=home, moved_in_on=date(2020, 1, 6))
    # then
    residence = current_residence(person)
    assert (str(residence.address), residence.moved_in_on, residence.moved_out_on) == (
        "14 Cliff Terrace, Hartlepool, TS24 7AA",
        date(2020, 1, 6),
        None,
    )


def test_add_person_refuses_an_address_moved_into_in_the_future(frozen: datetime, screener: StaffMember) -> None:
    # given the same rule move_to_address applies
    home = AddressDetails(line_1="14 Cliff Terrace", town="Hartlepool", postcode="TS24 7AA")
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        add_person(_child_details(), by=screener.user, address=home, moved_in_on=TODAY + timedelta(days=1))
    # then
    assert refused.value.problems == {"moved_in_on": ["Date moved in must be today or in the past"]}
    assert _counts() == before


@pytest.mark.parametrize(
    ("_case", "overrides", "problems"),
    [
        (
            "born tomorrow",
            {"date_of_birth": TODAY + timedelta(days=1)},
            {"date_of_birth": ["Date of birth must be today or in the past"]},
        ),
        (
            "no disability with a disability",
            {"disabilities": [Disability.NONE, Disability.HEAR]},
            {"disabilities": ["Select 'No disability' on its own, or select the child's disabilities"]},
        ),
        (
            "unborn child recorded as female",
            {"date_of_birth": None, "expected_date_of_birth": TODAY + timedelta(days=60), "sex": "F"},
            {"sex": ["Record an unborn child's sex as 'Not known' until the birth"]},
        ),
    ],
)
def test_add_person_refuses_details_that_break_the_rules(
    frozen: datetime, screener: StaffMember, _case: str, overrides: dict[str, object], problems: dict[str, list[str]]
) -> None:
    # given
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        add_person(_child_details(**overrides), by=screener.user)
    # then
    assert refused.value.problems == problems
    assert _counts() == before


def test_add_person_refuses_an_nhs_number_already_on_another_record(screener: StaffMember) -> None:
    # given
    number = synthetic_nhs_number()
    given_child(by=screener, nhs_number=number)
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        add_person(_child_details(nhs_number=number), by=screener.user)
    # then
    assert refused.value.problems == {
        "nhs_number": ["This NHS number is already on another person's record: search for it first"]
    }
    assert _counts() == before


@pytest.mark.requirement("R-023")
def test_ethnicity_and_religion_are_recorded(screener: StaffMember) -> None:
    # given
    details = _child_details(ethnicity=Ethnicity.MWBC, religion=Religion.CHRISTIAN)
    # when
    person = add_person(details, by=screener.user)
    # then
    person.refresh_from_db()
    assert (person.ethnicity, person.get_ethnicity_display(), person.religion, person.get_religion_display()) == (
        "MWBC",
        "White and Black Caribbean",
        "christian",
        "Christian",
    )


@pytest.mark.requirement("R-023")
def test_ethnicity_and_religion_can_be_corrected_later(screener: StaffMember) -> None:
    # given a child recorded before their ethnicity was known
    person = add_person(_child_details(), by=screener.user)
    # when
    changed = change_person_details(
        person,
        _child_details(nhs_number=person.nhs_number, ethnicity=Ethnicity.BAFR, religion=Religion.MUSLIM),
        by=screener.user,
        version=1,
    )
    # then
    changed.refresh_from_db()
    assert (changed.ethnicity, changed.religion, changed.version) == ("BAFR", "muslim", 2)


@pytest.mark.requirement("R-025")
def test_first_language_interpreter_and_disabilities_are_recorded(screener: StaffMember) -> None:
    # given
    details = _child_details(
        first_language="Somali", interpreter_needed=True, disabilities=[Disability.HEAR, Disability.COMM]
    )
    # when
    person = add_person(details, by=screener.user)
    # then
    person.refresh_from_db()
    assert (person.first_language, person.interpreter_needed) == ("Somali", True)
    assert sorted(person.disabilities.values_list("code", flat=True)) == ["COMM", "HEAR"]


@pytest.mark.requirement("R-025")
def test_disabilities_can_be_changed(screener: StaffMember) -> None:
    # given
    person = add_person(_child_details(disabilities=[Disability.HEAR]), by=screener.user)
    # when
    change_person_details(
        person,
        _child_details(nhs_number=person.nhs_number, disabilities=[Disability.VIS, Disability.LD]),
        by=screener.user,
        version=1,
    )
    # then
    assert sorted(person.disabilities.values_list("code", flat=True)) == ["LD", "VIS"]


@pytest.mark.requirement("R-026")
def test_the_community_the_child_grew_up_in_is_recorded(screener: StaffMember) -> None:
    # given
    words = "Grew up on the Headland; the family are part of the local Irish Catholic parish"
    # when
    person = add_person(_child_details(community=words), by=screener.user)
    # then
    person.refresh_from_db()
    assert person.community == words


# -- change_person_details -----------------------------------------------------------------------


def test_change_person_details_changes_the_record_and_says_what_changed(screener: StaffMember) -> None:
    # given
    person = add_person(_child_details(), by=screener.user)
    # when
    changed = change_person_details(
        person,
        replace(_child_details(nhs_number=person.nhs_number), family_name="Thompson-Reid"),
        by=screener.user,
        version=1,
    )
    # then
    event = CaseEvent.objects.filter(children=person, event_type="people.details_changed").get()
    assert (changed.family_name, changed.version, event.summary, event.recorded_by) == (
        "Thompson-Reid",
        2,
        "Details changed: family name",
        screener.user,
    )


def test_change_person_details_from_a_stale_version_changes_nothing(screener: StaffMember) -> None:
    # given somebody else saved the record after this user opened it
    person = add_person(_child_details(), by=screener.user)
    change_person_details(
        person, _child_details(nhs_number=person.nhs_number, preferred_name="Liv"), by=screener.user, version=1
    )
    before = _counts()
    # when the user saves what they typed, from version 1
    with pytest.raises(EditConflict):
        change_person_details(
            person, _child_details(nhs_number=person.nhs_number, family_name="Other"), by=screener.user, version=1
        )
    # then
    person.refresh_from_db()
    assert (person.family_name, person.preferred_name, person.version) == ("Thompson", "Liv", 2)
    assert _counts() == before


# -- addresses -----------------------------------------------------------------------------------


def test_move_to_address_ends_the_old_residence_and_keeps_the_history(screener: StaffMember) -> None:
    # given
    old_home = AddressDetails(line_1="14 Cliff Terrace", town="Hartlepool", postcode="TS24 7AA")
    person = add_person(_child_details(), by=screener.user, address=old_home, moved_in_on=date(2020, 1, 6))
    new_home = AddressDetails(line_1="3 Rowan Close", town="Hartlepool", postcode="TS26 9QP")
    moved_on = date(2024, 7, 1)
    # when
    residence = move_to_address(person, new_home, by=screener.user, moved_in_on=moved_on)
    # then
    history = [(str(r.address), r.moved_in_on, r.moved_out_on) for r in person.residences.all()]
    assert history == [
        ("3 Rowan Close, Hartlepool, TS26 9QP", moved_on, None),
        ("14 Cliff Terrace, Hartlepool, TS24 7AA", date(2020, 1, 6), moved_on),
    ]
    assert current_residence(person) == residence


def test_people_moving_to_the_same_address_share_one_address_row(screener: StaffMember) -> None:
    # given
    home = given_address_details()
    child = given_child(by=screener, address=home)
    # when
    mother = given_adult(by=screener, address=home)
    # then
    assert current_residence(child).address_id == current_residence(mother).address_id


@pytest.mark.requirement("R-001")
def test_an_event_recorded_late_keeps_when_it_happened_when_it_was_written_and_by_whom(
    frozen: datetime, screener: StaffMember
) -> None:
    # given a child who moved three weeks before anyone wrote it down
    person = add_person(
        _child_details(), by=screener.user, address=given_address_details(), moved_in_on=date(2024, 1, 8)
    )
    moved_on = TODAY - timedelta(weeks=3)
    # when
    residence = move_to_address(person, given_address_details(), by=screener.user, moved_in_on=moved_on)
    # then
    event = CaseEvent.objects.get(event_type="people.address_changed", children=person)
    assert (event.occurred_on, event.recorded_at, event.recorded_by, event.entered_late, event.significance) == (
        moved_on,
        NOW,
        screener.user,
        True,
        "key",
    )
    assert event.subject == residence


@pytest.mark.requirement("R-001")
def test_an_event_recorded_on_the_day_is_not_late(frozen: datetime, screener: StaffMember) -> None:
    # given
    person = add_person(
        _child_details(), by=screener.user, address=given_address_details(), moved_in_on=date(2024, 1, 8)
    )
    # when
    move_to_address(person, given_address_details(), by=screener.user, moved_in_on=TODAY)
    # then
    event = CaseEvent.objects.get(event_type="people.address_changed", children=person)
    assert (event.occurred_on, event.recorded_at, event.entered_late) == (TODAY, NOW, False)


@pytest.mark.parametrize(
    ("_case", "moved_in_on", "message"),
    [
        (
            "before the current address began",
            date(2019, 12, 31),
            "Date moved in must be after 6 January 2020, when they moved to their current address",
        ),
        (
            "on the day the current address began",
            date(2020, 1, 6),
            "Date moved in must be after 6 January 2020, when they moved to their current address",
        ),
        ("in the future", TODAY + timedelta(days=1), "Date moved in must be today or in the past"),
    ],
)
def test_move_to_address_refuses_impossible_dates(
    frozen: datetime, screener: StaffMember, _case: str, moved_in_on: date, message: str
) -> None:
    # given
    person = add_person(
        _child_details(), by=screener.user, address=given_address_details(), moved_in_on=date(2020, 1, 6)
    )
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        move_to_address(person, given_address_details(), by=screener.user, moved_in_on=moved_in_on)
    # then
    assert refused.value.problems == {"moved_in_on": [message]}
    assert _counts() == before


# -- relationships -------------------------------------------------------------------------------


def test_a_relationship_reads_correctly_from_both_records(screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    mother = given_adult(by=screener)
    # when
    relationship = record_relationship(
        mother, child, kind=RelationshipKind.PARENT, has_parental_responsibility=True, by=screener.user
    )
    # then
    assert (relationship.title_from(child), relationship.other_than(child)) == ("Parent", mother)
    assert (relationship.title_from(mother), relationship.other_than(mother)) == ("Child", child)


def test_recording_a_relationship_writes_one_event_on_both_records(screener: StaffMember) -> None:
    # given
    child = given_child(by=screener, given_name="Ava", family_name="Smith")
    grandmother = given_adult(by=screener, given_name="June", family_name="Smith")
    # when
    relationship = record_relationship(grandmother, child, kind=RelationshipKind.GRANDPARENT, by=screener.user)
    # then
    event = CaseEvent.objects.get(event_type="people.relationship_recorded", children=child)
    assert (set(event.children.all()), event.summary, event.subject) == (
        {child, grandmother},
        "June Smith recorded as grandparent of Ava Smith",
        relationship,
    )


def test_the_same_relationship_is_recorded_once(screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    mother = given_adult(by=screener)
    record_relationship(mother, child, kind=RelationshipKind.PARENT, by=screener.user)
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        record_relationship(mother, child, kind=RelationshipKind.PARENT, by=screener.user)
    # then
    assert refused.value.problems == {"kind": ["This relationship is already recorded"]}
    assert _counts() == before


def test_nobody_is_related_to_themselves(screener: StaffMember) -> None:
    # given
    child = given_child(by=screener)
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        record_relationship(child, child, kind=RelationshipKind.SIBLING, by=screener.user)
    # then
    assert refused.value.problems == {"relative": ["A person cannot be related to themselves"]}
    assert _counts() == before


# -- restricted records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Team3:
    manager: StaffMember
    worker: StaffMember
    colleague: StaffMember
    child: Person


@pytest.fixture
def team_with_child() -> Team3:
    team = given_team()
    manager = given_staff(Role.TEAM_MANAGER, team)
    worker = given_staff(Role.SOCIAL_WORKER, team)
    colleague = given_staff(Role.SOCIAL_WORKER, team)
    child = given_allocated_child(worker=worker, manager=manager)
    return Team3(manager=manager, worker=worker, colleague=colleague, child=child)


def test_a_restricted_record_is_hidden_from_the_team(team_with_child: Team3) -> None:
    # given
    scene = team_with_child
    # when
    restrict_record(scene.child, reason="Adoption placement", by=scene.manager.user)
    # then
    assert (
        can_view_person(scene.manager.user, scene.child),
        can_view_person(scene.worker.user, scene.child),
        can_view_person(scene.colleague.user, scene.child),
    ) == (True, False, False)


def test_a_grant_opens_a_restricted_record_to_one_person(team_with_child: Team3) -> None:
    # given
    scene = team_with_child
    restrict_record(scene.child, reason="Adoption placement", by=scene.manager.user)
    # when
    grant = grant_restricted_access(scene.child, to=scene.worker.user, reason="Allocated worker", by=scene.manager.user)
    # then
    assert (can_view_person(scene.worker.user, scene.child), can_view_person(scene.colleague.user, scene.child)) == (
        True,
        False,
    )
    assert (grant.granted_by, grant.reason, grant.revoked_at) == (scene.manager.user, "Allocated worker", None)
    assert list(
        CaseEvent.objects.filter(children=scene.child, event_type="people.details_changed").values_list(
            "summary", flat=True
        )
    ) == [f"Access to the restricted record granted to {scene.worker.full_name}", "Record restricted"]


def test_restricting_a_record_keeps_the_reason_and_bumps_the_version(team_with_child: Team3) -> None:
    # given
    scene = team_with_child
    # when
    restrict_record(scene.child, reason="  Adoption placement ", by=scene.manager.user)
    # then
    scene.child.refresh_from_db()
    assert (scene.child.is_restricted, scene.child.restriction_reason, scene.child.version) == (
        True,
        "Adoption placement",
        2,
    )


def test_a_record_that_is_not_restricted_cannot_be_granted(team_with_child: Team3) -> None:
    # given
    scene = team_with_child
    before = _counts()
    # when
    with pytest.raises(RuleBroken) as refused:
        grant_restricted_access(scene.child, to=scene.colleague.user, reason="Cover", by=scene.manager.user)
    # then
    assert refused.value.problems == {"person": ["This record is not restricted"]}
    assert _counts() == before


# -- refusals: every action, a user outside scope --------------------------------------------------


@dataclass(frozen=True)
class Scene:
    child: Person
    mother: Person
    outsider: User


def _add(scene: Scene) -> object:
    return add_person(_child_details(), by=scene.outsider)


def _change(scene: Scene) -> object:
    return change_person_details(
        scene.child, _child_details(nhs_number=scene.child.nhs_number), by=scene.outsider, version=scene.child.version
    )


def _move(scene: Scene) -> object:
    return move_to_address(scene.child, given_address_details(), by=scene.outsider, moved_in_on=date(2024, 1, 1))


def _relate(scene: Scene) -> object:
    return record_relationship(scene.mother, scene.child, kind=RelationshipKind.PARENT, by=scene.outsider)


def _warn(scene: Scene) -> object:
    return add_warning(scene.child, kind=WarningKind.ANIMAL, details="Large dog", by=scene.outsider)


def _other_name(scene: Scene) -> object:
    return add_other_name(scene.child, kind=NameKind.ALIAS, given_name="Liv", family_name="T", by=scene.outsider)


def _restrict(scene: Scene) -> object:
    return restrict_record(scene.child, reason="Adoption placement", by=scene.outsider)


def _grant(scene: Scene) -> object:
    return grant_restricted_access(scene.child, to=scene.outsider, reason="Please", by=scene.outsider)


@pytest.mark.parametrize(
    ("_case", "outsider_role", "act"),
    [
        ("add a person without the capability (IRO)", Role.IRO, _add),
        ("add a person as system administrator", Role.SYSTEM_ADMINISTRATOR, _add),
        ("change details, worker in another team", Role.SOCIAL_WORKER, _change),
        ("move address, worker in another team", Role.SOCIAL_WORKER, _move),
        ("record a relationship, worker in another team", Role.SOCIAL_WORKER, _relate),
        ("add a warning, worker in another team", Role.SOCIAL_WORKER, _warn),
        ("add another name, worker in another team", Role.SOCIAL_WORKER, _other_name),
        ("restrict, manager of another team", Role.TEAM_MANAGER, _restrict),
        ("grant access, manager of another team", Role.TEAM_MANAGER, _grant),
        ("change details, system administrator", Role.SYSTEM_ADMINISTRATOR, _change),
        ("add a warning, performance analyst (no case work)", Role.PERFORMANCE_ANALYST, _warn),
    ],
)
def test_each_action_refuses_a_user_outside_scope_and_changes_nothing(
    _case: str, outsider_role: str, act: Callable[[Scene], object]
) -> None:
    # given a child and their mother held by one team, and a user elsewhere
    manager = given_staff(Role.TEAM_MANAGER)
    child = given_allocated_child(manager=manager, worker=given_staff(Role.SOCIAL_WORKER, manager.team))
    mother = given_adult(by=manager)
    outsider = given_staff(outsider_role, given_team())
    scene = Scene(child=child, mother=mother, outsider=outsider.user)
    before = _counts()
    # when
    with pytest.raises(NotAllowed):
        act(scene)
    # then
    child.refresh_from_db()
    assert _counts() == before
    assert (child.version, child.is_restricted) == (1, False)


@pytest.mark.parametrize(
    ("_case", "act"),
    [("restrict", _restrict), ("grant", _grant)],
)
def test_a_worker_who_can_see_the_child_still_may_not_restrict_or_grant(
    team_with_child: Team3, _case: str, act: Callable[[Scene], object]
) -> None:
    # given the allocated worker (no grant capability)
    scene = Scene(child=team_with_child.child, mother=team_with_child.child, outsider=team_with_child.worker.user)
    before = _counts()
    # when
    with pytest.raises(NotAllowed):
        act(scene)
    # then
    assert _counts() == before


def test_the_subject_of_the_person_added_event_is_the_person(screener: StaffMember) -> None:
    # given
    person = add_person(_child_details(), by=screener.user)
    # when
    event = CaseEvent.objects.get(children=person)
    # then
    assert (event.subject_type, event.subject_id) == (ContentType.objects.get_for_model(Person), str(person.pk))
