"""The pages that meet the front door's clocks, for the links on work-tray items."""

from __future__ import annotations

from django.urls import reverse

from kith.platform.timescales.models import Deadline
from kith.platform.timescales.work_links import register_link


def _contact_page(deadline: Deadline) -> str:
    return reverse("front_door:contact", args=[deadline.subject_id])


def register() -> None:
    register_link("front_door.referral_decision", "Decide on the contact", _contact_page)
    register_link("front_door.early_help_follow_up", "Check the family got help", _contact_page)
