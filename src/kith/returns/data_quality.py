"""The data-quality view's checks: what the returns would flag, or fill with a fallback, found live.

The forms refuse what is wrong when it is typed (ARCHITECTURE idea 8); what they cannot refuse is
what is missing: a UPN not yet obtained, an ethnicity not yet asked, a review held but not recorded.
The returns then write a fallback (UN4 for the UPN, NOBT, no disability at all) or leave a row out,
and the sector validator flags it months later. Each check here finds those children now, with Kith's
own queries, says in plain words what is missing and which return it affects, and links to the form
that puts it right.

A check is registered with ``@check(code, message, returns=..., fix=...)`` over a function that takes
the ``Population`` (the children in the user's scope, and which of them are in each return this
collection year so far) and yields ``Found`` rows: the child and the address of the fixing form.
Overdue reviews and health assessments are read from the same ``Deadline`` rows as the work trays
(``kith.platform.timescales``), never recomputed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from kith.care_leavers.eligibility import CareLeaverStatus
from kith.care_leavers.models import OC3_BIRTHDAYS, BirthdayContact, LeavingCareSupport
from kith.care_leavers.queries import status_of
from kith.care_leavers.rules import ordinal
from kith.care_reviews.queries import REVIEW_CLOCKS
from kith.child_protection.actions import FIRST_REVIEW as FIRST_CP_REVIEW
from kith.child_protection.actions import REVIEW as LATER_CP_REVIEW
from kith.children_in_care.models import Episode, PeriodOfCare
from kith.children_in_care.rules import anniversary
from kith.front_door.models import Referral
from kith.health.queries import HEALTH_CLOCKS
from kith.people.models import Person, PersonDisability
from kith.platform.calendar.working_days import long_date
from kith.platform.reference.dfe import Ethnicity, Sex
from kith.platform.reference.ssda903 import PLACEMENTS_WITH_URN, LegalStatus
from kith.platform.timescales.engine import DeadlineStatus
from kith.platform.timescales.models import OPEN, Deadline
from kith.platform.timescales.queries import with_status
from kith.platform.timescales.work_links import link_for
from kith.returns.kinds import CIN_CENSUS, SSDA903, title_of
from kith.workforce.models import Allocation, StaffMember, Team

BOTH = (SSDA903.code, CIN_CENSUS.code)


def year_start(on: date) -> date:
    """1 April of the collection year ``on`` falls in."""
    return date(on.year if on.month >= 4 else on.year - 1, 4, 1)


@dataclass(frozen=True)
class Population:
    """The children in the user's scope, and which of them each return holds this collection year so far."""

    children: QuerySet[Person]
    on: date
    # In the SSDA903: looked after at some time since 1 April.
    looked_after: frozenset[int]
    # In the CIN census: a referral open at some time since 1 April.
    in_census: frozenset[int]
    # ... with at least one of those referrals going further than the referral (the census asks their UPN).
    in_census_beyond_referral: frozenset[int]

    @property
    def start(self) -> date:
        return year_start(self.on)

    @property
    def in_a_return(self) -> frozenset[int]:
        return self.looked_after | self.in_census

    def returns_of(self, child_id: int, *, census: frozenset[int] | None = None) -> tuple[str, ...]:
        in_census = self.in_census if census is None else census
        return tuple(
            code for code, held in ((SSDA903.code, self.looked_after), (CIN_CENSUS.code, in_census)) if child_id in held
        )


def population(children: QuerySet[Person], *, on: date) -> Population:
    start = year_start(on)
    episodes = Episode.objects.filter(child__in=children, started_on__lte=on).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )
    referrals = Referral.objects.filter(child__in=children, referral_date__lte=on).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    )
    return Population(
        children=children,
        on=on,
        looked_after=frozenset(episodes.values_list("child_id", flat=True)),
        in_census=frozenset(referrals.values_list("child_id", flat=True)),
        in_census_beyond_referral=frozenset(
            referrals.filter(no_further_action=False).values_list("child_id", flat=True)
        ),
    )


@dataclass(frozen=True)
class Found:
    """A child a check found: the form that puts it right, what exactly (a due date), which returns."""

    child_id: int
    url: str
    detail: str = ""
    # The returns this child's issue affects; blank: every return the check names.
    returns: tuple[str, ...] = ()


Finder = Callable[[Population], Iterable[Found]]


@dataclass(frozen=True)
class Check:
    code: str
    message: str
    returns: tuple[str, ...]
    # The form that puts it right, as its link reads.
    fix: str
    find: Finder


CHECKS: dict[str, Check] = {}


def check(code: str, message: str, *, returns: tuple[str, ...], fix: str) -> Callable[[Finder], Finder]:
    def register(find: Finder) -> Finder:
        if code in CHECKS:
            raise ValueError(f"The data-quality check {code} is registered twice")
        CHECKS[code] = Check(code=code, message=message, returns=returns, fix=fix, find=find)
        return find

    return register


def _details(child_id: int, field: str) -> str:
    return f"{reverse('people:edit_details', args=[child_id])}#id_{field}"


# -- the child's details ---------------------------------------------------------------------------


@check(
    "upn_missing",
    "No unique pupil number (UPN) for a child of school age: the return says UN4, not yet obtained",
    returns=BOTH,
    fix="Add the UPN",
)
def _upn_missing(people: Population) -> Iterator[Found]:
    # Of school age as the returns count it (903 rule 209, CIN 8770Q): born by 31 August five years before
    # the year began. The census asks no UPN when every referral ended with no further action (UN7).
    school_age_by = date(people.start.year - 5, 8, 31)
    held = people.looked_after | people.in_census_beyond_referral
    found = people.children.filter(pk__in=held, upn="", date_of_birth__lte=school_age_by)
    for pk in found.values_list("pk", flat=True).order_by("pk"):
        yield Found(pk, _details(pk, "upn"), returns=people.returns_of(pk, census=people.in_census_beyond_referral))


@check(
    "ethnicity_not_obtained",
    "Ethnicity not yet obtained: the return says NOBT",
    returns=BOTH,
    fix="Record the ethnicity",
)
def _ethnicity(people: Population) -> Iterator[Found]:
    found = people.children.filter(pk__in=people.in_a_return, ethnicity=Ethnicity.NOBT)
    for pk in found.values_list("pk", flat=True).order_by("pk"):
        yield Found(pk, _details(pk, "ethnicity"), returns=people.returns_of(pk))


@check(
    "sex_not_known",
    "Sex not recorded: the return says U, which the 903 rejects (rule 232) and the census queries (2886Q)",
    returns=BOTH,
    fix="Record the sex",
)
def _sex(people: Population) -> Iterator[Found]:
    # An unborn child's sex is rightly not known (census rule 8750).
    found = people.children.filter(pk__in=people.in_a_return, sex=Sex.UNKNOWN, date_of_birth__isnull=False)
    for pk in found.values_list("pk", flat=True).order_by("pk"):
        yield Found(pk, _details(pk, "sex"), returns=people.returns_of(pk))


@check(
    "disability_not_recorded",
    "Nothing recorded about disability, not even 'no disability': the census leaves it out (rule 8540)",
    returns=(CIN_CENSUS.code,),
    fix="Record disabilities",
)
def _disability(people: Population) -> Iterator[Found]:
    recorded = PersonDisability.objects.filter(person=OuterRef("pk"))
    found = people.children.filter(pk__in=people.in_census).filter(~Exists(recorded))
    for pk in found.values_list("pk", flat=True).order_by("pk"):
        yield Found(pk, _details(pk, "disabilities"))


@check(
    "previous_permanence_not_asked",
    "Not recorded whether the child had a permanence order before coming into care: the 903 says P4, not "
    "known, which it rejects (rule 630)",
    returns=(SSDA903.code,),
    fix="See the care history",
)
def _previous_permanence(people: Population) -> Iterator[Found]:
    # Asked when the child comes into care; no form yet changes the answer afterwards.
    began = PeriodOfCare.objects.filter(
        child__in=people.children, started_on__range=(people.start, people.on), previous_permanence=""
    )
    yield from _to_care_history(began)


@check(
    "placement_urn_missing",
    "A placement this year in a children's home, supported accommodation or another registered setting with "
    "no Ofsted URN: the 903 rejects it (rule 218)",
    returns=(SSDA903.code,),
    fix="See the care history",
)
def _urn_missing(people: Population) -> Iterator[Found]:
    episodes = Episode.objects.filter(child__in=people.children, started_on__lte=people.on, placement__urn="")
    episodes = episodes.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=people.start))
    yield from _to_care_history(episodes.filter(placement__placement_type__in=PLACEMENTS_WITH_URN))


def _to_care_history(records: QuerySet[Any]) -> Iterator[Found]:
    """Each child once, linked to their care history: no form yet corrects a period of care or a placement
    once recorded, so the care history, where the record is, is where to start."""
    for pk in records.values_list("child_id", flat=True).distinct().order_by("child_id"):
        yield Found(pk, reverse("children_in_care:care_history", args=[pk]))


# -- work ------------------------------------------------------------------------------------------


@check(
    "no_named_social_worker",
    "Looked after with no named social worker: the 903's social worker table has no one for the child",
    returns=(SSDA903.code,),
    fix="Allocate a worker",
)
def _no_worker(people: Population) -> Iterator[Found]:
    in_care_now = Episode.objects.filter(child__in=people.children, started_on__lte=people.on, ended_on__isnull=True)
    named = Allocation.objects.filter(child=OuterRef("pk"), ended_on__isnull=True, worker__isnull=False)
    found = people.children.filter(pk__in=in_care_now.values("child_id")).filter(~Exists(named))
    for pk in found.values_list("pk", flat=True).order_by("pk"):
        yield Found(pk, reverse("workforce:allocate", args=[pk]))


# An emergency protection order lasts 8 days, and may be extended once by 7 (Children Act 1989 s45).
EPO_LONGEST_DAYS = 15


@check(
    "emergency_protection_order_too_long",
    "Still on an emergency protection order after 15 days, the longest one can last: record the order now in "
    "force (the 903 rejects one over 21 days, rule 362)",
    returns=(SSDA903.code,),
    fix="Change the legal status",
)
def _epo_too_long(people: Population) -> Iterator[Found]:
    since = date.fromordinal(people.on.toordinal() - EPO_LONGEST_DAYS)
    stale = Episode.objects.filter(
        child__in=people.children,
        legal_status=LegalStatus.EMERGENCY_PROTECTION_ORDER,
        started_on__lt=since,
        ended_on__isnull=True,
    ).order_by("child_id", "pk")
    for child_id, period_id in stale.values_list("child_id", "period_id"):
        yield Found(child_id, reverse("children_in_care:legal_status", args=[period_id]))


def _overdue(people: Population, codes: Iterable[str]) -> Iterator[Deadline]:
    """The children's open clocks of ``codes`` overdue today, as the work trays count them."""
    deadlines = Deadline.objects.filter(OPEN, timescale_code__in=list(codes), child__in=people.children)
    overdue = with_status(deadlines, on=people.on).filter(status=DeadlineStatus.OVERDUE.value)
    yield from overdue.order_by("child_id", "due_on", "pk")


@check(
    "looked_after_review_overdue",
    "Review of the child in care overdue: if it was held, record it, or the 903 has no review for it",
    returns=(SSDA903.code,),
    fix="Record the review",
)
def _care_review_overdue(people: Population) -> Iterator[Found]:
    # The review clocks' subject is the period of care, which the review form is reached by.
    for deadline in _overdue(people, REVIEW_CLOCKS):
        url = reverse("care_reviews:new_review", args=[int(deadline.subject_id)])
        yield Found(deadline.child_id, url, detail=f"Due {long_date(deadline.due_on)}")


@check(
    "cp_review_overdue",
    "Review child protection conference overdue: if it was held, record it, or the census has no review date",
    returns=(CIN_CENSUS.code,),
    fix="Record the review conference",
)
def _cp_review_overdue(people: Population) -> Iterator[Found]:
    # The review conference clocks' subject is the child protection plan.
    for deadline in _overdue(people, (FIRST_CP_REVIEW, LATER_CP_REVIEW)):
        url = reverse("child_protection:new_review_conference", args=[int(deadline.subject_id)])
        yield Found(deadline.child_id, url, detail=f"Due {long_date(deadline.due_on)}")


@check(
    "health_assessment_overdue",
    "Health assessment overdue: if it was done, record it, or the 903's OC2 says there was none",
    returns=(SSDA903.code,),
    fix="Record a health assessment",
)
def _health_overdue(people: Population) -> Iterator[Found]:
    for deadline in _overdue(people, HEALTH_CLOCKS):
        link = link_for(deadline)
        url = link.url if link else reverse("people:casework", args=[deadline.child_id])
        yield Found(deadline.child_id, url, detail=f"Due {long_date(deadline.due_on)}")


@check(
    "care_leaver_information_missing",
    "No care leaver information (in touch, activity, accommodation) for a 17th to 21st birthday: the 903's OC3 "
    "has no row for it",
    returns=(SSDA903.code,),
    fix="Record the birthday information",
)
def _care_leaver_birthday(people: Population) -> Iterator[Found]:
    start, on = people.start, people.on
    recorded = set(BirthdayContact.objects.filter(child__in=people.children).values_list("child_id", "birthday"))
    supports = (
        LeavingCareSupport.objects.filter(child__in=people.children, child__date_of_birth__isnull=False)
        .select_related("child")
        .order_by("child_id")
    )
    for support in supports:
        child = support.child
        assert child.date_of_birth is not None  # filtered above
        for age in OC3_BIRTHDAYS:
            birthday_on = anniversary(child.date_of_birth, years=age)
            if not start <= birthday_on < on or (child.pk, age) in recorded:
                continue
            # The 903 asks only about a young person who had left care by the birthday (rules 1007, 1016).
            if status_of(child, on=birthday_on).status in {CareLeaverStatus.RELEVANT, CareLeaverStatus.FORMER_RELEVANT}:
                yield Found(
                    child.pk,
                    reverse("care_leavers:new_birthday_contact", args=[child.pk]),
                    detail=f"{ordinal(age)} birthday, {long_date(birthday_on)}",
                )


# -- the view's rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataQualityIssue:
    check: Check
    child: Person
    url: str
    detail: str
    returns: tuple[str, ...]
    team: Team | None
    worker: StaffMember | None

    @property
    def affects(self) -> str:
        """The returns the issue affects, by name."""
        return ", ".join(title_of(code) for code in self.returns)


def find_issues(children: QuerySet[Person], *, on: date) -> list[DataQualityIssue]:
    """Every check over the children, by child (family name) then check: a handful of queries in all."""
    people = population(children, on=on)
    found = [(each, row) for each in CHECKS.values() for row in each.find(people)]
    ids = {row.child_id for _, row in found}
    persons = {person.pk: person for person in Person.objects.filter(pk__in=ids)}
    held = {
        allocation.child_id: allocation
        for allocation in Allocation.objects.filter(child_id__in=ids, ended_on__isnull=True).select_related(
            "team", "worker"
        )
    }
    order = {code: position for position, code in enumerate(CHECKS)}
    issues = [
        DataQualityIssue(
            check=each,
            child=persons[row.child_id],
            url=row.url,
            detail=row.detail,
            returns=row.returns or each.returns,
            team=held[row.child_id].team if row.child_id in held else None,
            worker=held[row.child_id].worker if row.child_id in held else None,
        )
        for each, row in found
        if row.child_id in persons
    ]
    return sorted(
        issues,
        key=lambda issue: (issue.child.family_name, issue.child.given_name, issue.child.pk, order[issue.check.code]),
    )


@dataclass(frozen=True)
class IssueCount:
    label: str
    issues: int
    children: int


def counts_by(issues: Iterable[DataQualityIssue], *, key: Callable[[DataQualityIssue], str]) -> list[IssueCount]:
    """Issues and children with issues, by team or by worker, most issues first."""
    tally: dict[str, tuple[int, set[int]]] = {}
    for issue in issues:
        label = key(issue)
        count, children = tally.get(label, (0, set()))
        children.add(issue.child.pk)
        tally[label] = (count + 1, children)
    rows = [IssueCount(label, count, len(children)) for label, (count, children) in tally.items()]
    return sorted(rows, key=lambda row: (-row.issues, row.label))
