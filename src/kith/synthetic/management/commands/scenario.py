import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kith.synthetic.scenarios import ScenarioError, load, run


class Command(BaseCommand):
    help = "Replay a case-history scenario (YAML) through the real actions and report what it produced."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        run_parser = sub.add_parser("run", help="replay FILE; nothing is kept afterwards")
        run_parser.add_argument("file", type=Path)
        run_parser.add_argument("--json", action="store_true", help="print the report as one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            report = run(load(path.read_text(encoding="utf-8")))
        except OSError as problem:
            raise CommandError(f"Cannot read {path}: {problem.strerror}", returncode=2) from problem
        except ScenarioError as problem:
            raise CommandError(str(problem), returncode=2) from problem
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"As of {report['as_of']}")
        for key, child in report["children"].items():
            self.stdout.write(f"\n{child['name']} ({key}, {child['kith_id']})")
            for deadline in child["deadlines"]:
                status, code = deadline["status"], deadline["code"]
                self.stdout.write(f"  {status:<12} {code}: due {deadline['due_on']} (started {deadline['started_on']})")
            for event in child["chronology"]:
                self.stdout.write(f"  {event['date']}  {event['type']}: {event['summary']}")
