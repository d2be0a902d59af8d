"""``kith returns 903 --year 2026 --out DIR``: write a statutory return; ``kith returns validate 903 DIR``:
run the sector's own validator over it (installed apart from Kith by ``make validators``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kith.returns.ssda903 import build_903
from kith.returns.validators import ValidatorMissing, validate_903
from kith.returns.years import collection_year


class Command(BaseCommand):
    help = "Write a statutory return (SSDA903), or check one with the sector's validator."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        write = commands.add_parser("903", help="write the SSDA903 CSV files for a collection year")
        write.add_argument("--year", type=int, required=True, help="the year the collection ends (31 March)")
        write.add_argument("--out", type=Path, required=True, help="the folder to write the files to")
        check = commands.add_parser("validate", help="run the sector validator over written files")
        check.add_argument("kind", choices=["903"])
        check.add_argument("folder", type=Path)
        check.add_argument("--year", type=int, required=True)
        check.add_argument("--la", default="E06000001", help="the council's ONS code (Hartlepool by default)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            year = collection_year(options["year"])
        except ValueError as problem:
            raise CommandError(str(problem)) from problem
        if options["command"] == "903":
            written = build_903(year).write(options["out"])
            for path in written:
                self.stdout.write(f"{path}")
            for note in year.notes:
                self.stdout.write(f"Note: {note}")
            return
        try:
            issues = validate_903(options["folder"], year=year, la=options["la"])
        except ValidatorMissing as problem:
            raise CommandError(str(problem)) from problem
        for issue in issues:
            self.stdout.write(f"{issue.rule}\t{issue.child}\t{issue.table}\t{issue.message}")
        self.stdout.write(f"{len(issues)} issue{'s' if len(issues) != 1 else ''}")
