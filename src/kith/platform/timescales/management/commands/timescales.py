import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kith.platform import clock
from kith.platform.timescales import registry
from kith.platform.timescales.docs import docs_path, render_timescales_markdown, write_timescales_markdown
from kith.platform.timescales.queries import local_limits


class Command(BaseCommand):
    help = "List the declared timescales and the council's local standards, or write docs/domain/timescales.md."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        listing = sub.add_parser("list", help="every timescale in force, with any local standard")
        listing.add_argument("--json", action="store_true", help="print a JSON list")
        listing.add_argument("--on", type=date.fromisoformat, help="the versions in force on this date (default today)")
        docs = sub.add_parser("docs", help="write docs/domain/timescales.md from the declarations")
        docs.add_argument("--check", action="store_true", help="only check the page is up to date (exit 1 if not)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "docs":
            self._docs(check=options["check"])
        else:
            self._list(on=options["on"] or clock.today(), as_json=options["json"])

    def _docs(self, *, check: bool) -> None:
        path = docs_path()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != render_timescales_markdown():
                raise CommandError(f"{path} is out of date: run `uv run kith timescales docs`", returncode=1)
            self.stdout.write(f"{path} is up to date.")
            return
        self.stdout.write(f"Wrote {write_timescales_markdown()}")

    def _list(self, *, on: date, as_json: bool) -> None:
        local = local_limits()
        rows = []
        for code in registry.codes():
            try:
                timescale = registry.get(code, on=on)
            except registry.TimescaleNotInForce:
                continue
            rows.append(
                {
                    "code": timescale.code,
                    "title": timescale.title,
                    "limit": timescale.limit.in_words,
                    "source": str(timescale.source),
                    "effective_from": timescale.effective_from.isoformat(),
                    "local_value": local[code].in_words if code in local else None,
                    "is_local_standard": timescale.is_local_standard,
                }
            )
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        self._table(rows)

    def _table(self, rows: list[dict[str, Any]]) -> None:
        headings = {
            "code": "Code",
            "title": "Timescale",
            "limit": "Limit",
            "local_value": "Local value",
            "source": "Source",
        }
        cells = [
            {
                **row,
                "limit": f"{row['limit']} (local)" if row["is_local_standard"] else row["limit"],
                "local_value": row["local_value"] or "—",
            }
            for row in rows
        ]
        widths = {key: max([len(title), *(len(str(cell[key])) for cell in cells)]) for key, title in headings.items()}
        last = list(headings)[-1]
        self.stdout.write(
            "  ".join(title.ljust(widths[key]) if key != last else title for key, title in headings.items())
        )
        for cell in cells:
            self.stdout.write(
                "  ".join(str(cell[key]).ljust(widths[key]) if key != last else str(cell[key]) for key in headings)
            )
