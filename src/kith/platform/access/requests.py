"""The request every page behind sign-in receives (RequireSignInMiddleware sees to it)."""

from __future__ import annotations

from django.http import HttpRequest

from kith.platform.access.models import User


class AuthenticatedRequest(HttpRequest):
    """A request from a signed-in user: ``request.user`` is a ``User``, never anonymous."""

    user: User
