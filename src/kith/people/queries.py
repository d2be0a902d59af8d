"""Set-based reads about people: search, households, likely duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest, Upper
from rapidfuzz import fuzz

from kith.people.codes import PersonKind
from kith.people.models import Person, PersonName, Relationship, Residence

# Below this name likeness (0-100) a person sharing a date of birth or postcode is not offered.
DUPLICATE_NAME_THRESHOLD = 70
# Each part of the name must be at least this alike: "Jo Smith" is not "Ava Smith" at the same address.
_NAME_PART_THRESHOLD = 60
SEARCH_LIMIT = 50
_ID = re.compile(r"^K?0*(\d{1,9})$", re.IGNORECASE)


@dataclass(frozen=True)
class LikelyDuplicate:
    person: Person
    score: int
    reasons: tuple[str, ...]


def likely_duplicates(
    *,
    given_name: str,
    family_name: str,
    date_of_birth: date | None = None,
    expected_date_of_birth: date | None = None,
    nhs_number: str = "",
    postcode: str = "",
) -> list[LikelyDuplicate]:
    """People who may already be the person about to be added, best match first.

    Names alone are unsafe (two different children can be called almost the same),
    so candidates are first narrowed to those sharing an NHS number, a date of birth
    or a postcode, and only then compared by name, current and former.
    """
    # Each block is read on its own index and the ids pooled: one OR across the person and their address
    # history would read every person the authority holds on every check.
    blocks: list[QuerySet[Any]] = []
    if nhs_number:
        blocks.append(Person.objects.filter(nhs_number=nhs_number).values("pk"))
    if date_of_birth:
        blocks.append(Person.objects.filter(date_of_birth=date_of_birth).values("pk"))
    if expected_date_of_birth:
        blocks.append(Person.objects.filter(expected_date_of_birth=expected_date_of_birth).values("pk"))
    if postcode:
        blocks.append(Residence.objects.filter(address__postcode=postcode).values("person_id"))
    if not blocks:
        return []
    pooled = blocks[0].order_by().union(*(block.order_by() for block in blocks[1:]))
    candidates = (
        Person.objects.filter(pk__in=pooled)
        .order_by("family_name", "given_name", "pk")
        .prefetch_related("other_names", "residences__address")
    )
    found: list[LikelyDuplicate] = []
    for person in candidates:
        names = [(person.given_name, person.family_name)]
        names += [(other.given_name, other.family_name) for other in person.other_names.all()]
        score = max(name_likeness(given_name, family_name, given, family) for given, family in names)
        reasons = []
        if nhs_number and person.nhs_number == nhs_number:
            reasons.append("same NHS number")
        if date_of_birth and person.date_of_birth == date_of_birth:
            reasons.append("same date of birth")
        if expected_date_of_birth and person.expected_date_of_birth == expected_date_of_birth:
            reasons.append("same expected date of birth")
        if postcode and any(r.address.postcode == postcode for r in person.residences.all()):
            reasons.append("lived at the same postcode")
        if "same NHS number" in reasons or score >= DUPLICATE_NAME_THRESHOLD:
            found.append(LikelyDuplicate(person=person, score=score, reasons=(f"name {score}% alike", *reasons)))
    return sorted(found, key=lambda duplicate: (-("same NHS number" in duplicate.reasons), -duplicate.score))


def name_likeness(given_a: str, family_a: str, given_b: str, family_b: str) -> int:
    """How alike two names are (0-100), part by part, allowing given and family names swapped."""

    def alike(a: str, b: str) -> float:
        return fuzz.ratio(a.strip().lower(), b.strip().lower())

    best = 0
    for given, family in ((given_b, family_b), (family_b, given_b)):
        given_score, family_score = alike(given_a, given), alike(family_a, family)
        if min(given_score, family_score) >= _NAME_PART_THRESHOLD:
            best = max(best, round((given_score + family_score) / 2))
    return best


def search_people(
    among: QuerySet[Person], *, text: str = "", date_of_birth: date | None = None, kind: str = ""
) -> QuerySet[Person]:
    """Find people by name (partial or misspelt), Kith ID, NHS number or date of birth.

    ``among`` is the set the user may see (``people_visible_to``): search never widens access.
    """
    results = among
    text = text.strip()
    if kind in PersonKind.values:
        results = results.filter(kind=kind)
    if date_of_birth:
        results = results.filter(Q(date_of_birth=date_of_birth) | Q(expected_date_of_birth=date_of_birth))
    if not text:
        return results.order_by("family_name", "given_name")[:SEARCH_LIMIT] if date_of_birth else results.none()
    digits = re.sub(r"[\s-]", "", text)
    if re.fullmatch(r"\d{10}", digits):
        return results.filter(nhs_number=digits)
    id_match = _ID.match(text)
    if id_match and (text[0] in "kK" or len(digits) < 10):
        return results.filter(pk=int(id_match.group(1)))
    words = text.upper().split()
    results = results.annotate(family_upper=Upper("family_name"), given_upper=Upper("given_name"))
    # Every word must match some name, current or former: as a prefix, or spelt nearly alike.
    for word in words:
        former = PersonName.objects.filter(Q(given_name__istartswith=word) | Q(family_name__istartswith=word))
        results = results.filter(
            Q(given_name__istartswith=word)
            | Q(family_name__istartswith=word)
            | Q(preferred_name__istartswith=word)
            | Q(pk__in=former.values("person_id"))
            | Q(given_upper__trigram_similar=word)
            | Q(family_upper__trigram_similar=word)
        )
    likeness = Greatest(
        *(TrigramSimilarity("family_upper", word) for word in words),
        *(TrigramSimilarity("given_upper", word) for word in words),
    )
    return results.annotate(likeness=likeness).order_by("-likeness", "family_name", "given_name")[:SEARCH_LIMIT]


def household_of(person: Person, *, on: date) -> list[Person]:
    """Everyone else living at the person's address on a date: the household, derived, never typed."""

    def living_there(**where: object) -> QuerySet[Residence]:
        return Residence.objects.filter(moved_in_on__lte=on, **where).filter(
            Q(moved_out_on__isnull=True) | Q(moved_out_on__gt=on)
        )

    addresses = living_there(person=person).values("address_id")
    # One residence row must match both the address and the date, hence a subquery per person.
    same_roof = living_there(person=OuterRef("pk"), address_id__in=addresses)
    return list(Person.objects.filter(Exists(same_roof)).exclude(pk=person.pk))


def relationships_of(person: Person) -> list[Relationship]:
    return list(
        Relationship.objects.filter(Q(person=person) | Q(relative=person))
        .select_related("person", "relative")
        .order_by("ended_on", "kind")
    )


def current_residence(person: Person) -> Residence | None:
    return person.residences.filter(moved_out_on__isnull=True).select_related("address").first()
