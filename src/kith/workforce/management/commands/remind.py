from datetime import date
from typing import Any

from django.core.management.base import BaseCommand

from kith.platform import clock
from kith.workforce.reminders import send_reminders


class Command(BaseCommand):
    help = "Send tonight's reminders: each worker's overdue and soon-due work, counted (run once a night)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--on", type=date.fromisoformat, help="the day the reminders are for (default today)")

    def handle(self, *args: Any, **options: Any) -> None:
        on = options["on"] or clock.today()
        result = send_reminders(on=on)
        self.stdout.write(f"Sent {len(result.sent)} reminder{'s' if len(result.sent) != 1 else ''} for {on}.")
        for worker in result.without_email:
            self.stdout.write(f"Not sent: {worker.full_name} has work due but no email address on their account.")
