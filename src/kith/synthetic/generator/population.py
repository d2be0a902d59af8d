"""Children and their households, made when they first come to the service's attention.

Only children known to children's social care (and the adults and brothers and sisters
they live with) become records: the rest of the population is the denominator of the rates.
Names come from a seeded Faker, NHS numbers from the synthetic 999 range (never issued to
patients), postcodes are invented in the area's districts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from kith.people.actions import AddressDetails, PersonDetails, PossibleDuplicates, add_person, record_relationship
from kith.people.identifiers import upn_check_letter
from kith.people.models import Person
from kith.platform.reference.dfe import Ethnicity
from kith.synthetic.generator.world import World
from kith.synthetic.nhs_numbers import synthetic_nhs_numbers
from kith.workforce.models import StaffMember

# The letters a postcode's inward code may use (never C, I, K, M, O or V).
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_MINORITY_ETHNICITIES = {
    Ethnicity.WOTH: 25,
    Ethnicity.MWBC: 10,
    Ethnicity.MWAS: 8,
    Ethnicity.MOTH: 7,
    Ethnicity.AIND: 8,
    Ethnicity.APKN: 9,
    Ethnicity.ABAN: 5,
    Ethnicity.BAFR: 12,
    Ethnicity.BCRB: 5,
    Ethnicity.CHNE: 3,
    Ethnicity.OOTH: 4,
    Ethnicity.WIRI: 3,
    Ethnicity.WIRT: 1,
}
# The ages (in whole years) of children referred to social care, weighted as the CIN census shows them.
REFERRAL_AGES = {
    0: 9,
    1: 5,
    2: 5,
    3: 5,
    4: 5,
    5: 5,
    6: 5,
    7: 5,
    8: 5,
    9: 5,
    10: 5,
    11: 5,
    12: 5,
    13: 6,
    14: 7,
    15: 7,
    16: 6,
    17: 4,
}


@dataclass
class Household:
    """The people the referred child lives with, and the address they share."""

    children: list[Person]
    adults: list[Person]
    address: AddressDetails
    ethnicity: str = Ethnicity.WBRI
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def main_carer(self) -> Person:
        return self.adults[0]


class People:
    """Makes synthetic people, with an NHS number each from the synthetic range."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.nhs: Iterator[str] = synthetic_nhs_numbers(start=100_000)

    def born(self, age: int, on: date) -> date:
        """A date of birth that makes the child ``age`` on ``on``."""
        latest = date(on.year - age, on.month, min(on.day, 28))
        return latest - timedelta(days=self.world.between(0, 364))

    def household(self, *, child_age: int, on: date, by: StaffMember) -> Household:
        """The referred child (first), perhaps brothers and sisters, and one or two parents, living together."""
        world, fake = self.world, self.world.fake
        minority = world.chance(world.profile.minority_ethnic_share)
        ethnicity = world.weighted(_MINORITY_ETHNICITIES) if minority else Ethnicity.WBRI
        family_name = fake.last_name()
        address = AddressDetails(
            line_1=f"{fake.building_number()} {fake.street_name()}",
            town=world.profile.town,
            postcode=self._postcode(),
        )
        moved_in = on - timedelta(days=world.between(60, 3_000))
        mother_age = max(child_age + 18, world.between(child_age + 19, child_age + 38))
        mother = self._add(
            PersonDetails(
                kind="adult",
                given_name=fake.first_name_female(),
                family_name=family_name,
                date_of_birth=self.born(mother_age, on),
                sex="F",
                ethnicity=ethnicity,
                first_language="English",
            ),
            address=address,
            moved_in_on=moved_in,
            by=by,
        )
        adults = [mother]
        if world.chance(0.45):
            adults.append(
                self._add(
                    PersonDetails(
                        kind="adult",
                        given_name=fake.first_name_male(),
                        family_name=family_name if world.chance(0.6) else fake.last_name(),
                        date_of_birth=self.born(mother_age + world.between(-3, 8), on),
                        sex="M",
                        ethnicity=ethnicity,
                    ),
                    address=address,
                    moved_in_on=moved_in,
                    by=by,
                )
            )
        ages = [child_age] + [
            age
            for age in (world.between(0, 17) for _ in range(world.weighted({0: 45, 1: 35, 2: 20})))
            if age != child_age
        ]
        children = [
            self.child(
                age, on=on, family_name=family_name, ethnicity=ethnicity, address=address, moved_in=moved_in, by=by
            )
            for age in ages
        ]
        for adult in adults:
            for child in children:
                record_relationship(
                    adult,
                    child,
                    kind="parent",
                    has_parental_responsibility=adult is mother or world.chance(0.7),
                    by=by.user,
                )
        for index, child in enumerate(children):
            for other in children[index + 1 :]:
                record_relationship(child, other, kind="sibling", by=by.user)
        household = Household(children=children, adults=adults, address=address, ethnicity=ethnicity)
        world.households.append(household)
        return household

    def unaccompanied(
        self, age: int, *, on: date, name: tuple[str, str], origin: tuple[str, str, str], by: StaffMember
    ) -> Household:
        """A child who arrived in the UK alone: no adults with them; their address is where they were first
        accommodated in the area."""
        world = self.world
        (given_name, family_name), (ethnicity, language, religion) = name, origin
        address = AddressDetails(
            line_1=f"{world.fake.building_number()} {world.fake.street_name()}",
            town=world.profile.town,
            postcode=self._postcode(),
        )
        born = self.born(age, on)
        child = self._add(
            PersonDetails(
                kind="child",
                given_name=given_name,
                family_name=family_name,
                date_of_birth=born,
                sex="M" if world.chance(0.9) else "F",
                ethnicity=ethnicity,
                religion=religion,
                first_language=language,
                interpreter_needed=True,
                is_uasc=True,
                immigration_status="asylum_seeker",
                nhs_number=next(self.nhs),
                disabilities=["NONE"],
            ),
            address=address,
            moved_in_on=on,
            by=by,
        )
        household = Household(children=[child], adults=[], address=address, ethnicity=ethnicity)
        world.households.append(household)
        return household

    def child(
        self,
        age: int,
        *,
        on: date,
        family_name: str,
        ethnicity: str,
        address: AddressDetails | None,
        moved_in: date | None,
        by: StaffMember,
    ) -> Person:
        world, fake = self.world, self.world.fake
        sex = "M" if world.chance(0.52) else "F"
        born = min(self.born(age, on), moved_in or on) if age == 0 else self.born(age, on)
        return self._add(
            PersonDetails(
                kind="child",
                given_name=fake.first_name_male() if sex == "M" else fake.first_name_female(),
                family_name=family_name,
                date_of_birth=born,
                sex=sex,
                ethnicity=ethnicity,
                first_language="English",
                # Every child has one: the CP-IS clocks an action starts for a child without one are
                # not in force before December 2023 and the action then fails (reported).
                nhs_number=next(self.nhs),
                # Schools give a child a unique pupil number; the returns expect one from school age.
                upn=self._upn() if age >= 4 else "",
                disabilities=["NONE"] if world.chance(0.9) else [world.pick(("LD", "AUT", "COMM", "MOB", "BEH"))],
            ),
            address=address,
            moved_in_on=max(moved_in, born) if moved_in else None,
            by=by,
        )

    def _upn(self) -> str:
        return school_upn(self.world)

    def _postcode(self) -> str:
        return self.world.pick(self.world.home_postcodes).code

    @staticmethod
    def _add(
        details: PersonDetails, *, address: AddressDetails | None, moved_in_on: date | None, by: StaffMember
    ) -> Person:
        """Added by the front door, who checks every likely duplicate: invented people who happen to
        share a name and birthday are different people."""
        try:
            # The generator's actions take no savepoint (kith.platform.actions.without_savepoints):
            # this one needs its own, to carry on after the duplicate check refuses.
            with transaction.atomic():
                return add_person(details, by=by.user, address=address, moved_in_on=moved_in_on)
        except PossibleDuplicates as found:
            checked = [candidate.person.pk for candidate in found.candidates]
            return add_person(
                details, by=by.user, address=address, moved_in_on=moved_in_on, reviewed_duplicates=checked
            )


def school_upn(world: World) -> str:
    """A unique pupil number as a school in the area gives one: a check letter, the council's DfE number,
    a school number, the year and a serial (synthetic digits)."""
    digits = f"{world.profile.dfe_la_number}{world.rng.randrange(10**9):09d}"
    return f"{upn_check_letter(digits)}{digits}"
