"""A throwaway database for a benchmark: made on Kith's own server (embedded unless DATABASE_URL is
set), migrated, and dropped when the benchmark ends, so a measurement never touches real data."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config import env

env.use_default_settings("config.settings.test")

import django
from django.conf import settings

django.setup()

from django.db import connection
from django.test.utils import setup_test_environment


@contextmanager
def throwaway_database(name: str, *, keep: bool = False) -> Iterator[None]:
    """Run the block in a new, migrated database ``name``; dropped afterwards unless ``keep``."""
    server = settings.EMBEDDED_DATABASE
    started = server.ensure_running() if server is not None else False
    settings.DATABASES["default"]["TEST"].update(NAME=name)
    connection.settings_dict["TEST"].update(NAME=name)
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        if not keep:
            connection.creation.destroy_test_db(name, verbosity=0)
        if started:
            server.stop()
