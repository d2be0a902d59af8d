"""The calibration report: each rate, computed from the records by queries, beside its target.

The targets are England's (shared/domain/returns.md §6) and the real councils' (inspection_
findings.md §3, §6). A rate per 10,000 divides by the profile's child population. Nothing here
reads the generator's own counters: what is reported is what the database holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from kith.assessments.models import Section47Enquiry
from kith.assessments.timescales import SINGLE_ASSESSMENT
from kith.care_leavers.models import BirthdayContact
from kith.child_protection.models import ChildProtectionPlan, Conference
from kith.child_protection.timescales import INITIAL_CONFERENCE
from kith.children_in_care.models import PeriodOfCare, Placement
from kith.education.models import PepMeeting
from kith.front_door.models import Referral
from kith.legal.queries import CARE_PROCEEDINGS_CLOCK
from kith.platform.calendar.working_days import add_months
from kith.platform.reference.ssda903 import ADOPTED
from kith.platform.timescales.models import Deadline
from kith.synthetic.generator.sizes import SizeProfile

EET_CODES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")


@dataclass(frozen=True)
class Rate:
    name: str
    value: float | None
    target: float
    unit: str
    source: str

    def line(self) -> str:
        shown = "n/a" if self.value is None else f"{self.value:.1f}"
        return f"{self.name:<58} {shown:>8} {self.unit:<7} target {self.target:g} {self.unit}  ({self.source})"


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100 * part / whole


def rates(profile: SizeProfile, as_of: date) -> list[Rate]:
    """The calibrated rates for the year ending on ``as_of`` (and the snapshot on that day)."""
    per_10k = 10_000 / profile.children
    year_from = as_of - timedelta(days=365)
    referrals = Referral.objects.filter(referral_date__gt=year_from, referral_date__lte=as_of)
    referral_count = referrals.count()
    re_referrals = referrals.filter(is_re_referral=True).count()
    assessments = _timeliness(SINGLE_ASSESSMENT.code, year_from, as_of)
    conferences_on_time = _timeliness(INITIAL_CONFERENCE.code, year_from, as_of)
    enquiries = Section47Enquiry.objects.filter(started_on__gt=year_from, started_on__lte=as_of).count()
    initial = Conference.objects.filter(kind="initial", held_on__gt=year_from, held_on__lte=as_of).count()
    plans_open = ChildProtectionPlan.objects.filter(started_on__lte=as_of).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=as_of)
    )
    plans_started = ChildProtectionPlan.objects.filter(started_on__gt=year_from, started_on__lte=as_of)
    neglect = plans_started.filter(initial_category="NEG").count()
    # The 26-week clock starts with a care or supervision application and is met when it ends.
    proceedings_on_time = _timeliness(CARE_PROCEEDINGS_CLOCK, year_from, as_of)
    in_care = PeriodOfCare.objects.filter(started_on__lte=as_of).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=as_of)
    )
    looked_after = in_care.count()
    unaccompanied = (
        in_care.filter(child__uasc__became_uasc_on__lte=as_of).exclude(child__uasc__ceased_on__lte=as_of).count()
    )
    left = PeriodOfCare.objects.filter(ended_on__gt=year_from, ended_on__lte=as_of)
    adopted = left.filter(reason_ceased__in=ADOPTED).count()
    unsettled = (
        in_care.annotate(
            moves=Count(
                "placements",
                filter=Q(placements__started_on__lte=as_of)
                & (Q(placements__ended_on__isnull=True) | Q(placements__ended_on__gt=year_from)),
            )
        )
        .filter(moves__gte=3)
        .count()
    )
    current = Placement.objects.filter(period__in=in_care, started_on__lte=as_of).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=as_of)
    )
    fostered = current.filter(placement_type__startswith="U").count()
    pep_current, of_school_age = _peps_current(in_care, as_of)
    birthdays = BirthdayContact.objects.filter(contact_on__gt=year_from, contact_on__lte=as_of, in_touch="YES")
    in_touch = birthdays.count()
    return [
        Rate("Referrals per 10,000 children", referral_count * per_10k, 518, "per 10k", "CIN census 2025"),
        Rate("Re-referrals within 12 months", _share(re_referrals, referral_count), 22, "%", "CIN census 2025"),
        Rate("Assessments authorised within 45 working days", assessments, 86, "%", "CIN census 2025"),
        Rate("Section 47 enquiries per 10,000", enquiries * per_10k, 189, "per 10k", "CIN census 2025"),
        Rate("Initial conferences per 10,000", initial * per_10k, 59, "per 10k", "CIN census 2025"),
        Rate("Initial conferences within 15 working days", conferences_on_time, 81, "%", "CIN census 2025"),
        Rate(
            "Child protection plans per 10,000 (as-of date)",
            plans_open.count() * per_10k,
            40.5,
            "per 10k",
            "CIN census 2025",
        ),
        Rate("Plans started for neglect", _share(neglect, plans_started.count()), 48, "%", "CIN census (approx.)"),
        Rate(
            "Looked-after children per 10,000 (as-of date)",
            looked_after * per_10k,
            profile.looked_after_per_10k,
            "per 10k",
            "SSDA903; inspection_findings §6",
        ),
        Rate(
            "Looked-after children who are UASC (as-of date)",
            _share(unaccompanied, looked_after),
            8.8,
            "%",
            "SSDA903 2024 (7,380 of 83,630)",
        ),
        Rate(
            "Looked-after children with 3+ placements in the year",
            _share(unsettled, looked_after),
            10,
            "%",
            "SSDA903 stability",
        ),
        Rate(
            "Looked-after children in foster placements", _share(fostered, looked_after), 68, "%", "SSDA903 (approx.)"
        ),
        Rate(
            "Care proceedings concluded within 26 weeks",
            proceedings_on_time,
            34,
            "%",
            "Family Court Statistics Quarterly, Jul–Sep 2024",
        ),
        Rate(
            "Children leaving care who were adopted",
            _share(adopted, left.count()),
            8.9,
            "%",
            "SSDA903 2024 (2,980 of 33,620)",
        ),
        Rate(
            "School-age looked-after children with a PEP reviewed this term",
            _share(pep_current, of_school_age),
            94,
            "%",
            "Redcar, inspection_findings M55",
        ),
        Rate(
            "Care leavers in education, training or work",
            _share(birthdays.filter(activity__in=EET_CODES).count(), in_touch),
            56,
            "%",
            "SSDA903 care leavers",
        ),
        Rate(
            "Care leavers in suitable accommodation",
            _share(birthdays.filter(accommodation_suitable=True).count(), in_touch),
            88,
            "%",
            "SSDA903 care leavers",
        ),
    ]


def _peps_current(in_care: QuerySet[PeriodOfCare], as_of: date) -> tuple[int, int]:
    """Of the children of school age (5 to 17) looked after for at least a month on ``as_of``, how many
    had a PEP meeting in the last four months (a term and its holiday), and how many there are."""
    settled_in = in_care.filter(
        started_on__lte=as_of - timedelta(days=30),
        child__date_of_birth__lte=add_months(as_of, -5 * 12),
        child__date_of_birth__gt=add_months(as_of, -18 * 12),
    )
    recent = PepMeeting.objects.filter(
        plan__period=OuterRef("pk"), held_on__gt=as_of - timedelta(days=122), held_on__lte=as_of
    )
    return settled_in.filter(Exists(recent)).count(), settled_in.count()


def _timeliness(code: str, year_from: date, as_of: date) -> float | None:
    met = Deadline.objects.filter(timescale_code=code, met_on__gt=year_from, met_on__lte=as_of)
    return _share(met.filter(met_on__lte=F("due_on")).count(), met.count())


def report(profile: SizeProfile, as_of: date) -> str:
    lines = [
        f"Calibration for the year to {as_of.isoformat()} ({profile.name}: {profile.children:,} children aged 0–17)"
    ]
    lines += [rate.line() for rate in rates(profile, as_of)]
    return "\n".join(lines)
