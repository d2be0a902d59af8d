"""The Children in Need census, read straight from the child in need episodes (ADR 0007).

The referral *is* the census episode (``CINdetails``): its assessments, section 47 enquiries,
child in need plans and child protection plans hang from it, so nothing is inferred at census
time and nothing is cleaned here. A child is in the census when one of their episodes was open
at some time in the collection year: referred on or before 31 March, and not closed before 1
April. Within an episode, work that ended before the year began is last year's and is left out;
what ended after 31 March is shown as still open, as it was on the reference date.

The XML follows the year's schema (``CollectionYear.cin_schema``): elements in the schema's
order, dates as ISO ``YYYY-MM-DD``, yes/no as ``0``/``1``, sex as ``<Sex>`` M/F/U from 2024-25
(``<GenderCurrent>`` 1/2/0 before).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.timezone import localtime

from kith.assessments.models import Assessment, EnquiryOutcome, Section47Enquiry
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan, Conference, ConferenceKind
from kith.children_in_care.rules import anniversary
from kith.front_door.models import Referral
from kith.people.models import Person
from kith.platform import clock
from kith.platform.reference.dfe import Disability, Sex
from kith.platform.timescales.engine import due_on
from kith.platform.timescales.registry import get as timescale
from kith.returns.years import CollectionYear

# The DfE's three-digit number for the council (``LEA``). Hartlepool's, the demo authority, unless the
# settings name another (``DFE_LA_NUMBER``); ``kith returns cin --la-number`` overrides both.
HARTLEPOOL = "805"
SOFTWARE = "Kith"
# The census's InitialCPCtarget: the statutory 15 working days from the strategy discussion.
INITIAL_CONFERENCE = "child_protection.initial_conference"
# UPNunknown: not of school age; UPN not yet obtained; referral with no further action (rule 8772).
NOT_OF_SCHOOL_AGE = "UN1"
UPN_NOT_YET_OBTAINED = "UN4"
REFERRAL_NO_FURTHER_ACTION = "UN7"
GENDER_CURRENT = {Sex.MALE: "1", Sex.FEMALE: "2", Sex.UNKNOWN: "0"}
DISABILITY_ORDER = {code: position for position, code in enumerate(Disability.values)}


def la_number() -> str:
    found: str = getattr(settings, "DFE_LA_NUMBER", "") or HARTLEPOOL
    return found


def kith_version() -> str:
    try:
        return metadata.version("kith")
    except metadata.PackageNotFoundError:
        return "unknown"


def iso(day: date) -> str:
    return day.isoformat()


def yes_no(value: bool) -> str:
    """The schema's yes/no type: 0 or 1 (the 2024-26 schemas accept nothing else)."""
    return "1" if value else "0"


@dataclass(frozen=True)
class CinCensus:
    """One year's census, as the XML document to send."""

    year: CollectionYear
    root: ET.Element

    @property
    def file_name(self) -> str:
        return f"cin_census_{self.year.year}.xml"

    def to_bytes(self) -> bytes:
        tree = ET.ElementTree(self.root)
        ET.indent(tree)
        return ET.tostring(self.root, encoding="utf-8", xml_declaration=True) + b"\n"

    def write(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / self.file_name
        path.write_bytes(self.to_bytes())
        return path


def episodes_in(year: CollectionYear) -> Iterable[Referral]:
    """Every referral open at some time in the year, by child and date, with the work that hangs from it."""
    return (
        Referral.objects.filter(referral_date__lte=year.end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=year.start))
        .select_related("child")
        .prefetch_related(
            Prefetch("assessments", queryset=Assessment.objects.order_by("started_on", "pk")),
            Prefetch("child_in_need_plans", queryset=ChildInNeedPlan.objects.order_by("started_on", "pk")),
            Prefetch(
                "section_47_enquiries",
                queryset=Section47Enquiry.objects.select_related("strategy_discussion").order_by("started_on", "pk"),
            ),
            Prefetch(
                "conferences",
                queryset=Conference.objects.select_related("section_47_enquiry").order_by("held_on", "pk"),
            ),
            Prefetch("child_protection_plans", queryset=ChildProtectionPlan.objects.order_by("started_on", "pk")),
            "child__disabilities",
        )
        .order_by("child_id", "referral_date", "pk")
    )


def build_cin(year: CollectionYear, *, lea: str | None = None) -> CinCensus:
    by_child: dict[int, list[Referral]] = {}
    for referral in episodes_in(year):
        by_child.setdefault(referral.child_id, []).append(referral)
    message = ET.Element("Message")
    message.append(_header(year, lea or la_number()))
    children = ET.SubElement(message, "Children")
    for episodes in by_child.values():
        children.append(_child(episodes[0].child, episodes, year))
    return CinCensus(year=year, root=message)


# -- the document -----------------------------------------------------------------------------------


def _add(parent: ET.Element, tag: str, text: str | None) -> None:
    """An element with text; nothing at all when there is no value (optional elements are left out)."""
    if text:
        ET.SubElement(parent, tag).text = text


def _header(year: CollectionYear, lea: str) -> ET.Element:
    header = ET.Element("Header")
    details = ET.SubElement(header, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", str(year.year))
    _add(details, "ReferenceDate", iso(year.end))
    source = ET.SubElement(header, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", lea)
    _add(source, "SoftwareCode", SOFTWARE)
    _add(source, "Release", kith_version())
    _add(source, "SerialNo", "001")
    # Local time, as the council's staff would read it: xs:dateTime with no zone.
    _add(source, "DateTime", localtime(clock.now()).strftime("%Y-%m-%dT%H:%M:%S"))
    return header


def _child(person: Person, episodes: list[Referral], year: CollectionYear) -> ET.Element:
    child = ET.Element("Child")
    identifiers = ET.SubElement(child, "ChildIdentifiers")
    _add(identifiers, "LAchildID", person.kith_id)
    _add(identifiers, "UPN", person.upn)
    _add(identifiers, "FormerUPN", person.former_upn)
    if not person.upn:
        _add(identifiers, "UPNunknown", _unknown_upn(person, episodes, year))
    _add(identifiers, "PersonBirthDate", iso(person.date_of_birth) if person.date_of_birth else None)
    if person.date_of_birth is None and person.expected_date_of_birth is not None:
        _add(identifiers, "ExpectedPersonBirthDate", iso(person.expected_date_of_birth))
    if year.sex_codes == "MFU":
        _add(identifiers, "Sex", person.sex)
    else:
        _add(identifiers, "GenderCurrent", GENDER_CURRENT[Sex(person.sex)])
    if person.date_of_death is not None and person.date_of_death <= year.end:
        _add(identifiers, "PersonDeathDate", iso(person.date_of_death))

    characteristics = ET.SubElement(child, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", person.ethnicity)
    # Only what was recorded: no code at all is "not recorded", which DfE's rule 8540 wants put right (the
    # sector validator lets it pass, docs/domain/returns.md), never "NONE", a fact nobody gave.
    codes = sorted((row.code for row in person.disabilities.all()), key=DISABILITY_ORDER.__getitem__)
    if codes:
        disabilities = ET.SubElement(characteristics, "Disabilities")
        for code in codes:
            _add(disabilities, "Disability", code)

    for referral in episodes:
        child.append(_episode(referral, year))
    return child


def _unknown_upn(person: Person, episodes: list[Referral], year: CollectionYear) -> str:
    """Why no UPN is held: UN7 when every episode was a referral with no further action; UN1 for a child not
    yet of school age (born after 31 August six years before the reference date: 2021 for 2026-27, as
    rule 8770Q counts it);
    otherwise UN4, not yet obtained, which the census accepts but the council should put right."""
    if all(referral.no_further_action for referral in episodes):
        return REFERRAL_NO_FURTHER_ACTION
    born = person.date_of_birth
    school_age_from = date(year.start.year - 1, 8, 31)
    if born is None or anniversary(born, years=4) > school_age_from:
        return NOT_OF_SCHOOL_AGE
    return UPN_NOT_YET_OBTAINED


def _in_year(started: date, ended: date | None, year: CollectionYear) -> bool:
    return started <= year.end and (ended is None or ended >= year.start)


def _by_year_end(day: date | None, year: CollectionYear) -> date | None:
    """A date after 31 March had not happened yet on the reference date."""
    return day if day is not None and day <= year.end else None


def _episode(referral: Referral, year: CollectionYear) -> ET.Element:
    details = ET.Element("CINdetails")
    _add(details, "CINreferralDate", iso(referral.referral_date))
    _add(details, "ReferralSource", referral.source)
    _add(details, "PrimaryNeedCode", referral.primary_need)
    closed_on = _by_year_end(referral.closed_on, year)
    if closed_on is not None:
        _add(details, "CINclosureDate", iso(closed_on))
        _add(details, "ReasonForClosure", referral.closure_reason)
    initial_conferences = [
        conference
        for conference in referral.conferences.all()
        if conference.kind == ConferenceKind.INITIAL and year.start <= conference.held_on <= year.end
    ]
    # An initial conference after a section 47 enquiry of this episode is recorded with the enquiry; only one
    # without (an enquiry of another episode) is recorded on the episode itself (rule 2884: never both).
    unattached = [
        conference
        for conference in initial_conferences
        if conference.section_47_enquiry is None or conference.section_47_enquiry.referral_id != referral.pk
    ]
    if unattached:
        _add(details, "DateOfInitialCPC", iso(unattached[0].held_on))

    for assessment in referral.assessments.all():
        if assessment.is_about_the_child and _in_year(assessment.started_on, assessment.authorised_on, year):
            details.append(_assessment(assessment, year))
    for plan in referral.child_in_need_plans.all():
        if _in_year(plan.started_on, plan.ended_on, year):
            dates = ET.SubElement(details, "CINPlanDates")
            _add(dates, "CINPlanStartDate", iso(plan.started_on))
            ended_on = _by_year_end(plan.ended_on, year)
            _add(dates, "CINPlanEndDate", iso(ended_on) if ended_on else None)
    conference_after = {
        conference.section_47_enquiry_id: conference.held_on
        for conference in initial_conferences
        if conference.section_47_enquiry_id is not None
    }
    for enquiry in referral.section_47_enquiries.all():
        if _in_year(enquiry.started_on, enquiry.ended_on, year):
            details.append(_section_47(enquiry, conference_after.get(enquiry.pk), year))
    _add(details, "ReferralNFA", yes_no(referral.no_further_action))
    for cp_plan in referral.child_protection_plans.all():
        if _in_year(cp_plan.started_on, cp_plan.ended_on, year):
            conferences = [conference for conference in referral.conferences.all() if conference.plan_id == cp_plan.pk]
            details.append(_child_protection_plan(cp_plan, conferences, year))
    return details


def _assessment(assessment: Assessment, year: CollectionYear) -> ET.Element:
    element = ET.Element("Assessments")
    _add(element, "AssessmentActualStartDate", iso(assessment.started_on))
    # The census's completion date is the manager's authorisation; until then the assessment is open.
    authorised_on = _by_year_end(assessment.authorised_on, year)
    if authorised_on is not None:
        _add(element, "AssessmentAuthorisationDate", iso(authorised_on))
        # Factors belong to a completed assessment only (rule 8614).
        if assessment.factors:
            factors = ET.SubElement(element, "FactorsIdentifiedAtAssessment")
            for code in assessment.factors:
                _add(factors, "AssessmentFactors", code)
    return element


def _section_47(enquiry: Section47Enquiry, conference_on: date | None, year: CollectionYear) -> ET.Element:
    element = ET.Element("Section47")
    _add(element, "S47ActualStartDate", iso(enquiry.started_on))
    discussed_on = enquiry.strategy_discussion.held_on
    _add(element, "InitialCPCtarget", iso(due_on(timescale(INITIAL_CONFERENCE, on=discussed_on), discussed_on)))
    _add(element, "DateOfInitialCPC", iso(conference_on) if conference_on else None)
    _add(element, "ICPCnotRequired", yes_no(conference_not_required(enquiry, on=year.end)))
    return element


def conference_not_required(enquiry: Section47Enquiry, *, on: date) -> bool:
    """Whether the enquiry had ended by ``on`` with an outcome other than an initial conference (the census's
    ICPCnotRequired, Annex A's "initial conference deemed unnecessary")."""
    ended_by_then = enquiry.ended_on is not None and enquiry.ended_on <= on
    return ended_by_then and enquiry.outcome != EnquiryOutcome.INITIAL_CONFERENCE


def _child_protection_plan(
    plan: ChildProtectionPlan, conferences: list[Conference], year: CollectionYear
) -> ET.Element:
    element = ET.Element("ChildProtectionPlans")
    _add(element, "CPPstartDate", iso(plan.started_on))
    ended_on = _by_year_end(plan.ended_on, year)
    _add(element, "CPPendDate", iso(ended_on) if ended_on else None)
    _add(element, "InitialCategoryOfAbuse", plan.initial_category)
    _add(element, "LatestCategoryOfAbuse", latest_category(plan, conferences, on=year.end))
    _add(element, "NumberOfPreviousCPP", str(plan.previous_plans))
    reviews = [
        conference.held_on
        for conference in conferences
        if conference.kind == ConferenceKind.REVIEW and year.start <= conference.held_on <= year.end
    ]
    if reviews:
        dates = ET.SubElement(element, "Reviews")
        for held_on in reviews:
            _add(dates, "CPPreviewDate", iso(held_on))
    return element


def latest_category(plan: ChildProtectionPlan, conferences: list[Conference], *, on: date) -> str:
    """The plan's category as it stood on ``on``: the last of its conferences (oldest first) held by then that
    decided one, else the category the plan began with."""
    held_by_then = [conference for conference in conferences if conference.held_on <= on]
    return next((c.category for c in reversed(held_by_then) if c.category), plan.initial_category)
