"""Values every page template needs: the service name and the session timer.

What the navigation shows for the user's role comes from ``kith.people.context_processors``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kith.platform.ui.navigation import navigation_for


def service(request: HttpRequest) -> dict[str, Any]:
    return {
        "service_name": "Kith",
        # Read by kith.js (from <body data-…>) to warn before the server's idle sign-out.
        "session_idle_seconds": int(settings.KITH_SESSION_IDLE.total_seconds()),
        "session_warning_seconds": int(settings.KITH_SESSION_WARNING.total_seconds()),
        "area_navigation": navigation_for(getattr(request, "user", None)),
    }
