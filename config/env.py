"""The one place Kith reads its environment.

Every setting that can differ between a laptop, CI and a council's servers comes
from here, so the rest of the code never touches ``os.environ``.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KITH_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _flag(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {raw!r}")


def _list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name, "")
    return [item.strip() for item in raw.split(",") if item.strip()] or default


# A real server when set (postgres://user:password@host:port/name); the embedded one when not.
DATABASE_URL: str | None = os.environ.get("DATABASE_URL") or None
DEBUG: bool = _flag("KITH_DEBUG", default=False)
# The demo sets KITH_DEMO=1: a generated secret key is acceptable and MFA defaults to off.
DEMO: bool = _flag("KITH_DEMO", default=False)
# The synthetic authority `kith demo` generates the first time (tiny, small, medium or large).
DEMO_SIZE: str = os.environ.get("KITH_DEMO_SIZE", "").strip() or "small"
SECRET_KEY: str | None = os.environ.get("KITH_SECRET_KEY") or None
ALLOWED_HOSTS: list[str] = _list("KITH_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
REQUIRE_MFA: bool = _flag("KITH_REQUIRE_MFA", default=not DEMO)
# Cookies marked Secure need HTTPS; the local demo runs over plain HTTP.
SECURE_COOKIES: bool = _flag("KITH_SECURE_COOKIES", default=not (DEMO or DEBUG))
SESSION_IDLE_MINUTES: int = int(os.environ.get("KITH_SESSION_IDLE_MINUTES", "30"))
SESSION_ABSOLUTE_HOURS: int = int(os.environ.get("KITH_SESSION_ABSOLUTE_HOURS", "10"))
CHROMIUM: str = os.environ.get("KITH_CHROMIUM", "/usr/bin/chromium")
# The council Kith serves, as Ofsted's reports name it; the demo's default is a council whose reports are public.
AUTHORITY_NAME: str = os.environ.get("KITH_AUTHORITY_NAME", "").strip() or "Hartlepool"
# The mail server for the nightly reminders; with none set, mail is written to the console.
SMTP_HOST: str = os.environ.get("KITH_SMTP_HOST", "").strip()
SMTP_PORT: int = int(os.environ.get("KITH_SMTP_PORT", "587"))
SMTP_USER: str = os.environ.get("KITH_SMTP_USER", "")
SMTP_PASSWORD: str = os.environ.get("KITH_SMTP_PASSWORD", "")
MAIL_FROM: str = os.environ.get("KITH_MAIL_FROM", "").strip() or "kith@localhost"
# The address staff reach Kith at, for the link in a reminder.
BASE_URL: str = os.environ.get("KITH_BASE_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
# The test suite's database; set a different one to run two suites side by side on one server.
TEST_DATABASE: str = os.environ.get("KITH_TEST_DATABASE", "test_kith")


def use_default_settings(module: str = "config.settings.base") -> None:
    """Point Django at Kith's settings unless DJANGO_SETTINGS_MODULE already names others."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", module)
