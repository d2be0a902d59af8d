"""What the page navigation offers the signed-in user, from their role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kith.people.access import has_capability
from kith.platform.access.capabilities import Capability


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "can_search": has_capability(user, Capability.SEARCH_PEOPLE),
        "holds_a_caseload": has_capability(user, Capability.VIEW_CASELOAD),
        "can_view_team_caseload": has_capability(user, Capability.VIEW_TEAM_CASELOAD),
        "can_read_access_log": has_capability(user, Capability.VIEW_ACCESS_LOG),
    }
