"""Template filters for the inspection pages."""

from __future__ import annotations

from datetime import date

from django import template

from kith.inspection.models import PlanItem

register = template.Library()


@register.filter
def overdue_on(item: PlanItem, on: date) -> bool:
    """Whether the item is past its due date on ``on`` and not complete."""
    return item.is_overdue(on)
