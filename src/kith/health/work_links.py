"""The work-tray link for the health assessment clocks: "Record a health assessment" for the period of care."""

from __future__ import annotations

from django.urls import reverse

from kith.health.queries import HEALTH_CLOCKS
from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import register_link


def _record_assessment(deadline: Deadline) -> str:
    # The health clocks run on the period of care.
    return reverse("health:new_assessment", args=[int(deadline.subject_id)])


def register() -> None:
    for code in HEALTH_CLOCKS:
        register_link(code, "Record a health assessment", _record_assessment)
