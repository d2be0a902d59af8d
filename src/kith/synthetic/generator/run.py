"""Living the years: set up the service, write in the opening caseload, then work through every day.

``generate`` refuses an authority that already exists and a configuration the calendar or the
timescales cannot cover; it runs in one transaction, so a run either completes or leaves nothing.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import IO, Any

from django.db import connection, transaction
from tqdm import tqdm  # type: ignore[import-untyped]

from kith.adoption.models import AdoptionPlan
from kith.assessments.models import Assessment, Section47Enquiry
from kith.care_leavers.models import BirthdayContact, LeavingCareSupport
from kith.care_reviews.models import Review
from kith.child_in_need.models import ChildInNeedPlan
from kith.child_protection.models import ChildProtectionPlan, Conference
from kith.children_in_care.models import PeriodOfCare, Placement
from kith.education.models import PepMeeting, PersonalEducationPlan, SchoolPlace
from kith.front_door.models import Contact, Referral
from kith.legal.models import CareProceedings
from kith.missing.models import MissingEpisode
from kith.people.models import Person
from kith.platform import clock
from kith.platform.actions import without_savepoints
from kith.platform.calendar.working_days import COVERED_TO, CalendarNotCovered, add_months, is_working_day
from kith.platform.chronology.models import CaseEvent
from kith.platform.timescales.models import Deadline
from kith.quality.models import ManagementDecision
from kith.synthetic.generator import checkpoints, opening, uasc
from kith.synthetic.generator.authority import set_up_authority
from kith.synthetic.generator.front_door import contact_arrives, contacts_today
from kith.synthetic.generator.population import People
from kith.synthetic.generator.sizes import PROFILES
from kith.synthetic.generator.world import LONDON, World, at
from kith.synthetic.models import GenerationRun
from kith.uasc.models import UascRecord
from kith.visits.models import Visit
from kith.workforce.models import StaffMember, Team

# The timescales Kith declares are in force from 2013-14: no story reaches back before this.
EARLIEST = date(2014, 1, 1)
# How long a resumable run lives between checkpoints (then it waits for the next month's end): a
# sitting cut short loses at most this much, and each checkpoint costs a second or two.
CHECKPOINT_EVERY = 300.0


class GenerationRefused(ValueError):
    """The configuration cannot be generated; the message says why and what to do."""


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]
    fingerprint: str

    def lines(self) -> list[str]:
        return [f"{name:<28} {count:>9,}" for name, count in self.counts.items()] + [f"fingerprint {self.fingerprint}"]


def generate(
    *,
    size: str,
    seed: int,
    as_of: date,
    years: int = 1,
    progress: IO[str] | None = None,
    resumable: bool = False,
    checkpoint_every: float = CHECKPOINT_EVERY,
) -> tuple[World, Summary]:
    """Generate the authority in an empty database; returns the run's world and a summary of the records.

    A resumable run commits at a month's end once ``checkpoint_every`` seconds have passed since its
    last checkpoint, and can be carried on with ``resume`` if it stops (``checkpoints`` says how).
    """
    if size not in PROFILES:
        raise GenerationRefused(f"Unknown size {size!r}: choose one of {', '.join(PROFILES)}")
    if years < 1:
        raise GenerationRefused("--years must be 1 or more")
    if as_of > clock.today():
        raise GenerationRefused(f"The as-of date {as_of.isoformat()} is in the future: choose today or earlier")
    start = add_months(as_of, -12 * years) + timedelta(days=1)
    world = World.begin(PROFILES[size], seed=seed, start=start, as_of=as_of)
    first_day = opening.lead_in_start(world)
    if first_day < EARLIEST:
        raise GenerationRefused(
            f"{_years(years)} before {as_of.isoformat()}, with the opening caseload's "
            f"{_years(world.profile.opening_years)} before that, reaches "
            f"{first_day.isoformat()}: Kith's timescales start in 2013-14, so the run must begin after "
            f"{EARLIEST.isoformat()}"
        )
    if as_of > COVERED_TO:
        raise CalendarNotCovered(as_of, EARLIEST, COVERED_TO)
    existing = Team.objects.count(), Person.objects.count()
    if any(existing):
        raise GenerationRefused(
            f"The database already holds an authority ({existing[0]} teams, {existing[1]} people): "
            "kith generate builds one in an empty database"
            + (" (an unfinished resumable run carries on with --resume)" if checkpoints.unfinished() else "")
        )
    began = time.monotonic()
    # One transaction, rolled back whole if any action refuses, so no action needs a savepoint of its own
    # (and foreign keys are checked as written: kith.platform.actions.without_savepoints says why).
    # A resumable run makes that one transaction per stretch between checkpoints.
    with transaction.atomic(), without_savepoints():
        with clock.recording_at(datetime.combine(first_day, at(8, 0), tzinfo=LONDON)):
            world.authority = set_up_authority(world)
        people = People(world)
        opening.write_in(world, people)
        where = checkpoints.Progress(lived_to=first_day - timedelta(days=1))
        if resumable:
            run = checkpoints.begin(world, people, where, years=years, seconds=time.monotonic() - began)
        else:
            _live(world, people, where, progress, first_day=first_day)
    if resumable:
        _live_between_checkpoints(run, world, people, where, progress, checkpoint_every)
    return world, summarise()


def resume(*, progress: IO[str] | None = None, checkpoint_every: float = CHECKPOINT_EVERY) -> tuple[World, Summary]:
    """Carry on the unfinished resumable run in this database from its last checkpoint."""
    run = checkpoints.unfinished()
    if run is None:
        raise GenerationRefused(
            "This database holds no unfinished resumable run to carry on: start one with kith generate --resumable"
        )
    with transaction.atomic():
        resumed = checkpoints.resume(run)
    _live_between_checkpoints(resumed.run, resumed.world, resumed.people, resumed.progress, progress, checkpoint_every)
    return resumed.world, summarise()


def _years(count: int) -> str:
    return f"{count} year" if count == 1 else f"{count} years"


def _live_between_checkpoints(
    run: GenerationRun,
    world: World,
    people: People,
    where: checkpoints.Progress,
    progress: IO[str] | None,
    checkpoint_every: float,
) -> None:
    """Live the rest of the run one stretch (one transaction) at a time, each ending at a month's end
    with a checkpoint once ``checkpoint_every`` seconds have passed."""
    while where.lived_to < world.as_of:
        began = time.monotonic()
        with transaction.atomic(), without_savepoints():
            _live(world, people, where, progress, first_day=run.first_day, pause_after=began + checkpoint_every)
            checkpoints.save(run, world, people, where, seconds=time.monotonic() - began)
    checkpoints.finish(run)


def _live(
    world: World,
    people: People,
    where: checkpoints.Progress,
    progress: IO[str] | None,
    *,
    first_day: date,
    pause_after: float | None = None,
) -> None:
    """Live each day after ``where.lived_to`` up to the as-of date, or (given ``pause_after``, a
    ``time.monotonic()`` reading) up to the first month's end after then; ``where`` follows along."""
    total, lived = (world.as_of - first_day).days + 1, (where.lived_to - first_day).days + 1
    bar = tqdm(
        total=total,
        initial=lived,
        unit="day",
        file=progress or sys.stderr,
        disable=progress is None,
        dynamic_ncols=True,
    )
    first_of_stretch = day = where.lived_to + timedelta(days=1)
    try:
        while day <= world.as_of:
            if pause_after is not None and day.day == 1 and day > first_of_stretch and time.monotonic() >= pause_after:
                break
            if day >= world.start and is_working_day(day):
                for number in range(contacts_today(world)):
                    world.on(day, at(8 + number % 4, (number * 7) % 60), contact_arrives, people)
                for number in range(uasc.arrivals_today(world)):
                    world.on(day, at(10 + number % 6, 20), contact_arrives, people, uasc.draw_path(world))
            where.done += world.live(day)
            if where.done >= where.next_analysis:
                _analyse()
                where.next_analysis *= 2
            if day.day == 1 or day == first_of_stretch:
                bar.set_description(f"Living {_year_label(world, day)}")
            bar.update(1)
            where.lived_to = day
            day += timedelta(days=1)
    finally:
        bar.close()


def _analyse() -> None:
    """Refresh the planner's statistics. The run is one transaction (a resumable one, one per stretch
    of minutes), so autovacuum never sees its rows in time and PostgreSQL would go on planning for empty
    tables (sequential scans that grow with every day lived); ANALYZE inside the transaction sees them.
    Run at doubling intervals, so it costs little.

    Only Kith's own tables: a bare ANALYZE also takes the catalogs every database on the server
    shares, and would wait for (or hold up) a generation running in another database until its
    one long transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()")
        tables = [name for (name,) in cursor.fetchall()]
        cursor.execute(f"ANALYZE {', '.join(tables)}")  # names from the catalog, quoted by it


def _year_label(world: World, day: date) -> str:
    if day < world.start:
        return f"{day:%b %Y} (the opening caseload's past)"
    return f"{day:%b %Y}"


# --- what a run made ------------------------------------------------------------------------------------

_COUNTED: dict[str, Any] = {
    "staff": StaffMember,
    "people": Person,
    "contacts": Contact,
    "referrals": Referral,
    "assessments": Assessment,
    "section 47 enquiries": Section47Enquiry,
    "conferences": Conference,
    "child protection plans": ChildProtectionPlan,
    "child in need plans": ChildInNeedPlan,
    "visits": Visit,
    "periods of care": PeriodOfCare,
    "care proceedings": CareProceedings,
    "placements": Placement,
    "care reviews": Review,
    "missing episodes": MissingEpisode,
    "management decisions": ManagementDecision,
    "personal education plans": PersonalEducationPlan,
    "PEP meetings": PepMeeting,
    "school places": SchoolPlace,
    "adoption plans": AdoptionPlan,
    "unaccompanied asylum-seeking children": UascRecord,
    "leaving care support": LeavingCareSupport,
    "birthday contacts": BirthdayContact,
    "deadlines": Deadline,
    "chronology events": CaseEvent,
}


def summarise() -> Summary:
    """Counts of each kind of record, and a fingerprint of their key fields (database ids left out, so
    two runs in different databases can be compared)."""
    counts = {name: model.objects.count() for name, model in _COUNTED.items()}
    digest = hashlib.sha256()
    for rows in (
        Person.objects.order_by("family_name", "given_name", "date_of_birth", "nhs_number").values_list(
            "family_name", "given_name", "date_of_birth", "nhs_number", "sex", "ethnicity"
        ),
        Referral.objects.order_by("referral_date", "child__nhs_number", "child__family_name").values_list(
            "child__family_name", "referral_date", "closed_on", "closure_reason", "is_re_referral"
        ),
        Deadline.objects.order_by("started_on", "timescale_code", "due_on", "child__family_name", "met_on").values_list(
            "timescale_code", "child__family_name", "started_on", "due_on", "met_on", "cancelled_on"
        ),
        Placement.objects.order_by("started_on", "carer", "child__family_name").values_list(
            "child__family_name", "placement_type", "started_on", "ended_on", "carer", "postcode"
        ),
        CaseEvent.objects.order_by("occurred_on", "event_type", "summary").values_list(
            "event_type", "occurred_on", "summary"
        ),
    ):
        _feed(digest, rows)
    return Summary(counts=counts, fingerprint=digest.hexdigest()[:16])


def _feed(digest: Any, rows: Iterable[tuple[Any, ...]]) -> None:
    for row in rows:
        digest.update(repr(row).encode())
