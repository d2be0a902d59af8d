"""``kith returns 903|cin --year 2026 --out DIR``: write a statutory return; ``kith returns validate {903,cin} DIR``:
run the sector's own validator over it (installed apart from Kith by ``make validators``); ``kith returns annex-a
--on 2027-10-01 --out FILE.xlsx``: write Ofsted's Annex A for an inspection starting that day."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kith.platform import clock
from kith.platform.calendar.working_days import long_date
from kith.returns.annex_a import build_annex_a
from kith.returns.cin_census import build_cin, la_number
from kith.returns.reconcile import reconcile
from kith.returns.ssda903 import build_903
from kith.returns.validators import Issue, ValidatorMissing, check_cin_schema, validate_903, validate_cin
from kith.returns.years import CollectionYear, collection_year


class Command(BaseCommand):
    help = "Write a statutory return (SSDA903, CIN census), or check one with the sector's validator."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        write = commands.add_parser("903", help="write the SSDA903 CSV files for a collection year")
        write.add_argument("--year", type=int, required=True, help="the year the collection ends (31 March)")
        write.add_argument("--out", type=Path, required=True, help="the folder to write the files to")
        census = commands.add_parser("cin", help="write the CIN census XML for a collection year")
        census.add_argument("--year", type=int, required=True, help="the year the census ends (31 March)")
        census.add_argument("--out", type=Path, required=True, help="the folder to write cin_census_YEAR.xml to")
        census.add_argument(
            "--la-number", default=None, help="the council's 3-digit DfE number (settings, else 805: Hartlepool)"
        )
        match = commands.add_parser(
            "reconcile", help="compare Annex A as at 31 March with the year's CIN census and SSDA903"
        )
        match.add_argument("--year", type=int, required=True, help="the year the collection ends (31 March)")
        annex = commands.add_parser("annex-a", help="write Ofsted's Annex A lists for an inspection")
        annex.add_argument("--on", required=True, help="the day the inspection starts, as YYYY-MM-DD")
        annex.add_argument("--out", type=Path, required=True, help="the Excel file to write (.xlsx)")
        check = commands.add_parser("validate", help="run the sector validator over written files")
        check.add_argument("kind", choices=["903", "cin"])
        check.add_argument("folder", type=Path, help="the folder written (or, for cin, the XML file)")
        check.add_argument("--year", type=int, required=True)
        check.add_argument("--la", default="E06000001", help="903: the council's ONS code (Hartlepool by default)")
        check.add_argument("--xsd", type=Path, default=None, help="cin: also check the file against this schema")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "annex-a":
            self._annex_a(_inspection_date(options["on"]), options["out"])
            return
        try:
            year = collection_year(options["year"])
        except ValueError as problem:
            raise CommandError(str(problem)) from problem
        if options["command"] == "reconcile":
            self._reconcile(year)
            return
        if options["command"] == "903":
            written = build_903(year).write(options["out"])
            for path in written:
                self.stdout.write(f"{path}")
            for note in year.notes:
                self.stdout.write(f"Note: {note}")
            return
        if options["command"] == "cin":
            lea = options["la_number"] or la_number()
            if not (len(lea) == 3 and lea.isdigit()):
                raise CommandError(f"The DfE LA number is three digits (805 for Hartlepool), not {lea!r}")
            self.stdout.write(f"{build_cin(year, lea=lea).write(options['out'])}")
            for note in year.cin_notes:
                self.stdout.write(f"Note: {note}")
            return
        try:
            issues = self._validate(options, year)
        except ValidatorMissing as problem:
            raise CommandError(str(problem)) from problem
        self._print(issues)

    def _print(self, issues: list[Issue]) -> None:
        """Each issue on a line, with why on the next when no record could meet it."""
        for issue in issues:
            self.stdout.write(f"{issue.rule}\t{issue.child}\t{issue.table}\t{issue.message}")
            if issue.cannot_be_met:
                self.stdout.write(f"\t{issue.cannot_be_met}")
        self.stdout.write(f"{len(issues)} issue{'s' if len(issues) != 1 else ''}")

    def _reconcile(self, year: CollectionYear) -> None:
        differences = 0
        for comparison in reconcile(year):
            verdict = "agree" if comparison.agrees else "DIFFER"
            self.stdout.write(
                f"{comparison.measure}: Annex A {len(comparison.annex_a)}, "
                f"{comparison.other_return} {len(comparison.other)}: {verdict}"
            )
            for child, day in comparison.only_in_annex_a:
                self.stdout.write(f"  only in Annex A: {child} {day}".rstrip())
            for child, day in comparison.only_in_other:
                self.stdout.write(f"  only in the {comparison.other_return}: {child} {day}".rstrip())
            if comparison.known_difference:
                self.stdout.write(f"  ({comparison.known_difference})")
            differences += not comparison.agrees
        if differences:
            raise CommandError(f"{differences} measure(s) differ between the returns")

    def _annex_a(self, on: date, out: Path) -> None:
        annex = build_annex_a(on)
        self.stdout.write(f"{annex.write(out)}")
        for name, rows in annex.lists.items():
            self.stdout.write(f"{name}: {len(rows)} row{'s' if len(rows) != 1 else ''}")

    def _validate(self, options: dict[str, Any], year: CollectionYear) -> list[Issue]:
        if options["kind"] == "903":
            return validate_903(options["folder"], year=year, la=options["la"])
        path: Path = options["folder"]
        if path.is_dir():
            path = path / f"cin_census_{year.year}.xml"
        if not path.exists():
            raise CommandError(f"No CIN census file at {path}")
        issues = check_cin_schema(path, xsd=options["xsd"]) if options["xsd"] else []
        return issues + validate_cin(path, year=year)


def _inspection_date(given: str) -> date:
    """The inspection's first day: a real date, and not after today, since the lists are of what has happened."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", given):
            raise ValueError(given)
        on = date.fromisoformat(given)
    except ValueError as problem:
        raise CommandError(f"--on must be the date the inspection starts, like 2027-10-01, not {given!r}") from problem
    today = clock.today()
    if on > today:
        raise CommandError(
            f"The inspection date {long_date(on)} is after today ({long_date(today)}): Annex A lists what has "
            "been recorded, so it can only be written for a day that has come"
        )
    return on
