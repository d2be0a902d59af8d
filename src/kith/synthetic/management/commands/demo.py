from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from kith.synthetic.demo import load_demo_authority
from kith.synthetic.management.commands.load_demo import print_logins


class Command(BaseCommand):
    help = "Migrate, load the demo authority, print the demo sign-ins and serve Kith on 127.0.0.1:8000."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", default="8000")

    def handle(self, *args: Any, **options: Any) -> None:
        # Assets are served from assets/build through the finders; whitenoise still expects the folder.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        load_demo_authority()
        print_logins(self.stdout)
        self.stdout.write(f"\nKith is at http://127.0.0.1:{options['port']}/  (Ctrl-C to stop)\n")
        call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)
