"""Sign-in, session lifetime and caching rules applied to every request (ASVS V7, V14)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from kith.platform import clock

SIGNED_IN_AT = "kith_signed_in_at"
_LAST_SEEN_PRECISION = timedelta(minutes=1)
LAST_SEEN_AT = "kith_last_seen_at"

# Pages anyone may reach: signing in, the API (it authenticates itself) and static files.
_OPEN_PREFIXES = ("/sign-in/", "/static/", "/api/", "/health/")
_MFA_PREFIXES = ("/sign-in/", "/two-factor/", "/sign-out/", "/static/", "/api/", "/health/")


class SessionLifetimeMiddleware:
    """Signs a user out after ``KITH_SESSION_IDLE`` without a request, and after ``KITH_SESSION_ABSOLUTE`` in all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = clock.now()
            signed_in = _stamp(request, SIGNED_IN_AT, default=now)
            last_seen = _stamp(request, LAST_SEEN_AT, default=now)
            if now - last_seen > settings.KITH_SESSION_IDLE or now - signed_in > settings.KITH_SESSION_ABSOLUTE:
                logout(request)
                messages.info(request, "You were signed out to protect children's records. Sign in again to carry on.")
                return redirect(f"{reverse('access:sign_in')}?next={request.path}")
            # Written at most once a minute: saving the session on every request costs a query
            # each time, and a minute is fine precision for a 30-minute idle limit.
            if now - last_seen >= _LAST_SEEN_PRECISION:
                request.session[LAST_SEEN_AT] = now.isoformat()
        return self.get_response(request)


def _stamp(request: HttpRequest, key: str, *, default: datetime) -> datetime:
    raw = request.session.get(key)
    if raw is None:
        request.session[key] = default.isoformat()
        return default
    return datetime.fromisoformat(raw)


class RequireSignInMiddleware:
    """Every page needs a signed-in user; staff also need their second factor when MFA is on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        if not request.user.is_authenticated:
            if not path.startswith(_OPEN_PREFIXES):
                return redirect(f"{reverse('access:sign_in')}?next={path}")
        elif settings.KITH_REQUIRE_MFA and not _verified(request) and not path.startswith(_MFA_PREFIXES):
            return redirect(f"{reverse('access:two_factor')}?next={path}")
        return self.get_response(request)


def _verified(request: HttpRequest) -> bool:
    """Whether the user gave their second factor this session (django-otp's middleware adds ``is_verified``)."""
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


class NoStoreMiddleware:
    """Children's records must not be kept in browser or proxy caches (ASVS 14.2.2)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/static/"):
            response["Cache-Control"] = "no-store"
        return response
