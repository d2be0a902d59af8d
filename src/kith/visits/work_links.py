"""The work-tray link for the visit clocks: "Record a visit" on the child's record."""

from __future__ import annotations

from django.urls import reverse

from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import register_link

VISIT_CLOCKS = ("child_protection.visit", "child_in_need.visit")


def _record_visit(deadline: Deadline) -> str:
    return reverse("visits:record_visit", args=[deadline.child_id])


def register() -> None:
    for code in VISIT_CLOCKS:
        register_link(code, "Record a visit", _record_visit)
