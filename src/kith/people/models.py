"""Tables for people, their names, identity, addresses, relationships and professionals."""

from __future__ import annotations

from datetime import date

import pghistory
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper

from kith.people.codes import (
    INVERSE_TITLE,
    GenderIdentity,
    ImmigrationStatus,
    NameKind,
    PersonKind,
    ProfessionalRole,
    RelationshipKind,
    Religion,
    WarningKind,
)
from kith.people.identifiers import format_nhs_number
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.dfe import Disability, Ethnicity, Sex


@pghistory.track()
class Person(models.Model):
    """A child or an adult known to the service, recorded once."""

    kind = models.CharField(max_length=8, choices=PersonKind.choices)
    given_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=150, blank=True)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    gender_identity = models.CharField(max_length=16, choices=GenderIdentity.choices, default=GenderIdentity.NOT_KNOWN)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    religion = models.CharField(max_length=16, choices=Religion.choices, default=Religion.NOT_YET_KNOWN)
    first_language = models.CharField(max_length=60, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    # The community the child grew up in, in the family's own words: part of cultural identity.
    community = models.TextField(blank=True)
    is_uasc = models.BooleanField("Unaccompanied asylum-seeking child", default=False)
    immigration_status = models.CharField(
        max_length=16, choices=ImmigrationStatus.choices, default=ImmigrationStatus.UNKNOWN
    )
    nhs_number = models.CharField(max_length=10, blank=True)
    upn = models.CharField("Unique pupil number", max_length=13, blank=True)
    former_upn = models.CharField("Former unique pupil number", max_length=13, blank=True)
    is_restricted = models.BooleanField(default=False)
    restriction_reason = models.TextField(blank=True)
    added_at = models.DateTimeField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Incremented by every edit; an edit made from an older version is refused, never lost.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["family_name", "given_name"]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(date_of_birth__isnull=False) & models.Q(expected_date_of_birth__isnull=False)),
                name="born_or_expected_not_both",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=PersonKind.CHILD)
                | models.Q(date_of_birth__isnull=False)
                | models.Q(expected_date_of_birth__isnull=False),
                name="child_has_birth_or_expected_date",
            ),
            models.CheckConstraint(
                condition=models.Q(date_of_death__isnull=True)
                | models.Q(date_of_birth__isnull=True)
                | models.Q(date_of_death__gte=models.F("date_of_birth")),
                name="death_not_before_birth",
            ),
            models.CheckConstraint(condition=models.Q(nhs_number__regex=r"^(\d{10})?$"), name="nhs_number_ten_digits"),
            models.UniqueConstraint(
                fields=["nhs_number"], condition=~models.Q(nhs_number=""), name="one_person_per_nhs_number"
            ),
            models.CheckConstraint(
                condition=models.Q(is_restricted=False) | ~models.Q(restriction_reason=""),
                name="restriction_has_reason",
            ),
        ]
        indexes = [
            GinIndex(OpClass(Upper("family_name"), name="gin_trgm_ops"), name="person_family_name_trgm"),
            GinIndex(OpClass(Upper("given_name"), name="gin_trgm_ops"), name="person_given_name_trgm"),
            models.Index(fields=["date_of_birth"]),
            # The duplicate check's block for an unborn child (people.queries.likely_duplicates).
            models.Index(
                fields=["expected_date_of_birth"],
                condition=models.Q(expected_date_of_birth__isnull=False),
                name="person_expected_birth",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def kith_id(self) -> str:
        """The number staff quote on the phone and in letters."""
        return f"K{self.pk:07d}"

    @property
    def is_child(self) -> bool:
        return self.kind == PersonKind.CHILD

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number) if self.nhs_number else ""

    def age_on(self, on: date) -> int | None:
        """Age in whole years on a date; None for an unborn child or an unknown birth date."""
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@pghistory.track()
class PersonName(models.Model):
    """Another name a person has used: a former name, an alias, a name at birth."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="other_names")
    kind = models.CharField(max_length=8, choices=NameKind.choices)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


# Codes are removed when a record is corrected, so deletions are kept in the row history too.
@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class PersonDisability(models.Model):
    """One CIN census disability code recorded for a person."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="disabilities")
    code = models.CharField(max_length=4, choices=Disability.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "code"], name="disability_recorded_once")]

    def __str__(self) -> str:
        return self.get_code_display()


@pghistory.track()
class Address(models.Model):
    """A postal address, entered once and shared by everyone who lives there."""

    line_1 = models.CharField(max_length=120)
    line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80)
    postcode = models.CharField(max_length=8, db_index=True)

    def __str__(self) -> str:
        return ", ".join(part for part in (self.line_1, self.line_2, self.town, self.postcode) if part)


@pghistory.track()
class Residence(models.Model):
    """A person living at an address from one date to another: the address history."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="residences")
    address = models.ForeignKey(Address, on_delete=models.PROTECT, related_name="residences")
    moved_in_on = models.DateField()
    moved_out_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-moved_in_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(moved_out_on__isnull=True), name="one_current_address"
            ),
            models.CheckConstraint(
                condition=models.Q(moved_out_on__isnull=True) | models.Q(moved_out_on__gte=models.F("moved_in_on")),
                name="moved_out_after_moving_in",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.address} from {long_date(self.moved_in_on)}"


@pghistory.track()
class Relationship(models.Model):
    """``person`` is the <kind> of ``relative`` (e.g. Sam Smith is the parent of Ava Smith)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships_from")
    relative = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships_to")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    has_parental_responsibility = models.BooleanField(default=False)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(person=models.F("relative")), name="not_related_to_self"),
            models.UniqueConstraint(
                fields=["person", "relative", "kind"],
                condition=models.Q(ended_on__isnull=True),
                name="relationship_recorded_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} is the {self.get_kind_display().lower()} of {self.relative}"

    def title_from(self, viewpoint: Person) -> str:
        """The relationship as read from ``viewpoint``'s record."""
        if viewpoint.pk == self.relative_id:
            return self.get_kind_display()
        return INVERSE_TITLE[self.kind]

    def other_than(self, viewpoint: Person) -> Person:
        return self.person if viewpoint.pk == self.relative_id else self.relative


@pghistory.track()
class Professional(models.Model):
    """A professional known to the service (a GP, a school's safeguarding lead...), entered once."""

    name = models.CharField(max_length=150)
    role = models.CharField(max_length=20, choices=ProfessionalRole.choices)
    organisation = models.CharField(max_length=150)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()}, {self.organisation})"


@pghistory.track()
class ProfessionalInvolvement(models.Model):
    """A professional working with a person over a period."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="professional_involvements")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="involvements")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "professional"],
                condition=models.Q(ended_on__isnull=True),
                name="professional_involved_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.professional} with {self.person}"


@pghistory.track()
class PersonWarning(models.Model):
    """A warning shown on the banner of every page of a person's record."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="warnings")
    kind = models.CharField(max_length=16, choices=WarningKind.choices)
    details = models.CharField(max_length=300)
    added_on = models.DateField()
    removed_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.details}"
