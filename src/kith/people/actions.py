"""Every change to a person's record. Each runs in one transaction and writes the chronology."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kith.people import events
from kith.people.access import can_add_person, can_manage_restriction, can_record_on, people_in_scope, people_visible_to
from kith.people.codes import PersonKind
from kith.people.models import (
    Address,
    Person,
    PersonDisability,
    PersonName,
    PersonWarning,
    Professional,
    ProfessionalInvolvement,
    Relationship,
    Residence,
)
from kith.people.queries import LikelyDuplicate, current_residence, likely_duplicates
from kith.people.rules import check_birth_dates, check_death_date, check_disabilities, check_sex_for_unborn
from kith.platform import clock
from kith.platform.access.models import RestrictedAccessGrant
from kith.platform.actions import action
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.record import record_event
from kith.platform.rules import EditConflict, RuleBroken, require
from kith.platform.timescales.clocks import meet_clocks_of_child

if TYPE_CHECKING:
    from kith.platform.access.models import User

# The CP-IS clocks that wait for the child's NHS number, whichever work started them: a section 47
# enquiry, a child protection plan, becoming looked after. Recording the number meets them all.
NHS_NUMBER_CLOCKS = (
    "assessments.cp_is_nhs_number",
    "child_protection.cp_is_nhs_number",
    "children_in_care.cp_is_nhs_number",
)


@dataclass
class PersonDetails:
    """What a person's record says about who they are. Identifiers arrive already normalised."""

    kind: str
    given_name: str
    family_name: str
    middle_names: str = ""
    preferred_name: str = ""
    date_of_birth: date | None = None
    expected_date_of_birth: date | None = None
    sex: str = "U"
    gender_identity: str = "not_known"
    ethnicity: str = "NOBT"
    religion: str = "not_known"
    first_language: str = ""
    interpreter_needed: bool = False
    community: str = ""
    is_uasc: bool = False
    immigration_status: str = "unknown"
    nhs_number: str = ""
    upn: str = ""
    former_upn: str = ""
    disabilities: list[str] = field(default_factory=list)
    date_of_death: date | None = None


@dataclass
class AddressDetails:
    line_1: str
    town: str
    postcode: str
    line_2: str = ""


class PossibleDuplicates(Exception):
    """Likely duplicates the user has not yet looked at; the person was not added."""

    def __init__(self, candidates: list[LikelyDuplicate]) -> None:
        self.candidates = candidates
        super().__init__(f"{len(candidates)} possible duplicate(s) to check first")


def _check(details: PersonDetails, *, nhs_owner: Person | None = None) -> None:
    problems = check_birth_dates(
        is_child=details.kind == PersonKind.CHILD,
        date_of_birth=details.date_of_birth,
        expected_date_of_birth=details.expected_date_of_birth,
        today=clock.today(),
    )
    for message in check_disabilities(details.disabilities):
        problems.add("disabilities", message)
    is_unborn = details.date_of_birth is None and details.expected_date_of_birth is not None
    for message in check_death_date(
        date_of_death=details.date_of_death,
        date_of_birth=details.date_of_birth,
        expected_date_of_birth=details.expected_date_of_birth,
        today=clock.today(),
    ):
        problems.add("date_of_death", message)
    for message in check_sex_for_unborn(sex=details.sex, is_unborn=is_unborn):
        problems.add("sex", message)
    if details.nhs_number:
        holders = Person.objects.filter(nhs_number=details.nhs_number)
        if nhs_owner is not None:
            holders = holders.exclude(pk=nhs_owner.pk)
        if holders.exists():
            # The other record may be one the user cannot see, so it is not named here.
            problems.add("nhs_number", "This NHS number is already on another person's record: search for it first")
    if problems:
        raise RuleBroken(problems.by_field)


def _record_fields(details: PersonDetails) -> dict[str, object]:
    values = asdict(details)
    values.pop("disabilities")
    return values


@action
def add_person(
    details: PersonDetails,
    *,
    by: User,
    address: AddressDetails | None = None,
    moved_in_on: date | None = None,
    reviewed_duplicates: Collection[int] = (),
) -> Person:
    """Add a child or adult, once the user has looked at every likely duplicate.

    Raises ``PossibleDuplicates`` listing the candidates not yet reviewed: Kith never
    decides on its own that two records are the same person, nor that they are not.
    """
    require(can_add_person(by))
    _check(details)
    if moved_in_on is not None and moved_in_on > clock.today():
        raise RuleBroken({"moved_in_on": ["Date moved in must be today or in the past"]})
    candidates = likely_duplicates(
        given_name=details.given_name,
        family_name=details.family_name,
        date_of_birth=details.date_of_birth,
        expected_date_of_birth=details.expected_date_of_birth,
        nhs_number=details.nhs_number,
        postcode=address.postcode if address else "",
    )
    # Only a record the user can open can have been checked by them: any other match blocks
    # the addition until someone who can see it (the front door) has looked.
    visible = set(people_visible_to(by).filter(pk__in=[c.person.pk for c in candidates]).values_list("pk", flat=True))
    checked = set(reviewed_duplicates) & visible
    unreviewed = [candidate for candidate in candidates if candidate.person.pk not in checked]
    if unreviewed:
        raise PossibleDuplicates(unreviewed)
    person = Person.objects.create(**_record_fields(details), added_at=clock.now(), added_by=by)
    _set_disabilities(person, details.disabilities)
    if address is not None:
        _move(person, address, moved_in_on=moved_in_on or clock.today())
    record_event(
        events.PERSON_ADDED.code,
        children=[person],
        by=by,
        summary=f"{person.full_name} added to Kith",
        subject=person,
    )
    return person


@action
def change_person_details(person: Person, details: PersonDetails, *, by: User, version: int) -> Person:
    """Change who the record says the person is. ``version`` is the one the user edited.

    When somebody else saved in between, ``EditConflict`` is raised and nothing changes.
    """
    require(can_record_on(by, person))
    _check(details, nhs_owner=person)
    locked = Person.objects.select_for_update().get(pk=person.pk)
    if locked.version != version:
        raise EditConflict(f"{person.full_name}'s details were changed by someone else while you were editing")
    changed = [name for name, value in _record_fields(details).items() if getattr(locked, name) != value]
    for name, value in _record_fields(details).items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save()
    disabilities_changed = _set_disabilities(locked, details.disabilities)
    labels = [str(getattr(Person._meta.get_field(name), "verbose_name", name)) for name in changed]
    if disabilities_changed:
        labels.append("disabilities")
    event = record_event(
        events.PERSON_DETAILS_CHANGED.code,
        children=[locked],
        by=by,
        summary=f"Details changed: {', '.join(labels) if labels else 'no changes'}",
        subject=locked,
    )
    if "nhs_number" in changed and locked.nhs_number:
        meet_clocks_of_child(NHS_NUMBER_CLOCKS, child=locked, met_on=clock.today(), event=event)
    return locked


def _set_disabilities(person: Person, codes: list[str]) -> bool:
    wanted = set(codes)
    current = set(person.disabilities.values_list("code", flat=True))
    if wanted == current:
        return False
    person.disabilities.exclude(code__in=wanted).delete()
    PersonDisability.objects.bulk_create(
        PersonDisability(person=person, code=code) for code in sorted(wanted - current)
    )
    return True


@action
def move_to_address(person: Person, address: AddressDetails, *, by: User, moved_in_on: date) -> Residence:
    """Record a move. The previous address ends on the day of the move and stays in the history."""
    require(can_record_on(by, person))
    previous = current_residence(person)
    if previous is not None and moved_in_on <= previous.moved_in_on:
        raise RuleBroken(
            {
                "moved_in_on": [
                    f"Date moved in must be after {long_date(previous.moved_in_on)}, "
                    "when they moved to their current address"
                ]
            }
        )
    if moved_in_on > clock.today():
        raise RuleBroken({"moved_in_on": ["Date moved in must be today or in the past"]})
    residence = _move(person, address, moved_in_on=moved_in_on)
    record_event(
        events.ADDRESS_CHANGED.code,
        children=[person],
        by=by,
        summary=f"Moved to {residence.address}",
        occurred_on=moved_in_on,
        subject=residence,
    )
    return residence


def _move(person: Person, details: AddressDetails, *, moved_in_on: date) -> Residence:
    address, _ = Address.objects.get_or_create(
        line_1=details.line_1.strip(),
        line_2=details.line_2.strip(),
        town=details.town.strip(),
        postcode=details.postcode,
    )
    person.residences.filter(moved_out_on__isnull=True).update(moved_out_on=moved_in_on)
    return Residence.objects.create(person=person, address=address, moved_in_on=moved_in_on)


@action
def record_relationship(
    person: Person,
    relative: Person,
    *,
    kind: str,
    by: User,
    has_parental_responsibility: bool = False,
    started_on: date | None = None,
) -> Relationship:
    """Record that ``person`` is the <kind> of ``relative``; shown on both records."""
    require(can_record_on(by, relative) and can_record_on(by, person))
    if person.pk == relative.pk:
        raise RuleBroken({"relative": ["A person cannot be related to themselves"]})
    if Relationship.objects.filter(person=person, relative=relative, kind=kind, ended_on__isnull=True).exists():
        raise RuleBroken({"kind": ["This relationship is already recorded"]})
    relationship = Relationship.objects.create(
        person=person,
        relative=relative,
        kind=kind,
        has_parental_responsibility=has_parental_responsibility,
        started_on=started_on,
    )
    record_event(
        events.RELATIONSHIP_RECORDED.code,
        children=[person, relative],
        by=by,
        summary=f"{person.full_name} recorded as {relationship.get_kind_display().lower()} of {relative.full_name}",
        subject=relationship,
    )
    return relationship


@dataclass
class ProfessionalDetails:
    name: str
    role: str
    organisation: str
    phone: str = ""
    email: str = ""


@action
def involve_professional(
    person: Person,
    *,
    by: User,
    started_on: date,
    professional: Professional | None = None,
    new_professional: ProfessionalDetails | None = None,
) -> ProfessionalInvolvement:
    """Record a professional working with the person.

    A professional is entered once and linked to every child they work with: pass
    ``professional`` when they are already in Kith, ``new_professional`` when not.
    """
    require(can_record_on(by, person))
    if professional is None:
        if new_professional is None:
            raise RuleBroken({"professional": ["Choose a professional, or enter a new one"]})
        professional = Professional.objects.create(**asdict(new_professional))
    if started_on > clock.today():
        raise RuleBroken({"started_on": ["Involved since must be today or in the past"]})
    if person.professional_involvements.filter(professional=professional, ended_on__isnull=True).exists():
        raise RuleBroken({"professional": [f"{professional.name} is already recorded as involved"]})
    involvement = ProfessionalInvolvement.objects.create(
        person=person, professional=professional, started_on=started_on
    )
    record_event(
        events.PROFESSIONAL_INVOLVED.code,
        children=[person],
        by=by,
        summary=f"{professional} involved",
        occurred_on=started_on,
        subject=involvement,
    )
    return involvement


@action
def add_warning(person: Person, *, kind: str, details: str, by: User) -> PersonWarning:
    """Add a warning shown on the banner of every page of the record."""
    require(can_record_on(by, person))
    warning = PersonWarning.objects.create(person=person, kind=kind, details=details.strip(), added_on=clock.today())
    record_event(
        events.WARNING_ADDED.code,
        children=[person],
        by=by,
        summary=f"Warning added: {warning.get_kind_display()}",
        subject=warning,
    )
    return warning


@action
def add_other_name(person: Person, *, kind: str, given_name: str, family_name: str, by: User) -> PersonName:
    """Record a former name or alias, so searches for it find the person."""
    require(can_record_on(by, person))
    name = PersonName.objects.create(
        person=person, kind=kind, given_name=given_name.strip(), family_name=family_name.strip()
    )
    record_event(
        events.PERSON_DETAILS_CHANGED.code,
        children=[person],
        by=by,
        summary=f"{name.get_kind_display()} recorded: {name}",
        subject=name,
    )
    return name


@action
def restrict_record(person: Person, *, reason: str, by: User) -> Person:
    """Hide a record from everyone not granted it (adoption, a member of staff's family...)."""
    require(can_manage_restriction(by, person))
    if person.is_restricted:
        raise RuleBroken({"reason": ["This record is already restricted"]})
    if not reason.strip():
        raise RuleBroken({"reason": ["Enter why the record is restricted"]})
    person.is_restricted = True
    person.restriction_reason = reason.strip()
    person.version += 1
    person.save(update_fields=["is_restricted", "restriction_reason", "version"])
    # The manager who restricts the record keeps sight of it.
    RestrictedAccessGrant.objects.get_or_create(
        person=person,
        user=by,
        revoked_at=None,
        defaults={"reason": "Restricted the record", "granted_by": by, "granted_at": clock.now()},
    )
    record_event(
        events.PERSON_DETAILS_CHANGED.code, children=[person], by=by, summary="Record restricted", subject=person
    )
    return person


@action
def grant_restricted_access(person: Person, *, to: User, reason: str, by: User) -> RestrictedAccessGrant:
    """Let one more user see a restricted record, with a reason a manager gives."""
    require(can_manage_restriction(by, person))
    if not person.is_restricted:
        raise RuleBroken({"person": ["This record is not restricted"]})
    if not reason.strip():
        raise RuleBroken({"reason": ["Enter why this person needs to see the record"]})
    if not people_in_scope(to).filter(pk=person.pk).exists():
        raise RuleBroken(
            {"user": [f"{_staff_name(to)}'s work does not reach this child: their team must hold the child first"]}
        )
    grant, created = RestrictedAccessGrant.objects.get_or_create(
        person=person,
        user=to,
        revoked_at=None,
        defaults={"reason": reason.strip(), "granted_by": by, "granted_at": clock.now()},
    )
    if not created:
        raise RuleBroken({"user": ["This person can already see the record"]})
    who = _staff_name(to)
    record_event(
        events.PERSON_DETAILS_CHANGED.code,
        children=[person],
        by=by,
        summary=f"Access to the restricted record granted to {who}",
        subject=grant,
    )
    return grant


@action
def revoke_restricted_access(grant: RestrictedAccessGrant, *, by: User) -> RestrictedAccessGrant:
    """End one user's access to a restricted record. The grant is kept, marked as ended."""
    person = grant.person
    require(can_manage_restriction(by, person))
    if grant.revoked_at is not None:
        raise RuleBroken({"grant": ["This access has already ended"]})
    if grant.user_id == by.pk:
        raise RuleBroken({"grant": ["Ask another manager to end your own access"]})
    grant.revoked_at, grant.revoked_by = clock.now(), by
    grant.save(update_fields=["revoked_at", "revoked_by"])
    record_event(
        events.PERSON_DETAILS_CHANGED.code,
        children=[person],
        by=by,
        summary=f"Access to the restricted record ended for {_staff_name(grant.user)}",
        subject=grant,
    )
    return grant


def _staff_name(user: User) -> str:
    staff = getattr(user, "staff_member", None)
    return staff.full_name if staff is not None else user.get_username()
