"""Who may record management decisions."""

from __future__ import annotations

from typing import Any

from kith.people.access import can_view_person, has_capability
from kith.people.models import Person
from kith.platform.access.capabilities import Capability


def can_record_management_decision(user: Any, child: Person) -> bool:
    return (
        child.is_child and has_capability(user, Capability.RECORD_MANAGEMENT_DECISION) and can_view_person(user, child)
    )
