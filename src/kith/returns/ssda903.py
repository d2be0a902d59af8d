"""The SSDA903 return (children looked after), read straight from what the care areas recorded.

Every row is a plain read of records the actions kept valid as they were written: the
episodes of ``kith.children_in_care`` (ADR 0009), the reviews of ``kith.care_reviews``,
missing episodes, UASC status, health checks for OC2, the care leavers' birthday records for
OC3, and the adoption tables. Nothing is re-keyed and nothing is cleaned here: where the
return finds a problem, the fix belongs in the action that let it in.

Files are one CSV per table with the exact headers the sector validator identifies them
by, dates as dd/mm/YYYY, blank for missing, UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db.models import Q
from django.utils.timezone import localtime

from kith.adoption.queries import ad1_row, placed_adoption_rows
from kith.care_leavers.queries import birthday_contacts
from kith.care_reviews.models import Review
from kith.children_in_care.models import Episode, PeriodOfCare, Placement
from kith.children_in_care.rules import anniversary
from kith.health.models import DentalCheck, HealthAssessment, ImmunisationCheck, SdqScore
from kith.missing.queries import in_care_episodes
from kith.people.models import Person, Relationship
from kith.platform.reference.dfe import Sex
from kith.platform.reference.ssda903 import ADOPTED, FOSTER_AND_ADOPTIVE_PLACEMENTS
from kith.returns.years import CollectionYear
from kith.uasc.models import UascRecord
from kith.uasc.queries import duc_903, uasc_record
from kith.workforce.models import Allocation
from kith.youth_justice.queries import convicted_between

COLUMNS: dict[str, tuple[str, ...]] = {
    "header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "uasc": ("CHILD", "SEX", "DOB", "DUC"),
    "oc2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    "oc3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "ad1": ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    "placed_for_adoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    "previous_permanence": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "sw_episodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    "DoLo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
}

# A placement with no Ofsted registration to name writes this in URN (the 903 guide's convention).
NO_URN = "XXXXXXX"
# PREV_PERM when nothing is recorded about an order before care: "not known" (rule 631).
PREVIOUS_PERMANENCE_NOT_KNOWN = "P4"
# SW_REASON: Kith does not yet record why a worker changed, so every episode says "other" (rule SW13STG1).
SW_REASON_OTHER = "OTHERS"

Row = dict[str, str]
# How the return writes a date (dd/mm/YYYY), and so how it is read back.
DAY_FORMAT = "%d/%m/%Y"


def day(value: date | None) -> str:
    return value.strftime(DAY_FORMAT) if value else ""


def _flag(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


@dataclass(frozen=True)
class Return903:
    """One year's return: the rows of each table, by file name."""

    year: CollectionYear
    tables: dict[str, list[Row]]

    def write(self, directory: Path) -> list[Path]:
        """One CSV per table, UTF-8 without a byte-order mark, in ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for name in self.year.tables_903:
            path = directory / f"{name}.csv"
            with path.open("w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=COLUMNS[name], lineterminator="\n")
                writer.writeheader()
                writer.writerows(self.tables.get(name, []))
            written.append(path)
        return written


def episodes_in(year: CollectionYear) -> Iterable[Episode]:
    """Every episode open at some time in the year, by child and start."""
    return (
        Episode.objects.filter(started_on__lte=year.end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=year.start))
        .select_related("placement", "child")
        .order_by("child_id", "started_on", "pk")
    )


def build_903(year: CollectionYear) -> Return903:
    episodes = list(episodes_in(year))
    children: dict[int, Person] = {}
    for episode in episodes:
        children.setdefault(episode.child_id, episode.child)
    people = sorted(children.values(), key=lambda person: person.pk)
    unaccompanied = set(
        UascRecord.objects.filter(child__in=people, became_uasc_on__lte=year.end).values_list("child_id", flat=True)
    )
    tables: dict[str, list[Row]] = {
        "header": [_header(person, year) for person in people],
        "episodes": [
            _episode(episode, year, home_postcode=episode.child_id not in unaccompanied) for episode in episodes
        ],
        "reviews": _reviews(people, year),
        "uasc": _uasc(people, year),
        "oc2": _oc2(people, year),
        "oc3": [row for person in people for row in _oc3(person, year)],
        "ad1": [row for person in people for row in _ad1(person, year)],
        "placed_for_adoption": [row for person in people for row in _placed(person, year)],
        "previous_permanence": [_previous_permanence(person, year) for person in _started_in(episodes, year)],
        "missing": _missing(people, year),
        "sw_episodes": _sw_episodes(people, year),
        "DoLo": [],
    }
    return Return903(year=year, tables=tables)


# -- the tables ------------------------------------------------------------------------------------


def _sex(person: Person, year: CollectionYear) -> str:
    if year.sex_codes == "MFU":
        return person.sex
    return {Sex.MALE: "1", Sex.FEMALE: "2"}.get(Sex(person.sex), "")


def _header(person: Person, year: CollectionYear) -> Row:
    mother, first_child_born = _motherhood(person, year)
    return {
        "CHILD": person.kith_id,
        "SEX": _sex(person, year),
        "DOB": day(person.date_of_birth),
        "ETHNIC": person.ethnicity,
        "UPN": person.upn or _unknown_upn(person, year),
        "MOTHER": mother,
        "MC_DOB": day(first_child_born),
    }


def _unknown_upn(person: Person, year: CollectionYear) -> str:
    """No UPN held: UN1 for a child not yet of school age (rule 209), else UN4 (not yet obtained), which the
    return questions for a child in care over a week (rule 210): the UPN should be recorded."""
    born = person.date_of_birth
    school_age_from = date(year.start.year - 1, 8, 31)
    if born is not None and anniversary(born, years=4) > school_age_from:
        return "UN1"
    return "UN4"


def _motherhood(person: Person, year: CollectionYear) -> tuple[str, date | None]:
    """MOTHER: 1 when Kith holds the young woman as parent of a child born by the end of the year, else 0.
    Blank for boys, as the return expects (rules 165, 174)."""
    if person.sex != Sex.FEMALE:
        return "", None
    births = [
        born
        for born in Relationship.objects.filter(person=person, kind="parent").values_list(
            "relative__date_of_birth", flat=True
        )
        if born is not None and born <= year.end
    ]
    return ("1", min(births)) if births else ("0", None)


def _episode(episode: Episode, year: CollectionYear, *, home_postcode: bool = True) -> Row:
    """One episode's row. A child who is or was UASC has no home postcode in the return: the distance the
    validator works out from it must be blank for them (rule 406)."""
    placement = episode.placement
    ended_in_year = episode.ended_on is not None and episode.ended_on <= year.end
    return {
        "CHILD": episode.child.kith_id,
        "DECOM": day(episode.started_on),
        "RNE": episode.reason_new_episode,
        "LS": episode.legal_status,
        "CIN": episode.category_of_need,
        "PLACE": placement.placement_type,
        "PLACE_PROVIDER": placement.provider,
        "DEC": day(episode.ended_on) if ended_in_year else "",
        "REC": episode.reason_ceased if ended_in_year else "",
        "REASON_PLACE_CHANGE": episode.reason_for_placement_change if ended_in_year else "",
        "HOME_POST": placement.home_postcode if home_postcode else "",
        "PL_POST": placement.postcode,
        "URN": urn(placement),
    }


def urn(placement: Placement) -> str:
    """The placement's Ofsted URN. With none to name, a foster or adoptive placement writes ``NO_URN`` (rule 242
    allows it for those alone) and the placements no registration covers are left blank (rules 218, 222)."""
    if placement.urn:
        return placement.urn
    return NO_URN if placement.placement_type in FOSTER_AND_ADOPTIVE_PLACEMENTS else ""


def _reviews(people: list[Person], year: CollectionYear) -> list[Row]:
    born = {person.pk: person.date_of_birth for person in people}
    ids = {person.pk: person.kith_id for person in people}
    return [
        {
            "CHILD": ids[review.child_id],
            "DOB": day(born[review.child_id]),
            "REVIEW": day(review.held_on),
            "REVIEW_CODE": review.participation,
        }
        for review in Review.objects.filter(child_id__in=ids, held_on__range=(year.start, year.end)).order_by(
            "child_id", "held_on"
        )
    ]


def _uasc(people: list[Person], year: CollectionYear) -> list[Row]:
    rows = []
    for person in people:
        record = uasc_record(person)
        if record is None or record.became_uasc_on > year.end:
            continue
        rows.append(
            {
                "CHILD": person.kith_id,
                "SEX": _sex(person, year),
                "DOB": day(person.date_of_birth),
                "DUC": day(duc_903(record)),
            }
        )
    return rows


def looked_after_continuously_for_12_months(person: Person, year: CollectionYear) -> bool:
    """OC2's children: looked after throughout the year, in a period of care that began on or before 1 April and
    had not ended before 31 March (one ending on 31 March counts, as the DfE's definition and the validator
    count it: rule 191)."""
    return PeriodOfCare.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=year.end), child=person, started_on__lte=year.start
    ).exists()


def _oc2(people: list[Person], year: CollectionYear) -> list[Row]:
    rows = []
    for person in people:
        if not looked_after_continuously_for_12_months(person, year):
            continue
        in_year = {"child": person}
        assessments = HealthAssessment.objects.filter(**in_year, assessed_on__range=(year.start, year.end))
        latest_assessment = assessments.order_by("-assessed_on").first()
        immunisations = (
            ImmunisationCheck.objects.filter(**in_year, checked_on__lte=year.end).order_by("-checked_on").first()
        )
        sdq = (
            SdqScore.objects.filter(**in_year, completed_on__range=(year.start, year.end))
            .order_by("-completed_on")
            .first()
        )
        born = person.date_of_birth
        # An SDQ is wanted for children aged 4 or over at 31 March and under 17 on 1 April, so also for
        # those turning 4 or 17 in the year (rules 188, 189 and 197B).
        sdq_age = (
            born is not None and anniversary(born, years=4) <= year.end and anniversary(born, years=17) > year.start
        )
        rows.append(
            {
                "CHILD": person.kith_id,
                "DOB": day(born),
                "SDQ_SCORE": str(sdq.score) if sdq and sdq_age else "",
                "SDQ_REASON": "" if (sdq or not sdq_age) else "SDQ5",
                # Conviction data is for children aged 10 or over at 31 March (rule 542).
                "CONVICTED": _flag(convicted_between(person, year.start, year.end))
                if born is not None and anniversary(born, years=10) <= year.end
                else "",
                # The developmental check is for children under 5 at 31 March only (rule 546).
                "HEALTH_CHECK": _flag(latest_assessment is not None)
                if born is not None and anniversary(born, years=5) > year.end
                else "",
                "IMMUNISATIONS": _flag(immunisations.up_to_date if immunisations else False),
                "TEETH_CHECK": _flag(
                    DentalCheck.objects.filter(**in_year, checked_on__range=(year.start, year.end)).exists()
                ),
                "HEALTH_ASSESSMENT": _flag(latest_assessment is not None),
                "SUBSTANCE_MISUSE": _flag(bool(latest_assessment and latest_assessment.substance_misuse)),
                "INTERVENTION_RECEIVED": _flag(latest_assessment.intervention_received)
                if latest_assessment and latest_assessment.substance_misuse
                else "",
                "INTERVENTION_OFFERED": _flag(latest_assessment.intervention_offered)
                if latest_assessment and latest_assessment.substance_misuse
                else "",
            }
        )
    return rows


def _oc3(person: Person, year: CollectionYear) -> list[Row]:
    """The OC3 row of a birthday (17th to 21st) in the year, unless care ended in the year on or after
    that birthday: the return does not want it then (rule 1016)."""
    born = person.date_of_birth
    if born is None:
        return []
    ages = [age for age in range(17, 22) if year.start <= anniversary(born, years=age) <= year.end]
    if not ages:
        return []
    birthday = anniversary(born, years=ages[0])
    if PeriodOfCare.objects.filter(child=person, ended_on__range=(birthday, year.end)).exists():
        return []
    contact = birthday_contacts(person).filter(birthday=ages[0]).first()
    if contact is None:
        return []
    return [
        {
            "CHILD": person.kith_id,
            "DOB": day(born),
            "IN_TOUCH": contact.in_touch,
            "ACTIV": contact.activity,
            "ACCOM": contact.accom_code,
        }
    ]


def _ad1(person: Person, year: CollectionYear) -> list[Row]:
    """Only for a child adopted in the year: care ended by an adoption order (rules 187, 602)."""
    row = ad1_row(person)
    adopted = PeriodOfCare.objects.filter(
        child=person, reason_ceased__in=ADOPTED, ended_on__range=(year.start, year.end)
    ).exists()
    if row is None or not adopted:
        return []
    return [
        {
            "CHILD": person.kith_id,
            "DOB": day(person.date_of_birth),
            "DATE_INT": day(row["DATE_INT"]),
            "DATE_MATCH": day(row["DATE_MATCH"]),
            "FOSTER_CARE": str(row["FOSTER_CARE"]),
            "NB_ADOPTR": str(row["NB_ADOPTR"]),
            "SEX_ADOPTR": row["SEX_ADOPTR"],
            "LS_ADOPTR": row["LS_ADOPTR"],
        }
    ]


def _placed(person: Person, year: CollectionYear) -> list[Row]:
    """Each decision that the child should be placed for adoption made by the year's end, except one that
    ceased before the year began: that was last year's to report (rules 118, 561, 584)."""
    return [
        {
            "CHILD": person.kith_id,
            "DOB": day(person.date_of_birth),
            "DATE_PLACED": day(row["DATE_PLACED"]),
            "DATE_PLACED_CEASED": day(row["DATE_PLACED_CEASED"])
            if row["DATE_PLACED_CEASED"] and row["DATE_PLACED_CEASED"] <= year.end
            else "",
            "REASON_PLACED_CEASED": row["REASON_PLACED_CEASED"]
            if row["DATE_PLACED_CEASED"] and row["DATE_PLACED_CEASED"] <= year.end
            else "",
        }
        for row in placed_adoption_rows(person)
        if row["DATE_PLACED"] <= year.end and not (row["DATE_PLACED_CEASED"] and row["DATE_PLACED_CEASED"] < year.start)
    ]


def _started_in(episodes: list[Episode], year: CollectionYear) -> list[Person]:
    """Children whose care began in the year: the previous permanence table is about them."""
    seen: dict[int, Person] = {}
    for episode in episodes:
        if episode.reason_new_episode == "S" and year.start <= episode.started_on <= year.end:
            seen.setdefault(episode.child_id, episode.child)
    return list(seen.values())


def _previous_permanence(person: Person, year: CollectionYear) -> Row:
    """As recorded on becoming looked after; an unanswered question goes as P4, which the validator
    questions (rule 630) so the answer is sought."""
    period = (
        PeriodOfCare.objects.filter(child=person, started_on__range=(year.start, year.end))
        .order_by("started_on")
        .first()
    )
    code = period.previous_permanence if period is not None else ""
    return {
        "CHILD": person.kith_id,
        "DOB": day(person.date_of_birth),
        "PREV_PERM": code or PREVIOUS_PERMANENCE_NOT_KNOWN,
        "LA_PERM": period.previous_permanence_la if period is not None else "",
        "DATE_PERM": day(period.previous_permanence_on) if period is not None else "",
    }


def _missing(people: list[Person], year: CollectionYear) -> list[Row]:
    ids = {person.pk: person for person in people}
    rows = []
    for episode in in_care_episodes().filter(child_id__in=ids).order_by("child_id", "started_at"):
        started = localtime(episode.started_at).date()
        ended = localtime(episode.ended_at).date() if episode.ended_at else None
        if started > year.end or (ended is not None and ended < year.start):
            continue
        person = ids[episode.child_id]
        rows.append(
            {
                "CHILD": person.kith_id,
                "DOB": day(person.date_of_birth),
                "MISSING": episode.kind,
                "MIS_START": day(started),
                "MIS_END": day(ended) if ended and ended <= year.end else "",
            }
        )
    return rows


def _sw_episodes(people: list[Person], year: CollectionYear) -> list[Row]:
    """The child's allocated social workers while looked after in the year, each named by an
    XX-prefixed Kith staff number (SW02STG1).

    The return is about care, and the validator holds its social worker episodes to the child's care:
    a worker allocated before care began is returned from the day it began (SW12STG2); one allocated
    only before care began, or only after it ended, is left out (SW12STG2); and the worker at the end
    of care is the child's latest, so their episode is left open (SW17STG2) unless it ended while the
    child was still looked after.
    """
    care: dict[int, tuple[date, date | None]] = {}
    for child_id, started_on, ended_on in (
        PeriodOfCare.objects.filter(child__in=people, started_on__lte=year.end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=year.start))
        .order_by("started_on")
        .values_list("child_id", "started_on", "ended_on")
    ):
        began = care[child_id][0] if child_id in care else started_on
        care[child_id] = (began, ended_on)  # the latest period's end: None while still looked after
    rows = []
    for allocation in (
        Allocation.objects.filter(child__in=people, worker__isnull=False, started_on__lte=year.end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=year.start))
        .select_related("child")
        .order_by("child_id", "started_on")
    ):
        if allocation.child_id not in care:
            continue
        began, care_ended = care[allocation.child_id]
        if allocation.ended_on is not None and allocation.ended_on <= began:
            continue
        if care_ended is not None and allocation.started_on > care_ended:
            continue
        ended = allocation.ended_on
        if ended is not None and (ended > year.end or (care_ended is not None and ended > care_ended)):
            ended = None
        rows.append(
            {
                "CHILD": allocation.child.kith_id,
                "DOB": day(allocation.child.date_of_birth),
                "SW_ID": f"XX{allocation.worker_id:06d}",
                "SW_DECOM": day(max(allocation.started_on, began)),
                "SW_DEC": day(ended),
                # The reason is wanted for every social worker episode begun since April 2023 (SW13STG1).
                "SW_REASON": SW_REASON_OTHER,
            }
        )
    return rows
