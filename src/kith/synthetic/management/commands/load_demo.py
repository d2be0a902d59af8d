from typing import Any

from django.core.management.base import BaseCommand

from kith.synthetic.demo import DEMO_PASSWORD, demo_logins, load_demo_authority


class Command(BaseCommand):
    help = "Load the small demo authority (idempotent) and print its sign-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo_authority()
        self.stdout.write("Demo authority loaded." if created else "Demo authority already loaded.")
        print_logins(self.stdout)


def print_logins(out: Any) -> None:
    logins = demo_logins()
    width = max(len(login.username) for login in logins)
    out.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
    for login in logins:
        out.write(f"  {login.username.ljust(width)}  {login.role} ({login.name}, {login.team})")
