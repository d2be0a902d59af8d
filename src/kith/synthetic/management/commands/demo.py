"""``kith demo``: migrate, make the demo authority the first time, print its sign-ins and serve Kith.

The demo authority is the small synthetic authority (``KITH_DEMO_SIZE``, small by default), lived
for a year to today through the real actions; it is generated once and reused afterwards. Each
demo sign-in is a member of its staff with real work (``kith.synthetic.generator.sign_ins``).
``--hand-written`` loads instead the dozen hand-written households the browser tests use, in seconds.
A large demo authority is generated resumably: if ``kith demo`` stops part-way, the next one carries on.
"""

import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from kith.platform import clock
from kith.synthetic.demo import load_demo_authority
from kith.synthetic.generator import checkpoints
from kith.synthetic.generator.authority import SERVICE_NAME
from kith.synthetic.generator.run import GenerationRefused, generate, resume
from kith.synthetic.generator.sign_ins import open_demo_sign_ins
from kith.synthetic.generator.sizes import PROFILES
from kith.synthetic.management.commands.load_demo import print_logins
from kith.workforce.models import Team

# The sizes that take hours to generate: their run commits as it goes (ADR 0010), so a demo stopped
# part-way carries on the next time rather than starting again.
RESUMABLE_SIZES = frozenset({"large"})


class Command(BaseCommand):
    help = "Migrate, generate the demo authority once, print the demo sign-ins and serve Kith on 127.0.0.1:8000."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", default="8000")
        parser.add_argument(
            "--hand-written", action="store_true", help="the dozen hand-written households instead (seconds)"
        )
        parser.add_argument("--no-serve", action="store_true", help="prepare the authority and stop")

    def handle(self, *args: Any, **options: Any) -> None:
        # Assets are served from assets/build through the finders; whitenoise still expects the folder.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if options["hand_written"]:
            load_demo_authority()
        elif not Team.objects.exists():
            self._generate(settings.KITH_DEMO_SIZE)
        elif checkpoints.unfinished() is not None:
            self._carry_on()
        elif Team.objects.filter(name=SERVICE_NAME).exists():
            open_demo_sign_ins()
        print_logins(self.stdout)
        if options["no_serve"]:
            return
        self.stdout.write(f"\nKith is at http://127.0.0.1:{options['port']}/  (Ctrl-C to stop)\n")
        call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)

    def _generate(self, size: str) -> None:
        if size not in PROFILES:
            raise CommandError(f"KITH_DEMO_SIZE must be one of {', '.join(PROFILES)}, not {size!r}")
        profile = PROFILES[size]
        self.stdout.write(
            f"Generating the demo authority once: the {profile.name} synthetic authority "
            f"({profile.children:,} children), a year lived day by day to today through Kith's own actions. "
            "Later runs reuse it."
        )
        began = time.monotonic()
        try:
            generate(
                size=size,
                seed=1,
                as_of=clock.today(),
                years=1,
                progress=sys.stderr,
                resumable=size in RESUMABLE_SIZES,
            )
        except GenerationRefused as problem:
            raise CommandError(str(problem)) from problem
        open_demo_sign_ins()
        self.stdout.write(f"Generated in {time.monotonic() - began:.0f}s.")

    def _carry_on(self) -> None:
        """A resumable demo generation stopped part-way: carry on from its last checkpoint."""
        self.stdout.write("Carrying on generating the demo authority from where it stopped.")
        began = time.monotonic()
        resume(progress=sys.stderr)
        open_demo_sign_ins()
        self.stdout.write(f"Generated in {time.monotonic() - began:.0f}s (this sitting).")
