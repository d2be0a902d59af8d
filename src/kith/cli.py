"""The ``kith`` command: Django's management commands, with the embedded database looked after.

When ``DATABASE_URL`` is unset, any command that needs the database starts the
embedded PostgreSQL first (unless it is already running) and stops it again on
exit if this command was the one that started it.
"""

from __future__ import annotations

import atexit
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kith.platform.database.embedded import EmbeddedServer

HELP = """\
Kith: case management for children's social care.

Usage: kith <command> [options]

Commands Kith adds:
  demo [--hand-written]
                    migrate, generate the demo authority the first time, print the sign-ins, serve on 127.0.0.1:8000
  load_demo         load the hand-written demo households only (idempotent)
  generate --size SIZE --seed N --as-of DATE [--years N] [--resumable] [--report] [--sign-ins] | --resume
                    a synthetic authority lived day by day through the real actions
  returns 903|cin --year YEAR --out DIR | annex-a --on DATE --out FILE | validate 903|cin DIR --year YEAR
                    write a statutory return, or check one with the sector's validator
  db start|stop|status
                    the embedded PostgreSQL under ./var/pg (used when DATABASE_URL is unset)
  calendar add-working-days DATE N | working-days-between A B | holidays YEAR
                    the England and Wales working-day calendar
  timescales list [--json] | docs
                    the statutory timescales, their sources and local standards
  scenario run FILE.yaml [--json]
                    replay a case history through the real actions (nothing is kept)
  remind [--on DATE]
                    send each worker their overdue and soon-due counts (schedule nightly)
  inspection import FILE [--json] [--by USERNAME]
                    read an Ofsted inspection report (text or PDF); with --by, import it as that user

Everyday Django commands:
  migrate           bring the database schema up to date
  runserver         serve Kith for development
  createsuperuser   add an administrator account
  check --deploy    check the production settings

`kith help` lists every command; `kith help <command>` shows a command's options.
Configuration comes from the environment: DATABASE_URL, KITH_SECRET_KEY,
KITH_ALLOWED_HOSTS, KITH_REQUIRE_MFA (see README.md).
"""

# Commands that never touch the database, so need no server started for them.
_NO_DATABASE = {"help", "--help", "-h", "version", "--version", "db", "collectstatic", "check", "calendar"}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    from config import env

    env.use_default_settings()
    command = argv[1] if len(argv) > 1 else "--help"
    if command in {"--help", "-h"}:
        sys.stdout.write(HELP)
        return
    import django
    from django.conf import settings
    from django.core.management import execute_from_command_line

    django.setup()
    server = getattr(settings, "EMBEDDED_DATABASE", None)
    if command == "db":
        _database(server, argv[2:])
        return
    # Stop the server on exit only when this command started it: another may be using it.
    if server is not None and command not in _NO_DATABASE and server.ensure_running():
        atexit.register(server.stop)
        # A terminated command (not only an interrupted one) still stops its server on the way out.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    execute_from_command_line(argv)


def _database(server: EmbeddedServer | None, args: list[str]) -> None:
    """``kith db start|stop|status`` for the embedded server."""
    if server is None:
        sys.exit("DATABASE_URL is set: Kith uses that server, not an embedded one.")
    verb = args[0] if args else "status"
    if verb == "start":
        server.ensure_running()
        print(f"PostgreSQL is running (data in {server.data_dir}).")
    elif verb == "stop":
        server.stop()
        print("PostgreSQL stopped.")
    elif verb == "status":
        running = server.is_running()
        print("running" if running else "stopped")
    else:
        sys.exit("Usage: kith db start|stop|status")


if __name__ == "__main__":
    main()
