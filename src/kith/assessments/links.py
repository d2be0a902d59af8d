"""Where the work that meets this area's clocks is recorded: the links on work-tray items."""

from __future__ import annotations

from django.urls import reverse

from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import register_link


def _child_assessments(deadline: Deadline) -> str:
    return reverse("assessments:child", args=[deadline.child_id])


def _new_strategy_discussion(deadline: Deadline) -> str:
    return reverse("assessments:record_strategy_discussion", args=[deadline.child_id])


def _child_details(deadline: Deadline) -> str:
    return reverse("people:edit_details", args=[deadline.child_id])


def register() -> None:
    register_link("assessments.single_assessment", "Open the assessment", _child_assessments)
    register_link("assessments.strategy_discussion", "Record the strategy discussion", _new_strategy_discussion)
    register_link("assessments.cp_is_nhs_number", "Record the NHS number", _child_details)
