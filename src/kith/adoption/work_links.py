"""The work-tray link for the adoption review clocks: "Record an adoption review" for the period of care."""

from __future__ import annotations

from django.urls import reverse

from kith.adoption.queries import ADOPTION_REVIEW_CLOCKS
from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import register_link


def _record_review(deadline: Deadline) -> str:
    # The adoption clocks run on the period of care; the page finds the plan open in it.
    return reverse("adoption:new_review", args=[int(deadline.subject_id)])


def register() -> None:
    for code in ADOPTION_REVIEW_CLOCKS:
        register_link(code, "Record an adoption review", _record_review)
