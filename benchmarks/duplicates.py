"""How long the duplicate check takes when the authority holds many people.

Run with `uv run python benchmarks/duplicates.py [PEOPLE]` (default 300,000). In a throwaway database
(kith_benchmark_duplicates) it writes PEOPLE synthetic people, each living at one of half as many
addresses, then times `likely_duplicates` for 200 people about to be added, each with a date of birth,
NHS number and postcode to block on, and the same 200 through the single condition it used to be
(one OR across the person and their address history). The rows are written in bulk SQL with the
database's triggers off (which needs the superuser the embedded server gives): they are a fixture for
one query, not case records, and no action reads anything but these three tables. Nothing is asserted.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import connection, transaction
from throwaway import throwaway_database

NAME = "kith_benchmark_duplicates"
CHECKS = 200
FIRST_BIRTH = date(2005, 1, 1)
# NHS numbers from the range kept for test data (999 000 0000 and up): never a real person's.
NHS_TEST_RANGE = 9_990_000_000


def main(people: int) -> None:
    with throwaway_database(NAME), transaction.atomic():
        _write_people(people)
        _time_checks(people)
        transaction.set_rollback(True)


def _write_people(people: int) -> None:
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "INSERT INTO people_address (id, line_1, line_2, town, postcode) "
            "SELECT g, g || ' High Street', '', 'Hartlepool', "
            "'TS' || (20 + g %% 9) || ' ' || (g %% 10) || chr(65 + g %% 26) || chr(65 + (g / 26) %% 26) "
            "FROM generate_series(1, %s) g",
            [people // 2],
        )
        cursor.execute(
            "INSERT INTO people_person (id, kind, given_name, middle_names, family_name, preferred_name, sex, "
            "gender_identity, ethnicity, religion, first_language, interpreter_needed, community, is_uasc, "
            "immigration_status, nhs_number, upn, former_upn, is_restricted, restriction_reason, added_at, "
            "version, added_by_id, date_of_birth) "
            "SELECT g, 'child', 'Given' || (g %% 5000), '', 'Family' || (g %% 20000), '', 'M', '', 'WBRI', '', '', "
            "false, '', false, '', (%s + g)::text, '', '', false, '', now(), 1, 1, %s::date + (g %% 7000) "
            "FROM generate_series(1, %s) g",
            [NHS_TEST_RANGE, FIRST_BIRTH, people],
        )
        cursor.execute(
            "INSERT INTO people_residence (id, moved_in_on, moved_out_on, address_id, person_id) "
            "SELECT g, DATE '2020-01-01', NULL, 1 + (g %% %s), g FROM generate_series(1, %s) g",
            [people // 2, people],
        )
        cursor.execute("ANALYZE people_person, people_residence, people_address")
    print(f"{people:,} people written in {time.perf_counter() - began:.1f}s")


def _time_checks(people: int) -> None:
    from django.db.models import Q

    from kith.people.models import Person
    from kith.people.queries import likely_duplicates

    def pooled(person: dict[str, Any]) -> int:
        return len(likely_duplicates(**person))

    def one_condition(person: dict[str, Any]) -> int:
        # The check as it was: one OR across the person and their address history, for comparison.
        blocking = (
            Q(nhs_number=person["nhs_number"])
            | Q(date_of_birth=person["date_of_birth"])
            | Q(residences__address__postcode=person["postcode"])
        )
        return len(Person.objects.filter(blocking).distinct().prefetch_related("other_names", "residences__address"))

    for label, check in (("likely_duplicates", pooled), ("the former single condition", one_condition)):
        dice = random.Random(1)
        seconds, found = [], 0
        for _ in range(CHECKS):
            began = time.perf_counter()
            found += check(_someone(dice, people))
            seconds.append(time.perf_counter() - began)
        ms = sorted(1000 * s for s in seconds)
        print(
            f"{label} among {people:,} people, {CHECKS} checks: median {statistics.median(ms):.1f} ms, "
            f"90th percentile {ms[int(0.9 * len(ms))]:.1f} ms, slowest {ms[-1]:.1f} ms ({found} people returned)"
        )


def _someone(dice: random.Random, people: int) -> dict[str, Any]:
    """A person about to be added: named like one already held, with a date of birth, NHS number and postcode."""
    like = dice.randrange(1, people + 1)
    return {
        "given_name": f"Given{like % 5000}",
        "family_name": f"Family{like % 20000}",
        "date_of_birth": FIRST_BIRTH + timedelta(days=dice.randrange(7000)),
        "nhs_number": str(NHS_TEST_RANGE + dice.randrange(1, people + 1)),
        "postcode": f"TS{20 + like % 9} {like % 10}{chr(65 + like % 26)}{chr(65 + (like // 26) % 26)}",
    }


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000)
