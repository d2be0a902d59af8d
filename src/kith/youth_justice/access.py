"""Who may see and record youth justice work: those who may see the child, and the child's workers.

The YJS worker seldom has a Kith account; the child's social worker records what the YJS tells
them, and what social care and the YJS decide together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models
from django.http import Http404

from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person

Record = TypeVar("Record", bound=models.Model)


def can_view_youth_justice(user: Any, child: Person) -> bool:
    return child.is_child and can_view_person(user, child)


def can_record_youth_justice(user: Any, child: Person) -> bool:
    """Open or close the YJS involvement, record outcomes, custody and joint supervision: case work on the child."""
    return child.is_child and can_record_on(user, child)


def get_for_user_or_404(
    user: Any,
    model: type[Record],
    pk: object,
    *,
    page: str,
    allowed: Callable[[Any, Person], bool] = can_view_youth_justice,
) -> Record:
    """A youth justice record (involvement, custody episode) when the user may see, or with ``allowed`` record on,
    its child; 404 alike for missing and forbidden (logged)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    found = model._default_manager.filter(pk=number).first()
    if found is None:
        raise Http404("Not found")
    child_id = found.child_id  # type: ignore[attr-defined]
    found.child = get_person_for_user_or_404(user, child_id, page=page, allowed=allowed)  # type: ignore[attr-defined]
    return found
