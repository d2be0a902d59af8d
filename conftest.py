"""Test-suite set-up: the embedded PostgreSQL, and Chromium for the browser tests."""

from __future__ import annotations

import os
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; the Django calls made
# beside it (fixtures, assertions on the database) are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_started_here: list[Any] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden copies of the returns from what Kith writes now (read the diff before committing)",
    )


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    server = getattr(settings, "EMBEDDED_DATABASE", None)
    if server is not None and server.ensure_running():
        _started_here.append(server)


def pytest_unconfigure(config: pytest.Config) -> None:
    for server in _started_here:
        server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    from config import env

    return {
        **browser_type_launch_args,
        "executable_path": env.CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _static_files_without_manifest(settings: Any) -> None:
    # Tests serve assets straight from assets/build; no collectstatic step is needed.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
