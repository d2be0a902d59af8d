"""Who may see and record missing episodes: those who may see the child, and the child's workers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404

from kith.missing.models import MissingEpisode
from kith.people.access import can_record_on, can_view_person, get_person_for_user_or_404
from kith.people.models import Person


def can_view_missing(user: Any, child: Person) -> bool:
    return can_view_person(user, child)


def can_record_missing(user: Any, child: Person) -> bool:
    """Report a child missing, record their return and the return home interview: case work on the child.

    The interviewer is often a commissioned service with no Kith account; the child's workers record
    what they report.
    """
    return child.is_child and can_record_on(user, child)


def get_episode_for_user_or_404(
    user: Any, pk: object, *, page: str, allowed: Callable[[Any, Person], bool] = can_view_missing
) -> MissingEpisode:
    """The episode, when the user may see (or, with ``allowed``, record on) its child; 404 alike for missing
    and forbidden (logged)."""
    try:
        number = int(str(pk))
    except ValueError:
        number = -1
    episode = MissingEpisode.objects.select_related("period", "placement").filter(pk=number).first()
    if episode is None:
        raise Http404("No such missing episode")
    episode.child = get_person_for_user_or_404(user, episode.child_id, page=page, allowed=allowed)
    return episode
