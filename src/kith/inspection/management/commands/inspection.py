"""``kith inspection import FILE [--json] [--by USERNAME]``: read an Ofsted report; keep it when told by whom."""

import json
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kith.inspection import actions
from kith.inspection.reading import ReadReport, ReportRejected, read_report, text_of
from kith.platform.rules import NotAllowed, RuleBroken


class Command(BaseCommand):
    help = "Read an Ofsted inspection report (text or PDF); with --by, import it as that member of staff."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        reading = sub.add_parser("import", help="read FILE and print what it holds; with --by, keep it too")
        reading.add_argument("file", type=Path)
        reading.add_argument("--json", action="store_true", help="print what was read as one JSON object")
        reading.add_argument(
            "--by", metavar="USERNAME", help="import it as this member of staff (who may manage inspection readiness)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            report = read_report(text_of(path.read_bytes(), name=path.name))
        except OSError as problem:
            raise CommandError(f"Cannot read {path}: {problem.strerror}", returncode=2) from problem
        except ReportRejected as refused:
            raise CommandError(str(refused), returncode=2) from refused
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        else:
            self._describe(report)
        if options["by"]:
            self._import(report, path, options["by"])
        elif not options["json"]:
            self.stdout.write("\nRead only: nothing was imported. Give --by USERNAME to import it.")

    def _import(self, report: ReadReport, path: Path, username: str) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No member of staff has the username {username!r}; nothing was imported.", returncode=2)
        try:
            inspection = actions.import_report(report, source_name=path.name, by=user)
        except NotAllowed as refused:
            raise CommandError(
                f"{username} may not import inspection reports (it needs a leader's role); nothing was imported.",
                returncode=2,
            ) from refused
        except RuleBroken as broken:
            # Importing the same report again changes nothing, and says so.
            sys.stderr.write(f"{broken}.\n")
            return
        plan = "its improvement plan started" if inspection.is_own_authority else "kept as another council's report"
        sys.stderr.write(f"Imported as inspection {inspection.pk}: {plan}.\n")

    def _describe(self, report: ReadReport) -> None:
        write = self.stdout.write
        published = report.published.isoformat() if report.published else "not given"
        write(f"{report.authority}: {report.framework.title}")
        write(f"Inspected {report.inspection_start.isoformat()} to {report.inspection_end.isoformat()}")
        write(f"Published {published}")
        if report.lead_inspector:
            write(f"Lead inspector {report.lead_inspector}")
        write(f"\nJudgements ({len(report.judgements)})")
        for found in report.judgements:
            strand = f"{report.framework.strand_title(found.strand)}: " if found.strand else ""
            write(f"  {strand}{found.area.title}: {found.grade.display}")
        write(f"\nAreas for improvement ({len(report.improvements)})")
        for item in report.improvements:
            when = item.timescale.title if item.timescale else "no timescale"
            who = f" [{item.addressee}]" if item.addressee else ""
            strand = f"{report.framework.strand_title(item.strand)}, " if item.strand else ""
            write(f"  ({strand}{when}){who} {item.text}")
        if report.warnings:
            write(f"\nWarnings ({len(report.warnings)})")
            for warning in report.warnings:
                write(f"  {warning}")
