"""How fast the pages a practitioner opens most are, on a child with a long history.

Run with `make bench`. It builds a throwaway database (kith_benchmark) on the same
server, records a child with 2,000 chronology events and a worker with 40 children
through the real actions, then times each page with Django's test client and counts
its queries. It prints figures and checks only that each page answers 200; the
budgets it is read against are in ARCHITECTURE.md §5.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from django.db import connection
from throwaway import throwaway_database

EVENTS = 2_000
CASELOAD = 40
RUNS = 30


class QueryCounter:
    """Counts the SQL statements a request runs (an execute wrapper, so nothing is skipped)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def main() -> None:
    with throwaway_database("kith_benchmark"):
        measure()


def measure() -> None:
    from dataclasses import replace

    from django.test import Client

    from kith.people.actions import PersonDetails, change_person_details
    from kith.platform.access.roles import Role
    from tests.factories import given_allocated_child, given_staff, signed_in_client

    worker = given_staff(Role.SOCIAL_WORKER)
    manager = given_staff(Role.TEAM_MANAGER, worker.team)
    children = [given_allocated_child(worker=worker, manager=manager) for _ in range(CASELOAD)]
    child = children[0]
    building = time.perf_counter()
    details = PersonDetails(
        kind="child",
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        nhs_number=child.nhs_number,
    )
    for number in range(EVENTS - 2):
        language = ("English", "Welsh")[number % 2]
        child = change_person_details(
            child, replace(details, first_language=language), by=worker.user, version=child.version
        )
    print(f"Recorded {EVENTS - 2} events through actions in {time.perf_counter() - building:.1f} s")

    browser = signed_in_client(Client(), worker)
    pages = {
        "case summary": f"/people/{child.pk}/",
        "chronology, key events": f"/people/{child.pk}/chronology/",
        "chronology, all events (page of 100)": f"/people/{child.pk}/chronology/?show=all",
        "my caseload (40 children)": "/",
        "search by name": "/people/search/?q=a",
    }
    print(f"\n{'page':40} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for name, url in pages.items():
        browser.get(url)  # warm caches and templates
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            browser.get(url)
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            response = browser.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{name:40} {counter.count:>7} {statistics.median(timings):>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
