"""API permissions on top of DRF's ``IsAuthenticated``."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class RequireVerifiedSession(BasePermission):
    """A browser session must have passed the second factor when ``KITH_REQUIRE_MFA`` is on.

    The pages enforce this in ``RequireSignInMiddleware``, which lets ``/api/`` through
    so that the API can answer 401/403 in JSON instead of redirecting. Token requests
    count as verified: tokens are issued to service accounts by administrators, never
    obtained by signing in with a password.
    """

    message = "Complete two-factor sign-in before using the API from a browser session."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not getattr(settings, "KITH_REQUIRE_MFA", False):
            return True
        if isinstance(request.successful_authenticator, TokenAuthentication):
            return True
        is_verified = getattr(request.user, "is_verified", None)
        return bool(callable(is_verified) and is_verified())
