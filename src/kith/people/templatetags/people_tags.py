"""The child banner shown at the top of every page of a person's record."""

from __future__ import annotations

from typing import Any

from django import template

from kith.people.models import Person
from kith.people.status import casework_status
from kith.platform import clock
from kith.platform.calendar.working_days import long_date
from kith.workforce.queries import current_allocation

register = template.Library()


@register.inclusion_tag("people/_banner_content.html", takes_context=True)
def person_banner(context: dict[str, Any], person: Person) -> dict[str, Any]:
    today = clock.today()
    # A page that has already read the allocation and warnings passes them on, saving queries.
    if "banner_allocation" in context:
        allocation, warnings = context["banner_allocation"], context["banner_warnings"]
    else:
        allocation = current_allocation(person) if person.is_child else None
        warnings = list(person.warnings.filter(removed_on__isnull=True))
    return {
        "person": person,
        "status": casework_status(person) if person.is_child else {},
        "age": person.age_on(today),
        "allocation": allocation,
        "warnings": warnings,
        "request": context.get("request"),
        "today": today,
    }


@register.filter
def age_text(person: Person) -> str:
    """'8 years old', 'Under 1', or 'Unborn, due 3 March 2027'."""
    if person.is_unborn and person.expected_date_of_birth:
        return f"Unborn, due {long_date(person.expected_date_of_birth)}"
    age = person.age_on(clock.today())
    if age is None:
        return "Age not known"
    if person.date_of_death:
        return f"Died {long_date(person.date_of_death)}"
    return "Under 1" if age == 0 else f"{age} year{'s' if age != 1 else ''} old"
