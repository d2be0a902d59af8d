"""Values every page template needs: the service name, the session timer and the navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kith.platform.access.capabilities import Capability


def service(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    # Anonymous users (the sign-in page) have no capabilities attribute at all.
    capabilities = getattr(user, "kith_capabilities", ()) if user is not None and user.is_authenticated else ()
    return {
        "service_name": "Kith",
        # Read by kith.js (from <body data-…>) to warn before the server's idle sign-out.
        "session_idle_seconds": int(settings.KITH_SESSION_IDLE.total_seconds()),
        "session_warning_seconds": int(settings.KITH_SESSION_WARNING.total_seconds()),
        # Views cannot add to the base template's navigation, so the one link that depends on
        # the user's role is decided here.
        "can_view_team_caseload": Capability.VIEW_TEAM_CASELOAD in capabilities,
    }
