"""List 9 (care leavers): the young people who are care leavers on the inspection date, their status
computed from their time in care by ``kith.care_leavers`` (never typed), with their personal adviser,
pathway plan, contact, home and activity as recorded by then."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from kith.care_leavers.eligibility import anniversary
from kith.care_leavers.models import (
    BirthdayContact,
    PathwayPlan,
    PersonalAdviserAllocation,
    PersonalAdviserContact,
    SupportAfter21,
    SupportDecision,
)
from kith.care_leavers.queries import current_home, status_of
from kith.children_in_care.models import Episode
from kith.education.models import CareLeaverEducationReview
from kith.people.models import Person
from kith.platform.reference.ssda903 import SHORT_BREAK_STATUSES
from kith.returns.annex_a import codes
from kith.returns.annex_a.children import NOT_HELD, UNALLOCATED, Row, about, disability, held_on
from kith.returns.annex_a.period import Inspection
from kith.uasc.models import UascRecord


def care_leavers(inspection: Inspection) -> list[Row]:
    """List 9: eligible, relevant, former relevant and qualifying young people on the inspection date. A
    former relevant young person of 21 or more whose last word by then was that they want no more support is
    left out: from 21 the council's support continues only when they ask for it."""
    on = inspection.on
    # Only someone aged 16 to 25 who has been in care (short breaks aside) can be a care leaver; the status
    # computed for each decides (a year's margin at 25 for birthdays on 29 February).
    candidates = (
        Person.objects.filter(
            date_of_birth__lte=anniversary(on, years=-16),
            date_of_birth__gt=anniversary(on, years=-26),
            pk__in=Episode.objects.exclude(legal_status__in=SHORT_BREAK_STATUSES).values("child_id"),
        )
        .prefetch_related("disabilities")
        .order_by("pk")
    )
    leavers = []
    for person in candidates:
        status = status_of(person, on=on)
        if status.is_care_leaver and not (status.support_on_request and _declined_support(person, on)):
            leavers.append((person, status.status))
    held = held_on((person.pk for person, _ in leavers), on)
    return [
        {
            **about(person, inspection),
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)": codes.yes_no(
                UascRecord.objects.filter(child=person, became_uasc_on__lte=on).exists()
            ),
            "Does the Child have a Disability": disability(person),
            **held.get(person.pk, NOT_HELD).columns(),
            "Allocated Personal Advisor": _personal_adviser(person, on),
            "Eligibility Category": codes.ELIGIBILITY[status],
            **_circumstances(person, on),
        }
        for person, status in leavers
    ]


def _declined_support(person: Person, on: date) -> bool:
    latest = SupportAfter21.objects.filter(child=person, decided_on__lte=on).order_by("-decided_on", "-pk").first()
    return latest is not None and latest.decision == SupportDecision.STOP


def _personal_adviser(person: Person, on: date) -> str:
    allocation = (
        PersonalAdviserAllocation.objects.filter(child=person, allocated_on__lte=on)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("adviser")
        .order_by("-allocated_on", "-pk")
        .first()
    )
    return allocation.adviser.full_name if allocation is not None else UNALLOCATED


def _circumstances(person: Person, on: date) -> Row:
    """The pathway plan's latest review, whether the council is in touch (the latest 903 birthday record),
    the personal adviser's latest contact, where the young person lives and what they do, by ``on``."""
    reviewed = (
        PathwayPlan.objects.filter(child=person, replaces__isnull=False, agreed_on__lte=on)
        .order_by("-agreed_on", "-pk")
        .values_list("agreed_on", flat=True)
        .first()
    )
    birthday = BirthdayContact.objects.filter(child=person, contact_on__lte=on).order_by("-contact_on", "-pk").first()
    contacted = (
        PersonalAdviserContact.objects.filter(child=person, contact_on__lte=on)
        .order_by("-contact_on", "-pk")
        .values_list("contact_on", flat=True)
        .first()
    )
    home = current_home(person, on=on)
    return {
        "Latest Pathway Plan Review Date": reviewed,
        "LA in Touch": codes.IN_TOUCH[birthday.in_touch] if birthday else codes.NOT_RECORDED,
        "Latest Date of Contact": contacted,
        "Type of Accommodation": codes.ACCOMMODATION[home.accommodation] if home else None,
        "Suitability of Accommodation": (
            (codes.SUITABLE if home.suitable else codes.NOT_SUITABLE) if home else codes.SUITABILITY_NOT_RECORDED
        ),
        "Activity Status": _activity(person, on, birthday),
    }


def _activity(person: Person, on: date, birthday: BirthdayContact | None) -> str | None:
    """The latest activity recorded: the virtual school's review or the 903 birthday record, whichever is later."""
    review = (
        CareLeaverEducationReview.objects.filter(child=person, reviewed_on__lte=on)
        .order_by("-reviewed_on", "-pk")
        .first()
    )
    found = [(review.reviewed_on, review.activity)] if review else []
    if birthday is not None:
        found.append((birthday.contact_on, birthday.activity))
    if not found:
        return None
    return codes.ACTIVITY[max(found, key=lambda dated: dated[0])[1]]
