"""Reconciling the returns: Annex A, the CIN census and the SSDA903 count the same work where their
periods overlap, so their counts must agree; where they do not, this says which children and why.

The three are built from the same records by different writers, so a difference means one writer
reads the records differently (a bug) or the returns define the measure differently (explained
beside the figure). The comparison is for an Annex A as at the last day of a collection year
(31 March), whose six-month look-back lies inside that year, so one census and one 903 cover it:

* referrals received in the six months: Annex A List 3 against the census's CIN details;
* child protection plans running at some time in the six months: List 7 against the census's plans;
* children looked after at some time in the six months: List 8 against the 903's episodes (short
  breaks, V3 and V4, are in the 903 but not in List 8).

Each is compared child by child and date by date, not only by count, so two differences that cancel
out still show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from kith.returns.annex_a.columns import LISTS
from kith.returns.annex_a.period import Inspection
from kith.returns.annex_a.workbook import AnnexA, build_annex_a
from kith.returns.cin_census import CinCensus, build_cin
from kith.returns.ssda903 import Return903, build_903
from kith.returns.years import CollectionYear

SHORT_BREAKS = frozenset({"V3", "V4"})

# A child, and the day that tells one piece of their work from another (blank when the measure counts children).
Key = tuple[str, str]


@dataclass(frozen=True)
class Comparison:
    measure: str
    annex_a: frozenset[Key]
    other_return: str
    other: frozenset[Key]
    # How the two returns define the measure differently, when they do.
    known_difference: str = ""

    @property
    def agrees(self) -> bool:
        return self.annex_a == self.other

    @property
    def only_in_annex_a(self) -> list[Key]:
        return sorted(self.annex_a - self.other)

    @property
    def only_in_other(self) -> list[Key]:
        return sorted(self.other - self.annex_a)


def reconcile(year: CollectionYear) -> list[Comparison]:
    """Compare Annex A as at 31 March of ``year`` with that year's CIN census and SSDA903."""
    inspection = Inspection(on=year.end)
    return compare(inspection, annex=build_annex_a(year.end), census=build_cin(year), looked_after=build_903(year))


def compare(inspection: Inspection, *, annex: AnnexA, census: CinCensus, looked_after: Return903) -> list[Comparison]:
    window = (inspection.six_months_before, inspection.on)
    return [
        Comparison(
            "Referrals received in the six months",
            _column_keys(annex, "List 3", "Date of referral"),
            "CIN census",
            frozenset(
                (child, details.findtext("CINreferralDate", ""))
                for child, details in _census_details(census)
                if _within(details.findtext("CINreferralDate"), *window)
            ),
        ),
        Comparison(
            "Child protection plans running in the six months",
            _column_keys(annex, "List 7", "Child Protection Plan Start Date"),
            "CIN census",
            frozenset(
                (child, plan.findtext("CPPstartDate", ""))
                for child, details in _census_details(census)
                for plan in details.findall("ChildProtectionPlans")
                if _running(plan.findtext("CPPstartDate"), plan.findtext("CPPendDate"), *window)
            ),
        ),
        Comparison(
            "Children looked after in the six months",
            frozenset((str(row[0]), "") for row in annex.lists["List 8"]),
            "SSDA903",
            frozenset(
                (episode["CHILD"], "")
                for episode in looked_after.tables["episodes"]
                if episode["LS"] not in SHORT_BREAKS and _running(_iso(episode["DECOM"]), _iso(episode["DEC"]), *window)
            ),
            known_difference="Short breaks (V3, V4) are in the 903 but not in List 8",
        ),
    ]


def _column_keys(annex: AnnexA, sheet: str, column: str) -> frozenset[Key]:
    at = LISTS[sheet].index(column)
    return frozenset((str(row[0]), _as_iso(row[at])) for row in annex.lists[sheet])


def _census_details(census: CinCensus) -> Iterable[tuple[str, ET.Element]]:
    for child in census.root.findall("Children/Child"):
        child_id = child.findtext("ChildIdentifiers/LAchildID", "")
        for details in child.findall("CINdetails"):
            yield child_id, details


def _as_iso(value: object) -> str:
    return value.isoformat()[:10] if isinstance(value, date) else str(value or "")


def _iso(day_month_year: str) -> str | None:
    """A 903 date (dd/mm/YYYY) as ISO, or None when blank."""
    if not day_month_year:
        return None
    day, month, year = day_month_year.split("/")
    return f"{year}-{month}-{day}"


def _within(day: str | None, start: date, end: date) -> bool:
    return day is not None and start.isoformat() <= day <= end.isoformat()


def _running(started: str | None, ended: str | None, start: date, end: date) -> bool:
    return started is not None and started <= end.isoformat() and (not ended or ended >= start.isoformat())
